import type { Db } from '../db/open.js';
import type { MeasureRecord } from '../records.js';
import {
  actorJson, agreementsJson, byDate, citationsJson, FACT_EXTRAS, factExtrasColumns, inResponseToJson, involves, invokesAgreement,
  parseJsonColumns, withinDates,
} from './fragments.js';
import { actorList, commonParams, type CommonFilters } from './filters.js';

export interface MeasureFilters extends CommonFilters {
  /** Actor ids that took the measure (or a person or body of theirs). */
  by?: string[];
  /** Actor ids the measure was aimed at. */
  against?: string[];
  category?: string;
  about?: string;
}

export function findMeasures(db: Db, filters: MeasureFilters): MeasureRecord[] {
  const rows = db
    .prepare(
      `SELECT m.id, 'measure' AS kind, m.date, m.date_precision, m.title, m.summary,
              ${actorJson('m.by_actor')} AS "by",
              ${actorJson('m.against_actor')} AS against,
              m.category, m.status,
              ${inResponseToJson('m.id')} AS in_response_to,
              ${agreementsJson('m.id')} AS agreements,
              m.cameo,
              ${factExtrasColumns('m.id')},
              ${citationsJson('m.id')} AS sources
       FROM measures m
       WHERE (@id IS NULL OR m.id = @id)
         AND (@category IS NULL OR m.category = @category)
         AND ${involves('m.id', '@actors')}
         AND ${involves('m.id', '@by', ['by'])}
         AND ${involves('m.id', '@against', ['against'])}
         AND ${invokesAgreement('m.id')}
         AND ${withinDates('m')}
       ORDER BY ${byDate('m')}
       LIMIT @limit`,
    )
    .all({
      ...commonParams(filters),
      by: actorList(filters.by),
      against: actorList(filters.against),
      category: filters.category ?? null,
      about: filters.about ?? null,
    }) as Record<string, unknown>[];
  return rows.map((row) => parseJsonColumns<MeasureRecord>(row, ['by', 'against', 'in_response_to', 'agreements', ...FACT_EXTRAS, 'sources']));
}
