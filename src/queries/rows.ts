import type { Statement } from 'better-sqlite3';

/**
 * A statement's rows (objects, or single values for a plucked statement) as records, read one at a time with .iterate(), so that a stream of a million
 * records never holds them all. The first row is read at once: a query that fails (a bad --raw search)
 * fails here, before anything is written. Iterate the result to the end, or stop early with break or
 * return (as for...of does), so the statement is released.
 */
export function streamRows<T, Row = Record<string, unknown>>(statement: Statement, params: object, toRecord: (row: Row, index: number) => T): Iterable<T> {
  const rows = statement.iterate(params) as IterableIterator<Row>;
  const first = rows.next();
  return (function* () {
    if (first.done) return;
    let index = 0;
    try {
      yield toRecord(first.value, index++);
      for (const row of rows) yield toRecord(row, index++);
    } finally {
      rows.return?.();
    }
  })();
}
