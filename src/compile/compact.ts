import type Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { GATHER_STATISTICS } from '../db/tables.js';

/**
 * Ends a database's build, written in the file `written`: gathers the planner's statistics, then copies the
 * database compacted (VACUUM INTO) to a file beside `out` and renames that into place, so a reader never sees
 * half; `written` is removed whatever happens. Written a row at a time, each table's pages lie interleaved
 * with the others' across the whole file, and a query that reads many rows of one table (ranking a common
 * word) reads pages spread over all of it; in the copy each table's pages are together and in order. The copy
 * keeps every rowid (a test holds the search index's rowids equal to their records').
 */
export function finishDatabase(db: Database.Database, written: string, out: string): void {
  const compacted = `${out}.tmp-${process.pid}-compacted`;
  try {
    db.exec(GATHER_STATISTICS);
    rmSync(compacted, { force: true });
    db.prepare('VACUUM INTO ?').run(compacted);
    db.close();
    renameSync(compacted, out);
  } finally {
    if (db.open) db.close();
    rmSync(compacted, { force: true });
    rmSync(written, { force: true });
  }
}
