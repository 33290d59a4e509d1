import type { Db } from '../db/open.js';
import { EVENT, type EventRecord } from '../fields/event.js';
import { byDate, involves, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { storedLookup } from './rows.js';

export interface EventFilters extends CommonFilters {
  type?: string;
}

/** The events a lookup asks for, in date order: what follows the select list. */
const MATCHING_EVENTS = `
       FROM events e
       WHERE (@id IS NULL OR e.id = @id)
         AND (@type IS NULL OR e.type = @type)
         AND ${involves('e.id', '@actors')}
         AND ${withinDatesSeeking('e')}
       ORDER BY ${byDate('e')}
       LIMIT @limit`;

const eventParams = (filters: EventFilters) => ({ ...commonParams(filters), type: filters.type ?? null });

const storedEvents = storedLookup<EventRecord, EventFilters>('events', 'e', EVENT.fields, MATCHING_EVENTS, eventParams);

/** Events one at a time, for streaming; findEvents for an array. */
export const eventRows = storedEvents.rows;

/** The same events as eventRows, each as its line of JSON, newline included, for output of every field as it is stored. */
export const eventJsonLines = storedEvents.jsonLines;

export function findEvents(db: Db, filters: EventFilters): EventRecord[] {
  return [...eventRows(db, filters)];
}
