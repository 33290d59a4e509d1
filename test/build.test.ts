import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDatabase } from '../src/compile/compile.js';
import { inputDigest } from '../src/compile/input-digest.js';
import { writeSyntheticDatabase } from '../src/compile/synthetic-database.js';
import { BUNDLED_DB, DATA_DIR, FIXTURE_DATA, buildFixture, tempDir } from './helpers.js';

describe('the database build', () => {
  it('is deterministic: the same fact files give the same bytes', () => {
    const dir = tempDir();
    compileDatabase(DATA_DIR, join(dir, 'a.db'));
    compileDatabase(DATA_DIR, join(dir, 'b.db'));
    expect(readFileSync(join(dir, 'a.db')).equals(readFileSync(join(dir, 'b.db')))).toBe(true);
  });

  it('writes nothing when a record is broken, and leaves no half-written file', () => {
    const { problems, db, dir } = buildFixture({ file: 'events.yaml', edit: (records) => (records[0]!.date = 'soon') });
    expect(problems.length).toBeGreaterThan(0);
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('enforces foreign keys and the indexes the queries use', () => {
    const db = new Database(BUNDLED_DB, { readonly: true });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['events_by_date', 'involvements_by_actor', 'citations_by_source', 'record_agreements_by_agreement']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM involvements WHERE actor_id = 'russia'").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (COVERING )?INDEX involvements_by_actor/);
    db.close();
  });
});

describe('the file a build writes', () => {
  it("keeps each table's and index's pages together, in order, so a query reading many rows of one reads them from one stretch", () => {
    const dir = tempDir();
    const out = join(dir, 'synthetic.db');
    writeSyntheticDatabase({ events: 5_000, out });
    expect(readdirSync(dir)).toEqual(['synthetic.db']);
    const db = new Database(out, { readonly: true });
    const pages = db.prepare('SELECT name, pageno FROM dbstat ORDER BY name, pageno').all() as { name: string; pageno: number }[];
    db.close();
    // Runs of consecutive pages: a table's first page, made when the schema is, stands apart from the rest.
    const runs = new Map<string, number>();
    pages.forEach(({ name, pageno }, i) => {
      const previous = pages[i - 1];
      if (previous?.name !== name || previous.pageno + 1 !== pageno) runs.set(name, (runs.get(name) ?? 0) + 1);
    });
    expect(runs.get('search_index_docsize')).toBeDefined();
    expect([...runs].filter(([, count]) => count > 3)).toEqual([]);
  });
});

describe('fact files in folders', () => {
  const extraEvent = (id: string) => `- id: ${id}
  date: "2025-05-06"
  date_precision: day
  date_basis: stated
  title: Another event
  summary: Something else happened.
  type: call
  sources:
    - source: seed-article
      reports: Names the attack at Pahalgam.
      quote: "the Pahalgam terror attack"
`;

  it("reads every YAML file under a kind's folder beside its main file", () => {
    const { problems, db } = buildFixture({ file: 'events/2025-05-06.yaml', text: extraEvent('another-event') });
    expect(problems).toEqual([]);
    const database = new Database(db, { readonly: true });
    expect(database.prepare("SELECT title FROM events WHERE id = 'another-event'").get()).toEqual({ title: 'Another event' });
    database.close();
  });

  it('names the file in the folder a problem is in, and the file an id was first used in', () => {
    const { problems } = buildFixture({ file: 'events/2025-05-06.yaml', text: extraEvent('putin-modi-call') });
    expect(problems).toEqual(["events/2025-05-06.yaml: putin-modi-call: id is already used by an event in events.yaml"]);
  });
});

describe('the bundled database', () => {
  it('is up to date with the fact files it was built from (run npm run build if not)', () => {
    const db = new Database(BUNDLED_DB, { readonly: true });
    const stored = (db.prepare("SELECT value FROM meta WHERE key = 'input_digest'").get() as { value: string }).value;
    db.close();
    expect(stored).toBe(inputDigest(DATA_DIR));
  });

  it('has a digest that changes when any fact file or bundled text changes', () => {
    const { dir } = buildFixture();
    const before = inputDigest(dir);
    const { dir: changed } = buildFixture({ file: 'events.yaml', edit: (records) => (records[0]!.title = 'Another title') });
    expect(inputDigest(changed)).not.toBe(before);
    expect(inputDigest(FIXTURE_DATA)).toBe(before);
  });
});
