import Table from 'cli-table3';
import type { Paint } from './paint.js';

const MIN_COLUMN = 10;
const PADDING = 2;

/** A bordered table fitted to `width`: the widest columns give way first, and their text wraps. */
export function renderTable(headers: string[], rows: string[][], width: number, paint: Paint): string {
  const table = new Table({
    head: headers.map((header) => paint.bold(header)),
    colWidths: fitWidths(headers, rows, width),
    wordWrap: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  table.push(...rows);
  return `${table.toString()}\n`;
}

function fitWidths(headers: string[], rows: string[][], width: number): number[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => longestLine(row[column] ?? ''))) + PADDING,
  );
  const borders = headers.length + 1;
  let excess = widths.reduce((sum, w) => sum + w, 0) + borders - width;
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN + PADDING) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

function longestLine(text: string): number {
  // Colour codes take no room on screen.
  return Math.max(...text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.length));
}
