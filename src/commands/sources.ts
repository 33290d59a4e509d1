import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { findSources } from '../queries/sources.js';
import { writeRecords } from '../render/output.js';
import { views } from '../render/views.js';
import { addLimitOption, addOutputOptions, toLimit, toOutputSettings, type RawOptions } from './options.js';

export function registerSources(program: Command, ctx: Context): void {
  const command = program
    .command('sources')
    .description('Sources behind the facts, most cited first, with how many records cite each');
  addLimitOption(command);
  addOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ crisis sources
  $ crisis sources --fields id,url --format tsv
`)
    .action(async (raw: RawOptions) => {
      const output = toOutputSettings(raw, views.source, ctx);
      const rows = findSources(ctx.db(), { limit: toLimit(raw.limit) });
      await writeRecords(ctx.io.stdout, rows, views.source, output);
    });
}
