import type { Command } from 'commander';
import { FORMATS } from '../render/output.js';

/** The options list commands share, declared once for every command that takes them. */

/** For repeatable options: `--actor russia --actor china`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print a JSON array of objects (same as --format json)')
    .option('--format <format>', `one of ${FORMATS.join(', ')} (default: table on a terminal, tsv in a pipe)`)
    .option('--fields <fields>', 'comma-separated fields to print, e.g. id,date,title (see the README for every field)')
    .option('--wide', 'in a table, show every column and wrap long text onto more lines instead of cutting it to one line a record');
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

/** Help that leads with examples, each a command line a reader can copy. */
export function addExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('before', `Examples:\n${examples.map((example) => `  $ ${example}\n`).join('')}`);
}
