import { parseDate, type DatePrecision } from '../dates.js';
import type { ChartRecord, TimelineKind } from '../queries/timeline.js';
import type { Paint } from './paint.js';
import { textWidth } from './text-width.js';
import { visible } from '../text.js';
import { wrapText } from './wrap.js';

/** A column of the chart: its heading, and which records it holds (a record may sit in several). */
export interface ChartColumn {
  label: string;
  holds(record: ChartRecord): boolean;
}

export interface ChartSettings {
  columns: ChartColumn[];
  /** The widest a line may be: the chart is fitted to it, never wider. */
  width: number;
  paint: Paint;
}

/**
 * A shape for each kind, so the kinds tell apart without colour (a pipe, NO_COLOR, a colour-blind reader),
 * and a colour on top where there is one. No ASCII fallback: these geometric shapes are in every font a
 * terminal of today uses, and crisis already prints UTF-8 everywhere (table borders, "…" in snippets, the
 * "–" in India–Pakistan); TERM=dumb says the terminal cannot move the cursor or colour, not that it lacks
 * UTF-8. A terminal that shows East Asian "ambiguous" characters double width would misalign the cells,
 * as it would misalign every table's borders.
 */
const MARKS: Record<TimelineKind, { mark: string; style: 'yellow' | 'red' | 'cyan' }> = {
  event: { mark: '●', style: 'yellow' },
  measure: { mark: '■', style: 'red' },
  statement: { mark: '▲', style: 'cyan' },
};
/** The legend's order, which is the order marks take in a cell: what happened, the steps taken, the words said. */
const LEGEND_ORDER: TimelineKind[] = ['event', 'measure', 'statement'];

/** YYYY-MM-DD, the widest date a row has. */
const DATE_WIDTH = 10;
/** ' │ ' before each column. */
const SEPARATOR_WIDTH = 3;
/** Room for a mark and "+99", or "+999": less and a busy day could not say how much it holds. */
const MIN_CELL = 4;
/** Wider cells only spread the chart out: no day of the crisis has this many marks in one column. */
const MAX_CELL = 30;
/** A run of more empty days than this becomes one row that counts them. */
export const MAX_EMPTY_DAYS = 7;

/** The narrowest width a chart of this many columns fits: a date, then for each column a separator and a cell. */
export function chartMinimumWidth(columnCount: number): number {
  return DATE_WIDTH + columnCount * (SEPARATOR_WIDTH + MIN_CELL);
}

/** The records of one date as the rows show it: a day, or a month or year that is all a source gives. */
interface DateGroup {
  date: string;
  precision: DatePrecision;
  /** First and last day the date may mean; a month first reported on a day ends by it. */
  start: string;
  end: string;
  /** Per column, the kinds of the records it holds, in the order they came. */
  cells: TimelineKind[][];
}

/**
 * The chart as lines of text (each ending in a newline): one row a day from the first dated record to the
 * last, empty days shown, a run of more than MAX_EMPTY_DAYS of them as one row; a date known only to the
 * month or year gets a row of its own after the days it may fall on (up to the day a page first reported
 * it, as the timeline lists it). Then a legend and a count. Reads every record before the first row, since a
 * day's row needs all of that day's records and the rows their span.
 */
export function* renderChart(records: Iterable<ChartRecord>, settings: ChartSettings): Generator<string> {
  const { columns, width, paint } = settings;
  if (width < chartMinimumWidth(columns.length)) {
    throw new RangeError(`a chart of ${columns.length} columns needs a width of ${chartMinimumWidth(columns.length)}, not ${width}`);
  }
  const groups = new Map<string, DateGroup>();
  let recordCount = 0;
  for (const record of records) {
    recordCount++;
    // A month known to end by different days (first reported on different days) is a row for each.
    const key = `${record.date} ${record.date_end}`;
    let group = groups.get(key);
    if (!group) {
      const span = parseDate(record.date);
      group = {
        date: visible(String(record.date), 'line'),
        precision: record.date_precision,
        start: span?.start ?? record.date,
        end: record.date_end ?? span?.end ?? record.date,
        cells: columns.map(() => []),
      };
      groups.set(key, group);
    }
    columns.forEach((column, i) => {
      if (column.holds(record)) group.cells[i]!.push(record.kind);
    });
  }
  if (recordCount === 0) {
    yield '0 records: nothing to chart\n';
    return;
  }

  const cellWidth = Math.min(MAX_CELL, Math.floor((width - DATE_WIDTH) / columns.length) - SEPARATOR_WIDTH);
  const rows = rowBuilder(columns.length, cellWidth, paint);
  const ordered = [...groups.values()].sort(inTimeOrder);
  const days = ordered.filter((group) => group.precision === 'day');
  const lastDay = days.at(-1)?.date;

  const headings = columns.map((column) => fit(visible(String(column.label), 'line'), cellWidth));
  yield rows.line('', headings.map((heading) => ({ text: paint.bold(heading), width: textWidth(heading) })));
  yield `${paint.dim(['─'.repeat(DATE_WIDTH), ...columns.map(() => `─┼─${'─'.repeat(cellWidth)}`)].join(''))}\n`;

  let shownUpTo: string | undefined;
  for (const group of ordered) {
    // Days with nothing on them up to this row: up to the day itself, or for a month or year up to its last
    // day (it follows the days it spans), but never past the last dated record.
    const fillTo = group.precision === 'day' ? addDays(group.date, -1) : lastDay && group.end > lastDay ? lastDay : group.end;
    if (shownUpTo !== undefined && fillTo > shownUpTo) {
      yield* emptyDays(addDays(shownUpTo, 1), fillTo, rows, width, paint);
      shownUpTo = fillTo;
    }
    yield rows.line(group.date, group.cells.map((kinds) => marks(kinds, cellWidth, paint)));
    if (group.precision === 'day') shownUpTo = group.date;
  }

  yield* wrapped(legend(paint), width);
  yield* wrapText(closing(recordCount, ordered, days), width).map((line) => `${paint.dim(line)}\n`);
}

/** Days in order; a month or year after the days it spans, and a month before the year that holds it. */
function inTimeOrder(a: DateGroup, b: DateGroup): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  const aDay = a.precision === 'day' ? 0 : 1;
  const bDay = b.precision === 'day' ? 0 : 1;
  if (aDay !== bDay) return aDay - bDay;
  return a.start === b.start ? 0 : a.start > b.start ? -1 : 1;
}

interface Cell {
  /** As printed, colour and all. */
  text: string;
  /** Columns it takes on the screen. */
  width: number;
}

/** Lines of the chart's grid: a date, then each column's cell after a separator; no space at the end of a line. */
function rowBuilder(columnCount: number, cellWidth: number, paint: Paint) {
  const bar = paint.dim('│');
  const noCells: Cell[] = Array.from({ length: columnCount }, () => ({ text: '', width: 0 }));
  return {
    line(date: string, cells: Cell[], dateStyle = (text: string) => text): string {
      let text = dateStyle(date.padEnd(DATE_WIDTH));
      cells.forEach((cell, i) => {
        text += ` ${bar}`;
        const last = i === columnCount - 1;
        if (cell.width) text += ` ${cell.text}`;
        if (!last) text += ' '.repeat(cellWidth - cell.width + (cell.width ? 0 : 1));
      });
      return `${text}\n`;
    },
    /** A day without records, its date dimmed so the days with records stand out. */
    empty(day: string): string {
      return this.line(day, noCells, paint.dim);
    },
  };
}

/** The rows for the empty days from `first` to `last`: each its own row, or one row counting them when there are many. */
function* emptyDays(first: string, last: string, rows: ReturnType<typeof rowBuilder>, width: number, paint: Paint): Generator<string> {
  const count = daysBetween(first, last) + 1;
  if (count > MAX_EMPTY_DAYS) {
    const text = fit(`${count} days skipped: no records`, width - DATE_WIDTH - SEPARATOR_WIDTH);
    yield `${paint.dim(`${'⋮'.padStart(DATE_WIDTH / 2)}${' '.repeat(DATE_WIDTH / 2)} ┆ ${text}`)}\n`;
    return;
  }
  for (let day = first; day <= last; day = addDays(day, 1)) yield rows.empty(day);
}

/** One mark per record; when they do not all fit, as many as fit and then how many more, `●●■+5`. */
function marks(kinds: TimelineKind[], width: number, paint: Paint): Cell {
  let shown = kinds.length;
  let more = '';
  if (kinds.length > width) {
    shown = width;
    while (shown > 0 && shown + `+${kinds.length - shown}`.length > width) shown--;
    more = `+${kinds.length - shown}`;
  }
  const text = kinds.slice(0, shown).map((kind) => paint[MARKS[kind].style](MARKS[kind].mark)).join('') + more;
  return { text, width: shown + more.length };
}

function legend(paint: Paint): { text: string; width: number }[] {
  return LEGEND_ORDER.map((kind) => ({ text: `${paint[MARKS[kind].style](MARKS[kind].mark)} ${kind}`, width: 2 + kind.length }));
}

/** Items two spaces apart, onto as few lines as fit the width. */
function* wrapped(items: { text: string; width: number }[], width: number): Generator<string> {
  let line = '';
  let used = 0;
  for (const item of items) {
    if (used && used + 2 + item.width > width) {
      yield `${line}\n`;
      line = '';
      used = 0;
    }
    line += used ? `  ${item.text}` : item.text;
    used += (used ? 2 : 0) + item.width;
  }
  if (used) yield `${line}\n`;
}

/** How many records, over which days, and which rows stand for a month or a year rather than a day. */
function closing(recordCount: number, ordered: DateGroup[], days: DateGroup[]): string {
  let text = `${recordCount} ${recordCount === 1 ? 'record' : 'records'}`;
  const first = days[0]?.date;
  const last = days.at(-1)?.date;
  if (first && last) {
    const span = daysBetween(first, last) + 1;
    if (span === 1) text += ` on ${first}`;
    else text += ` on ${days.length === span ? span : `${days.length} of ${span}`} days, ${first} to ${last}`;
  }
  // A month may have a row for each day it was first reported by; it is named once.
  const partial = ordered.filter((group, i) => group.precision !== 'day' && ordered.findIndex((other) => other.date === group.date) === i);
  if (partial.length) {
    const known = partial.map((group, i) => `${group.date} ${i === 0 ? 'is known only' : 'only'} to the ${group.precision}`).join(', ');
    text += `; ${known}: ${partial.length === 1 ? 'its row comes after the days it may fall on' : 'each comes after the days it may fall on'}`;
  }
  return text;
}

/** Text cut to a width, with "…" where it was cut. */
function fit(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let cut = '';
  for (const character of text) {
    if (textWidth(`${cut}${character}…`) > width) break;
    cut += character;
  }
  return `${cut}…`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS);
}

export interface NamedActor {
  id: string;
  name: string;
}

/** A column for each side named, by the state whose act a record is, and one for the rest: other states, and acts of no state. */
export function sideColumns(sides: NamedActor[]): ChartColumn[] {
  const named = new Set(sides.map((side) => side.id));
  return [
    ...sides.map((side) => ({ label: side.name, holds: (record: ChartRecord) => record.side === side.id })),
    { label: 'Others', holds: (record: ChartRecord) => record.side === null || !named.has(record.side) },
  ];
}

/** A column for each actor, holding every record it takes part in (it or a person or body of it, in any role). */
export function actorColumns(actors: NamedActor[]): ChartColumn[] {
  return actors.map((actor) => ({ label: actor.name, holds: (record: ChartRecord) => record.involved.includes(actor.id) }));
}
