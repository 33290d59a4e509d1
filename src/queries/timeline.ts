import type { DatePrecision } from '../dates.js';
import type { Db } from '../db/open.js';
import { field, kind, oneOf, parseJsonFields, type RecordOf, selectList } from '../fields/define.js';
import { actorsField, dateBasis, dateSpan, dateNote, datePrecision, factTail, recordDate, recordId, summary, title } from '../fields/shared.js';
import { type CommonFilters, commonParams } from './filters.js';
import { inRoles, involves, sideOf, TAKING_PART, withinDatesSeeking } from './fragments.js';
import { streamRows } from './rows.js';

export const TIMELINE_KINDS = ['event', 'statement', 'measure'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * Events, statements and measures in one list: what every dated fact has in common, over `records r` and
 * its kind's row (`events e`, `statements s` or `measures m`, whichever it is).
 */
export const TIMELINE = kind({
  name: 'timeline',
  command: 'timeline',
  fields: [
    recordId('r'),
    field('kind', 'r.kind', oneOf(TIMELINE_KINDS, 'what sort of record: `crisis show <id>` prints all its fields')),
    recordDate('r'),
    datePrecision('r'),
    ...dateSpan('r'),
    dateBasis('r'),
    dateNote('r'),
    title('r'),
    summary('coalesce(e.summary, s.summary, m.summary)'),
    actorsField('r', TAKING_PART, 'everyone taking part, each with their role'),
    ...factTail('r', 'coalesce(e.cameo, s.cameo, m.cameo)'),
  ],
  columns: ['id', 'date', 'kind', 'title'],
});

export type TimelineRecord = RecordOf<typeof TIMELINE>;

export interface TimelineFilters extends CommonFilters {
  kind?: TimelineKind;
}

/** On one day, what happened comes before the steps taken and the words said about it. */
const KIND_ORDER = `CASE r.kind WHEN 'event' THEN 0 WHEN 'measure' THEN 1 ELSE 2 END`;

/** The timeline's order of records `r` (byDate's, then on one day by kind), for every query that lists events, statements and measures together. */
export const TIMELINE_ORDER = `r.date_end, r.date_start DESC, ${KIND_ORDER}, r.id`;

/** Which records `r` the timeline's filters choose: one text for the list, the chart and the response graph. */
export const TIMELINE_CHOICE = `r.kind IN (${TIMELINE_KINDS.map((kind) => `'${kind}'`).join(', ')})
         AND (@kind IS NULL OR r.kind = @kind)
         AND ${involves('r.id', '@actors', TAKING_PART)}
         AND ${withinDatesSeeking('r')}`;

/** Which records the timeline holds and in what order, whatever it selects of them: one text, so the chart cannot drift from the list. */
const TIMELINE_SELECTION = `FROM records r
       LEFT JOIN events e ON e.id = r.id
       LEFT JOIN statements s ON s.id = r.id
       LEFT JOIN measures m ON m.id = r.id
       WHERE ${TIMELINE_CHOICE}
       ORDER BY ${TIMELINE_ORDER}`;

/**
 * Events, statements and measures in one date order (as byDate orders each kind): a record known only
 * to the month follows the days it may fall on. One record at a time, for streaming; findTimeline for an array.
 */
export function timelineRows(db: Db, filters: TimelineFilters): Iterable<TimelineRecord> {
  return streamRows(
    db.prepare(
      `SELECT ${selectList(TIMELINE.fields)}
       ${TIMELINE_SELECTION}
       LIMIT @limit`,
    ),
    { ...commonParams(filters), kind: filters.kind ?? null },
    (row) => parseJsonFields<TimelineRecord>(row, TIMELINE.fields),
  );
}

export function findTimeline(db: Db, filters: TimelineFilters): TimelineRecord[] {
  return [...timelineRows(db, filters)];
}

/** What `timeline --chart` draws of a record: where it goes in time, its mark, and which column holds it. */
export interface ChartRecord {
  id: string;
  kind: TimelineKind;
  date: string;
  date_precision: DatePrecision;
  /** The last day the date may mean: for a month or year, no later than the day a page first reported it. */
  date_end: string;
  /** The state whose act the record is (sideOf), or null when no state acts. */
  side: string | null;
  /** Of the actors the filter names (--actor), those the record involves, as `involves` counts it; [] with no filter. */
  involved: string[];
}

/** The timeline's records (same filters, same order), with only what a chart needs: no quotes, sources or summaries. */
export function timelineChartRows(db: Db, filters: TimelineFilters): Iterable<ChartRecord> {
  return streamRows(
    db.prepare(
      `SELECT r.id, r.kind, r.date, r.date_precision, r.date_end, ${sideOf('r.id')} AS side,
              (SELECT json_group_array(DISTINCT f.root) FROM involvements i JOIN actor_family f ON f.member = i.actor_id
               WHERE i.record_id = r.id AND ${inRoles(TAKING_PART)}
                 AND f.root IN (SELECT value FROM json_each(@actors))) AS involved
       ${TIMELINE_SELECTION}
       LIMIT @limit`,
    ),
    { ...commonParams(filters), kind: filters.kind ?? null },
    (row) => ({ ...row, involved: JSON.parse(row.involved as string) as string[] }) as ChartRecord,
  );
}
