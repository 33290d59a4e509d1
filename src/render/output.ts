import type { Output } from '../cli/io.js';
import { cellText, headerText } from './cells.js';
import { stripMatchMarks } from './highlight.js';
import { loadPaint } from './paint.js';
import type { RecordView } from './views.js';

export const FORMATS = ['table', 'json', 'jsonl', 'csv', 'tsv'] as const;
export type Format = (typeof FORMATS)[number];

/** Columns a table never narrows: ids are copied into `crisis show`, dates are short. */
const WHOLE_FIELDS = new Set(['id', 'date', 'published', 'event', 'in_response_to']);

export interface OutputSettings {
  format: Format;
  /** Fields chosen with --fields; otherwise all fields for JSON and the view's columns for text. */
  fields?: string[];
  color: boolean;
  /** Terminal width for tables. */
  width: number;
}

/** Writes records in the chosen format. Knows nothing of SQL: it receives finished records. */
export async function writeRecords(out: Output, records: object[], view: RecordView, settings: OutputSettings): Promise<void> {
  const highlights = settings.format === 'table' && settings.color;
  const rows = highlights ? (records as Record<string, unknown>[]) : withoutMatchMarks(records as Record<string, unknown>[], view.marked ?? []);
  switch (settings.format) {
    case 'json':
      out.write(`${JSON.stringify(rows.map((row) => pick(row, settings.fields ?? view.fields)), null, 2)}\n`);
      return;
    case 'jsonl':
      for (const row of rows) out.write(`${JSON.stringify(pick(row, settings.fields ?? view.fields))}\n`);
      return;
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      const fields = settings.fields ?? view.columns;
      // RFC 4180: CRLF after every record; csv-stringify quotes a cell holding a comma, quote or line break.
      out.write(stringify([fields, ...rows.map((row) => fields.map((field) => cellText(row[field])))], { record_delimiter: 'windows' }));
      return;
    }
    case 'tsv': {
      const fields = settings.fields ?? view.columns;
      const line = (cells: readonly string[]) => `${cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
      out.write(line(fields));
      for (const row of rows) out.write(line(fields.map((field) => cellText(row[field]))));
      return;
    }
    case 'table': {
      const fields = settings.fields ?? view.columns;
      const paint = await loadPaint(settings.color);
      const { renderTable } = await import('./table.js');
      const columns = fields.map((field) => ({
        header: headerText(field),
        keepWhole: WHOLE_FIELDS.has(field),
        style: field === 'id' ? paint.cyan : undefined,
        marked: view.marked?.includes(field),
      }));
      const cells = rows.map((row) => fields.map((field) => cellText(row[field])));
      out.write(renderTable(columns, cells, settings.width, paint));
      out.write(paint.dim(`${rows.length} ${rows.length === 1 ? 'record' : 'records'}${undatedNote(rows, fields)}\n`));
      return;
    }
  }
}

/** Says why a month- or year-dated row sits after the days around it, when the table shows one. */
function undatedNote(rows: Record<string, unknown>[], fields: readonly string[]): string {
  if (!fields.includes('date')) return '';
  const partial = rows.find((row) => row.date_precision === 'month' || row.date_precision === 'year');
  if (!partial) return '';
  const precision = String(partial.date_precision);
  return `; ${String(partial.date)} is known only to the ${precision} and follows that ${precision}'s dated records`;
}

function withoutMatchMarks(rows: Record<string, unknown>[], marked: readonly string[]): Record<string, unknown>[] {
  if (!marked.length) return rows;
  return rows.map((row) => ({ ...row, ...Object.fromEntries(marked.map((field) => [field, stripMatchMarks(String(row[field] ?? ''))])) }));
}

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));
}
