import { views } from '../render/views.js';

/**
 * The JSON Schema (draft 2020-12) of each command's JSON output, written beside the views so that a
 * field cannot be printed without being described here: a test holds each kind's properties equal to
 * views[kind].fields, in order.
 */

type JsonSchema = Record<string, unknown>;
export type OutputKind = keyof typeof views;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

const nullable = (schema: JsonSchema): JsonSchema =>
  Array.isArray(schema.enum) ? { ...schema, enum: [...schema.enum, null] } : { ...schema, type: [schema.type, 'null'] };
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const text = (description: string): JsonSchema => ({ type: 'string', description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', items, description });

const ID = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' };
const DATE = { type: 'string', pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' };
const actorRef = object({ id: { ...ID, description: "the actor's id" }, name: text("the actor's display name") });
const agreementRef = object({ id: { ...ID, description: "the agreement's id" }, name: text("the agreement's name") });
const citation = object({
  id: { ...ID, description: "the source's id" },
  title: text("the source's title"),
  publisher: nullable(text('who published it, where known')),
  url: nullable(text('where it is, where it is online')),
  published: nullable({ ...DATE, description: 'when it was published, where known' }),
  quote: text('the words of the source this record rests on, verbatim'),
});
const figure = object({
  figure: text('what is counted, kebab-case: killed, injured, drones-downed, ...'),
  value: { type: 'number', description: 'the number, or the bottom of a range' },
  max: nullable({ type: 'number', description: 'the top of a range, or null' }),
  qualifier: { enum: ['exact', 'at-least', 'more-than', 'about', 'up-to'], description: 'how the source qualifies the number' },
  claimed_by: nullable({ ...actorRef, description: 'whose number it is, when the source attributes it' }),
  source: { ...ID, description: 'the id of the source reporting it, one of the record’s sources' },
  quote: text('the words of that source, verbatim'),
});
const claim = object({
  about: text('the disputed point, kebab-case: brokered-by, ...; claims on one point are to be compared'),
  claim: text('what is claimed, in our words'),
  claimed_by: nullable({ ...actorRef, description: 'who claims it, or null when the source says it in its own voice' }),
  source: { ...ID, description: 'the id of the source reporting the claim, one of the record’s sources' },
  quote: text('the words of that source, verbatim'),
});

/** Fields that mean the same wherever they appear. */
const shared = {
  id: { ...ID, description: 'stable, unique, lower-case kebab-case id across the whole database; `crisis show <id>` prints the record' },
  date: { ...DATE, description: 'YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the sources are' },
  date_precision: { enum: ['day', 'month', 'year'], description: 'how precise `date` is' },
  title: text('a short title, in our own words'),
  summary: text('what happened, in our own words; the sources’ words are in `sources`'),
  in_response_to: list({ ...ID }, 'ids of the records this one answers, where a source says so'),
  agreements: list(agreementRef, 'the agreements it invokes'),
  cameo: nullable({ type: 'string', pattern: '^[0-9]{2,4}$', description: 'CAMEO event code, for joining with GDELT and ICEWS, or null' }),
  figures: list(figure, 'numbers sources report about it, one entry a report: reports that differ are all kept'),
  claims: list(claim, 'each side’s account of a disputed point, one entry a claim'),
  sources: list(citation, 'the sources it rests on, each with a verbatim quote'),
} satisfies Record<string, JsonSchema>;

/** The fields every event, statement and measure ends with, in this order. */
const factTail = {
  in_response_to: shared.in_response_to,
  agreements: shared.agreements,
  cameo: shared.cameo,
  figures: shared.figures,
  claims: shared.claims,
  sources: shared.sources,
};

const factKind = (kind: string) => ({ const: kind, description: `always "${kind}"` });

const properties: { [K in OutputKind]: Record<string, JsonSchema> } = {
  event: {
    id: shared.id,
    kind: factKind('event'),
    date: shared.date,
    date_precision: shared.date_precision,
    title: shared.title,
    summary: shared.summary,
    type: text('what sort of event: attack, call, meeting, military-strike, ...'),
    location: nullable(text('where it happened, where known')),
    actors: list(object({ ...(actorRef.properties as object), role: text('initiator, target, participant or mediator') }), 'who took part, and in what role'),
    ...factTail,
  },
  statement: {
    id: shared.id,
    kind: factKind('statement'),
    date: shared.date,
    date_precision: shared.date_precision,
    title: shared.title,
    summary: shared.summary,
    type: text('what sort of statement: condemnation, appeal, offer, warning, denial, ...'),
    speaker: { ...actorRef, description: 'who said it' },
    on_behalf_of: nullable({ ...actorRef, description: 'the state or body the speaker spoke for, or null' }),
    addressees: list(actorRef, 'to whom it was said'),
    quote: nullable(text('the words said, verbatim, where a source has them; else null')),
    event: nullable({ ...ID, description: 'the id of the event it was made at (a call, a briefing), or null' }),
    ...factTail,
  },
  measure: {
    id: shared.id,
    kind: factKind('measure'),
    date: shared.date,
    date_precision: shared.date_precision,
    title: shared.title,
    summary: shared.summary,
    by: { ...actorRef, description: 'who took the measure' },
    against: { ...actorRef, description: 'whom it was aimed at' },
    category: text('what it touches: water, trade, visa, airspace, border, diplomatic, ...'),
    status: text('announced, in-force, suspended, lifted or expired'),
    ...factTail,
  },
  actor: {
    id: shared.id,
    kind: { enum: ['state', 'person', 'organisation', 'group'], description: 'what sort of actor' },
    name: text('display name'),
    country: nullable({ ...actorRef, description: 'the state a person or body belongs to, or null' }),
    part_of: nullable({ ...actorRef, description: 'the body it is part of, or null' }),
    title: nullable(text('office held, e.g. "Foreign Minister of Russia", or null')),
    aliases: list({ type: 'string' }, 'other names people type; --actor accepts any of them'),
    sources: { ...shared.sources, description: 'the sources naming it, each with a verbatim quote (may be empty)' },
  },
  agreement: {
    id: shared.id,
    kind: factKind('agreement'),
    name: text('the agreement’s name'),
    aliases: list({ type: 'string' }, 'other names people type; --about accepts any of them'),
    date: { ...shared.date, description: 'when it was signed or made' },
    date_precision: shared.date_precision,
    summary: shared.summary,
    parties: list(actorRef, 'the parties to it'),
    invoked_by: list(
      object({ id: { ...ID, description: "the record's id" }, kind: text('event, statement or measure'), date: nullable(DATE), title: text("the record's title") }),
      'the records invoking it, in date order',
    ),
    figures: shared.figures,
    claims: shared.claims,
    sources: shared.sources,
  },
  source: {
    id: shared.id,
    kind: factKind('source'),
    title: text('the page’s or document’s title'),
    publisher: nullable(text('who published it, where known')),
    url: nullable(text('where it is online, where it is')),
    published: nullable({ ...DATE, description: 'when it was published, where known' }),
    cited_by: { type: 'integer', minimum: 0, description: 'how many records cite it' },
  },
  timeline: {
    id: shared.id,
    kind: { enum: ['event', 'statement', 'measure'], description: 'what sort of record: `crisis show <id>` prints all its fields' },
    date: shared.date,
    date_precision: shared.date_precision,
    title: shared.title,
    summary: shared.summary,
    actors: list(
      object({ ...(actorRef.properties as object), role: text('initiator, target, participant, mediator, speaker, on-behalf-of, addressee, by or against') }),
      'everyone taking part, each with their role',
    ),
    ...factTail,
  },
  search: {
    id: shared.id,
    kind: { enum: ['event', 'statement', 'measure', 'agreement', 'actor', 'source'], description: 'what sort of record it is' },
    date: nullable({ ...shared.date, description: 'its date, or null for actors and sources' }),
    date_precision: nullable({ ...shared.date_precision, description: 'how precise `date` is, or null' }),
    title: text('its title, or an actor’s or agreement’s name'),
    snippet: text('a few words around the match from the field that matched best, … where text is left out'),
    rank: { type: 'integer', minimum: 1, description: '1 for the best match, 2 for the next, ...' },
  },
};

const COMMANDS: Record<OutputKind, string> = {
  event: 'events', statement: 'statements', measure: 'measures', actor: 'actors', agreement: 'agreements',
  source: 'sources', timeline: 'timeline', search: 'search',
};

export const OUTPUT_KINDS = Object.keys(properties) as OutputKind[];

/** The fields of one record of a kind, for tests and for the schema below. */
export function recordSchema(kind: OutputKind): JsonSchema & { properties: Record<string, JsonSchema> } {
  return object(properties[kind]) as JsonSchema & { properties: Record<string, JsonSchema> };
}

/** What `crisis <command> --json` prints: an array of records (`--format jsonl` prints the items, one a line). */
export function outputSchema(kind: OutputKind): JsonSchema {
  return {
    $schema: DRAFT,
    title: `crisis ${COMMANDS[kind]} --json`,
    description:
      `The records crisis ${COMMANDS[kind]} prints with --json, in its order; --format jsonl prints the same objects one a line. ` +
      'With --fields only the chosen keys are present. Keys are only ever added, never renamed.',
    type: 'array',
    items: recordSchema(kind),
  };
}

/** A record in the response graph: what `chain` and `graph` print as a node (ResponseNode). */
const responseNode = object({
  id: shared.id,
  kind: { enum: ['event', 'statement', 'measure'], description: 'what sort of record: the shape a picture gives it' },
  date: shared.date,
  date_precision: shared.date_precision,
  title: shared.title,
  side: nullable({ ...ID, description: "the state whose act it is (its first initiator's, speaker's or measure-taker's; else the one state all its participants belong to), or null for none" }),
  actors: list(
    object({ ...(actorRef.properties as object), role: text('initiator, target, participant, mediator, speaker, on-behalf-of, addressee, by or against') }),
    'everyone taking part, each with their role',
  ),
});
const responseEdge = object({
  from: { ...ID, description: 'the record answered, or the event a statement was made at' },
  to: { ...ID, description: 'the record that answers it, or the statement made there' },
  relation: { enum: ['answered-by', 'statement-made-here'], description: 'how they are linked, read "from relation to"' },
});
const graphProperties = {
  nodes: list(responseNode, 'the records, in timeline order'),
  edges: list(responseEdge, 'the links between them, each from an earlier record to its answer'),
};

/** The commands that print one JSON object, a graph, rather than an array of records. */
const GRAPHS = {
  chain: {
    command: 'chain <id>',
    description: 'What crisis chain <id> --json prints: the record, what led to it and what answered it.',
    schema: object({ root: { ...ID, description: 'the id of the record the chain is of' }, ...graphProperties }),
  },
  graph: {
    command: 'graph',
    description: 'What crisis graph --json prints: the records the filters chose, and the edges between them.',
    schema: object(graphProperties),
  },
};
type GraphKind = keyof typeof GRAPHS;

/** Every kind `crisis schema` describes: each list command's records, then chain's and graph's objects. */
export const SCHEMA_KINDS = [...OUTPUT_KINDS, ...(Object.keys(GRAPHS) as GraphKind[])];
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The schema of what a kind's command prints with --json. */
export function schemaOf(kind: SchemaKind): JsonSchema {
  if (!Object.hasOwn(GRAPHS, kind)) return outputSchema(kind as OutputKind);
  const graph = GRAPHS[kind as GraphKind];
  return {
    $schema: DRAFT,
    title: `crisis ${graph.command} --json`,
    description: `${graph.description} Keys are only ever added, never renamed.`,
    ...graph.schema,
  };
}

/** Every kind's schema under $defs, in one document. */
export function allOutputSchemas(): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'crisis JSON output',
    description: 'The JSON every crisis command prints with --json, one schema per kind under $defs (crisis schema <kind> prints one alone).',
    $defs: Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, schemaOf(kind)])),
  };
}

/** A list kind as a user may name it: its own name or its command's (event or events). */
export function outputKindNamed(name: string): OutputKind | undefined {
  const folded = name.trim().toLowerCase();
  return OUTPUT_KINDS.find((kind) => kind === folded || COMMANDS[kind] === folded);
}

/** Any kind `crisis schema` takes, list kinds by their command's name too. */
export function schemaKindNamed(name: string): SchemaKind | undefined {
  const folded = name.trim().toLowerCase();
  return outputKindNamed(folded) ?? SCHEMA_KINDS.find((kind) => kind === folded);
}
