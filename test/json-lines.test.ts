import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldNames, type Kind } from '../src/fields/define.js';
import { writeRecords } from '../src/render/output.js';
import { EVENT } from '../src/queries/events.js';
import { MEASURE } from '../src/queries/measures.js';
import { STATEMENT } from '../src/queries/statements.js';
import { BUNDLED_DB, fixtureDatabase, runCli, tempDir } from './helpers.js';

/**
 * `--format jsonl` and `--json` of every field, unsorted, pass through the JSON the build stored for each record
 * (src/compile/stored-json.ts), `--json` laid out by SQLite's json_pretty; with --fields (as with --sort and the
 * other formats) each record is parsed into an object, its fields picked and stringified. The two must never
 * differ: for every record of the bundled database, of each kind and under filters, the stored text must read as
 * exactly what the object path prints, values, key order and layout alike.
 */
const kinds = [
  { command: 'events', view: EVENT, table: 'events', filters: [[], ['--actor', 'russia'], ['--type', 'call'], ['--since', '2025-05', '--limit', '5']] },
  { command: 'statements', view: STATEMENT, table: 'statements', filters: [[], ['--actor', 'putin'], ['--about', 'simla-agreement'], ['--until', '2025-04-30']] },
  { command: 'measures', view: MEASURE, table: 'measures', filters: [[], ['--by', 'pakistan'], ['--against', 'pakistan', '--category', 'water']] },
];

function countOf(table: string): number {
  const db = new Database(BUNDLED_DB, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * What `argv --format <format>` prints, passed through, beside what the object path (writeRecords, which --fields,
 * --sort and the other formats take) prints for the same records read as objects, with all of `view`'s fields.
 * Byte for byte: a stored number that SQLite wrote as 26.0 would read as 26, but print differently.
 */
async function bothPaths(argv: string[], view: Kind, format: 'jsonl' | 'json' = 'jsonl') {
  const passedThrough = await runCli([...argv, '--format', format]);
  expect(passedThrough.stderr).toBe('');
  const records = format === 'json' ? (JSON.parse(passedThrough.stdout) as object[]) : passedThrough.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as object);
  let expected = '';
  await writeRecords({ write: (chunk: string) => (expected += chunk) }, records, view, { format, fields: fieldNames(view), color: false, width: 80 });
  return { printed: passedThrough.stdout, records, expected };
}

describe('JSON lines passed through from the database', () => {
  for (const { command, view, table, filters } of kinds) {
    const cases = filters.map((args) => ({ args, shown: args.join(' ') || 'of every record' }));
    it.each(cases)(`crisis ${command} $shown --format jsonl reads as the records the object path prints`, async ({ args }) => {
      const { printed, records, expected } = await bothPaths([command, ...args], view);
      expect(records.length).toBeGreaterThan(0);
      if (!args.length) expect(records.length).toBe(countOf(table));
      expect(printed).toBe(expected);
    });

    it.each(cases)(`crisis ${command} $shown --json prints, byte for byte, what the object path prints`, async ({ args }) => {
      const { printed, records, expected } = await bothPaths([command, ...args], view, 'json');
      expect(records.length).toBeGreaterThan(0);
      if (!args.length) expect(records.length).toBe(countOf(table));
      expect(printed).toBe(expected);
    });
  }

  it('prints [] for --json of no record, as the object path does', async () => {
    const none = ['events', '--since', '2030-01', '--json'];
    expect((await runCli(none)).stdout).toBe('[]\n');
    expect((await runCli([...none, '--fields', 'id'])).stdout).toBe('[]\n');
  });

  it('builds the JSON of a record the database holds none for (a row added by hand) as the build stores it', async () => {
    const path = join(tempDir(), 'without-stored-json.db');
    copyFileSync(fixtureDatabase(), path);
    const db = new Database(path);
    db.exec('DELETE FROM record_json');
    db.close();
    for (const { command } of kinds) {
      const built = await runCli(['--db', path, command, '--format', 'jsonl']);
      const stored = await runCli(['--db', fixtureDatabase(), command, '--format', 'jsonl']);
      expect(built.stderr).toBe('');
      expect(stored.stdout.split('\n').length).toBeGreaterThan(2);
      const read = (output: string) => output.trimEnd().split('\n').map((line) => JSON.stringify(JSON.parse(line)));
      expect(read(built.stdout)).toEqual(read(stored.stdout));
      const builtArray = await runCli(['--db', path, command, '--json']);
      expect(builtArray.stderr).toBe('');
      expect(JSON.parse(builtArray.stdout)).toEqual(JSON.parse((await runCli(['--db', fixtureDatabase(), command, '--json'])).stdout));
    }
  });
});
