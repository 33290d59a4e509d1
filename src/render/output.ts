import { InterruptedError } from '../errors.js';
import { type Interruption, OUTPUT_BATCH, type Output } from '../cli/io.js';
import { cellText, headerText } from './cells.js';
import { stripMatchMarks, visibleKeepingMarks } from './highlight.js';
import { loadPaint } from './paint.js';
import { fieldNames, type Kind } from '../fields/define.js';
import { visible } from '../text.js';

export const FORMATS = ['table', 'json', 'jsonl', 'csv', 'tsv'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputSettings {
  format: Format;
  /** Fields chosen with --fields; otherwise all fields for JSON and the kind's default columns for text. */
  fields?: string[];
  color: boolean;
  /** Terminal width for tables. */
  width: number;
  /** --wide: a table wraps its text and shows every column, rather than cutting to one line a record. */
  wide?: boolean;
  /** Aborted by Ctrl-C: writing stops after the line being written. */
  interrupted?: Interruption;
  /** The line under a table, in place of its count of records. */
  summary?: string;
}

/** Text goes to the output in pieces of about this many characters: one write per record would be a system call each. */
const BATCH = OUTPUT_BATCH;

/**
 * Collects whole lines and writes them in batches. After each batch it lets the event loop turn (waiting
 * for a slow reader to drain, where the output says so), which is when Ctrl-C is heard: an interrupted
 * write stops there, after a whole line, with InterruptedError. write() returns a promise only when it
 * wrote a batch, so the many small writes in between cost no await; await every promise it returns, since it
 * carries the failure of that write (EPIPE when the reader has gone).
 */
function batched(out: Output, interrupted?: Interruption) {
  let pending = '';
  const flush = async () => {
    const accepted = out.write(pending);
    pending = '';
    await new Promise<void>((resolve) => (accepted === false && out.once ? out.once('drain', resolve) : setImmediate(resolve)));
    if (interrupted?.aborted) throw new InterruptedError();
  };
  return {
    write(lines: string): Promise<void> | undefined {
      pending += lines;
      return pending.length >= BATCH ? flush() : undefined;
    },
    /**
     * Writes what is left: the output is then whole, so a Ctrl-C now has nothing to stop. (main() waits for
     * the output to take it all, for every command alike, so a failed write is still the command's error.)
     */
    end() {
      if (pending) out.write(pending);
      pending = '';
    },
  };
}

/**
 * JSON as JSON.stringify writes it, with DEL and the C1 control characters escaped as well as the C0 ones it escapes
 * itself: the same text to any JSON reader, and nothing a terminal would act on.
 */
export function jsonText(value: object, indent?: number): string {
  return visible(JSON.stringify(value, null, indent), 'text');
}

/**
 * Writes text made line by line, each line ending in its newline (a chart), in batches as records are, so Ctrl-C
 * stops it after a whole line.
 */
export async function writeLines(out: Output, lines: Iterable<string>, interrupted?: Interruption): Promise<void> {
  const batch = batched(out, interrupted);
  for (const line of lines) {
    const wait = batch.write(line);
    if (wait) await wait;
  }
  batch.end();
}

/**
 * Writes records' JSON as the database stores it, a line each, as it comes. SQLite's JSON escapes the control
 * characters of what crisis build wrote, but another database may store anything: each is escaped as JSON escapes it,
 * so a line stays one line of valid JSON, of the same text.
 */
export async function writeJsonLines(out: Output, jsons: Iterable<string>, interrupted?: Interruption): Promise<void> {
  const batch = batched(out, interrupted);
  for (const json of jsons) {
    const wait = batch.write(`${visible(json, 'line')}\n`);
    if (wait) await wait;
  }
  batch.end();
}

/**
 * Writes records' JSON texts, each indented at two spaces over its lines (the `indented` layout of a stored record),
 * as one array: the bytes `--json` prints from the records themselves, each made visible as jsonText makes it.
 */
export async function writeJsonArray(out: Output, jsons: Iterable<string>, interrupted?: Interruption): Promise<void> {
  const batch = batched(out, interrupted);
  await writeArrayElements(batch, mapped(jsons, (json) => `  ${visible(json, 'text').replaceAll('\n', '\n  ')}`));
  batch.end();
}

/**
 * The bytes of JSON.stringify(array, null, 2), given each element as it stands indented in the array, an element
 * at a time. Each is held until the next comes, so it can end its own line with the comma or the closing bracket:
 * every batch is whole lines.
 */
async function writeArrayElements(batch: ReturnType<typeof batched>, elements: Iterable<string>): Promise<void> {
  let held: string | undefined;
  for (const element of elements) {
    const wait = batch.write(held === undefined ? '[\n' : `${held},\n`);
    held = element;
    if (wait) await wait;
  }
  await batch.write(held === undefined ? '[]\n' : `${held}\n]\n`);
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

/** CSV rows are stringified this many at a time: csv-stringify ends each record alike, so the pieces join up. */
const CSV_BATCH = 1000;

/**
 * Writes records in the chosen format. Knows nothing of SQL: it receives finished records, one at a time
 * for JSON, JSON lines, CSV and TSV (which it writes as they come, so a million need not fit in memory)
 * and all at once for a table, whose column widths depend on every row.
 */
export async function writeRecords(out: Output, records: Iterable<object>, kind: Kind, settings: OutputSettings): Promise<void> {
  const highlights = settings.format === 'table' && settings.color;
  const rows = highlights ? (records as Iterable<Record<string, unknown>>) : withoutMatchMarks(records as Iterable<Record<string, unknown>>, kind.marked ?? []);
  const batch = batched(out, settings.interrupted);
  switch (settings.format) {
    case 'json': {
      const fields = settings.fields ?? fieldNames(kind);
      // Stringified inside an array, a record comes out indented as the array's element, as the whole would.
      const elements = mapped(rows, (row) => jsonText([pick(row, fields)], 2).slice('[\n'.length, -'\n]'.length));
      await writeArrayElements(batch, elements);
      break;
    }
    case 'jsonl': {
      const fields = settings.fields ?? fieldNames(kind);
      for (const row of rows) {
        const wait = batch.write(`${jsonText(pick(row, fields))}\n`);
        if (wait) await wait;
      }
      break;
    }
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      const columns = delimitedColumns(kind, settings.fields ?? kind.columns);
      // RFC 4180: CRLF after every record; csv-stringify quotes a cell holding a comma, quote or line break.
      // Whole records at a time, so a batch never ends inside a quoted cell that holds a newline.
      const write = (records: string[][]) => batch.write(stringify(records, { record_delimiter: 'windows' }));
      let pending: string[][] = [columns.map((column) => column.header)];
      for (const row of rows) {
        pending.push(columns.map((column) => column.cell(row)));
        if (pending.length < CSV_BATCH) continue;
        const wait = write(pending);
        pending = [];
        if (wait) await wait;
      }
      if (pending.length) await write(pending);
      break;
    }
    case 'tsv': {
      const columns = delimitedColumns(kind, settings.fields ?? kind.columns);
      const line = (cells: readonly string[]) => `${cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
      await batch.write(line(columns.map((column) => column.header)));
      for (const row of rows) {
        const wait = batch.write(line(columns.map((column) => column.cell(row))));
        if (wait) await wait;
      }
      break;
    }
    case 'table': {
      const all = [...rows];
      const fields = settings.fields ?? kind.columns;
      const paint = await loadPaint(settings.color);
      const { fitTable, renderTable } = await import('./table.js');
      const { wrapText } = await import('./wrap.js');
      const columns = fields.map((name) => {
        const { column } = kind.fields.find((field) => field.name === name)!;
        return { header: headerText(name), ...column, style: name === 'id' ? paint.cyan : undefined, marked: kind.marked?.includes(name) };
      });
      // A marked field keeps its marks for renderTable to paint (they were dropped above when it will not).
      const marked = new Set<string>(kind.marked ?? []);
      const cells = all.map((row) => fields.map((field) => (marked.has(field) && highlights ? visibleKeepingMarks(String(row[field] ?? '')) : cellText(row[field]))));
      const layout = fitTable(columns, cells, settings.width, settings.wide);
      // A table comes in pieces of rows (renderTable), each whole lines, so Ctrl-C can stop it between them.
      for (const piece of renderTable(layout, cells, paint)) {
        const wait = batch.write(piece);
        if (wait) await wait;
      }
      const summary = settings.summary ?? `${all.length} ${all.length === 1 ? 'record' : 'records'}${undatedNote(all, fields)}`;
      const footer = `${summary}${leftOutNote(layout.leftOut, settings.width)}`;
      await batch.write(wrapText(footer, settings.width).map((line) => `${paint.dim(line)}\n`).join(''));
      break;
    }
  }
  batch.end();
}

/** Names the columns a table left out to fit the terminal, and how to see them. */
function leftOutNote(headers: readonly string[], width: number): string {
  if (!headers.length) return '';
  return `; ${headers.join(', ')} left out to fit ${width} columns (--wide shows ${headers.length === 1 ? 'it' : 'them'})`;
}

/** Says why a month- or year-dated row sits after days of its month or year, when the table shows one. */
function undatedNote(rows: Record<string, unknown>[], fields: readonly string[]): string {
  if (!fields.includes('date')) return '';
  const partial = rows.find((row) => row.date_precision === 'month' || row.date_precision === 'year');
  if (!partial) return '';
  const precision = String(partial.date_precision);
  return `; ${visible(String(partial.date), 'line')} is known only to the ${precision} and follows the days it may fall on`;
}

function withoutMatchMarks(rows: Iterable<Record<string, unknown>>, marked: readonly string[]): Iterable<Record<string, unknown>> {
  if (!marked.length) return rows;
  return mapped(rows, (row) => ({ ...row, ...Object.fromEntries(marked.map((field) => [field, stripMatchMarks(String(row[field] ?? ''))])) }));
}

/**
 * The columns of CSV and TSV for these fields: each field's text, and after a field naming actors (Field.ids)
 * their ids, for joining: `speaker_id` after `speaker`, `actors_ids` (joined by `;`) after `actors`.
 */
function delimitedColumns(kind: Kind, fields: readonly string[]): { header: string; cell: (row: Record<string, unknown>) => string }[] {
  return fields.flatMap((name) => {
    const named = { header: name, cell: (row: Record<string, unknown>) => cellText(row[name]) };
    const ids = kind.fields.find((field) => field.name === name)?.ids;
    if (!ids) return [named];
    return [named, { header: `${name}_${ids === 'one' ? 'id' : 'ids'}`, cell: (row: Record<string, unknown>) => cellText(idsOf(row[name])) }];
  });
}

/** The ids of an actor reference, or of a list of them joined by `;`. */
function idsOf(value: unknown): string {
  const refs = (Array.isArray(value) ? value : [value]) as ({ id?: unknown } | null)[];
  return refs.map((ref) => String(ref?.id ?? '')).join(';');
}

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = row[field] ?? null;
  return picked;
}
