import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { timelineRows, TIMELINE_KINDS } from '../queries/timeline.js';
import { views } from '../render/views.js';
import { writeList } from './list.js';
import { addDateOptions, addExamples, addOrderOptions, addOutputOptions, collect, toActorIds, toChoice, toDateRange, type RawOptions } from './options.js';

export function registerTimeline(program: Command, ctx: Context): void {
  const command = program
    .command('timeline')
    .description('Events, statements and measures in one date order, each marked with its kind')
    .option('--actor <actor>', 'involving this actor in any role, or a person or body of it (repeatable)', collect)
    .option('--kind <kind>', `only this kind: ${TIMELINE_KINDS.join(', ')}`);
  addDateOptions(command);
  addOrderOptions(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis timeline --since 2025-05-07 --until 2025-05-10',
    'crisis timeline --actor russia',
    "crisis timeline --kind measure --format jsonl | jq -r '.date + \" \" + .title'",
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    await writeList(ctx, raw, views.timeline, (limit) =>
      timelineRows(db, {
        actors: toActorIds(db, raw.actor, '--actor'),
        kind: toChoice(raw.kind, TIMELINE_KINDS, '--kind'),
        ...toDateRange(raw),
        limit,
      }),
    );
  });
}
