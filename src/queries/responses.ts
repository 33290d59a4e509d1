import type { Db } from '../db/open.js';
import { field, id, kind, PRIORITY, list, nullable, oneOf, parseJsonFields, type RecordOf, selectList } from '../fields/define.js';
import { recordSchema } from '../fields/json-schema.js';
import { actorsField, datePrecision, recordDate, recordId, RESPONSE_BASES, title } from '../fields/shared.js';
import { actorList } from './filters.js';
import { sideOf, TAKING_PART } from './fragments.js';
import { TIMELINE_CHOICE, TIMELINE_KINDS, TIMELINE_ORDER, type TimelineFilters } from './timeline.js';

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
    actorsField('r', TAKING_PART, 'everyone taking part, each with their role'),
  ],
  columns: ['id', 'date', 'kind', 'title'],
});

/** A link of the graph, over the edges `g` (queries/responses.ts): it reads "<from> <relation> <to>", from a record to its answer. */
export const EDGE = kind({
  name: 'edge',
  command: 'graph',
  fields: [
    field('from', 'g."from"', id('the record answered, or the event a statement was made at'), { column: { cut: false, priority: PRIORITY.id } }),
    field('to', 'g."to"', id('the record that answers it, or the statement made there'), { column: { cut: false, priority: PRIORITY.id } }),
    field('relation', 'g.relation', oneOf(RELATIONS, 'how they are linked, read "from relation to"')),
    field(
      'basis',
      'g.basis',
      nullable(oneOf(RESPONSE_BASES, 'for an answer, how it is known: stated by a page, or inferred by the editors from the sequence; null for a statement made at an event')),
    ),
  ],
  columns: ['from', 'relation', 'to'],
});

export type ResponseNode = RecordOf<typeof NODE>;

/** A graph's two lists, as the JSON of `chain` and `graph` holds them. */
export const graphProperties = {
  nodes: list(recordSchema(NODE), 'the records, in timeline order'),
  edges: list(recordSchema(EDGE), 'the links between them, each from an earlier record to its answer'),
};
export type ResponseEdge = RecordOf<typeof EDGE>;

export interface ResponseGraph {
  nodes: ResponseNode[];
  edges: ResponseEdge[];
}

/** A chain: the graph around one record, back to what led to it and on to what answered it. */
export interface Chain extends ResponseGraph {
  root: string;
}

/**
 * The response graph: records joined by what answered what (`in_response_to`) and by the statements made
 * at an event. Every edge reads "<from> <relation> <to>" and points forward, from a record to its answer.
 */

/** Each edge of the graph, named as `show` names the link from the first record's side. */
const EDGES = `
  SELECT rs.answers_id AS "from", rs.record_id AS "to", 'answered-by' AS relation, rs.basis AS basis FROM responses rs
  UNION ALL
  SELECT s.event_id, s.id, 'statement-made-here', NULL FROM statements s WHERE s.event_id IS NOT NULL`;

/**
 * The edges with one of the records in the JSON array @ids at their `end`: EDGES, spelt out for each end,
 * since SQLite seeks each branch's index only on a condition written into it. (The unary + keeps it from
 * reading every statement made at some event, by statements_by_event, instead of looking up the ids.)
 */
const edgesAt = (end: 'from' | 'to') => `
  SELECT answers_id AS "from", record_id AS "to", 'answered-by' AS relation, basis FROM responses
  WHERE ${end === 'from' ? 'answers_id' : 'record_id'} IN (SELECT value FROM json_each(@ids))
  UNION ALL
  SELECT event_id, id, 'statement-made-here', NULL FROM statements
  WHERE ${end === 'from' ? 'event_id IN (SELECT value FROM json_each(@ids))' : 'id IN (SELECT value FROM json_each(@ids)) AND +event_id IS NOT NULL'}`;

function toNode(row: Record<string, unknown>): ResponseNode {
  return parseJsonFields<ResponseNode>(row, NODE.fields);
}

/**
 * The records the filters choose (as `timeline` chooses them) and every edge between two of them. Records
 * with no edge to another chosen record are left out, unless `all`: the graph is of responses.
 */
export function findResponseGraph(db: Db, filters: TimelineFilters, { all = false } = {}): ResponseGraph {
  const chosen = `SELECT r.id FROM records r WHERE ${TIMELINE_CHOICE}`;
  const params = {
    kind: filters.kind ?? null,
    actors: actorList(filters.actors),
    since: filters.since ?? null,
    until: filters.until ?? null,
  };
  const nodes = (
    db.prepare(`WITH chosen AS (${chosen}) SELECT ${selectList(NODE.fields)} FROM records r WHERE r.id IN chosen ORDER BY ${TIMELINE_ORDER}`).all(params) as Record<string, unknown>[]
  ).map(toNode);
  const edges = db
    .prepare(`WITH chosen AS (${chosen}) SELECT ${selectList(EDGE.fields)} FROM (${EDGES}) g WHERE g."from" IN chosen AND g."to" IN chosen`)
    .all(params) as ResponseEdge[];
  const linked = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  return { nodes: nodes.filter((node) => all || linked.has(node.id)), edges: inNodeOrder(edges, nodes) };
}

/** Edges in the order of their records: by what they start from, then by what they lead to. */
function inNodeOrder(edges: ResponseEdge[], nodes: ResponseNode[]): ResponseEdge[] {
  const order = new Map(nodes.map((node, index) => [node.id, index]));
  return edges.sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!);
}

/**
 * What led to `root` (the records it answers, the event it was said at, and theirs in turn) and what
 * answered it (and what answered those, and the statements made at each event on the way), found one step
 * at a time, so that records answering each other (which records of one day may) end the walk rather than loop.
 * Only the edges `keep` accepts are followed (--as-of: those known by then).
 */
export function findChain(db: Db, root: string, depth = Infinity, keep: (edge: ResponseEdge) => boolean = () => true): Chain {
  const back = db.prepare(`SELECT ${selectList(EDGE.fields)} FROM (${edgesAt('to')}) g`);
  const forward = db.prepare(`SELECT ${selectList(EDGE.fields)} FROM (${edgesAt('from')}) g`);
  const edges = new Map<string, ResponseEdge>();
  const reached = new Set([root]);
  for (const [statement, next] of [
    [back, (edge: ResponseEdge) => edge.from],
    [forward, (edge: ResponseEdge) => edge.to],
  ] as const) {
    let frontier = [root];
    for (let steps = 0; frontier.length && steps < depth; steps++) {
      const found = statement.all({ ids: JSON.stringify(frontier) }) as ResponseEdge[];
      frontier = [];
      for (const edge of found.filter(keep)) {
        edges.set(`${edge.from} ${edge.relation} ${edge.to}`, edge);
        const other = next(edge);
        if (!reached.has(other)) {
          reached.add(other);
          frontier.push(other);
        }
      }
    }
  }
  const nodes = (
    db.prepare(`SELECT ${selectList(NODE.fields)} FROM records r WHERE r.id IN (SELECT value FROM json_each(@ids)) ORDER BY ${TIMELINE_ORDER}`).all({
      ids: JSON.stringify([...reached]),
    }) as Record<string, unknown>[]
  ).map(toNode);
  return { root, nodes, edges: inNodeOrder([...edges.values()], nodes) };
}
