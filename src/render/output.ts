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

/** Text is handed to the output in pieces of about this many characters: one write per record would be a system call each. */
const BATCH = 64 * 1024;

/** Collects small strings and writes them in batches; call flush() at the end. */
function batched(out: Output) {
  let pending = '';
  return {
    write(text: string) {
      pending += text;
      if (pending.length >= BATCH) this.flush();
    },
    flush() {
      if (pending) out.write(pending);
      pending = '';
    },
  };
}

/** CSV rows are stringified this many at a time: csv-stringify ends each record alike, so the pieces join up. */
const CSV_BATCH = 1000;

/**
 * Writes records in the chosen format. Knows nothing of SQL: it receives finished records, one at a time
 * for JSON, JSON lines, CSV and TSV (which it writes as they come, so a million need not fit in memory)
 * and all at once for a table, whose column widths depend on every row.
 */
export async function writeRecords(out: Output, records: Iterable<object>, view: RecordView, settings: OutputSettings): Promise<void> {
  const highlights = settings.format === 'table' && settings.color;
  const rows = highlights ? (records as Iterable<Record<string, unknown>>) : withoutMatchMarks(records as Iterable<Record<string, unknown>>, view.marked ?? []);
  const batch = batched(out);
  switch (settings.format) {
    case 'json': {
      // As JSON.stringify(rows, null, 2) would print the whole array, record by record.
      const fields = settings.fields ?? view.fields;
      let count = 0;
      for (const row of rows) batch.write(`${count++ ? ',' : '['}\n  ${JSON.stringify(pick(row, fields), null, 2).replace(/\n/g, '\n  ')}`);
      batch.write(count ? '\n]\n' : '[]\n');
      break;
    }
    case 'jsonl': {
      const fields = settings.fields ?? view.fields;
      for (const row of rows) batch.write(`${JSON.stringify(pick(row, fields))}\n`);
      break;
    }
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      const fields = settings.fields ?? view.columns;
      // RFC 4180: CRLF after every record; csv-stringify quotes a cell holding a comma, quote or line break.
      const write = (records: string[][]) => batch.write(stringify(records, { record_delimiter: 'windows' }));
      let pending: string[][] = [[...fields]];
      for (const row of rows) {
        pending.push(fields.map((field) => cellText(row[field])));
        if (pending.length >= CSV_BATCH) {
          write(pending);
          pending = [];
        }
      }
      if (pending.length) write(pending);
      break;
    }
    case 'tsv': {
      const fields = settings.fields ?? view.columns;
      const line = (cells: readonly string[]) => `${cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
      batch.write(line(fields));
      for (const row of rows) batch.write(line(fields.map((field) => cellText(row[field]))));
      break;
    }
    case 'table': {
      const all = [...rows];
      const fields = settings.fields ?? view.columns;
      const paint = await loadPaint(settings.color);
      const { renderTable } = await import('./table.js');
      const columns = fields.map((field) => ({
        header: headerText(field),
        keepWhole: WHOLE_FIELDS.has(field),
        style: field === 'id' ? paint.cyan : undefined,
        marked: view.marked?.includes(field),
      }));
      const cells = all.map((row) => fields.map((field) => cellText(row[field])));
      batch.write(renderTable(columns, cells, settings.width, paint));
      batch.write(paint.dim(`${all.length} ${all.length === 1 ? 'record' : 'records'}${undatedNote(all, fields)}\n`));
      break;
    }
  }
  batch.flush();
}

/** Says why a month- or year-dated row sits after the days around it, when the table shows one. */
function undatedNote(rows: Record<string, unknown>[], fields: readonly string[]): string {
  if (!fields.includes('date')) return '';
  const partial = rows.find((row) => row.date_precision === 'month' || row.date_precision === 'year');
  if (!partial) return '';
  const precision = String(partial.date_precision);
  return `; ${String(partial.date)} is known only to the ${precision} and follows that ${precision}'s dated records`;
}

function withoutMatchMarks(rows: Iterable<Record<string, unknown>>, marked: readonly string[]): Iterable<Record<string, unknown>> {
  if (!marked.length) return rows;
  return (function* () {
    for (const row of rows) yield { ...row, ...Object.fromEntries(marked.map((field) => [field, stripMatchMarks(String(row[field] ?? ''))])) };
  })();
}

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));
}
