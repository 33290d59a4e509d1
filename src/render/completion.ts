/**
 * Shell completion: a script for each shell, which asks crisis for the candidates each time (the hidden command
 * `crisis __complete -- <words>`), and the lines that command prints. The scripts hold no command, option or
 * value of their own, so they follow crisis and its database without being written again; and they take the
 * lines as they are, expanding and running nothing in them.
 */
import type { Candidate } from '../options/complete.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The hidden command the scripts run. */
export const COMPLETE_COMMAND = '__complete';

/**
 * The last line of what `__complete` prints when it offers no words: the shell is to complete a path itself. Or
 * when it does: no space after a word, as a list (--fields) goes on after a comma. No candidate starts with ':'.
 */
export const DIRECTIVES = { files: ':files', nospace: ':nospace' } as const;

/**
 * A word that means the same to every shell, typed or pasted: letters, digits and `_ . , : + @ % / = -`, not
 * starting with `=` (zsh's path of a command) or `:`. The shell puts a chosen candidate into the command line as
 * it is, and a `$(…)`, a backquote or a `;` there would run when the line is, so a candidate of any other
 * character (an id in someone else's database) is left out.
 */
const PLAIN_WORD = /^[A-Za-z0-9_.,+@%/-][A-Za-z0-9_.,:+@%/=-]*$/;

/**
 * What `__complete` prints: each plain candidate on a line of its own, with `before` (what the word holds before
 * it) and a tab and its description where it has one; then a directive, if any.
 */
export function completionLines(candidates: Candidate[], before: string, directive?: keyof typeof DIRECTIVES): string {
  const lines = candidates
    .map((candidate) => ({ ...candidate, word: `${before}${candidate.word}` }))
    .filter((candidate) => PLAIN_WORD.test(candidate.word))
    .map((candidate) => (candidate.description ? `${candidate.word}\t${candidate.description}` : candidate.word));
  if (directive) lines.push(DIRECTIVES[directive]);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const HEADER = (shell: Shell, load: string[]) =>
  [
    `# crisis completion for ${shell}. Load it with`,
    ...load.map((line) => `#   ${line}`),
    `# crisis offers the candidates itself (crisis ${COMPLETE_COMMAND}), read from the line's --db if it has one, and they`,
    '# are taken as they are: nothing in them is expanded or run.',
  ].join('\n');

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}

const BASH = `${HEADER('bash', ['eval "$(crisis completion bash)"', 'in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/crisis.'])}

_crisis() {
  # The words up to the cursor as crisis reads them, split at blanks only (COMP_WORDS is split at : = and @ too).
  local line=\${COMP_LINE:0:COMP_POINT} words
  read -ra words <<< "$line"
  [[ $line == *[[:blank:]] || \${#words[@]} -eq 0 ]] && words+=('')
  mapfile -t COMPREPLY < <(crisis ${COMPLETE_COMMAND} -- "\${words[@]:1}" 2>/dev/null)
  case \${COMPREPLY[*]: -1} in
    ${DIRECTIVES.files}) COMPREPLY=(); compopt -o default 2>/dev/null; return ;;
    ${DIRECTIVES.nospace}) unset 'COMPREPLY[-1]'; compopt -o nospace 2>/dev/null ;;
  esac
  # Readline replaces only what follows the last word break in the word (: = and @ by default): offer that.
  local word=\${words[\${#words[@]}-1]} breaks=\${COMP_WORDBREAKS//[^:=@]/}
  [[ -n $breaks && $word == *[$breaks]* ]] && COMPREPLY=("\${COMPREPLY[@]#"\${word%"\${word##*[$breaks]}"}"}")
  COMPREPLY=("\${COMPREPLY[@]%%$'\\t'*}")
}

complete -F _crisis crisis
`;

const ZSH = `#compdef crisis
${HEADER('zsh', ['eval "$(crisis completion zsh)"', 'in ~/.zshrc after compinit, or save it as _crisis in a directory of your $fpath.'])}

_crisis() {
  local -a lines
  lines=(\${(f)"$(crisis ${COMPLETE_COMMAND} -- "\${(@Q)words[2,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)"})
  case $lines[-1] in
    ${DIRECTIVES.files}) compset -P '*='; _files; return ;;
    ${DIRECTIVES.nospace}) shift -p lines; compadd -S '' -- "\${(@)lines%%$'\\t'*}"; return ;;
  esac
  compadd -- "\${(@)lines%%$'\\t'*}"
}

compdef _crisis crisis
`;

const FISH = `${HEADER('fish', ['crisis completion fish | source', 'or save it as ~/.config/fish/completions/crisis.fish.'])}

function __crisis_complete --description 'what crisis offers for the word at the cursor'
    set -l words (commandline -opc)
    set -e words[1]
    set -l lines (crisis ${COMPLETE_COMMAND} -- $words (commandline -ct) 2>/dev/null)
    switch "$lines[-1]"
        case ${DIRECTIVES.files}
            set -l token (commandline -ct)
            set -l option (string match -r -- '^--[^=]*=' $token)
            __fish_complete_path (string sub -s (math (string length -- "$option") + 1) -- $token) | string replace -r -- '^' "$option"
        case ${DIRECTIVES.nospace}
            set -e lines[-1]
            printf '%s\\n' $lines
        case '*'
            printf '%s\\n' $lines
    end
end

complete -c crisis -f -k -a '(__crisis_complete)'
`;
