import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { findAgreements } from '../queries/agreements.js';
import { writeRecords } from '../render/output.js';
import { views } from '../render/views.js';
import { addDateOptions, addLimitOption, addOutputOptions, collect, toActorIds, toDateRange, toLimit, toOutputSettings, type RawOptions } from './options.js';

export function registerAgreements(program: Command, ctx: Context): void {
  const command = program
    .command('agreements')
    .description('Treaties and declarations the crisis invokes, with the records that invoke them')
    .option('--actor <actor>', 'only agreements this actor is a party to (repeatable)', collect);
  addDateOptions(command);
  addLimitOption(command);
  addOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ crisis agreements
  $ crisis agreements --until 1970
  $ crisis agreements --json | jq '.[] | {name, date}'
`)
    .action(async (raw: RawOptions) => {
      const db = ctx.db();
      const output = toOutputSettings(raw, views.agreement, ctx);
      const rows = findAgreements(db, {
        actors: toActorIds(db, raw.actor, '--actor'),
        ...toDateRange(raw),
        limit: toLimit(raw.limit),
      });
      await writeRecords(ctx.io.stdout, rows, views.agreement, output);
    });
}
