import type { Context } from './context.js';
import { writeJsonArray, writeJsonLines, writeRecords } from '../render/output.js';
import { sortRecords } from '../render/sort.js';
import { fieldNames, type Kind } from '../fields/define.js';
import { toAsOfDay, toLimit, toOutputSettings, toSort, type RawOptions } from '../options/parse.js';
import { type AsOf, asItStood, asOf } from '../queries/as-of.js';
import type { JsonLayout } from '../queries/rows.js';

/** What a list command may do to its records once --as-of has chosen them: search numbers its ranks again. */
export interface ListOptions<T> {
  afterAsOf?: (records: T[]) => T[];
}

/**
 * What every list command does once it knows its query: checks the output options, runs the query, orders,
 * limits and writes. `query` validates the command's own filters and takes the limit to put in its SQL.
 * `jsonTexts`, where a kind has it, gives the same records as the JSON the database stores for them, in the
 * order of the kind's fields, in a layout: JSON or JSON lines of every field, unsorted, are those passed through.
 * With --cite, the answer's citation follows on stderr.
 */
export async function writeList<T extends { id: string }>(
  ctx: Context,
  raw: RawOptions,
  kind: Kind,
  query: (limit: number | undefined) => Iterable<T>,
  jsonTexts?: (limit: number | undefined, layout: JsonLayout) => Iterable<string>,
  options: ListOptions<T> = {},
): Promise<void> {
  const output = toOutputSettings(raw, kind, ctx);
  const sort = toSort(raw.sort, kind);
  const limit = toLimit(raw.limit);
  const asOfDay = toAsOfDay(raw);
  if (asOfDay !== undefined) {
    const arrange = (records: T[]) => (options.afterAsOf ?? ((kept: T[]) => kept))((sort ? sortRecords(records, sort) : records).slice(0, limit));
    await writeAsOf(ctx, asOfDay, query(undefined), arrange, (records, view) =>
      writeCiting(ctx, raw.cite, records, (cited) => writeRecords(ctx.io.stdout, cited, kind, output), view),
    );
    return;
  }
  // Stored JSON is passed through unread, so the ids a citation needs come from the records instead.
  const everyField = !output.fields || output.fields.join() === fieldNames(kind).join();
  if (jsonTexts && everyField && !sort && !raw.cite) {
    if (output.format === 'jsonl') return writeJsonLines(ctx.io.stdout, jsonTexts(limit, 'line'), output.interrupted);
    if (output.format === 'json') return writeJsonArray(ctx.io.stdout, jsonTexts(limit, 'indented'), output.interrupted);
  }
  // A sort reorders the whole result, so the limit must apply after it rather than in SQL. Without one,
  // records go from the query to the output one at a time.
  const rows = sort ? sortRecords([...query(undefined)], sort).slice(0, limit) : query(limit);
  await writeCiting(ctx, raw.cite, rows, (cited) => writeRecords(ctx.io.stdout, cited, kind, output));
}

/**
 * Writes an answer's records with `write`; with --cite (`cite`), then its citation on stderr, naming the command line
 * that gave it, from the ids of the records as they passed (as of a day, only the pages out by then). Without it, the
 * records pass untouched.
 */
export async function writeCiting<T extends { id: string }>(
  ctx: Context,
  cite: boolean | undefined,
  rows: Iterable<T>,
  write: (rows: Iterable<T>) => Promise<void>,
  view?: AsOf,
): Promise<void> {
  if (!cite) return write(rows);
  const ids: string[] = [];
  await write(
    (function* () {
      for (const row of rows) {
        ids.push(row.id);
        yield row;
      }
    })(),
  );
  const { writeCitation } = await import('../commands/cite.js');
  writeCitation(ctx, ctx.io.stderr, ids, 'text', ctx.argv, view && ((page) => view.published(page.published)));
}

/**
 * --as-of: every record the query finds, as it stood by the end of the day (those not yet known left out), then
 * ordered and cut as asked; a note on stderr counts those left out because their pages show no date.
 */
export async function writeAsOf<T extends { id: string }>(
  ctx: Context,
  day: string,
  found: Iterable<T>,
  arrange: (records: T[]) => T[],
  write: (records: T[], view: AsOf) => Promise<void>,
): Promise<void> {
  const view = asOf(ctx.db(), day);
  const known: T[] = [];
  let undated = 0;
  for (const record of found) {
    const stood = asItStood(record, view);
    if (stood) known.push(stood);
    else if (view.undated(record.id, (record as { date?: string | null }).date)) undated++;
  }
  await write(arrange(known), view);
  // Records left out that pages of no known date cite may have been known: say how many.
  if (undated) {
    const records = `${undated} more ${undated === 1 ? 'record' : 'records'}`;
    ctx.io.stderr.write(`crisis: as of ${day}, ${records} left out: no page citing them was out by then, and some show no date\n`);
  }
}
