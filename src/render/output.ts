import { InterruptedError } from '../cli/errors.js';
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
  /** Aborted by Ctrl-C: writing stops after the line being written. */
  interrupted?: AbortSignal;
}

/** Writes records in the chosen format. Knows nothing of SQL: it receives finished records. */
export async function writeRecords(out: Output, records: object[], view: RecordView, settings: OutputSettings): Promise<void> {
  const highlights = settings.format === 'table' && settings.color;
  const rows = highlights ? (records as Record<string, unknown>[]) : withoutMatchMarks(records as Record<string, unknown>[], view.marked ?? []);
  const write = (chunks: Iterable<string>) => writeInTurns(out, chunks, settings.interrupted);
  switch (settings.format) {
    case 'json': {
      const fields = settings.fields ?? view.fields;
      if (rows.length === 0) return write(['[]\n']);
      // The bytes of JSON.stringify(rows, null, 2), one record at a time, each ending a line.
      const last = rows.length - 1;
      return write(
        rows.map((row, i) => `${i === 0 ? '[\n' : ''}  ${JSON.stringify(pick(row, fields), null, 2).replace(/\n/g, '\n  ')}${i === last ? '\n]\n' : ',\n'}`),
      );
    }
    case 'jsonl':
      return write(rows.map((row) => `${JSON.stringify(pick(row, settings.fields ?? view.fields))}\n`));
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      const fields = settings.fields ?? view.columns;
      // RFC 4180: CRLF after every record; csv-stringify quotes a cell holding a comma, quote or line break.
      // A row at a time, so a chunk never ends inside a quoted cell that holds a newline.
      return write(
        [fields, ...rows.map((row) => fields.map((field) => cellText(row[field])))].map((cells) => stringify([cells], { record_delimiter: 'windows' })),
      );
    }
    case 'tsv': {
      const fields = settings.fields ?? view.columns;
      const line = (cells: readonly string[]) => `${cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
      return write([line(fields), ...rows.map((row) => line(fields.map((field) => cellText(row[field]))))]);
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
      const note = paint.dim(`${rows.length} ${rows.length === 1 ? 'record' : 'records'}${undatedNote(rows, fields)}\n`);
      return write([...renderTable(columns, cells, settings.width, paint), note]);
    }
  }
}

/** How much text to write before giving Ctrl-C a chance to be heard. */
const TURN_CHARACTERS = 16_384;

/**
 * Writes chunks that each end a line (or a record), a batch at a time. Between batches the event loop
 * gets a turn, so a Ctrl-C pressed during a long output is heard, and writing stops there: after a
 * whole line, never in the middle of one. A short output is a single write.
 */
async function writeInTurns(out: Output, chunks: Iterable<string>, interrupted?: AbortSignal): Promise<void> {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length < TURN_CHARACTERS) continue;
    const accepted = out.write(batch);
    batch = '';
    // A pipe whose reader is slower than us says so; waiting for it keeps memory flat, and either
    // way the wait is a turn of the event loop in which Ctrl-C can be heard.
    await new Promise<void>((resolve) => (accepted === false && out.once ? out.once('drain', resolve) : setImmediate(resolve)));
    if (interrupted?.aborted) throw new InterruptedError();
  }
  if (batch) out.write(batch);
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
