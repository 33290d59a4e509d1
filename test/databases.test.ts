import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/db/tables.js';
import { asUnprivileged, BUNDLED_DB, fileDigest, fixtureDatabase, runBinary, runCli, tempDir, unprivilegedCanRunCrisis } from './helpers.js';

let fixture: string;
beforeAll(() => {
  fixture = fixtureDatabase();
});

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** A copy of the fixture database with `sql` run on it. */
function alteredCopy(sql: string): string {
  const path = join(tempDir(), 'crisis.db');
  copyFileSync(fixture, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF'); // a broken database need not be a consistent one
  db.exec(sql);
  db.close();
  return path;
}

/**
 * A copy of the fixture whose events_by_date index, which `crisis events` reads first, is overwritten with
 * garbage: opening works, reading events does not.
 */
function damagedEventsIndex(): string {
  const path = alteredCopy('SELECT 1');
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'events_by_date'").get() as { rootpage: number };
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
  return path;
}

const newerVersion = String(Number(SCHEMA_VERSION) + 1);

/** Every way a database can be wrong, and the one line that says so. */
const brokenDatabases: { what: string; make: () => string; error: (path: string) => string }[] = [
  { what: 'a missing file', make: () => join(tempDir(), 'missing.db'), error: (p) => `cannot open database '${p}': no such file` },
  { what: 'a directory', make: () => tempDir(), error: (p) => `cannot open database '${p}': it is a directory, not a file` },
  { what: 'a path through a file', make: () => join(file('plain.txt', 'x'), 'crisis.db'), error: (p) => `cannot open database '${p}': no such file or directory (a part of the path is not a directory)` },
  { what: 'an empty file', make: () => file('empty.db', ''), error: (p) => `'${p}' is an empty file, not a crisis database` },
  { what: 'a text file', make: () => file('notes.db', 'id,date,title\npahalgam-attack,2025-04-22,Attack\n'), error: (p) => `'${p}' is not a crisis database: it is not an SQLite file` },
  {
    what: 'a truncated database',
    make: () => file('truncated.db', readFileSync(fixture).subarray(0, 8192)),
    error: (p) => `'${p}' is a damaged database (truncated or corrupt): database disk image is malformed`,
  },
  {
    what: 'a database damaged where only a query reads',
    make: damagedEventsIndex,
    error: (p) => `'${p}' is a damaged database (truncated or corrupt): database disk image is malformed`,
  },
  {
    what: 'an SQLite file of another schema',
    make: () => {
      const path = join(tempDir(), 'other.db');
      new Database(path).exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)').close();
      return path;
    },
    error: (p) => `'${p}' is not a crisis database: it has no meta table with a schema version`,
  },
  {
    what: 'a database of a newer schema version',
    make: () => alteredCopy(`UPDATE meta SET value = '${newerVersion}' WHERE key = 'schema_version'`),
    error: (p) => `'${p}' has schema version '${newerVersion}', newer than the version ${SCHEMA_VERSION} this crisis reads; upgrade crisis to read it`,
  },
  {
    what: 'a database of an older schema version',
    make: () => alteredCopy("UPDATE meta SET value = '0' WHERE key = 'schema_version'"),
    error: (p) => `'${p}' has schema version '0', not the version ${SCHEMA_VERSION} this crisis reads; rebuild it with crisis build`,
  },
  {
    what: 'a database that records no schema version',
    make: () => alteredCopy("DELETE FROM meta WHERE key = 'schema_version'"),
    error: (p) => `'${p}' is not a crisis database: its meta table records no schema version`,
  },
  {
    what: 'a database whose events another version of crisis stored, with other fields',
    make: () => alteredCopy("UPDATE meta SET value = '0' WHERE key = 'fields:event'"),
    error: (p) => `'${p}' stores its events in the shape another version of crisis printed; rebuild it with crisis build`,
  },
  {
    what: 'a database of the right version that lacks a table',
    make: () => alteredCopy('DROP TABLE citations'),
    error: (p) => `'${p}' is not a crisis database: it has no table citations`,
  },
  {
    what: 'a database that lacks a column a query reads',
    make: () => alteredCopy('DROP INDEX events_by_type; ALTER TABLE events DROP COLUMN type'),
    error: (p) => `'${p}' is not a crisis database: no such column: e.type`,
  },
];

describe('a broken database', () => {
  it.each(brokenDatabases)('$what through --db exits 1 with one line naming the file', async ({ make, error }) => {
    const path = make();
    expect(await runCli(['--db', path, 'events'])).toEqual({ code: 1, stdout: '', stderr: `crisis: ${error(path)}\n` });
  });

  it.each(brokenDatabases)('$what through CRISIS_DB exits 1 with one line naming the file', async ({ make, error }) => {
    const path = make();
    expect(await runCli(['events'], { env: { CRISIS_DB: path } })).toEqual({ code: 1, stdout: '', stderr: `crisis: ${error(path)}\n` });
  });

  it.each(brokenDatabases.filter((_, i) => i % 3 === 0))('$what: the binary says the same, without a stack trace', ({ make, error }) => {
    const path = make();
    expect(runBinary(['events', '--json'], { CRISIS_DB: path })).toEqual({ code: 1, stdout: '', stderr: `crisis: ${error(path)}\n` });
    expect(runBinary(['--db', path, 'events', '--format', 'csv'])).toEqual({ code: 1, stdout: '', stderr: `crisis: ${error(path)}\n` });
  });

  it('that breaks in a way no check foresaw still exits 1 with one line naming the file, and no stack trace', async () => {
    const path = alteredCopy("UPDATE actors SET aliases = 'not json'");
    const result = await runCli(['--db', path, 'actors']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^crisis: '${path}' is not a crisis database: it holds what crisis build never writes \\([^\\n]*JSON\\)\\n$`));
  });

  it('that breaks the same way is a bug of crisis when it is the bundled database, and says so', async () => {
    // The bundled database is what crisis's tests run on: a failure reading it is not the file's doing.
    const { blameDatabase } = await import('../src/db/open.js');
    const failure = new TypeError('x is not a function');
    expect(blameDatabase(failure, BUNDLED_DB)).toBe(failure);
    expect(blameDatabase(failure, fixture)).toMatchObject({ exitCode: 1, message: `'${fixture}' is not a crisis database: it holds what crisis build never writes (x is not a function)` });
  });

  it('is never written to, whatever is asked of it', async () => {
    const path = damagedEventsIndex();
    const before = fileDigest(path);
    for (const argv of [['events'], ['actors'], ['show', 'russia'], ['sources', '--json']]) await runCli(['--db', path, ...argv]);
    expect(fileDigest(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['crisis.db']);
  });
});

describe('choosing the database', () => {
  const rows = async (argv: string[], env: Record<string, string> = {}) => (await runCli([...argv, 'events', '--json'], { env })).stdout;

  it('CRISIS_DB names the database to query', async () => {
    const small = alteredCopy("DELETE FROM events WHERE id <> 'pahalgam-attack'");
    const result = JSON.parse(await rows([], { CRISIS_DB: small })) as { id: string }[];
    expect(result.map((row) => row.id)).toEqual(['pahalgam-attack']);
  });

  it('--db wins over CRISIS_DB', async () => {
    const broken = file('broken.db', 'not a database');
    expect(await rows(['--db', fixture], { CRISIS_DB: broken })).toBe(await rows(['--db', fixture]));
  });

  it('an empty CRISIS_DB counts as unset: the bundled database answers', async () => {
    const bundled = await rows([]);
    expect(JSON.parse(bundled).length).toBeGreaterThan(0);
    expect(await rows([], { CRISIS_DB: '' })).toBe(bundled);
    expect(await rows([], { CRISIS_DB: fixture })).not.toBe(bundled);
  });

  it('the binary reads CRISIS_DB from its environment', () => {
    const viaEnv = runBinary(['events', '--json'], { CRISIS_DB: fixture });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stdout).toBe(runBinary(['--db', fixture, 'events', '--json']).stdout);
    expect(viaEnv.stdout).not.toBe(runBinary(['events', '--json']).stdout);
  });
});

/** A folder holding a copy of the fixture database, both made read-only for everyone (the folder stays listable). */
function readOnlyCopy(prepare: (path: string) => void = () => {}): string {
  const dir = tempDir();
  const path = join(dir, 'crisis.db');
  copyFileSync(fixture, path);
  prepare(path);
  chmodSync(path, 0o444);
  chmodSync(dir, 0o555);
  return path;
}

describe.skipIf(!unprivilegedCanRunCrisis())('a database on a read-only file system', () => {
  it('is read as usual, and nothing is written beside it', () => {
    const path = readOnlyCopy();
    const before = fileDigest(path);
    const result = runBinary(['--db', path, 'events', '--json'], {}, asUnprivileged);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(runBinary(['--db', fixture, 'events', '--json']).stdout);
    expect(fileDigest(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['crisis.db']);
  });

  it('in WAL mode, which SQLite cannot read without writing beside it, exits 1 with one line', () => {
    const path = readOnlyCopy((p) => {
      const db = new Database(p);
      db.pragma('journal_mode = WAL');
      db.close();
    });
    expect(runBinary(['--db', path, 'events'], {}, asUnprivileged)).toEqual({
      code: 1,
      stdout: '',
      stderr: `crisis: cannot read '${path}': SQLite must write beside it (a WAL database on a read-only file system?): attempt to write a readonly database\n`,
    });
  });

  it('that the user may not read exits 1 with one line', () => {
    const path = readOnlyCopy();
    chmodSync(join(path, '..'), 0o755);
    chmodSync(path, 0o000);
    expect(runBinary(['events'], { CRISIS_DB: path }, asUnprivileged)).toEqual({
      code: 1,
      stdout: '',
      stderr: `crisis: cannot open database '${path}': permission denied\n`,
    });
  });
});
