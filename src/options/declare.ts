import { type Command, Option } from 'commander';
import type { Db } from '../db/open.js';
import { listAgreements, listValues, type VocabularyColumn } from '../queries/lookup.js';
import { FORMATS } from '../render/output.js';

/** The options list commands share, declared once for every command that takes them. */

/** For repeatable options: `--actor russia --actor china`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * An option naming actors: a name, alias or id each time, and a state takes in its persons and bodies. Repeated,
 * it means any of them, as its help says.
 */
export function addActorOption(command: Command, flag: string, description: string): Command {
  return command.option(`${flag} <actor>`, `${description}; repeat for any of several`, collect);
}

/** What --actor matches where events, statements and measures are listed together (timeline, graph). */
export const TAKING_PART_HELP =
  'this actor or a person or body of it takes part in a role the record shows: initiator, target, participant, mediator, speaker, on whose behalf, addressee, by or against (not a figure\'s claimant)';

export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print a JSON array of objects (same as --format json)')
    .option('--format <format>', `one of ${FORMATS.join(', ')} (default: table on a terminal, tsv in a pipe)`)
    .option('--fields <fields>', 'comma-separated fields to print, e.g. id,date,title, or all (see the README for every field)')
    .option('--wide', 'in a table, show every column and wrap long text onto more lines instead of cutting it to one line a record')
    .option('--cite', "after the answer, print its citation on stderr: the command line, the data's version and the pages its records cite");
}

export function addDateOptions(command: Command): Command {
  return command
    .option('--since <date>', 'only records wholly on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); a record known only to a month counts as the whole month')
    .option('--until <date>', 'only records wholly on or before this date (YYYY, YYYY-MM or YYYY-MM-DD; --until 2025-05 runs to 31 May)');
}

/** --as-of, for every command that answers from the records: what had been published by the end of a day. */
export function addAsOfOption(command: Command): Command {
  return command.option(
    '--as-of <date>',
    'answer from what had been published by the end of this day (UTC): only records and citations of pages out by then, and none of pages with no known date',
  );
}

/** --sort and --limit, for the commands that list records. */
export function addOrderOptions(command: Command): Command {
  return command
    .option('--sort <field[:desc]>', "order by this field instead of the command's order, e.g. date:desc, title (missing values last)")
    .option('--limit <n>', 'print at most n records (after --sort)');
}

/** Where the database says what an option takes: read only when help is printed, so a lookup never reads it. */
const VALUES_IN_DATABASE = new WeakMap<Option, (db: Db) => string[]>();

/** An option whose values the database holds (event types, agreements): its help lists them, read from the database. */
export function addVocabularyOption(command: Command, flags: string, description: string, values: (db: Db) => string[]): Command {
  const option = new Option(flags, description);
  VALUES_IN_DATABASE.set(option, values);
  return command.addOption(option);
}

/** The vocabulary column each option of addValueOption takes a value of, for completion. */
const COLUMN_OF = new WeakMap<Option, VocabularyColumn>();

/** An option taking a value of a vocabulary column (--type, --category): its help lists and completion offers the values the database holds. */
export function addValueOption(command: Command, flags: string, description: string, column: VocabularyColumn): Command {
  addVocabularyOption(command, flags, description, (db) => listValues(db, column));
  COLUMN_OF.set(command.options.at(-1)!, column);
  return command;
}

/** The vocabulary column an option takes a value of, if it is one. */
export const columnOf = (option: Option): VocabularyColumn | undefined => COLUMN_OF.get(option);

/** --about, whose help lists the database's agreements, by id with their names (either is taken). */
export const addAboutOption = (command: Command, description: string) =>
  addVocabularyOption(command, '--about <agreement>', `${description}, by id or name`, (db) => listAgreements(db).map(({ id, name }) => `${id} (${name})`));

/** What the database says an option takes, for its help, if it is a vocabulary option. */
export const valuesInDatabase = (option: Option): ((db: Db) => string[]) | undefined => VALUES_IN_DATABASE.get(option);

/** Help that leads with examples, each a command line a reader can copy. */
export function addExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('before', `Examples:\n${examples.map((example) => `  $ ${example}\n`).join('')}`);
}
