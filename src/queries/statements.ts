import type { Db } from '../db/open.js';
import type { StatementRecord } from '../records.js';
import {
  actorJson, actorsJson, agreementsJson, byDate, citationsJson, FACT_EXTRAS, factExtrasColumns, inResponseToJson, involves,
  invokesAgreement, parseJsonColumns, withinDatesSeeking,
} from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { streamRows } from './rows.js';

export interface StatementFilters extends CommonFilters {
  type?: string;
  /** An agreement id: statements invoking it. */
  about?: string;
}

/** Statements one at a time, for streaming; findStatements for an array. */
export function statementRows(db: Db, filters: StatementFilters): Iterable<StatementRecord> {
  return streamRows(
    db.prepare(
      `SELECT s.id, 'statement' AS kind, s.date, s.date_precision, s.title, s.summary, s.type,
              ${actorJson('s.speaker')} AS speaker,
              ${actorJson('s.on_behalf_of')} AS on_behalf_of,
              ${actorsJson('s.id', ['addressee'])} AS addressees,
              s.quote, s.event_id AS event,
              ${inResponseToJson('s.id')} AS in_response_to,
              ${agreementsJson('s.id')} AS agreements,
              s.cameo,
              ${factExtrasColumns('s.id')},
              ${citationsJson('s.id')} AS sources
       FROM statements s
       WHERE (@id IS NULL OR s.id = @id)
         AND (@type IS NULL OR s.type = @type)
         AND ${involves('s.id', '@actors')}
         AND ${invokesAgreement('s.id')}
         AND ${withinDatesSeeking('s')}
       ORDER BY ${byDate('s')}
       LIMIT @limit`,
    ),
    { ...commonParams(filters), type: filters.type ?? null, about: filters.about ?? null },
    (row) => parseJsonColumns<StatementRecord>(row, ['speaker', 'on_behalf_of', 'addressees', 'in_response_to', 'agreements', ...FACT_EXTRAS, 'sources']),
  );
}

export function findStatements(db: Db, filters: StatementFilters): StatementRecord[] {
  return [...statementRows(db, filters)];
}
