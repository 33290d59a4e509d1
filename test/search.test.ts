import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DB, buildFixture, find, fixtureDatabase, runCli, type RunOptions } from './helpers.js';

let db: string;
/** The fixture with a summary holding what people type that FTS5 would read as syntax. */
let awkwardDb: string;
const AWKWARD_SUMMARY = "Russia's offer (made with the U.S. AND others) is NOT new; near-final OR \"done\".";

beforeAll(() => {
  db = fixtureDatabase();
  const awkward = buildFixture({ file: 'statements.yaml', edit: (records) => (find(records, 'lavrov-cites-simla').summary = AWKWARD_SUMMARY) });
  expect(awkward.problems).toEqual([]);
  awkwardDb = awkward.db;
});

const run = (argv: string[], options?: RunOptions) => runCli(['--db', db, ...argv], options);
const ids = async (argv: string[], database = db) => {
  const result = await runCli(['--db', database, ...argv, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
};

describe('search', () => {
  it('breaks ties by rowid, which is id order among the facts and then among the pages: the index shares records\' rowids', () => {
    for (const path of [db, BUNDLED_DB]) {
      const index = new Database(path, { readonly: true });
      const ids = (order: string) => index.prepare(`SELECT id FROM records ORDER BY ${order}`).pluck().all();
      expect(ids('rowid')).toEqual(ids("kind = 'source', id"));
      const rowids = (table: string) => index.prepare(`SELECT rowid FROM ${table} ORDER BY rowid`).pluck().all();
      expect(rowids('search_index')).toEqual(rowids('records'));
      index.close();
    }
  });

  it.each([
    { database: 'the fixture', words: ['attack'] },
    { database: 'the bundled data', words: ['ceasefire'] },
    { database: 'the bundled data', words: ['Sindoor'] },
    { database: 'the bundled data', words: ['India', '--limit', '400'] },
  ])('ranks every fact above every page on $database ($words)', async ({ database, words }) => {
    const path = database === 'the fixture' ? db : BUNDLED_DB;
    const hits = JSON.parse((await runCli(['--db', path, 'search', ...words, '--json'])).stdout) as { kind: string; rank: number }[];
    const kinds = hits.map((hit) => (hit.kind === 'source' ? 'page' : 'fact'));
    expect(kinds).toContain('fact');
    expect(kinds).toContain('page');
    expect(kinds).toEqual([...kinds].sort());
    expect(hits.map((hit) => hit.rank)).toEqual(hits.map((_, i) => i + 1));
  });

  it.each(['ceasefire', 'India', 'Pakistan army'])(
    'orders %s facts first, then those whose title holds every word, then by bm25 and id, as docs/search.md says',
    async (typed) => {
      const match = typed.split(' ').map((word) => `"${word}"`).join(' ');
      const index = new Database(BUNDLED_DB, { readonly: true });
      const ranked = index.prepare(`SELECT r.kind = 'source', search_index.rowid NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH @titled),
          bm25(search_index, 4.0, 2.0, 1.0, 2.0), r.id FROM search_index
        JOIN records r ON r.rowid = search_index.rowid WHERE search_index MATCH @match`).raw().all({ match, titled: `{title} : (${match})` }) as [number, number, number, string][];
      index.close();
      ranked.sort(([pa, ta, sa, a], [pb, tb, sb, b]) => pa - pb || ta - tb || sa - sb || (a < b ? -1 : 1));
      expect(new Set(ranked.map(([page, tier]) => `${page}${tier}`)).size).toBeGreaterThanOrEqual(3);
      const { stdout } = await runCli(['--db', BUNDLED_DB, 'search', typed, '--json', '--limit', '1000']);
      expect((JSON.parse(stdout) as { id: string }[]).map((hit) => hit.id)).toEqual(ranked.map(([, , , id]) => id));
    },
  );

  it('ranks what it finds, each with a snippet, and prints plain tab-separated lines in a pipe', async () => {
    const result = await run(['search', 'Simla']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'id\tkind\tdate\ttitle\tsnippet',
        'simla-agreement\tagreement\t1972\tSimla Agreement\tSimla Agreement, Simla Accord',
        'lavrov-cites-simla\tstatement\t2025-05\tLavrov cites Simla\tLavrov cites Simla',
        '',
      ].join('\n'),
    });
  });

  it('gives scripts every field, a rank from 1, and snippets without highlight marks', async () => {
    const rows = JSON.parse((await run(['search', 'attack', '--json'])).stdout) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'kind', 'date', 'date_precision', 'date_start', 'date_end', 'title', 'snippet', 'rank']);
    expect(rows[0]).toMatchObject({ id: 'pahalgam-attack', kind: 'event', date: '2025-04-22', date_precision: 'day', rank: 1 });
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) expect(row.snippet).not.toMatch(/[\u0002\u0003]/);
  });

  it('highlights the match in a coloured table, and only there', async () => {
    const coloured = await run(['search', 'condemned'], { tty: true, columns: 200 });
    expect(coloured.stdout).toContain('strongly \u001b[1m\u001b[33mcondemned\u001b[39m\u001b[22m the terror');
    for (const options of [{ tty: true, env: { NO_COLOR: '1' } }, { tty: false }]) {
      const plain = await run(['search', 'condemned', '--format', 'table'], { columns: 200, ...options });
      expect(plain.stdout).toContain('strongly condemned the terror');
      expect(plain.stdout).not.toMatch(/[\u0002\u0003\u001b]/);
    }
  });

  it('fits a highlighted snippet to the terminal width', async () => {
    const { stdout } = await run(['search', 'attack'], { tty: true, columns: 100 });
    const lines = stdout.replace(/\u001b\[\d+m/g, '').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +KIND +DATE +TITLE +SNIPPET$/);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(stdout).toMatch(/\u001b\[1m\u001b\[33mattack/);
  });

  it.each([
    { typed: "Russia's", expected: ['lavrov-cites-simla'] },
    { typed: 'U.S.', expected: ['lavrov-cites-simla'] },
    { typed: '(made with the U.S.', expected: ['lavrov-cites-simla'] },
    { typed: 'AND', expected: ['lavrov-dar-call', 'simla-agreement', 'lavrov-cites-simla'] },
    { typed: 'offer NOT new', expected: ['lavrov-cites-simla'] },
    { typed: 'near-final OR', expected: ['lavrov-cites-simla'] },
    { typed: '"done"', expected: ['lavrov-cites-simla'] },
    { typed: '"is NOT new"', expected: ['lavrov-cites-simla'] },
    { typed: '"new is"', expected: [] },
    { typed: 'unbalanced "quote', expected: [] },
    { typed: 'NEAR( offer', expected: ['lavrov-cites-simla'] },
    { typed: 'NEAR(offer', expected: [] },
    { typed: 'summary:offer', expected: [] },
    { typed: 'offer^ + - ;', expected: ['lavrov-cites-simla'] },
  ])('takes $typed as plain words', async ({ typed, expected }) => {
    expect(await ids(['search', typed], awkwardDb)).toEqual(expected);
  });

  it.each([
    { why: 'a trailing * as a prefix', argv: ['search', 'Lavr*'], expected: ['sergey-lavrov', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { why: 'every word, not any', argv: ['search', 'Putin', 'Modi'], expected: ['putin-modi-call'] },
    { why: 'words of the same stem', argv: ['search', 'condemn'], expected: ['putin-condemns-attack'] },
    { why: 'actor aliases', argv: ['search', 'Russian Federation', '--kind', 'actor'], expected: ['russia'] },
    { why: 'records by the names of those taking part', argv: ['search', 'Ishaq', '--kind', 'event'], expected: ['lavrov-dar-call'] },
    { why: 'citation quotes', argv: ['search', 'airliners', '--kind', 'measure'], expected: ['pakistan-closes-airspace'] },
    { why: 'any case and accents', argv: ['search', 'PAHALGÁM', '--kind', 'event'], expected: ['pahalgam-attack'] },
    { why: 'only the kind asked', argv: ['search', 'attack', '--kind', 'source'], expected: ['jang-pahalgam-attack-toll'] },
    { why: 'records of an actor, and the actor', argv: ['search', 'Lavrov', '--actor', 'russia'], expected: ['sergey-lavrov', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { why: 'nothing of an actor not involved', argv: ['search', 'Lavrov', '--actor', 'india'], expected: ['lavrov-cites-simla'] },
    { why: 'dated records wholly in the range', argv: ['search', 'attack', '--since', '2025-05'], expected: ['putin-condemns-attack'] },
    { why: 'a limit on the best', argv: ['search', 'Lavr*', '--limit', '1'], expected: ['sergey-lavrov'] },
    { why: 'a sort instead of the rank', argv: ['search', 'Lavr*', '--sort', 'id'], expected: ['lavrov-cites-simla', 'lavrov-dar-call', 'sergey-lavrov'] },
    { why: 'FTS5 syntax with --raw', argv: ['search', '--raw', 'attack NOT putin'], expected: ['pahalgam-attack', 'jang-pahalgam-attack-toll'] },
    { why: 'an FTS5 column filter with --raw', argv: ['search', '--raw', 'title:lavrov'], expected: ['sergey-lavrov', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { why: 'a word typed thousands of times as the word once', argv: ['search', 'Lavrov '.repeat(20_000)], expected: ['sergey-lavrov', 'lavrov-dar-call', 'lavrov-cites-simla'] },
  ])('finds $why', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });

  it('finds no prefix without the *, and offers the word it begins', async () => {
    expect(await runCli(['--db', db, 'search', 'Lavr', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: "crisis: no record holds 'lavr'; did you mean 'lavrov'?\n" });
  });

  it.each([
    'Bunyan al Marsoos',
    'Bunyan-ul-Marsoos',
    'bunyan um marsoos',
    'Bunyan Marsoos',
    'BUNYAN-UN-MARSOOS',
    'Bunyān al-Marsoos',
    'Bunyan-al-Mars*',
  ])('finds Operation Bunyan-um-Marsoos, first, as %s', async (typed) => {
    const found = await ids(['search', typed], BUNDLED_DB);
    expect(found[0]).toBe('operation-bunyan-um-marsoos');
  });

  it.each([
    { why: 'a particle in capitals is an abbreviation, and counts', typed: 'Bunyan UN Marsoos', expected: [] },
    { why: 'a particle on its own is searched for', typed: 'al', expected: ['lavrov-dar-call'] },
    { why: 'a hyphenated word still needs its other parts near each other', typed: 'Putin-al-Simla', expected: [] },
    { why: 'a quoted phrase is taken as typed', typed: '"Simla al Agreement"', expected: [] },
  ])('folds name particles only where they are particles: $why', async ({ typed, expected }) => {
    const awkward = buildFixture({ file: 'events.yaml', edit: (records) => (find(records, 'lavrov-dar-call').summary = 'Talks with al Dar.') });
    expect(await ids(['search', typed], awkward.db)).toEqual(expected);
  });

  it.each([
    { typed: ['ceasfire'], database: BUNDLED_DB, note: "crisis: no record holds 'ceasfire'; did you mean 'ceasefire'?\n" },
    { typed: ['Pahalgm'], database: BUNDLED_DB, note: "crisis: no record holds 'pahalgm'; did you mean 'pahalgam'?\n" },
    { typed: ['Lavrov', 'condemed'], database: undefined, note: "crisis: no record holds 'condemed'; did you mean 'condemns'?\n" },
    { typed: ['zqxwv'], database: undefined, note: '' },
    { typed: ['Putin', 'Simla'], database: undefined, note: '' },
    { typed: ['Lavrov', '--kind', 'source'], database: undefined, note: '' },
    { typed: ['--raw', 'ceasfire'], database: BUNDLED_DB, note: '' },
  ])('when nothing matches $typed, suggests a close word only for a word no record holds', async ({ typed, database, note }) => {
    const result = await runCli(['--db', database ?? db, 'search', ...typed, '--json']);
    expect(result).toEqual({ code: 0, stdout: '[]\n', stderr: note });
  });

  it.each([
    { argv: ['search', '--raw', 'attack AND ('], err: /^crisis: invalid search 'attack AND \(' for --raw \(fts5: syntax error near ""\): quote words with "\.\.\.", combine/ },
    { argv: ['search', '--raw', 'nosuch:word'], err: /^crisis: invalid search 'nosuch:word' for --raw \(no such column: nosuch\)/ },
    { argv: ['search', '"'], err: /^crisis: nothing to search for in '"': give a word or a name/ },
    { argv: ['search', '--raw', ' '], err: /^crisis: nothing to search for in ' '/ },
    { argv: ['search'], err: /^crisis: missing required argument 'text'/ },
    { argv: ['search', 'x', '--kind', 'person'], err: /^crisis: unknown value 'person' for --kind; use one of event, statement, measure, agreement, actor, source\n$/ },
    { argv: ['search', 'x', '--actor', 'narnia'], err: /^crisis: unknown actor 'narnia' for --actor/ },
    { argv: ['search', ...Array.from({ length: 65 }, (_, i) => `word${i}`)], err: /^crisis: too many words to search for \(65\); give at most 64\n$/ },
    { argv: ['search', '--raw', 'attack '.repeat(200)], err: /^crisis: --raw search text too long \(1400 characters\); give at most 1000\n$/ },
    { argv: ['search', 'x', '--sort', 'score'], err: /^crisis: unknown field 'score' for --sort; fields here: id, kind, date, date_precision, date_start, date_end, title, snippet, rank\n$/ },
  ])('$argv is a usage error', async ({ argv, err }) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(err);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
