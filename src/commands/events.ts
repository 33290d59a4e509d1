import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { findEvents } from '../queries/events.js';
import { writeRecords } from '../render/output.js';
import { views } from '../render/views.js';
import { addDateOptions, addLimitOption, addOutputOptions, collect, toActorIds, toDateRange, toLimit, toOutputSettings, toVocabulary, type RawOptions } from './options.js';

export function registerEvents(program: Command, ctx: Context): void {
  const command = program
    .command('events')
    .description('Events: attacks, calls, meetings, military operations, ceasefires; in date order')
    .option('--actor <actor>', 'involving this actor in any role, or a person or body of it (repeatable)', collect)
    .option('--type <type>', 'only events of this type, e.g. attack, call');
  addDateOptions(command);
  addLimitOption(command);
  addOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ crisis events --actor russia
  $ crisis events --type call --since 2025-05
  $ crisis events --actor putin --json | jq '.[].title'
`)
    .action(async (raw: RawOptions) => {
      const db = ctx.db();
      const output = toOutputSettings(raw, views.event, ctx);
      const rows = findEvents(db, {
        actors: toActorIds(db, raw.actor, '--actor'),
        type: toVocabulary(db, raw.type, 'event-type', '--type'),
        ...toDateRange(raw),
        limit: toLimit(raw.limit),
      });
      await writeRecords(ctx.io.stdout, rows, views.event, output);
    });
}
