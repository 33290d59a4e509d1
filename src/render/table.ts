import Table from 'cli-table3';
import { paintMatches, stripMatchMarks } from './highlight.js';
import type { Paint } from './paint.js';
import { wrapText } from './wrap.js';

const MIN_COLUMN = 8;
const PADDING = 2;

export interface TableColumn {
  header: string;
  /** Whether it may be narrowed to fit; ids and dates stay whole, to be copied. */
  cut: boolean;
  /** The columns of the lowest priority give way first. */
  priority: number;
  /** Styles each line of the column's cells. */
  style?: (line: string) => string;
  /** Its cells mark what a search matched, to be highlighted. */
  marked?: boolean;
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
 * The most lines a cell shows: a longer text is cut, ending in "…" (show prints it whole). cli-table3 measures a
 * cell's whole text again for each of its lines, so a cell costs time growing with the square of its lines.
 */
export const MAX_CELL_LINES = 20;

/** Rows per piece: cli-table3 lays out a table in time that grows faster than its rows. */
const ROWS_PER_PIECE = 100;

/**
 * A bordered table fitted to `width`: of the columns that may be cut, the lowest in priority give way first
 * (the widest of them first), and their text wraps.
 * Yields it a piece of rows at a time, each piece whole lines, so a long table costs time in
 * proportion to its rows and its writer can stop between pieces.
 */
export function* renderTable(columns: TableColumn[], rows: string[][], width: number, paint: Paint): Generator<string> {
  const widths = fitWidths(columns, rows, width);
  const cell = (text: string, i: number) => {
    const style = columns[i]!.style ?? ((line: string) => line);
    const lines = cellLines(text, widths[i]! - PADDING);
    return (columns[i]!.marked ? paintMatches(lines, paint.highlight) : lines).map((line) => style(line)).join(`${LINE_END}\n`);
  };
  let separator = '';
  for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_PIECE) {
    const table = new Table({
      head: start === 0 ? columns.map((column) => paint.bold(column.header)) : [],
      colWidths: widths,
      wordWrap: false,
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    });
    for (const row of rows.slice(start, start + ROWS_PER_PIECE)) table.push(row.map(cell));
    const lines = table.toString().replaceAll(LINE_END, '').split('\n');
    // Pieces meet at a row separator: this piece's top border goes, and the last piece's bottom
    // border, held back until now, becomes a separator.
    if (start > 0) lines[0] = separator;
    const last = start + ROWS_PER_PIECE >= rows.length;
    if (!last) separator = lines.pop()!.replace('└', '├').replaceAll('┴', '┼').replace('┘', '┤');
    yield `${lines.join('\n')}\n`;
  }
}

/** A cell's text wrapped to `width`, at most MAX_CELL_LINES of it; only as much of a long text as those lines can hold is read. */
function cellLines(text: string, width: number): string[] {
  const room = MAX_CELL_LINES * (width + 1);
  const read = text.length > room ? text.slice(0, room + 1) : text;
  const lines = wrapText(read, width);
  if (lines.length <= MAX_CELL_LINES && read === text) return lines;
  const shown = lines.slice(0, MAX_CELL_LINES);
  const last = shown[shown.length - 1]!;
  shown[shown.length - 1] = `${last.length < width ? last : last.slice(0, width - 1)}…`;
  return shown;
}

function fitWidths(columns: TableColumn[], rows: string[][], width: number): number[] {
  // A loop, not Math.max(...cells): spreading the cells of a long table overflows the stack.
  const widths = columns.map((column, i) => rows.reduce((widest, row) => Math.max(widest, stripMatchMarks(row[i] ?? '').length), column.header.length) + PADDING);
  const borders = columns.length + 1;
  let excess = widths.reduce((sum, w) => sum + w, 0) + borders - width;
  const narrowable = (i: number) => columns[i]!.cut && widths[i]! > MIN_COLUMN + PADDING;
  // Of the columns that may still give way, the widest of the lowest priority gives a character at a time.
  const givesWayBefore = (i: number, j: number) =>
    columns[i]!.priority < columns[j]!.priority || (columns[i]!.priority === columns[j]!.priority && widths[i]! > widths[j]!);
  while (excess > 0) {
    let widest = -1;
    widths.forEach((_, i) => {
      if (narrowable(i) && (widest < 0 || givesWayBefore(i, widest))) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}
