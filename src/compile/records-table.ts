import type Database from 'better-sqlite3';
import { parseDate } from '../dates.js';

/**
 * The records table, written in id order once every kind's rows are: the search index takes each record's
 * rowid as its own (src/compile/search-index.ts), so search joins a hit to its record by rowid, and breaks ties
 * between equal scores by rowid, which is then id order. Foreign keys from the other tables to records must
 * be deferred, or off, until `write` has run.
 */
export function recordsInIdOrder(db: Database.Database) {
  const rows: [id: string, kind: string, title: string, date: string | undefined][] = [];
  const insert = db.prepare(
    'INSERT INTO records (id, kind, date, date_precision, date_start, date_end, title) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    /** A record of any kind; `date` as the facts give it (YYYY, YYYY-MM or YYYY-MM-DD), checked before. */
    add(id: string, kind: string, title: string, date?: string): void {
      rows.push([id, kind, title, date]);
    },
    write(): void {
      // Ids are lower-case ASCII (src/compile/fact-shapes.ts), so JavaScript's order is SQLite's BINARY order.
      rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [id, kind, title, date] of rows) {
        const span = date === undefined ? null : parseDate(date)!;
        insert.run(id, kind, span?.date ?? null, span?.precision ?? null, span?.start ?? null, span?.end ?? null, title);
      }
    },
  };
}
