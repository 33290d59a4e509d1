import { Command } from 'commander';
import { VERSION } from '../paths.js';
import type { Context } from './context.js';
import { quoted, visible } from '../errors.js';
import type { IOStreams } from './io.js';

type Register = (program: Command, ctx: Context) => void;

/**
 * Every command, in the order help lists them. Each command's module is loaded when it is set up, so a
 * lookup does not also run the top level of every other command's modules (JSON schemas, chart symbols).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  events: async () => (await import('../commands/events.js')).registerEvents,
  statements: async () => (await import('../commands/statements.js')).registerStatements,
  measures: async () => (await import('../commands/measures.js')).registerMeasures,
  actors: async () => (await import('../commands/actors.js')).registerActors,
  agreements: async () => (await import('../commands/agreements.js')).registerAgreements,
  sources: async () => (await import('../commands/sources.js')).registerSources,
  timeline: async () => (await import('../commands/timeline.js')).registerTimeline,
  chain: async () => (await import('../commands/chain.js')).registerChain,
  graph: async () => (await import('../commands/graph.js')).registerGraph,
  search: async () => (await import('../commands/search.js')).registerSearch,
  schema: async () => (await import('../commands/schema.js')).registerSchema,
  completion: async () => (await import('../commands/completion.js')).registerCompletion,
  show: async () => (await import('../commands/show.js')).registerShow,
  validate: async () => (await import('../commands/validate.js')).registerValidate,
  build: async () => (await import('../commands/build.js')).registerBuild,
};

/**
 * The commands a command line needs set up. A lookup needs only its own: the first word after the program's
 * own options (`crisis --db x.db events`). Help asked for first, an unknown word (for its suggestion) and
 * completion need every command to list; the version asked for first needs none.
 */
function commandsNeeded(argv: string[]): string[] {
  const every = Object.keys(COMMANDS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-V' || arg === '--version') return [];
    if (arg === '-h' || arg === '--help' || arg === '--') return every;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg !== 'completion' && Object.hasOwn(COMMANDS, arg) ? [arg] : every;
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
        'around it. Every record cites its sources with verbatim quotes.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'query another crisis database of the same schema (default: $CRISIS_DB, else the bundled data/crisis.db)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .helpOption('-h, --help', 'print help for a command')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, helpWidth: io.columns ?? 80 })
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

Exit status: 0 success (an empty result too), 1 database or runtime error,
2 usage error, 3 show or chain of an id that does not exist.
`);

  const registers = await Promise.all(commandsNeeded(argv).map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, ctx);
  return program;
}
