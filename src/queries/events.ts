import type { Db } from '../db/open.js';
import type { EventRecord } from '../records.js';
import { actorsJson, agreementsJson, byDate, citationsJson, FACT_EXTRAS, factExtrasColumns, inResponseToJson, involves, parseJsonColumns, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { streamRows } from './rows.js';

export interface EventFilters extends CommonFilters {
  type?: string;
}

const EVENT_ROLES = ['initiator', 'target', 'participant', 'mediator'];

/** Events one at a time, for streaming; findEvents for an array. */
export function eventRows(db: Db, filters: EventFilters): Iterable<EventRecord> {
  return streamRows(
    db.prepare(
      `SELECT e.id, 'event' AS kind, e.date, e.date_precision, e.title, e.summary, e.type, e.location,
              ${actorsJson('e.id', EVENT_ROLES, true)} AS actors,
              ${inResponseToJson('e.id')} AS in_response_to,
              ${agreementsJson('e.id')} AS agreements,
              e.cameo,
              ${factExtrasColumns('e.id')},
              ${citationsJson('e.id')} AS sources
       FROM events e
       WHERE (@id IS NULL OR e.id = @id)
         AND (@type IS NULL OR e.type = @type)
         AND ${involves('e.id', '@actors')}
         AND ${withinDatesSeeking('e')}
       ORDER BY ${byDate('e')}
       LIMIT @limit`,
    ),
    { ...commonParams(filters), type: filters.type ?? null },
    (row) => parseJsonColumns<EventRecord>(row, ['actors', 'in_response_to', 'agreements', ...FACT_EXTRAS, 'sources']),
  );
}

export function findEvents(db: Db, filters: EventFilters): EventRecord[] {
  return [...eventRows(db, filters)];
}
