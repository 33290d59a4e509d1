import Table from 'cli-table3';
import { paintMatches, stripMatchMarks } from './highlight.js';
import type { Paint } from './paint.js';
import { wrapText } from './wrap.js';

const MIN_COLUMN = 8;
const PADDING = 2;

export interface TableColumn {
  header: string;
  /** Never narrowed to fit: ids and dates must stay whole to be copied. */
  keepWhole?: boolean;
  /** Styles each line of the column's cells. */
  style?: (line: string) => string;
  /** Its cells mark what a search matched, to be highlighted. */
  marked?: boolean;
}

/** A bordered table fitted to `width`: the widest columns give way first, and their text wraps. */
export function renderTable(columns: TableColumn[], rows: string[][], width: number, paint: Paint): string {
  const widths = fitWidths(columns, rows, width);
  const table = new Table({
    head: columns.map((column) => paint.bold(column.header)),
    colWidths: widths,
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) {
    table.push(
      row.map((cell, i) => {
        const style = columns[i]!.style ?? ((line: string) => line);
        const lines = wrapText(cell, widths[i]! - PADDING);
        return (columns[i]!.marked ? paintMatches(lines, paint.highlight) : lines).map((line) => style(line)).join('\n');
      }),
    );
  }
  return `${table.toString()}\n`;
}

function fitWidths(columns: TableColumn[], rows: string[][], width: number): number[] {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => stripMatchMarks(row[i] ?? '').length)) + PADDING);
  const borders = columns.length + 1;
  let excess = widths.reduce((sum, w) => sum + w, 0) + borders - width;
  const narrowable = (i: number) => !columns[i]!.keepWhole && widths[i]! > MIN_COLUMN + PADDING;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (narrowable(i) && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}
