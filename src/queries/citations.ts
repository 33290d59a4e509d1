import type { Db } from '../db/open.js';
import { selectList } from '../fields/define.js';
import { SOURCE, type SourceRecord } from './sources.js';

/**
 * The pages behind these records, each once: those a record cites (for itself, a figure, a claim or what it
 * answers), and any of the records that is a page itself. Dated pages first, by the date as given (2025 before
 * 2025-04 before 2025-04-22), then undated ones; then by id.
 */
export function pagesCitedBy(db: Db, recordIds: readonly string[]): SourceRecord[] {
  return db
    .prepare(
      `WITH cited(id) AS (SELECT value FROM json_each(@ids))
       SELECT ${selectList(SOURCE.fields)}
       FROM sources so
       WHERE so.id IN cited
          OR so.id IN (SELECT source_id FROM citations WHERE record_id IN cited)
          OR so.id IN (SELECT source_id FROM figures WHERE record_id IN cited)
          OR so.id IN (SELECT source_id FROM claims WHERE record_id IN cited)
          OR so.id IN (SELECT source_id FROM responses WHERE record_id IN cited AND source_id IS NOT NULL)
       ORDER BY so.published IS NULL, so.published, so.id`,
    )
    .all({ ids: JSON.stringify(recordIds) }) as SourceRecord[];
}
