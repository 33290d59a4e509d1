import type { Db } from '../db/open.js';
import type { AgreementRecord } from '../fields/types.js';
import { actorsJson, byDate, citationsJson, FACT_EXTRAS, factExtrasColumns, involves, parseJsonColumns, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';

export function findAgreements(db: Db, filters: CommonFilters): AgreementRecord[] {
  const rows = db
    .prepare(
      `SELECT g.id, 'agreement' AS kind, g.name, g.aliases, g.date, g.date_precision, g.summary,
              ${actorsJson('g.id', ['party'])} AS parties,
              (SELECT json_group_array(json_object('id', r.id, 'kind', r.kind, 'date', r.date, 'title', r.title)
                                       ORDER BY r.date_end, r.date_start, r.id)
               FROM record_agreements ra JOIN records r ON r.id = ra.record_id
               WHERE ra.agreement_id = g.id) AS invoked_by,
              ${factExtrasColumns('g.id')},
              ${citationsJson('g.id')} AS sources
       FROM agreements g
       WHERE (@id IS NULL OR g.id = @id)
         AND ${involves('g.id', '@actors')}
         AND ${withinDatesSeeking('g')}
       ORDER BY ${byDate('g')}
       LIMIT @limit`,
    )
    .all(commonParams(filters)) as Record<string, unknown>[];
  return rows.map((row) => parseJsonColumns<AgreementRecord>(row, ['aliases', 'parties', 'invoked_by', ...FACT_EXTRAS, 'sources']));
}
