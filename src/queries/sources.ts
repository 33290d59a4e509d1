import type { Db } from '../db/open.js';
import type { SourceRecord } from '../fields/types.js';

export interface SourceFilters {
  id?: string;
  limit?: number;
}

/** Sources, most cited first. */
export function findSources(db: Db, filters: SourceFilters): SourceRecord[] {
  return db
    .prepare(
      `SELECT s.id, 'source' AS kind, s.title, s.publisher, s.url, s.published,
              (SELECT count(DISTINCT c.record_id) FROM citations c WHERE c.source_id = s.id) AS cited_by
       FROM sources s
       WHERE (@id IS NULL OR s.id = @id)
       ORDER BY cited_by DESC, s.id
       LIMIT @limit`,
    )
    .all({ id: filters.id ?? null, limit: filters.limit ?? -1 }) as SourceRecord[];
}
