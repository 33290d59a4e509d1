import Table from 'cli-table3';
import { paintMatches, stripMatchMarks } from './highlight.js';
import type { Paint } from './paint.js';
import { textWidth } from './text-width.js';
import { wrapText } from './wrap.js';
import { MATCH_END, MATCH_START } from '../text.js';

/** Spaces between columns, as gh prints them. */
const GAP = 2;

/**
 * A column that may be cut is given at least this much room (or its whole width, if less), or left out: narrower, it
 * says too little. The first of them in priority, a title or a name, is given more, before columns of lower priority.
 */
const MIN_COLUMN = 16;
const MIN_LEAD_COLUMN = 30;

export interface TableColumn {
  header: string;
  /** Whether it may be narrowed to fit; ids and dates stay whole, to be copied. */
  cut: boolean;
  /** The columns of the lowest priority are left out first when the terminal is too narrow for them all. */
  priority: number;
  /** Styles each line of the column's cells. */
  style?: (line: string) => string;
  /** Its cells mark what a search matched, to be highlighted. */
  marked?: boolean;
}

/** Which columns a table shows and how wide each is. */
export interface TableLayout {
  columns: TableColumn[];
  /** The shown columns' indexes, in their order. */
  shown: number[];
  /** Each shown column's width, in the order of `shown`. */
  widths: number[];
  /** Headers of the columns left out to fit. */
  leftOut: string[];
  /** Text wraps onto more lines rather than being cut. */
  wide: boolean;
}

/**
 * Ends each line of a cell, and is taken out of the table cli-table3 draws. As it draws each line of a cell, cli-table3
 * cuts the cell's whole text to ten columns for a debug message: a character at a time, measuring what is left each
 * time, when the text is more than one line: time that grows with the cube of the text's length (docs/performance.md
 * has the figures). Cut at an escape sequence, it stops at the first line. This one, an empty SGR sequence, has no
 * width, and nothing else in a table is one: crisis's colours have parameters, and a database's escape sequences
 * are made visible text.
 */
const LINE_END = '\u001b[m';

/**
 * The most lines a cell shows with --wide: a longer text is cut, ending in "…" (show prints it whole). cli-table3
 * measures a cell's whole text again for each of its lines, so a cell costs time growing with the square of its lines.
 */
const MAX_CELL_LINES = 100;

/** Rows per piece: cli-table3 lays out a table in time that grows faster than its rows. */
const ROWS_PER_PIECE = 100;

/** No borders: a header row, then a line per record, columns GAP spaces apart. */
const NO_BORDERS = Object.fromEntries(
  ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid'].map(
    (part) => [part, ''],
  ),
);

/** How many columns text takes on screen: a search's match marks take none. */
const markedWidth = (text: string) => textWidth(stripMatchMarks(text));

const cellWidth = (text: string, column: TableColumn) => (column.marked ? markedWidth(text) : textWidth(text));

/**
 * Fits a table to `width` columns. Columns that may not be cut (ids, dates) take their whole width, as do short
 * columns; the long text columns share what is left, each at least MIN_COLUMN wide. Where not all fit, the columns of
 * the lowest priority are left out, so an id is cut only when it alone is wider than the terminal. With `wide`, every
 * column is shown and its text wraps, so the table is wider than `width` only where its uncut columns are.
 */
export function fitTable(columns: TableColumn[], rows: string[][], width: number, wide = false): TableLayout {
  // A loop, not Math.max(...cells): spreading the cells of a long table overflows the stack.
  const natural = columns.map((column, i) => rows.reduce((widest, row) => Math.max(widest, cellWidth(row[i] ?? '', column)), textWidth(column.header)));
  const indexes = columns.map((_, i) => i);
  const byPriority = [...indexes].sort((a, b) => columns[b]!.priority - columns[a]!.priority);
  const lead = byPriority.find((i) => columns[i]!.cut);
  let leadLeast = MIN_LEAD_COLUMN;
  const least = (i: number) => (columns[i]!.cut ? Math.min(natural[i]!, i === lead ? leadLeast : MIN_COLUMN) : natural[i]!);
  let shown = indexes;
  if (!wide) {
    const kept = new Set<number>();
    let used = -GAP;
    for (const i of byPriority) {
      // Narrower rather than left out, a title goes before any column of lower priority.
      if (i === lead && used + GAP + least(i) > width) leadLeast = MIN_COLUMN;
      if (used + GAP + least(i) > width && kept.size) continue;
      kept.add(i);
      used += GAP + least(i);
    }
    shown = indexes.filter((i) => kept.has(i));
  }
  let room = width - GAP * (shown.length - 1);
  const widths = new Map<number, number>();
  for (const i of shown.filter((i) => !columns[i]!.cut)) {
    widths.set(i, wide ? natural[i]! : Math.min(natural[i]!, width));
    room -= natural[i]!;
  }
  // Short columns take their whole width: each cut column no wider than an equal share of what is left, until none is.
  let long = shown.filter((i) => columns[i]!.cut);
  for (let short = long; short.length && long.length; ) {
    const share = Math.floor(room / long.length);
    short = long.filter((i) => natural[i]! <= share);
    for (const i of short) widths.set(i, natural[i]!);
    room -= short.reduce((sum, i) => sum + natural[i]!, 0);
    long = long.filter((i) => !short.includes(i));
  }
  // The long ones share the rest: cut to a line, the highest priority first, each leaving those after it their least;
  // wrapped, equally, each at least MIN_COLUMN wide (or its whole width, if less), so words are seldom broken.
  if (!wide) long.sort((a, b) => byPriority.indexOf(a) - byPriority.indexOf(b));
  long.forEach((i, n) => {
    const after = long.slice(n + 1);
    const given = wide
      ? Math.max(Math.min(natural[i]!, MIN_COLUMN), Math.floor(room / (after.length + 1)))
      : Math.max(1, Math.min(natural[i]!, room - after.reduce((sum, j) => sum + least(j), 0)));
    widths.set(i, given);
    room -= given;
  });
  return {
    columns,
    shown,
    widths: shown.map((i) => widths.get(i)!),
    leftOut: indexes.filter((i) => !shown.includes(i)).map((i) => columns[i]!.header),
    wide,
  };
}

/**
 * The table a layout describes, without borders: a header row, then each record on one line, its text cut at a
 * word to fit and ended with "…"; with --wide, each record's text wraps instead, and records are a blank line apart
 * when any takes more than one line. Yields it a piece of rows at a time, each piece whole lines, so a long table
 * costs time in proportion to its rows and its writer can stop between pieces.
 */
export function* renderTable(layout: TableLayout, rows: string[][], paint: Paint): Generator<string> {
  const { columns, shown, widths, wide } = layout;
  const linesOf = (text: string, k: number) => {
    const column = columns[shown[k]!]!;
    const lines = wide ? cellLines(text, widths[k]!) : [cutText(flat(text), widths[k]!)];
    const style = column.style ?? ((line: string) => line);
    return (column.marked ? paintMatches(lines, paint.highlight) : lines).map((line) => style(line));
  };
  const cells = rows.map((row) => shown.map((i, k) => linesOf(row[i] ?? '', k)));
  const spaced = wide && cells.some((row) => row.some((lines) => lines.length > 1));
  for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_PIECE) {
    const table = new Table({
      head: start === 0 ? shown.map((i, k) => paint.bold(cutText(columns[i]!.header, widths[k]!))) : [],
      colWidths: widths,
      wordWrap: false,
      chars: { ...NO_BORDERS, middle: ' '.repeat(GAP) },
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    });
    const piece = cells.slice(start, start + ROWS_PER_PIECE);
    for (const row of piece) table.push(row.map((lines) => lines.join(`${LINE_END}\n`)));
    const drawn = table.toString().replaceAll(LINE_END, '').split('\n').map((line) => line.trimEnd());
    if (!spaced) {
      yield `${drawn.join('\n')}\n`;
      continue;
    }
    const lines = start === 0 ? drawn.splice(0, 1) : [];
    piece.forEach((row, n) => {
      lines.push(...drawn.splice(0, Math.max(...row.map((cell) => cell.length))));
      if (start + n < rows.length - 1) lines.push('');
    });
    yield `${lines.join('\n')}\n`;
  }
}

/** A cell's text on one line: a line break in it is a space. */
function flat(text: string): string {
  return /[\n\r\t]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Text cut to at most `width` columns, at the end of a word, ending in "…" (and without the comma or semicolon the word
 * had). A first word wider than that is the one cut inside, and ends in "…" too. Match marks take no room.
 */
export function cutText(text: string, width: number): string {
  if (markedWidth(text) <= width) return text;
  const room = width - 1;
  let used = 0;
  let end = 0;
  let wordEnd = 0;
  for (const character of text) {
    const taken = character === MATCH_START || character === MATCH_END ? 0 : textWidth(character);
    if (used + taken > room) break;
    if (character === ' ') wordEnd = end;
    used += taken;
    end += character.length;
  }
  const atWordEnd = stripMatchMarks(text.slice(end)).startsWith(' ');
  const kept = atWordEnd || wordEnd === 0 ? text.slice(0, end) : text.slice(0, wordEnd);
  return `${kept.replace(/[\s,;:]+$/, '')}…`;
}

/** A cell's text wrapped to `width`, at most MAX_CELL_LINES of it; only as much of a long text as those lines can hold is read. */
function cellLines(text: string, width: number): string[] {
  const room = MAX_CELL_LINES * (width + 1);
  const read = text.length > room ? text.slice(0, room + 1) : text;
  const lines = wrapText(read, width, { measure: markedWidth });
  if (lines.length <= MAX_CELL_LINES && read === text) return lines;
  const shown = lines.slice(0, MAX_CELL_LINES);
  const last = shown[shown.length - 1]!;
  shown[shown.length - 1] = markedWidth(last) < width ? `${last}…` : cutText(`${last}…`, width);
  return shown;
}
