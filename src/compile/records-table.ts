import type Database from 'better-sqlite3';

/** A record's date as it is stored: as the facts give it, the span of days it may mean, and how it is known. */
export interface StoredDate {
  date: string;
  date_precision: string;
  date_start: string;
  date_end: string;
  date_basis: string;
  date_note?: string;
}

/**
 * The records table, written once every kind's rows are: the facts (every kind but sources) in id order, then the
 * sources (the pages that report them) in id order. The search index takes each record's rowid as its own
 * (src/compile/search-index.ts), so search joins a hit to its record by rowid, tells a page from a fact by its
 * rowid alone (pages come from the first source's rowid on: facts rank above them), and breaks ties between
 * equal scores by rowid, which is then id order within each. Foreign keys from the other tables to records must
 * be deferred, or off, until `write` has run.
 */
export function recordsInSearchOrder(db: Database.Database) {
  const rows: [id: string, kind: string, title: string, dated: StoredDate | undefined][] = [];
  const insert = db.prepare(
    'INSERT INTO records (id, kind, date, date_precision, date_start, date_end, date_basis, date_note, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    /** A record of any kind, with its date if it has one. */
    add(id: string, kind: string, title: string, dated?: StoredDate): void {
      rows.push([id, kind, title, dated]);
    },
    write(): void {
      // Ids are lower-case ASCII (src/compile/fact-shapes.ts), so JavaScript's order is SQLite's BINARY order.
      const page = (kind: string) => (kind === 'source' ? 1 : 0);
      rows.sort(([a, aKind], [b, bKind]) => page(aKind) - page(bKind) || (a < b ? -1 : a > b ? 1 : 0));
      for (const [id, kind, title, d] of rows) {
        insert.run(id, kind, d?.date ?? null, d?.date_precision ?? null, d?.date_start ?? null, d?.date_end ?? null, d?.date_basis ?? null, d?.date_note ?? null, title);
      }
    },
  };
}
