import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldNames, type Kind } from '../src/fields/define.js';
import { EVENT } from '../src/queries/events.js';
import { MEASURE } from '../src/queries/measures.js';
import { STATEMENT } from '../src/queries/statements.js';
import { BUNDLED_DB, fixtureDatabase, runCli, tempDir } from './helpers.js';

/**
 * `--format jsonl` of every field, unsorted, passes through the JSON the build stored for each record
 * (src/compile/stored-json.ts); with --fields (as with --json, --sort and the other formats) each record is
 * parsed into an object, its fields picked and stringified. The two must never differ: for every record of
 * the bundled database, of each kind and under filters, the stored line must read as exactly what the
 * object path prints, values and key order alike.
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

/** The lines `argv --format jsonl` prints, as they are, beside the lines the object path prints for all of `view`'s fields. */
async function bothPaths(argv: string[], view: Kind) {
  const passedThrough = await runCli([...argv, '--format', 'jsonl']);
  const stringified = await runCli([...argv, '--format', 'jsonl', '--fields', fieldNames(view).join(',')]);
  expect(passedThrough.stderr).toBe('');
  expect(stringified.stderr).toBe('');
  const lines = passedThrough.stdout.split('\n');
  const expected = stringified.stdout.split('\n');
  expect(lines.pop()).toBe('');
  expected.pop();
  // Byte for byte: a stored number that SQLite wrote as 26.0 would read as 26, but print differently.
  return { read: lines, expected };
}

describe('JSON lines passed through from the database', () => {
  for (const { command, view, table, filters } of kinds) {
    const cases = filters.map((args) => ({ args, shown: args.join(' ') || 'of every record' }));
    it.each(cases)(`crisis ${command} $shown --format jsonl reads as the records the object path prints`, async ({ args }) => {
      const { read, expected } = await bothPaths([command, ...args], view);
      expect(read.length).toBeGreaterThan(0);
      if (!args.length) expect(read.length).toBe(countOf(table));
      expect(read).toEqual(expected);
    });
  }

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
    }
  });
});
