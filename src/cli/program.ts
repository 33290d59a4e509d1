import { Command, CommanderError, Help, type Option } from 'commander';
import { VERSION } from '../paths.js';
import type { Output } from '../fields/json-schema.js';
import type { Context } from './context.js';
import { quoted } from '../errors.js';
import { visible } from '../text.js';
import type { IOStreams } from './io.js';
import { valuesInDatabase } from '../options/declare.js';
import { dataRelease } from '../queries/release.js';
import { dataVersionLine, programVersionLine } from '../render/version.js';

/** A command's module: it sets the command up, and says what it prints with --json, for crisis schema and completion. */
export interface CommandModule {
  register(program: Command, ctx: Context): void;
  /** A list of records of one kind (its field table), or one object (chain, graph). */
  output?: Output;
}

/**
 * Every command, in the order help lists them. Each command's module is loaded when it is set up, so a
 * lookup does not also run the top level of every other command's modules.
 */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  events: () => import('../commands/events.js'),
  statements: () => import('../commands/statements.js'),
  measures: () => import('../commands/measures.js'),
  actors: () => import('../commands/actors.js'),
  agreements: () => import('../commands/agreements.js'),
  sources: () => import('../commands/sources.js'),
  timeline: () => import('../commands/timeline.js'),
  chain: () => import('../commands/chain.js'),
  graph: () => import('../commands/graph.js'),
  search: () => import('../commands/search.js'),
  schema: () => import('../commands/schema.js'),
  completion: () => import('../commands/completion.js'),
  show: () => import('../commands/show.js'),
  cite: () => import('../commands/cite.js'),
  validate: () => import('../commands/validate.js'),
  build: () => import('../commands/build.js'),
  diff: () => import('../commands/diff.js'),
};

/**
 * The one command a command's own bundle holds, written in by scripts/bundle.mjs; undefined in the whole CLI's
 * bundle and when running from the sources.
 */
declare const CRISIS_BUNDLED_COMMAND: string | undefined;

/**
 * Thrown, before anything is printed, by a command's own bundle given a line that sets up another command or more
 * than its own: bin/crisis.js guessed the line's command without knowing the program's options, and runs the line
 * again in the whole CLI's bundle.
 */
export class OtherBundleNeeded extends Error {}

/**
 * Commands that describe every other command (their options, or what they print), and so need them all set up.
 * So does completion's hidden __complete, which no entry of COMMANDS names: an unknown word sets up every command.
 */
export const DESCRIBING_ALL = new Set(['completion', 'schema']);

/**
 * The commands a command line needs set up. A lookup needs only its own: the first word that is neither one of
 * the program's own options nor the value one of them takes (`crisis --db x.db events`). Help asked for first,
 * an unknown word (for its suggestion), and the commands that describe all the others need every command; the
 * version asked for first needs none.
 */
export function commandsNeeded(argv: string[], program: Command): string[] {
  const every = Object.keys(COMMANDS);
  const takesValue = new Set(program.options.filter((option) => option.required || option.optional).flatMap((option) => [option.long, option.short]));
  const isVersion = new Set([program.options.find((option) => option.attributeName() === 'version')].flatMap((option) => [option?.long, option?.short]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (isVersion.has(arg)) return [];
    if (arg === '-h' || arg === '--help' || arg === '--') return every;
    if (takesValue.has(arg)) i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) && !DESCRIBING_ALL.has(arg) ? [arg] : every;
  }
  return every;
}

/**
 * The whole command line: global options, every command, and help that goes to the injected streams.
 * Given the arguments, only the commands they need are loaded and set up (commandsNeeded): declaring all
 * the others' options costs a lookup more than the lookup itself.
 */
export async function buildProgram(io: IOStreams, ctx: Context, argv: string[] = []): Promise<Command> {
  const program = new Command()
    .name('crisis')
    .description(
      'Sourced, quoted facts on the 2025 India–Pakistan crisis after the Pahalgam attack and the diplomacy ' +
        'around it. Every record cites the pages it rests on, with what each reports and the parties\' own words.',
    )
    .option('-V, --version', "print crisis's version and the data's release")
    .option('--db <path>', 'query another crisis database of the same schema (default: $CRISIS_DB, else the bundled data/crisis.db)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .helpOption('-h, --help', 'print help for a command')
    .showSuggestionAfterError(true)
    .configureHelp({
      showGlobalOptions: true,
      helpWidth: io.columns ?? 80,
      optionDescription(this: Help, option: Option) {
        return withValuesInDatabase(Help.prototype.optionDescription.call(this, option), option, ctx, argv);
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line per error: commander puts its "(Did you mean …?)" on a line of its own, and repeats
      // what was typed in quotes, which may be many kilobytes or hold control characters.
      outputError: (text, write) => {
        const message = text.replace(/^error: /, '').trim().replace(/'([^']*)'/g, (_, typed: string) => quoted(typed));
        write(`crisis: ${visible(message.replace(/\s*\n\s*/g, ' '))}\n`);
      },
    })
    // Examples first, as on every command: most people read help to copy a line.
    .addHelpText('before', `Examples:
  $ crisis events --actor russia
  $ crisis statements --actor putin --json | jq '.[].quote'
  $ crisis measures --by pakistan
  $ crisis show pahalgam-attack
  $ crisis timeline --since 2025-05-07 --until 2025-05-10
  $ crisis search "Russia's" offer
  $ crisis chain pahalgam-attack
`)
    .addHelpText('after', `
Output is a table on a terminal and tab-separated text in a pipe; --json, --format,
--fields and --sort choose otherwise (crisis schema describes the JSON). Dates may be
YYYY, YYYY-MM or YYYY-MM-DD. Tab completion: crisis completion bash|zsh|fish.
Cite what you use: crisis cite <id>..., or --cite on a list command.

Exit status: 0 success (an empty result too), 1 database or runtime error,
2 usage error, 3 show, chain or cite of an id that does not exist.
`);

  // Commander's own version option prints a fixed string; the data's release is read from the database only when
  // asked. The line is not parsed yet when --version is met, so a --db given after it is found here.
  program.on('option:version', () => {
    useDatabaseNamed(ctx, argv);
    // Both lines or neither: a failure prints nothing on stdout, the database's included.
    const data = dataVersionLine(dataRelease(ctx.db()));
    io.stdout.write(programVersionLine(VERSION) + data);
    throw new CommanderError(0, 'crisis.version', '');
  });

  const needed = commandsNeeded(argv, program);
  if (typeof CRISIS_BUNDLED_COMMAND === 'string' && needed.join() !== CRISIS_BUNDLED_COMMAND) throw new OtherBundleNeeded(needed.join());
  const modules = await Promise.all(needed.map((name) => COMMANDS[name]!()));
  ctx.commands = needed.map((name, i) => ({ name, module: modules[i]! }));
  for (const { module } of ctx.commands) module.register(program, ctx);
  return program;
}

/** The most values help lists for an option: a stranger's database may hold any number. */
const MAX_VALUES_LISTED = 60;

/**
 * An option's description with the values it takes where the database holds them (`--type`: one of attack, call, …),
 * read as help is printed, from the database the line names. Where that database cannot be read, help is printed
 * without them, and without a word: help is what someone reads when something is wrong.
 */
function withValuesInDatabase(description: string, option: Option, ctx: Context, argv: string[]): string {
  const values = valuesInDatabase(option);
  if (!values) return description;
  let listed: string[];
  try {
    useDatabaseNamed(ctx, argv);
    listed = values(ctx.db());
  } catch {
    return description;
  }
  if (!listed.length) return description;
  const shown = listed.slice(0, MAX_VALUES_LISTED).map((value) => visible(value, 'line'));
  const more = listed.length > shown.length ? ` and ${listed.length - shown.length} more` : '';
  return `${description}: one of ${shown.join(', ')}${more}`;
}

/** Queries the database the line names with --db (the last, as commander takes it), for what runs before commander has parsed it. */
function useDatabaseNamed(ctx: Context, argv: string[]): void {
  let named: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--db' && i + 1 < argv.length) named = argv[i + 1];
    else if (arg.startsWith('--db=')) named = arg.slice('--db='.length);
  });
  if (named !== undefined) ctx.chooseDatabase(named);
}
