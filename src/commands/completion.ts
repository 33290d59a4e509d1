import type { Command, Option } from 'commander';
import type { Context } from '../cli/context.js';
import { didYouMean } from '../suggest.js';
import { quoted, UsageError } from '../errors.js';
import { ALL_FIELDS, fieldNames } from '../fields/define.js';
import { type Output, outputsOf } from '../fields/json-schema.js';
import { type Candidate, type CompletedOption, type CompletionRequest, type CompletionSpec, toCompletionRequest, type ValueCompletion } from '../options/complete.js';
import { addExamples, columnOf } from '../options/declare.js';
import { ACTOR_KINDS } from '../queries/actors.js';
import { idsStartingWith, listValues, RECORD_KINDS } from '../queries/lookup.js';
import { SEARCH_KINDS } from '../queries/search.js';
import { TIMELINE_KINDS } from '../queries/timeline.js';
import { COMPLETE_COMMAND, completionLines, completionScript, type Shell, SHELLS } from '../render/completion.js';
import { CITE_FORMATS } from '../render/citation.js';
import { GRAPH_FORMATS } from '../render/graph.js';
import { DIFF_FORMATS } from '../render/diff.js';
import { FORMATS } from '../render/output.js';

const ACTOR_OPTIONS = new Set(['--actor', '--speaker', '--by', '--against', '--country']);

/** The values --kind takes, by command. */
const KINDS: Record<string, readonly string[]> = {
  actors: ACTOR_KINDS,
  timeline: TIMELINE_KINDS,
  graph: TIMELINE_KINDS,
  search: SEARCH_KINDS,
};

/** The values --format takes where they are not the list formats. */
const OWN_FORMATS: Record<string, readonly string[]> = { show: ['text', 'json'], chain: ['text', 'json'], graph: GRAPH_FORMATS, cite: CITE_FORMATS, diff: DIFF_FORMATS };

const ANY_RECORD: ValueCompletion = { kind: 'ids', kinds: RECORD_KINDS };

/** What a command's first argument takes: a few words, the ids of records of some kinds, or a folder. */
const ARGUMENTS: Record<string, ValueCompletion> = {
  completion: { kind: 'words', words: SHELLS },
  show: ANY_RECORD,
  cite: ANY_RECORD,
  chain: { kind: 'ids', kinds: TIMELINE_KINDS },
  validate: { kind: 'files' },
  build: { kind: 'files' },
  diff: { kind: 'files' },
};

/** The most ids offered at once: enough to choose among, where a database may hold a million. */
const MAX_IDS = 1000;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('completion')
    .description('A completion script for bash, zsh or fish: commands, options, field names, values, actor and record ids')
    .argument('<shell>', SHELLS.join(', '));
  addExamples(command, [
    'eval "$(crisis completion bash)"     # in ~/.bashrc',
    'eval "$(crisis completion zsh)"      # in ~/.zshrc, after compinit',
    'crisis completion fish > ~/.config/fish/completions/crisis.fish',
  ]).action((shell: string) => {
    const chosen = shell.trim().toLowerCase();
    if (!(SHELLS as readonly string[]).includes(chosen)) {
      throw new UsageError(`unknown shell ${quoted(shell)}${didYouMean(chosen, SHELLS)}; use one of ${SHELLS.join(', ')}`);
    }
    ctx.io.stdout.write(completionScript(chosen as Shell));
  });

  // What the scripts run at each tab: the words after `crisis` up to the cursor, the last the one to complete.
  program
    .command(COMPLETE_COMMAND, { hidden: true })
    .description('The candidates for the last of the words (those of a command line after crisis, up to the cursor), one a line')
    .argument('[words...]', 'the words, after --')
    .action((words: string[] = []) => {
      const request = toCompletionRequest(describeCommandLine(program, ctx), words);
      if (request.kind === 'files') return void ctx.io.stdout.write(completionLines([], request.before, 'files'));
      if (request.db !== undefined) ctx.chooseDatabase(request.db.replace(/^~(?=\/|$)/, ctx.io.env.HOME ?? '~'));
      const candidates = candidatesFor(request, ctx).filter((candidate) => candidate.word.startsWith(request.typed));
      const list = request.kind === 'candidates' && request.list;
      ctx.io.stdout.write(completionLines(candidates, request.before, list && candidates.length ? 'nospace' : undefined));
    });
}

function candidatesFor(request: CompletionRequest, ctx: Context): Candidate[] {
  switch (request.kind) {
    case 'candidates':
      return request.candidates;
    case 'ids':
      return idsStartingWith(ctx.db(), request.kinds, request.typed, MAX_IDS).map((word) => ({ word }));
    case 'vocabulary':
      return listValues(ctx.db(), request.column).map((word) => ({ word }));
    default:
      return [];
  }
}

/** The command line as completion needs it, read from commander so it cannot drift. */
function describeCommandLine(program: Command, ctx: Context): CompletionSpec {
  // Every command is set up beside this one (program.ts): what each prints gives its field names.
  const outputOf = new Map(ctx.commands.map(({ name, module }) => [name, module.output]));
  const schemaKinds = outputsOf(ctx.commands).map((output) => output.name);
  const globalOptions = program.options.filter((option) => option.long && !['--version', '--help'].includes(option.long)).map((option) => describeOption(option, undefined, ''));
  const commands = program.commands
    .filter((command) => command.name() !== COMPLETE_COMMAND)
    .map((command) => ({
      name: command.name(),
      description: command.description(),
      options: command.options
        .filter((option) => option.long && option.long !== '--help')
        .map((option) => describeOption(option, outputOf.get(command.name()), command.name())),
      argument: command.name() === 'schema' ? { kind: 'words' as const, words: schemaKinds } : ARGUMENTS[command.name()],
    }));
  return { commands, globalOptions };
}

function describeOption(option: Option, output: Output | undefined, commandName: string): CompletedOption {
  const flag = option.long!;
  const described = { flag, description: option.description };
  return option.required || option.optional ? { ...described, value: valueOf(option, output, commandName) } : described;
}

function valueOf(option: Option, output: Output | undefined, commandName: string): ValueCompletion {
  const flag = option.long!;
  const fields = output && 'fields' in output ? fieldNames(output) : [];
  const vocabulary = columnOf(option);
  if (ACTOR_OPTIONS.has(flag)) return { kind: 'ids', kinds: ['actor'] };
  if (flag === '--about') return { kind: 'ids', kinds: ['agreement'] };
  if (vocabulary) return { kind: 'vocabulary', column: vocabulary };
  if (flag === '--db' || flag === '--out') return { kind: 'files' };
  if (flag === '--fields') return { kind: 'list', words: fields.length ? [...fields, ALL_FIELDS] : [] };
  if (flag === '--sort') return { kind: 'words', words: fields.flatMap((field) => [field, `${field}:desc`]) };
  if (flag === '--format') return { kind: 'words', words: OWN_FORMATS[commandName] ?? FORMATS };
  if (flag === '--kind' && KINDS[commandName]) return { kind: 'words', words: KINDS[commandName]! };
  return { kind: 'free' };
}
