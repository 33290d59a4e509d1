import Database from 'better-sqlite3';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDatabase } from '../src/compile/compile.js';
import { BUNDLED_DB, buildFixture, DATA_DIR, find, fixtureDatabase, runBinary, runCli, tempDir, type FixtureChange } from './helpers.js';

/** The fixture built with `changes` made to its fact files. */
function changedFixture(changes: FixtureChange | FixtureChange[]): string {
  const { problems, db } = buildFixture(changes);
  expect(problems).toEqual([]);
  return db;
}

const retitled: FixtureChange = { file: 'measures.yaml', edit: (records) => void (find(records, 'pakistan-closes-airspace').title = 'Pakistan shuts its airspace') };

/** crisis diff --json, run by the built binary, parsed. */
function diffJson(before: string, after: string) {
  const result = runBinary(['diff', before, after, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { added: unknown[]; removed: unknown[]; changed: unknown[] };
}

describe('crisis diff', () => {
  it('finds nothing between a database and itself', () => {
    const result = runBinary(['diff', fixtureDatabase(), fixtureDatabase(), '--json']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: '{\n  "added": [],\n  "removed": [],\n  "changed": []\n}\n' });
  });

  it('finds nothing between two builds of the same facts', () => {
    expect(diffJson(fixtureDatabase(), changedFixture([]))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('finds a retitled measure, and only its title', () => {
    expect(diffJson(fixtureDatabase(), changedFixture(retitled))).toEqual({
      added: [],
      removed: [],
      changed: [{ id: 'pakistan-closes-airspace', kind: 'measure', fields: ['title'] }],
    });
  });

  it('finds exactly a retitled measure between the bundled database and a build of its facts with that one change', () => {
    const dir = join(tempDir(), 'data');
    cpSync(DATA_DIR, dir, { recursive: true, filter: (path) => !path.endsWith('crisis.db') });
    const file = join(dir, 'measures', '2025-04-25-to-05-02.yaml');
    const facts = readFileSync(file, 'utf8');
    const title = 'title: India closes its airspace to Pakistani aircraft\n';
    expect(facts).toContain(title);
    writeFileSync(file, facts.replace(title, 'title: India shuts its airspace to Pakistani aircraft\n'));
    const rebuilt = join(dir, 'crisis.db');
    compileDatabase(dir, rebuilt);
    expect(diffJson(BUNDLED_DB, rebuilt)).toEqual({ added: [], removed: [], changed: [{ id: 'india-closes-airspace', kind: 'measure', fields: ['title'] }] });
  });

  it('finds a record added and one removed, each with its kind and title', () => {
    const renamed: FixtureChange = { file: 'events.yaml', edit: (records) => void (find(records, 'lavrov-dar-call').id = 'lavrov-dar-second-call') };
    expect(diffJson(fixtureDatabase(), changedFixture(renamed))).toEqual({
      added: [{ id: 'lavrov-dar-second-call', kind: 'event', title: 'Lavrov and Dar speak' }],
      removed: [{ id: 'lavrov-dar-call', kind: 'event', title: 'Lavrov and Dar speak' }],
      changed: [],
    });
  });

  it('finds a changed citation as a change of sources', () => {
    const recited: FixtureChange = {
      file: 'measures.yaml',
      edit: (records) => void ((find(records, 'india-suspends-treaty').sources as { reports: string }[])[0]!.reports = 'India suspended the treaty.'),
    };
    expect(diffJson(fixtureDatabase(), changedFixture(recited)).changed).toEqual([{ id: 'india-suspends-treaty', kind: 'measure', fields: ['sources'] }]);
  });

  it('finds every record that prints a changed value: a source retitled changes what cites it', () => {
    const retitledSource: FixtureChange = { file: 'sources.yaml', edit: (records) => void (find(records, 'asian-age-modi-will-punish-ultras').title = 'Modi vows punishment') };
    expect(diffJson(fixtureDatabase(), changedFixture(retitledSource)).changed).toEqual([
      { id: 'asian-age-modi-will-punish-ultras', kind: 'source', fields: ['title'] },
      { id: 'pahalgam-attack', kind: 'event', fields: ['sources'] },
    ]);
  });

  it('finds a record whose kind changed as changed, in its kind field among others', () => {
    let measure: Record<string, unknown> = {};
    const eventNow: FixtureChange[] = [
      { file: 'measures.yaml', edit: (records) => void (measure = records.splice(records.indexOf(find(records, 'pakistan-closes-airspace')), 1)[0]!) },
      {
        file: 'events.yaml',
        edit: (records) => void records.push({ ...find(records, 'putin-modi-call'), id: measure.id, title: measure.title, sources: measure.sources }),
      },
    ];
    const { added, removed, changed } = diffJson(fixtureDatabase(), changedFixture(eventNow));
    expect({ added, removed }).toEqual({ added: [], removed: [] });
    expect(changed).toEqual([{ id: 'pakistan-closes-airspace', kind: 'event', fields: expect.arrayContaining(['kind', 'type', 'by', 'summary']) }]);
  });

  it('prints what crisis schema diff describes', async () => {
    const schema = JSON.parse((await runCli(['schema', 'diff'])).stdout) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const renamed: FixtureChange = { file: 'events.yaml', edit: (records) => void (find(records, 'lavrov-dar-call').id = 'lavrov-dar-second-call') };
    const differences = diffJson(fixtureDatabase(), changedFixture([renamed, retitled]));
    expect(validate(differences), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...differences, changed: [{ id: 'x', fields: 'title' }] })).toBe(false);
  });

  it('prints TSV in a pipe, a line a record, and its summary on stderr', async () => {
    const result = await runCli(['diff', fixtureDatabase(), changedFixture(retitled)]);
    expect(result).toEqual({
      code: 0,
      stdout: 'change\tid\tkind\ttitle\tfields\nchanged\tpakistan-closes-airspace\tmeasure\tPakistan shuts its airspace\ttitle\n',
      stderr: '0 added, 0 removed, 1 changed, 16 the same\n',
    });
  });

  it('prints a table on a terminal, ending in its summary', async () => {
    const result = await runCli(['--no-color', 'diff', fixtureDatabase(), changedFixture(retitled)], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^CHANGE +ID +KIND +TITLE +FIELDS\n/);
    expect(result.stdout).toMatch(/\nchanged +pakistan-closes-airspace +measure +Pakistan shuts its airspace +title\n/);
    expect(result.stdout).toMatch(/\n0 added, 0 removed, 1 changed, 16 the same\n$/);
  });

  it('says so in one line when there is no difference', async () => {
    const result = await runCli(['diff', fixtureDatabase(), fixtureDatabase()], { tty: true });
    expect(result).toEqual({ code: 0, stdout: 'no differences: 17 records the same in both\n', stderr: '' });
  });

  it.each(['table', 'tsv', 'csv', 'json'])('prints a stranger\'s control characters as escapes, never to the terminal, in %s', async (format) => {
    const path = join(tempDir(), 'hostile.db');
    copyFileSync(fixtureDatabase(), path);
    const title = 'Seed \u001b]0;owned\u0007\u001b[2J article';
    const db = new Database(path);
    for (const table of ['records', 'sources']) db.prepare(`UPDATE ${table} SET title = ? WHERE id = 'seed-article'`).run(title);
    db.close();
    const result = await runCli(['--no-color', 'diff', fixtureDatabase(), path, '--format', format], { tty: format === 'table' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(format === 'json' ? 'seed-article' : 'Seed \\u001b]0;owned');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  it.each([
    { argv: ['diff'], err: "missing required argument 'old.db'" },
    { argv: ['diff', 'a.db'], err: "missing required argument 'new.db'" },
    { argv: ['diff', 'a.db', 'b.db', 'c.db'], err: 'too many arguments' },
    { argv: ['diff', 'a.db', 'b.db', '--format', 'jsonl'], err: "unknown value 'jsonl' for --format" },
    { argv: ['diff', 'a.db', 'b.db', '--json', '--format', 'csv'], err: '--json and --format csv ask for different formats' },
    { argv: ['diff', 'a.db', 'b.db', '--fields', 'id'], err: "unknown option '--fields'" },
  ])('$argv is a usage error: one line saying so, exit 2', ({ argv, err }) => {
    const result = runBinary(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^crisis: [^\n]+\n$/);
    expect(result.stderr).toContain(err);
  });

  it.each([
    { what: 'a missing file', make: () => join(tempDir(), 'missing.db') },
    {
      what: 'a file that is not SQLite',
      make: () => {
        const path = join(tempDir(), 'notes.db');
        writeFileSync(path, 'not a database\n');
        return path;
      },
    },
    {
      what: 'a database of another schema version',
      make: () => {
        const path = join(tempDir(), 'old.db');
        copyFileSync(fixtureDatabase(), path);
        new Database(path).exec("UPDATE meta SET value = '0' WHERE key = 'schema_version'").close();
        return path;
      },
    },
  ])('refuses $what, old or new, with the error the rest of crisis gives', async ({ make }) => {
    const path = make();
    const elsewhere = await runCli(['--db', path, 'events']);
    expect(elsewhere.code).toBe(1);
    for (const argv of [['diff', path, fixtureDatabase()], ['diff', fixtureDatabase(), path, '--json']]) {
      expect(await runCli(argv), argv.join(' ')).toEqual({ code: 1, stdout: '', stderr: elsewhere.stderr });
    }
  });
});
