import { type Command, Option } from 'commander';
import type { Context } from '../cli/context.js';
import { writeAsOf, writeCiting, writeList } from '../cli/list-command.js';
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions, TAKING_PART_HELP } from '../options/declare.js';
import { type RawOptions, toActorIds, toAsOfDay, toChoice, toDateRange, toLimit } from '../options/parse.js';
import { findActors } from '../queries/actors.js';
import { type ChartRecord, TIMELINE, TIMELINE_KINDS, timelineChartRows, type TimelineFilters, timelineRows } from '../queries/timeline.js';
import { writeLines } from '../render/output.js';
import { loadPaint } from '../render/paint.js';

/** The two sides of the crisis, which the chart gives a column each unless --actor names others. */
const SIDES = ['india', 'pakistan'];

/** What it prints with --json: its kind's records. */
export const output = TIMELINE;

export function register(program: Command, ctx: Context): void {
  const command = addActorOption(
    program.command('timeline').description('Events, statements and measures in one date order, each marked with its kind'),
    '--actor',
    TAKING_PART_HELP,
  )
    .option('--kind <kind>', `only this kind: ${TIMELINE_KINDS.join(', ')}`)
    .addOption(
      new Option('--chart', 'draw a chart: a row a day, a column for India, Pakistan and the others (or each --actor), a mark a record')
        // The chart is a picture of its own, not records in a format: none of these has anything to act on.
        .conflicts(['json', 'format', 'fields', 'sort']),
    );
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis timeline --since 2025-05-07 --until 2025-05-10',
    'crisis timeline --actor russia',
    'crisis timeline --chart --until 2025-04-30',
    'crisis timeline --chart --actor russia --actor china',
    "crisis timeline --kind measure --format jsonl | jq -r '.date + \" \" + .title'",
  ]).action(async (raw: RawOptions & { chart?: boolean }) => {
    const db = ctx.db();
    const filters = (limit: number | undefined): TimelineFilters => ({
      actors: toActorIds(db, raw.actor, '--actor'),
      kind: toChoice(raw.kind, TIMELINE_KINDS, '--kind'),
      ...toDateRange(raw),
      limit,
    });
    if (raw.chart) await writeChart(ctx, db, filters(toLimit(raw.limit)), toAsOfDay(raw), raw.cite);
    else await writeList(ctx, raw, TIMELINE, (limit) => timelineRows(db, filters(limit)));
  });
}

async function writeChart(ctx: Context, db: Db, filters: TimelineFilters, asOfDay: string | undefined, cite: boolean | undefined): Promise<void> {
  const { actorColumns, chartMinimumWidth, renderChart, sideColumns } = await import('../render/chart.js');
  // The same actor typed twice ("russia", "Russian Federation") is one column.
  const actors = filters.actors && [...new Set(filters.actors)];
  const columns = actors ? actorColumns(actors.map((id) => named(db, id))) : sideColumns(SIDES.map((id) => named(db, id)));
  const width = ctx.width();
  const needed = chartMinimumWidth(columns.length);
  if (width < needed) {
    throw new UsageError(
      `--chart needs a width of ${needed} for ${columns.length} columns, and the output is ${width} wide: widen the terminal or set COLUMNS${actors ? ', or give fewer --actor' : ''}`,
    );
  }
  const paint = await loadPaint(ctx.color());
  const draw = (rows: Iterable<ChartRecord>) => writeLines(ctx.io.stdout, renderChart(rows, { columns, width, paint }), ctx.io.interrupted);
  if (asOfDay === undefined) {
    await writeCiting(ctx, cite, timelineChartRows(db, filters), draw);
    return;
  }
  // As of a day, the chart is of the records known by then; --limit counts those.
  await writeAsOf(ctx, asOfDay, timelineChartRows(db, { ...filters, limit: undefined }), (known) => known.slice(0, filters.limit), (known, view) =>
    writeCiting(ctx, cite, known, draw, view),
  );
}

/** An actor with its name, for a column heading; its id where a database lacks it (another --db). */
function named(db: Db, id: string) {
  return { id, name: findActors(db, { id })[0]?.name ?? id };
}
