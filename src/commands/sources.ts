import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addAsOfOption, addExamples, addOrderOptions, addOutputOptions } from '../options/declare.js';
import { type RawOptions } from '../options/parse.js';
import { findSources, SOURCE } from '../queries/sources.js';

/** What it prints with --json: its kind's records. */
export const output = SOURCE;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('sources')
    .description('Sources behind the facts, most cited first, with how many records cite each');
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis sources',
    'crisis sources --sort published:desc --limit 5',
    'crisis sources --fields id,url --format tsv',
  ]).action(async (raw: RawOptions) => {
    await writeList(ctx, raw, SOURCE, (limit) => findSources(ctx.db(), { limit }));
  });
}
