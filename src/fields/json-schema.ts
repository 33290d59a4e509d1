import { id, list, object, type JsonSchema, type Kind, type Typed } from './define.js';
import { EDGE, NODE } from './graph.js';
import { LIST_KIND_NAMES, LIST_KINDS, listKindNamed, type ListKindName } from './kinds.js';

/** The JSON Schema (draft 2020-12) of what each command prints with --json, read from the field tables. */

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** One record of a kind: an object of its fields, in order, each with its type and description. */
export function recordSchema(kind: Kind): Typed<Record<string, unknown>> & { properties: Record<string, JsonSchema> } {
  return object(Object.fromEntries(kind.fields.map((f) => [f.name, f.schema]))) as Typed<Record<string, unknown>> & {
    properties: Record<string, JsonSchema>;
  };
}

/** What `crisis <command> --json` prints: an array of records (`--format jsonl` prints the items, one a line). */
function listSchema(kind: Kind): JsonSchema {
  return {
    $schema: DRAFT,
    title: `crisis ${kind.command} --json`,
    description:
      `The records crisis ${kind.command} prints with --json, in its order; --format jsonl prints the same objects one a line. ` +
      'With --fields only the chosen keys are present. Keys are only ever added, never renamed.',
    type: 'array',
    items: recordSchema(kind),
  };
}

const graphProperties = {
  nodes: list(recordSchema(NODE), 'the records, in timeline order'),
  edges: list(recordSchema(EDGE), 'the links between them, each from an earlier record to its answer'),
};

/** The commands that print one JSON object, a graph, rather than an array of records. */
const GRAPHS = {
  chain: {
    command: 'chain <id>',
    description: 'What crisis chain <id> --json prints: the record, what led to it and what answered it.',
    schema: object({ root: id('the id of the record the chain is of'), ...graphProperties }),
  },
  graph: {
    command: 'graph',
    description: 'What crisis graph --json prints: the records the filters chose, and the edges between them.',
    schema: object(graphProperties),
  },
};
type GraphKind = keyof typeof GRAPHS;

/** Every kind `crisis schema` describes: each list command's records, then chain's and graph's objects. */
export const SCHEMA_KINDS = [...LIST_KIND_NAMES, ...(Object.keys(GRAPHS) as GraphKind[])];
export type SchemaKind = ListKindName | GraphKind;

/** The schema of what a kind's command prints with --json. */
export function schemaOf(kind: SchemaKind): JsonSchema {
  if (!Object.hasOwn(GRAPHS, kind)) return listSchema(LIST_KINDS[kind as ListKindName]);
  const graph = GRAPHS[kind as GraphKind];
  return {
    $schema: DRAFT,
    title: `crisis ${graph.command} --json`,
    description: `${graph.description} Keys are only ever added, never renamed.`,
    ...graph.schema,
  };
}

/** Every kind's schema under $defs, in one document. */
export function allSchemas(): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'crisis JSON output',
    description: 'The JSON every crisis command prints with --json, one schema per kind under $defs (crisis schema <kind> prints one alone).',
    $defs: Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, schemaOf(kind)])),
  };
}

/** Any kind `crisis schema` takes, list kinds by their command's name too. */
export function schemaKindNamed(name: string): SchemaKind | undefined {
  const folded = name.trim().toLowerCase();
  return listKindNamed(folded) ?? SCHEMA_KINDS.find((kind) => kind === folded);
}
