import type { Db } from '../db/open.js';
import { field, kind, PRIORITY, nullable, oneOf, type RecordOf, text } from '../fields/define.js';
import { actorsField, factHead, factTail } from '../fields/shared.js';
import { type CommonFilters, commonParams } from './filters.js';
import { byDate, involves, withinDatesSeeking } from './fragments.js';
import { storedLookup } from './rows.js';

export const EVENT_ROLES = ['initiator', 'target', 'participant', 'mediator'] as const;
/**
 * What sort of event it is: a closed list, like every vocabulary of the field tables, so `crisis schema` gives it as
 * an enum and the build refuses any other (a new sort of event is added here, and in data/README.md).
 */
export const EVENT_TYPES = [
  'attack', 'military-strike', 'shelling', 'firing', 'missile-test', 'drill', 'call', 'meeting', 'visit', 'talks', 'briefing',
  'address', 'consultation', 'demarche', 'communication', 'border-closure', 'population-movement',
] as const;

/** Events over `events e`, in the order `crisis events` prints their fields. */
export const EVENT = kind({
  name: 'event',
  command: 'events',
  fields: [
    ...factHead('e', 'event'),
    field('type', 'e.type', oneOf(EVENT_TYPES, 'what sort of event')),
    field('location', 'e.location', nullable(text('where it happened, where known')), { column: { priority: PRIORITY.detail } }),
    actorsField('e', EVENT_ROLES, 'who took part, and in what role'),
    ...factTail('e'),
  ],
  columns: ['id', 'date', 'type', 'title', 'actors'],
  stored: { table: 'events', alias: 'e' },
});

export type EventRecord = RecordOf<typeof EVENT>;

export interface EventFilters extends CommonFilters {
  type?: string;
}

/** The events a lookup asks for, in date order: what follows the select list. */
const MATCHING_EVENTS = `
       FROM events e
       WHERE (@id IS NULL OR e.id = @id)
         AND (@type IS NULL OR e.type = @type)
         AND ${involves('e.id', '@actors', EVENT_ROLES)}
         AND ${withinDatesSeeking('e')}
       ORDER BY ${byDate('e')}
       LIMIT @limit`;

const eventParams = (filters: EventFilters) => ({ ...commonParams(filters), type: filters.type ?? null });

const storedEvents = storedLookup<EventRecord, EventFilters>(EVENT, MATCHING_EVENTS, eventParams);

/** Events one at a time, for streaming; findEvents for an array. */
export const eventRows = storedEvents.rows;

/** The same events as eventRows, each as the JSON text stored for it, in either layout, for output of every field as it is stored. */
export const eventJsonTexts = storedEvents.jsonTexts;

export function findEvents(db: Db, filters: EventFilters): EventRecord[] {
  return [...eventRows(db, filters)];
}
