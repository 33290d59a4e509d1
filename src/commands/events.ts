import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions, addValueOption } from '../options/declare.js';
import { type RawOptions, toActorIds, toDateRange, toVocabulary } from '../options/parse.js';
import { EVENT, type EventFilters, eventJsonTexts, eventRows } from '../queries/events.js';

/** What it prints with --json: its kind's records. */
export const output = EVENT;

export function register(program: Command, ctx: Context): void {
  const command = addActorOption(
    program.command('events').description('Events: attacks, military strikes, shelling, calls, meetings, talks, visits; in date order'),
    '--actor',
    'an initiator, target, participant or mediator is this actor or a person or body of it',
  );
  addValueOption(command, '--type <type>', 'only events of this type', 'event-type');
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis events --actor russia',
    'crisis events --type call --since 2025-05',
    "crisis events --actor putin --json | jq '.[].title'",
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    const filters = (limit: number | undefined): EventFilters => ({
      actors: toActorIds(db, raw.actor, '--actor'),
      type: toVocabulary(db, raw.type, 'event-type', '--type'),
      ...toDateRange(raw),
      limit,
    });
    await writeList(ctx, raw, EVENT, (limit) => eventRows(db, filters(limit)), (limit, layout) => eventJsonTexts(db, filters(limit), layout));
  });
}
