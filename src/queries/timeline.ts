import type { Db } from '../db/open.js';
import type { TimelineRecord } from '../records.js';
import { actorsJson, agreementsJson, citationsJson, FACT_EXTRAS, factExtrasColumns, inResponseToJson, involves, parseJsonColumns, TAKING_PART, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { streamRows } from './rows.js';

export const TIMELINE_KINDS = ['event', 'statement', 'measure'] as const;

export interface TimelineFilters extends CommonFilters {
  kind?: (typeof TIMELINE_KINDS)[number];
}

/** On one day, what happened comes before the steps taken and the words said about it. */
const KIND_ORDER = `CASE r.kind WHEN 'event' THEN 0 WHEN 'measure' THEN 1 ELSE 2 END`;

/** The timeline's order of records `r`, for every query that lists events, statements and measures together. */
export const TIMELINE_ORDER = `r.date_end, r.date_start, ${KIND_ORDER}, r.id`;

/**
 * Events, statements and measures in one date order (as byDate orders each kind): a record known only
 * to the month follows that month's days. One record at a time, for streaming; findTimeline for an array.
 */
export function timelineRows(db: Db, filters: TimelineFilters): Iterable<TimelineRecord> {
  return streamRows(
    db.prepare(
      `SELECT r.id, r.kind, r.date, r.date_precision, r.title,
              coalesce(e.summary, s.summary, m.summary) AS summary,
              ${actorsJson('r.id', TAKING_PART, true)} AS actors,
              ${inResponseToJson('r.id')} AS in_response_to,
              ${agreementsJson('r.id')} AS agreements,
              coalesce(e.cameo, s.cameo, m.cameo) AS cameo,
              ${factExtrasColumns('r.id')},
              ${citationsJson('r.id')} AS sources
       FROM records r
       LEFT JOIN events e ON e.id = r.id
       LEFT JOIN statements s ON s.id = r.id
       LEFT JOIN measures m ON m.id = r.id
       WHERE r.kind IN (${TIMELINE_KINDS.map((kind) => `'${kind}'`).join(', ')})
         AND (@kind IS NULL OR r.kind = @kind)
         AND ${involves('r.id', '@actors')}
         AND ${withinDatesSeeking('r')}
       ORDER BY ${TIMELINE_ORDER}
       LIMIT @limit`,
    ),
    { ...commonParams(filters), kind: filters.kind ?? null },
    (row) => parseJsonColumns<TimelineRecord>(row, ['actors', 'in_response_to', 'agreements', ...FACT_EXTRAS, 'sources']),
  );
}

export function findTimeline(db: Db, filters: TimelineFilters): TimelineRecord[] {
  return [...timelineRows(db, filters)];
}
