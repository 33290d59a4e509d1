import { Command } from 'commander';
import { registerActors } from '../commands/actors.js';
import { registerAgreements } from '../commands/agreements.js';
import { registerBuild } from '../commands/build.js';
import { registerChain } from '../commands/chain.js';
import { registerCompletion } from '../commands/completion.js';
import { registerEvents } from '../commands/events.js';
import { registerGraph } from '../commands/graph.js';
import { registerMeasures } from '../commands/measures.js';
import { registerSchema } from '../commands/schema.js';
import { registerSearch } from '../commands/search.js';
import { registerShow } from '../commands/show.js';
import { registerSources } from '../commands/sources.js';
import { registerStatements } from '../commands/statements.js';
import { registerTimeline } from '../commands/timeline.js';
import { registerValidate } from '../commands/validate.js';
import { VERSION } from '../paths.js';
import type { Context } from './context.js';
import { quoted, visible } from './errors.js';
import type { IOStreams } from './io.js';

/** Every command, in the order help lists them. */
const COMMANDS: Record<string, (program: Command, ctx: Context) => void> = {
  events: registerEvents,
  statements: registerStatements,
  measures: registerMeasures,
  actors: registerActors,
  agreements: registerAgreements,
  sources: registerSources,
  timeline: registerTimeline,
  chain: registerChain,
  graph: registerGraph,
  search: registerSearch,
  schema: registerSchema,
  completion: registerCompletion,
  show: registerShow,
  validate: registerValidate,
  build: registerBuild,
};

/**
 * The whole command line: global options, every command, and help that goes to the injected streams.
 * Given the arguments, and they start with a command's name (`crisis events ...`), only that command is
 * set up: declaring all the others' options costs a lookup more than the lookup itself. `completion` reads
 * every command, so it always gets them all.
 */
export function buildProgram(io: IOStreams, ctx: Context, argv: string[] = []): Command {
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

  const first = argv[0];
  const only = first !== undefined && first !== 'completion' && Object.hasOwn(COMMANDS, first) ? first : undefined;
  for (const [name, register] of Object.entries(COMMANDS)) if (only === undefined || name === only) register(program, ctx);
  return program;
}
