import type { Db } from '../db/open.js';
import { date, field, integer, kind, PRIORITY, nullable, type RecordOf, selectList, text } from '../fields/define.js';
import { factKind, recordId } from '../fields/shared.js';

/** Sources over `sources so`, in the order `crisis sources` prints their fields. */
export const SOURCE = kind({
  name: 'source',
  command: 'sources',
  fields: [
    recordId('so'),
    factKind('source'),
    field('title', 'so.title', text('the page’s or document’s title'), { column: { priority: PRIORITY.title } }),
    field('publisher', 'so.publisher', nullable(text('who published it, where known')), { column: { priority: PRIORITY.detail } }),
    field('url', 'so.url', nullable(text('where it is online, where it is')), { column: { priority: PRIORITY.detail } }),
    field('published', 'so.published', nullable(date('when it was published, where known')), { column: { cut: false, priority: PRIORITY.date } }),
    field('published_note', 'so.published_note', nullable(text('why no date of publication is given, or where the date given comes from')), { column: { priority: PRIORITY.detail } }),
    field('cited_by', '(SELECT count(DISTINCT c.record_id) FROM citations c WHERE c.source_id = so.id)', integer('how many records cite it')),
  ],
  columns: ['id', 'published', 'publisher', 'title', 'cited_by'],
});

export type SourceRecord = RecordOf<typeof SOURCE>;

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
