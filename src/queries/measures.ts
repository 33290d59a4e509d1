import type { Db } from '../db/open.js';
import type { MeasureRecord } from '../records.js';
import {
  actorJson, agreementsJson, byDate, citationsJson, FACT_EXTRAS, factExtrasColumns, inResponseToJson, involves, invokesAgreement,
  parseJsonColumns, withinDatesSeeking,
} from './fragments.js';
import { actorList, commonParams, type CommonFilters } from './filters.js';
import { streamRows } from './rows.js';

export interface MeasureFilters extends CommonFilters {
  /** Actor ids that took the measure (or a person or body of theirs). */
  by?: string[];
  /** Actor ids the measure was aimed at. */
  against?: string[];
  category?: string;
  about?: string;
}

/** Measures one at a time, for streaming; findMeasures for an array. */
export function measureRows(db: Db, filters: MeasureFilters): Iterable<MeasureRecord> {
  return streamRows(
    db.prepare(
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
         AND ${withinDatesSeeking('m')}
       ORDER BY ${byDate('m')}
       LIMIT @limit`,
    ),
    {
      ...commonParams(filters),
      by: actorList(filters.by),
      against: actorList(filters.against),
      category: filters.category ?? null,
      about: filters.about ?? null,
    },
    (row) => parseJsonColumns<MeasureRecord>(row, ['by', 'against', 'in_response_to', 'agreements', ...FACT_EXTRAS, 'sources']),
  );
}

export function findMeasures(db: Db, filters: MeasureFilters): MeasureRecord[] {
  return [...measureRows(db, filters)];
}
