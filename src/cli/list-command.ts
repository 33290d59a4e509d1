import type { Context } from './context.js';
import { writeJsonLines, writeRecords } from '../render/output.js';
import { sortRecords } from '../render/sort.js';
import type { Kind } from '../fields/define.js';
import { toLimit, toOutputSettings, toSort, type RawOptions } from '../options/parse.js';

/**
 * What every list command does once it knows its query: checks the output options, runs the query, orders,
 * limits and writes. `query` validates the command's own filters and takes the limit to put in its SQL.
 * `jsonLines`, where a kind has it, gives the same records as the JSON the database stores for them, in the
 * order of the kind's fields: JSON lines of every field, unsorted, are those passed through.
 */
export async function writeList<T extends object>(
  ctx: Context,
  raw: RawOptions,
  kind: Kind,
  query: (limit: number | undefined) => Iterable<T>,
  jsonLines?: (limit: number | undefined) => Iterable<string>,
): Promise<void> {
  const output = toOutputSettings(raw, kind, ctx);
  const sort = toSort(raw.sort, kind);
  const limit = toLimit(raw.limit);
  if (jsonLines && output.format === 'jsonl' && !output.fields && !sort) {
    await writeJsonLines(ctx.io.stdout, jsonLines(limit), output.interrupted);
    return;
  }
  // A sort reorders the whole result, so the limit must apply after it rather than in SQL. Without one,
  // records go from the query to the output one at a time.
  const rows = sort ? sortRecords([...query(undefined)], sort).slice(0, limit) : query(limit);
  await writeRecords(ctx.io.stdout, rows, kind, output);
}
