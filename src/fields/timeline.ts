import { actorsJson, TAKING_PART } from '../queries/fragments.js';
import { field, kind, list, oneOf, type RecordOf } from './define.js';
import { actorRoleRef, datePrecision, factTail, recordDate, recordId, summary, title } from './shared.js';

export const TIMELINE_KINDS = ['event', 'statement', 'measure'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Every role an actor plays in a fact, as the timeline's `actors` names them. */
const ROLES = 'initiator, target, participant, mediator, speaker, on-behalf-of, addressee, by or against';

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
    title('r'),
    summary('coalesce(e.summary, s.summary, m.summary)'),
    field('actors', actorsJson('r.id', TAKING_PART, true), list(actorRoleRef(ROLES), 'everyone taking part, each with their role'), { json: true }),
    ...factTail('r', 'coalesce(e.cameo, s.cameo, m.cameo)'),
  ],
  columns: ['id', 'date', 'kind', 'title'],
});

export type TimelineRecord = RecordOf<typeof TIMELINE>;
