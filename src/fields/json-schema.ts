import { object, type JsonSchema, type Kind, type Typed } from './define.js';

/**
 * The JSON Schema (draft 2020-12) of what each command prints with --json, read from what each command's
 * module says it prints: the field table of the kind it lists, or the shape of the one object it prints.
 */

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** What a command that prints one JSON object (not a list of records) prints. */
export interface ObjectOutput {
  /** The name crisis schema takes for it. */
  name: string;
  /** The command line, as the schema's title gives it: `chain <id>`. */
  usage: string;
  description: string;
  schema: JsonSchema;
}

/** What a command prints with --json: a list of one kind's records, or one object. */
export type Output = Kind | ObjectOutput;

const isKind = (output: Output): output is Kind => 'fields' in output;

/** One record of a kind: an object of its fields, in order, each with its type and description. */
export function recordSchema(kind: Kind): Typed<Record<string, unknown>> & { properties: Record<string, JsonSchema> } {
  return object(Object.fromEntries(kind.fields.map((f) => [f.name, f.schema]))) as Typed<Record<string, unknown>> & {
    properties: Record<string, JsonSchema>;
  };
}

/** The schema of what a command prints with --json: an array of its kind's records, or its one object. */
export function schemaOf(output: Output): JsonSchema {
  if (isKind(output)) {
    return {
      $schema: DRAFT,
      title: `crisis ${output.command} --json`,
      description:
        `The records crisis ${output.command} prints with --json, in its order; --format jsonl prints the same objects one a line. ` +
        'With --fields only the chosen keys are present. Keys are only ever added, never renamed.',
      type: 'array',
      items: recordSchema(output),
    };
  }
  return {
    $schema: DRAFT,
    title: `crisis ${output.usage} --json`,
    description: `${output.description} Keys are only ever added, never renamed.`,
    ...output.schema,
  };
}

/** Every output under its name, in one document. */
export function allSchemas(outputs: Output[]): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'crisis JSON output',
    description: 'The JSON every crisis command prints with --json, one schema per kind under $defs (crisis schema <kind> prints one alone).',
    $defs: Object.fromEntries(outputs.map((output) => [output.name, schemaOf(output)])),
  };
}

/** An output as a user may name it: its own name, or its command's (event or events). */
export function outputNamed(outputs: Output[], name: string): Output | undefined {
  const folded = name.trim().toLowerCase();
  return outputs.find((output) => output.name === folded || (isKind(output) && output.command === folded));
}

/** The outputs of the commands set up, in help order. */
export function outputsOf(commands: { module: { output?: Output } }[]): Output[] {
  return commands.flatMap(({ module }) => (module.output ? [module.output] : []));
}
