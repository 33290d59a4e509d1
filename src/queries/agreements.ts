import type { Db } from '../db/open.js';
import { AGREEMENT, type AgreementRecord } from '../fields/agreement.js';
import { parseJsonFields, selectList } from '../fields/define.js';
import { byDate, involves, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';

export function findAgreements(db: Db, filters: CommonFilters): AgreementRecord[] {
  const rows = db
    .prepare(
      `SELECT ${selectList(AGREEMENT.fields)}
       FROM agreements g
       WHERE (@id IS NULL OR g.id = @id)
         AND ${involves('g.id', '@actors')}
         AND ${withinDatesSeeking('g')}
       ORDER BY ${byDate('g')}
       LIMIT @limit`,
    )
    .all(commonParams(filters)) as Record<string, unknown>[];
  return rows.map((row) => parseJsonFields<AgreementRecord>(row, AGREEMENT.fields));
}
