/**
 * Shell completion scripts, written from a description of the command line so they cannot drift from it.
 * Actor and record ids are not baked in: the scripts ask crisis's own lists (`crisis actors`, `crisis
 * timeline`...) when a completion needs them, so they follow the database (and a rebuilt one) without
 * regenerating the script.
 */

/** What to offer for an option's value. */
export type ValueCompletion =
  | { kind: 'words'; words: readonly string[] }
  /** The ids the crisis commands `lists` print (`actors`, `timeline`...), read when the user presses tab. */
  | { kind: 'ids'; lists: readonly string[] }
  /** A comma-separated list of these words, each completed after the last comma. */
  | { kind: 'list'; words: readonly string[] }
  | { kind: 'files' }
  /** A value is due, but nothing can be offered (a date, a number). */
  | { kind: 'free' };

export interface CompletedOption {
  flag: string;
  description: string;
  value?: ValueCompletion;
}

export interface CompletedCommand {
  name: string;
  description: string;
  options: CompletedOption[];
  /** What to offer for the command's first argument, if anything can be. */
  argument?: ValueCompletion;
}

export interface CompletionSpec {
  commands: CompletedCommand[];
  /** Options of crisis itself (--db, --no-color), valid before or after the command. */
  globalOptions: CompletedOption[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * A bash or zsh command printing the ids each of the crisis commands `lists` prints, one a line, header dropped,
 * from the database a `--db` on the line names (findCommand sets $db), else crisis's own.
 */
const idsOf = (lists: readonly string[]) =>
  lists.map((list) => `crisis \${db:+--db "$db"} ${list} --format tsv --fields id 2>/dev/null | tail -n +2`).join('; ');
const IDS_NOTE = "Actor and record ids come from crisis itself each time they are completed, from the line's --db if it has one.";

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return { bash: bashScript, zsh: zshScript, fish: fishScript }[shell](spec);
}

/** Words safe inside single quotes in every shell here: fields, flags, kinds and formats are all kebab or snake case. */
const words = (list: readonly string[]) => list.join(' ');
const flagsOf = (command: CompletedCommand, spec: CompletionSpec) => words([...command.options, ...spec.globalOptions].map((o) => o.flag));
const valued = (command: CompletedCommand, spec: CompletionSpec) =>
  [...command.options, ...spec.globalOptions].filter((option): option is CompletedOption & { value: ValueCompletion } => option.value !== undefined);

/** `case "$command $prev"` arms, one per option that takes a value, the body written by `body`. */
function valueArms(spec: CompletionSpec, body: (value: ValueCompletion) => string): string {
  const arms = spec.commands.flatMap((command) => valued(command, spec).map((option) => `    "${command.name} ${option.flag}") ${body(option.value)}; return ;;`));
  const globalArms = spec.globalOptions.filter((option) => option.value).map((option) => `    " ${option.flag}") ${body(option.value!)}; return ;;`);
  return [...globalArms, ...arms].join('\n');
}

function commandArms(spec: CompletionSpec, body: (command: CompletedCommand) => string | undefined): string {
  return spec.commands.flatMap((command) => {
    const text = body(command);
    return text === undefined ? [] : [`      ${command.name}) ${text} ;;`];
  }).join('\n');
}

/**
 * Shell lines setting cur, prev, command (the first word that is not an option nor --db's path) and db (that
 * path, a leading ~ made $HOME as the shell would have) from a words array whose first word after `crisis` is
 * at `first` and whose cursor word is at `cursor`.
 */
function findCommand(array: string, first: number, cursor: string): string {
  return `  local cur=\${${array}[${cursor}]} prev=\${${array}[${cursor}-1]} command= db= i
  for ((i = ${first}; i < ${cursor}; i++)); do
    case \${${array}[i]} in
      --db) ((i++)); db=\${${array}[i]/#\\~/$HOME} ;;
      --db=*) db=\${${array}[i]#--db=}; db=\${db/#\\~/$HOME} ;;
      -*) ;;
      *) command=\${${array}[i]}; break ;;
    esac
  done`;
}

function bashScript(spec: CompletionSpec): string {
  const value = (v: ValueCompletion): string => {
    switch (v.kind) {
      case 'words': return `COMPREPLY=($(compgen -W '${words(v.words)}' -- "$cur"))`;
      case 'ids': return `COMPREPLY=($(compgen -W "$(${idsOf(v.lists)})" -- "$cur"))`;
      case 'list': return `_crisis_list '${words(v.words)}'`;
      case 'files': return `COMPREPLY=($(compgen -f -- "$cur"))`;
      case 'free': return 'COMPREPLY=()';
    }
  };
  return `# crisis completion for bash. Load it with
#   eval "$(crisis completion bash)"
# in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/crisis.
# ${IDS_NOTE}

_crisis_list() {
  local prefix=
  [[ $cur == *,* ]] && prefix=\${cur%,*},
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "\${cur##*,}"))
  compopt -o nospace 2>/dev/null
}

_crisis() {
${findCommand('COMP_WORDS', 1, 'COMP_CWORD')}
  # Bash splits "--sort date:desc" at the colon (it is in COMP_WORDBREAKS): complete the part after it.
  if [[ $prev == : && \${COMP_WORDS[COMP_CWORD-3]} == --sort ]]; then
    COMPREPLY=($(compgen -W 'desc asc' -- "$cur")); return
  elif [[ $cur == : && \${COMP_WORDS[COMP_CWORD-2]} == --sort ]]; then
    COMPREPLY=(':desc'); return
  fi
  case "$command $prev" in
${valueArms(spec, value)}
  esac
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W '${words(spec.commands.map((c) => c.name))} ${words(spec.globalOptions.map((o) => o.flag))} --help --version' -- "$cur"))
  elif [[ $cur == -* ]]; then
    case $command in
${commandArms(spec, (command) => `COMPREPLY=($(compgen -W '${flagsOf(command, spec)} --help' -- "$cur"))`)}
    esac
  else
    case $command in
${commandArms(spec, (command) => (command.argument ? value(command.argument) : undefined))}
    esac
  fi
}

complete -F _crisis crisis
`;
}

function zshScript(spec: CompletionSpec): string {
  const value = (v: ValueCompletion): string => {
    switch (v.kind) {
      case 'words': return `compadd -- ${words(v.words)}`;
      case 'ids': return `compadd -- \${(f)"$(${idsOf(v.lists)})"}`;
      case 'list': return `compset -P '*,'; compadd -S '' -- ${words(v.words)}`;
      case 'files': return '_files';
      case 'free': return ':';
    }
  };
  return `#compdef crisis
# crisis completion for zsh. Load it with
#   eval "$(crisis completion zsh)"
# in ~/.zshrc after compinit, or save it as _crisis in a directory of your $fpath.
# ${IDS_NOTE}

_crisis() {
${findCommand('words', 2, 'CURRENT')}
  case "$command $prev" in
${valueArms(spec, value)}
  esac
  if [[ -z $command ]]; then
    compadd -- ${words(spec.commands.map((c) => c.name))}
    [[ $cur == -* ]] && compadd -- ${words(spec.globalOptions.map((o) => o.flag))} --help --version
  elif [[ $cur == -* ]]; then
    case $command in
${commandArms(spec, (command) => `compadd -- ${flagsOf(command, spec)} --help`)}
    esac
  else
    case $command in
${commandArms(spec, (command) => (command.argument ? value(command.argument) : undefined))}
    esac
  fi
}

compdef _crisis crisis
`;
}

function fishScript(spec: CompletionSpec): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  /** complete's arguments offering a value: -x (no files) and -a with the words, or -r -F for a file. */
  const value = (v: ValueCompletion): string => {
    switch (v.kind) {
      case 'words': return `-x -a ${quote(words(v.words))}`;
      case 'ids': return `-x -a ${quote(`(__crisis_ids ${words(v.lists)})`)}`;
      case 'list': return `-x -a ${quote(`(__crisis_list ${words(v.words)})`)}`;
      case 'files': return '-r -F';
      case 'free': return '-x';
    }
  };
  const option = (condition: string, o: CompletedOption) =>
    [`complete -c crisis -n ${quote(condition)} -l ${o.flag.replace(/^--/, '')}`, ...(o.value ? [value(o.value)] : []), `-d ${quote(o.description)}`].join(' ');
  const lines = [
    '# crisis completion for fish. Load it with',
    '#   crisis completion fish | source',
    '# or save it as ~/.config/fish/completions/crisis.fish.',
    `# ${IDS_NOTE}`,
    '',
    'function __crisis_ids --description "the ids crisis lists print, from the line\'s --db if it has one"',
    '    set -l words (commandline -opc)',
    '    set -l db',
    '    for i in (seq (count $words))',
    '        switch $words[$i]',
    '            case --db',
    '                set -l next (math $i + 1)',
    '                test $next -le (count $words); and set db --db (string replace -r -- \'^~\' $HOME $words[$next])',
    "            case '--db=*'",
    "                set db --db (string replace -r -- '^~' $HOME (string replace -- --db= '' $words[$i]))",
    '        end',
    '    end',
    '    for list in $argv',
    '        crisis $db $list --format tsv --fields id 2>/dev/null | tail -n +2',
    '    end',
    'end',
    '',
    'function __crisis_list --description "complete the item after the last comma"',
    '    set -l prefix (string match -r -- \'^.*,\' (commandline -ct))',
    '    for word in $argv',
    '        echo $prefix$word',
    '    end',
    'end',
    '',
    'complete -c crisis -f',
    ...spec.globalOptions.map((o) => option('true', o)),
    ...spec.commands.map((c) => `complete -c crisis -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`),
  ];
  for (const command of spec.commands) {
    const condition = `__fish_seen_subcommand_from ${command.name}`;
    lines.push(...command.options.map((o) => option(condition, o)));
    if (command.argument) lines.push(`complete -c crisis -n ${quote(condition)} ${value(command.argument)}`);
  }
  return `${lines.join('\n')}\n`;
}
