import { parseDate } from '../src/dates.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordSchema } from '../src/fields/json-schema.js';
import { BUNDLED_DB, describedOutputs, fixtureDatabase, runCli } from './helpers.js';

const { outputs, kinds } = await describedOutputs();
const SCHEMA_KINDS = outputs.map((output) => output.name);

/** Every list command with arguments that give it rows, and the kind of its output. */
const LIST_COMMANDS: [string, string[]][] = [
  ['event', ['events']],
  ['statement', ['statements']],
  ['measure', ['measures']],
  ['actor', ['actors']],
  ['agreement', ['agreements']],
  ['source', ['sources']],
  ['timeline', ['timeline']],
  ['search', ['search', 'attack']],
  ['search', ['search', 'Russia']],
];

const ajv = new Ajv2020({ allErrors: true, strict: true });
// JSON Schema's `date` format, which the date spans declare: a real day of the calendar, YYYY-MM-DD.
ajv.addFormat('date', { type: 'string', validate: (text: string) => parseDate(text)?.precision === 'day' });

async function schemaOf(kind: string): Promise<object> {
  const result = await runCli(['schema', kind]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('crisis schema', () => {
  it('is asked of every list command below', () => {
    expect(new Set(LIST_COMMANDS.map(([kind]) => kind))).toEqual(new Set(kinds.map((kind) => kind.name)));
  });

  it.each(kinds.map((kind) => [kind.name, kind] as const))('describes every field %s prints in a sentence', (_, kind) => {
    for (const [field, schema] of Object.entries(recordSchema(kind).properties)) {
      expect(typeof schema.description, `${kind}.${field}`).toBe('string');
      expect(String(schema.description).length, `${kind}.${field}`).toBeGreaterThan(5);
    }
  });

  it.each(SCHEMA_KINDS)('prints a draft 2020-12 schema for %s that compiles', async (kind) => {
    const schema = await schemaOf(kind);
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: kinds.some((listed) => listed.name === kind) ? 'array' : 'object' });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('takes a command name for its kind', async () => {
    expect(await schemaOf('events')).toEqual(await schemaOf('event'));
  });

  it('prints every kind under $defs when no kind is asked', async () => {
    const all = JSON.parse((await runCli(['schema'])).stdout) as { $defs: Record<string, object> };
    expect(Object.keys(all.$defs)).toEqual(SCHEMA_KINDS);
    expect(all.$defs.chain).toEqual(await schemaOf('chain'));
    expect(all.$defs.measure).toEqual(await schemaOf('measure'));
    expect(ajv.validateSchema(all)).toBe(true);
  });

  it('refuses a kind it does not know, with a suggestion', async () => {
    expect(await runCli(['schema', 'evnt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `crisis: unknown kind 'evnt' (did you mean 'event'?); kinds: ${SCHEMA_KINDS.join(', ')}\n`,
    });
  });

  it('rejects output that breaks it: a missing field, an extra one, a wrong type', async () => {
    const validate = ajv.compile(await schemaOf('measure'));
    const [row] = JSON.parse((await runCli(['--db', fixtureDatabase(), 'measures', '--json'])).stdout) as Record<string, unknown>[];
    expect(validate([row])).toBe(true);
    const { cameo: _, ...missing } = row!;
    expect(validate([missing])).toBe(false);
    expect(validate([{ ...row, extra: 1 }])).toBe(false);
    expect(validate([{ ...row, by: 'pakistan' }])).toBe(false);
    expect(validate([{ ...row, date: '24 April 2025' }])).toBe(false);
  });
});

describe.each([
  ['the fixture database', () => fixtureDatabase()],
  ['the bundled database', () => BUNDLED_DB],
])('the JSON output of every list command on %s', (_, database) => {
  let db: string;
  beforeAll(() => {
    db = database();
    if (!existsSync(db)) throw new Error(`no database at ${db}: run npm run build`);
  });

  it.each(LIST_COMMANDS)('%s: crisis %s --json and --format jsonl validate against the schema', async (kind, argv) => {
    const validate = ajv.compile(await schemaOf(kind));
    const json = await runCli(['--db', db, ...argv, '--json']);
    expect(json.stderr).toBe('');
    const rows = JSON.parse(json.stdout) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    expect(validate(rows), ajv.errorsText(validate.errors)).toBe(true);
    const lines = (await runCli(['--db', db, ...argv, '--format', 'jsonl'])).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(validate(lines), ajv.errorsText(validate.errors)).toBe(true);
  });
});

describe.each([
  ['the fixture database', () => fixtureDatabase()],
  ['the bundled database', () => BUNDLED_DB],
])('the JSON output of chain and graph on %s', (_, database) => {
  it.each([
    ['chain', ['chain', 'pahalgam-attack']],
    ['graph', ['graph']],
    ['graph', ['graph', '--all']],
  ])('%s: crisis %s --json validates against the schema, nodes keyed in its order', async (kind, argv) => {
    const schema = (await schemaOf(kind)) as { properties: { nodes: { items: { properties: object } } } };
    const validate = ajv.compile(schema);
    const result = await runCli(['--db', database(), ...argv, '--json']);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as { nodes: object[]; edges: object[] };
    expect(output.nodes.length).toBeGreaterThan(0);
    expect(validate(output), ajv.errorsText(validate.errors)).toBe(true);
    for (const node of output.nodes) expect(Object.keys(node)).toEqual(Object.keys(schema.properties.nodes.items.properties));
    expect(validate({ ...output, edges: [{ from: 'a', to: 'b', relation: 'caused' }] })).toBe(false);
  });
});
