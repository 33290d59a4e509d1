import { actorsJson } from '../queries/fragments.js';
import { field, id, kind, list, nullable, text, type RecordOf } from './define.js';
import { actorField, actorRef, factHead, factTail, nullableActorField } from './shared.js';

/** Statements over `statements s`, in the order `crisis statements` prints their fields. */
export const STATEMENT = kind({
  name: 'statement',
  command: 'statements',
  fields: [
    ...factHead('s', 'statement'),
    field('type', 's.type', text('what sort of statement: condemnation, appeal, offer, warning, denial, ...')),
    actorField('speaker', 's.speaker', 'who said it'),
    nullableActorField('on_behalf_of', 's.on_behalf_of', 'the state or body the speaker spoke for, or null'),
    field('addressees', actorsJson('s.id', ['addressee']), list(actorRef, 'to whom it was said'), { json: true }),
    field('quote', 's.quote', nullable(text('the words said, verbatim, where a source has them; else null'))),
    field('event', 's.event_id', nullable(id('the id of the event it was made at (a call, a briefing), or null')), { column: { cut: false } }),
    ...factTail('s'),
  ],
  columns: ['id', 'date', 'speaker', 'title', 'quote'],
});

export type StatementRecord = RecordOf<typeof STATEMENT>;
