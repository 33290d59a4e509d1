import type { Db } from '../db/open.js';
import { selectList } from '../fields/define.js';
import { SOURCE, type SourceRecord } from '../fields/source.js';

export interface SourceFilters {
  id?: string;
  limit?: number;
}

/** Sources, most cited first. */
export function findSources(db: Db, filters: SourceFilters): SourceRecord[] {
  return db
    .prepare(
      `SELECT ${selectList(SOURCE.fields)}
       FROM sources so
       WHERE (@id IS NULL OR so.id = @id)
       ORDER BY cited_by DESC, so.id
       LIMIT @limit`,
    )
    .all({ id: filters.id ?? null, limit: filters.limit ?? -1 }) as SourceRecord[];
}
