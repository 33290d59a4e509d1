import { actorsJson, sideOf, TAKING_PART } from '../queries/fragments.js';
import { field, id, kind, list, nullable, oneOf, type RecordOf } from './define.js';
import { actorRoleRef, datePrecision, recordDate, recordId, title } from './shared.js';
import { TIMELINE_KINDS } from './timeline.js';

export const RELATIONS = ['answered-by', 'statement-made-here'] as const;

/** A record in the response graph, over `records r`: what `chain` and `graph` print as a node, and what a picture of it needs. */
export const NODE = kind({
  name: 'node',
  command: 'graph',
  fields: [
    recordId('r'),
    field('kind', 'r.kind', oneOf(TIMELINE_KINDS, 'what sort of record: the shape a picture gives it')),
    recordDate('r'),
    datePrecision('r'),
    title('r'),
    field(
      'side',
      sideOf('r.id'),
      nullable(id("the state whose act it is (its first initiator's, speaker's or measure-taker's; else the one state all its participants belong to), or null for none")),
    ),
    field(
      'actors',
      actorsJson('r.id', TAKING_PART, true),
      list(actorRoleRef('initiator, target, participant, mediator, speaker, on-behalf-of, addressee, by or against'), 'everyone taking part, each with their role'),
      { json: true },
    ),
  ],
  columns: ['id', 'date', 'kind', 'title'],
});

/** A link of the graph, over the edges `g` (queries/responses.ts): it reads "<from> <relation> <to>", from a record to its answer. */
export const EDGE = kind({
  name: 'edge',
  command: 'graph',
  fields: [
    field('from', 'g."from"', id('the record answered, or the event a statement was made at')),
    field('to', 'g."to"', id('the record that answers it, or the statement made there')),
    field('relation', 'g.relation', oneOf(RELATIONS, 'how they are linked, read "from relation to"')),
  ],
  columns: ['from', 'relation', 'to'],
});

export type ResponseNode = RecordOf<typeof NODE>;
export type ResponseEdge = RecordOf<typeof EDGE>;

export interface ResponseGraph {
  nodes: ResponseNode[];
  edges: ResponseEdge[];
}

/** A chain: the graph around one record, back to what led to it and on to what answered it. */
export interface Chain extends ResponseGraph {
  root: string;
}
