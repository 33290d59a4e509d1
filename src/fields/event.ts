import { actorsJson } from '../queries/fragments.js';
import { field, kind, list, nullable, text, type RecordOf } from './define.js';
import { actorRoleRef, factHead, factTail } from './shared.js';

const EVENT_ROLES = ['initiator', 'target', 'participant', 'mediator'];

/** Events over `events e`, in the order `crisis events` prints their fields. */
export const EVENT = kind({
  name: 'event',
  command: 'events',
  fields: [
    ...factHead('e', 'event'),
    field('type', 'e.type', text('what sort of event: attack, call, meeting, military-strike, ...')),
    field('location', 'e.location', nullable(text('where it happened, where known'))),
    field('actors', actorsJson('e.id', EVENT_ROLES, true), list(actorRoleRef(EVENT_ROLES.join(', ')), 'who took part, and in what role'), { json: true }),
    ...factTail('e'),
  ],
  columns: ['id', 'date', 'type', 'title', 'actors'],
});

export type EventRecord = RecordOf<typeof EVENT>;
