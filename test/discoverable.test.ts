import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { didYouMean } from '../src/suggest.js';
import { openDatabase } from '../src/db/open.js';
import { EVENT_TYPES } from '../src/queries/events.js';
import { listValues } from '../src/queries/lookup.js';
import { MEASURE_CATEGORIES } from '../src/queries/measures.js';
import { STATEMENT_TYPES } from '../src/queries/statements.js';
import { BUNDLED_DB, fixtureDatabase, ROOT, runBinary, runCli, tempDir, type RunOptions } from './helpers.js';

/** Issue 16's "discoverable": what a newcomer can find out from crisis itself, without the README or jq. */

let db: string;
beforeAll(() => {
  db = fixtureDatabase();
});

const run = (argv: string[], options?: RunOptions) => runCli(['--db', db, ...argv], options);

describe('show of a name it cannot be sure of', () => {
  it.each([
    // The start of two ids: chain, which follows events, statements and measures, takes the one it can follow.
    { typed: 'pak', err: "crisis: 'pak' could be any of 2 records: pakistan (actor), pakistan-closes-airspace (measure); give its id\n", chain: 'pakistan-closes-airspace' },
    // The start of two ids, one the start of the other.
    { typed: 'indi', err: "crisis: 'indi' could be any of 2 records: india (actor), india-suspends-treaty (measure); give its id\n", chain: 'india-suspends-treaty' },
    // A word of two ids, no id starting with it: the source after the fact.
    { typed: 'modi', err: "crisis: 'modi' could be any of 2 records: putin-modi-call (event), asian-age-modi-will-punish-ultras (source); give its id\n", chain: 'putin-modi-call' },
    { typed: 'Call', err: "crisis: 'Call' could be any of 2 records: lavrov-dar-call (event), putin-modi-call (event); give its id\n" },
  ])('lists the records $typed could be, on one line, and exits 2', async ({ typed, err, chain }) => {
    expect(await run(['show', typed])).toEqual({ code: 2, stdout: '', stderr: err });
    const chained = await run(['chain', typed, '--json']);
    if (chain) expect(JSON.parse(chained.stdout).root).toBe(chain);
    else expect(chained).toEqual({ code: 2, stdout: '', stderr: err });
  });

  it.each([
    { typed: 'Pahalgam Attack', id: 'pahalgam-attack' }, // the id's words, as a name
    { typed: 'putin', id: 'vladimir-putin' }, // an alias, exactly, though ids start with it too
    { typed: 'Lavrov', id: 'sergey-lavrov' },
    { typed: 'simla', id: 'simla-agreement' }, // a word of one name, and the start of the same record's id
    { typed: 'pakistan-clo', id: 'pakistan-closes-airspace' }, // the start of one id
    { typed: 'punish', id: 'asian-age-modi-will-punish-ultras' }, // a word of one id
  ])('opens the one record $typed can be: $id', async ({ typed, id }) => {
    const result = await run(['show', typed, '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).id).toBe(id);
  });

  it.each([
    { typed: 'pahalgam-atack', err: "crisis: no record 'pahalgam-atack' (did you mean 'pahalgam-attack'?)\n" },
    { typed: 'lavrov-dra-call', err: "crisis: no record 'lavrov-dra-call' (did you mean 'lavrov-dar-call'?)\n" },
    { typed: 'xyzzy', err: "crisis: no record 'xyzzy'\n" },
    { typed: ' ', err: "crisis: no record ' '\n" },
  ])('says no record $typed, with the closest ids, and exits 3', async ({ typed, err }) => {
    expect(await run(['show', typed])).toEqual({ code: 3, stdout: '', stderr: err });
  });

  it('lists what the issue found guessed or missed, in the bundled data', () => {
    // An actor's name and an event's id both start with "pahalgam"; "sindoor" is a word of many ids, listed in part.
    expect(runBinary(['show', 'pahalgam'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^crisis: 'pahalgam' could be any of 2 records: pahalgam-attackers \(actor\), pahalgam-attack \(event\); give its id\n$/) });
    expect(runBinary(['show', 'sindoor'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^crisis: 'sindoor' could be any of \d+ records: operation-sindoor \(event\), .* and \d+ more \(crisis search sindoor finds them\); give its id\n$/) });
    expect(runBinary(['show', 'operation sindoor', '--json']).stdout).toContain('"id": "operation-sindoor"');
    expect(runBinary(['chain', 'pahalgam', '--json']).stdout).toContain('"root": "pahalgam-attack"');
  });

  it('suggests up to as many close words as asked, closest first', () => {
    const ids = ['pahalgam-attackers', 'pahalgam-attack', 'putin-modi-call', 'operation-sindoor'];
    expect(didYouMean('pahalgam-atack', ids)).toBe(" (did you mean 'pahalgam-attack'?)");
    expect(didYouMean('pahalgam-atack', ids, 3)).toBe(" (did you mean 'pahalgam-attack' or 'pahalgam-attackers'?)");
    expect(didYouMean('pahalgam-atacks', ['a-b', ...ids], 3)).toBe(" (did you mean 'pahalgam-attack' or 'pahalgam-attackers'?)");
    expect(didYouMean('sindor', ids, 3)).toBe('');
    expect(didYouMean('', ['g7'])).toBe('');
  });
});

describe('an empty graph', () => {
  it.each([
    { argv: ['--kind', 'measure', '--actor', 'russia'], note: 'no record matches these filters' },
    { argv: ['--kind', 'event'], note: 'none of the 3 records chosen is linked to another chosen record (--all draws them alone)' },
    { argv: ['--kind', 'event', '--until', '2025-04-22'], note: 'the one record chosen is linked to another chosen record (--all draws it alone)' },
  ])('says so on stderr, one line, and prints the empty document for $argv', async ({ argv, note }) => {
    for (const format of ['dot', 'mermaid', 'json']) {
      const result = await run(['graph', ...argv, '--format', format]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`crisis: the graph is empty: ${note}\n`);
      if (format === 'json') expect(JSON.parse(result.stdout)).toEqual({ nodes: [], edges: [] });
      else expect(result.stdout).not.toBe('');
    }
  });

  it('says nothing when there is something to draw', async () => {
    const result = await run(['graph']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('->');
  });
});

describe('case in the words crisis offers a choice of', () => {
  it.each([
    [['events', '--format', 'JSON'], ['events', '--format', 'json']],
    [['events', '--type', 'Call', '--json'], ['events', '--type', 'call', '--json']],
    [['measures', '--category', 'WATER', '--json'], ['measures', '--category', 'water', '--json']],
    [['timeline', '--kind', 'Measure', '--format', 'Jsonl'], ['timeline', '--kind', 'measure', '--format', 'jsonl']],
    [['actors', '--kind', 'Person', '--format', 'CSV'], ['actors', '--kind', 'person', '--format', 'csv']],
    [['show', 'pahalgam-attack', '--format', 'JSON'], ['show', 'pahalgam-attack', '--format', 'json']],
    [['graph', '--format', 'Mermaid', '--kind', 'EVENT', '--all'], ['graph', '--format', 'mermaid', '--kind', 'event', '--all']],
    [['events', '--json', '--format', 'Json'], ['events', '--json']],
  ])('%j is %j', async (typed, lower) => {
    const [a, b] = [await run(typed), await run(lower)];
    expect(a.stderr).toBe('');
    expect(a).toEqual(b);
    expect(a.stdout).not.toBe('');
  });
});

describe('the vocabularies, declared once', () => {
  const vocabularies = [
    { line: 'Event `type`', kind: 'event', field: 'type', declared: EVENT_TYPES, column: 'event-type' },
    { line: 'Statement `type`', kind: 'statement', field: 'type', declared: STATEMENT_TYPES, column: 'statement-type' },
    { line: 'Measure `category`', kind: 'measure', field: 'category', declared: MEASURE_CATEGORIES, column: 'measure-category' },
  ] as const;

  it.each(vocabularies)('crisis schema gives the $line as an enum of the declared words', async ({ kind, field, declared }) => {
    const schema = JSON.parse((await run(['schema', kind])).stdout);
    expect(schema.items.properties[field].enum).toEqual(declared);
  });

  it.each(vocabularies)("data/README.md lists the $line's declared words, and the bundled data uses only those", ({ line, declared, column }) => {
    const listed = new RegExp(`^- ${line.replace(/[`]/g, '\\`')}: ([^]*?)\\.\\n`, 'm').exec(readFileSync(join(ROOT, 'data', 'README.md'), 'utf8'))?.[1];
    expect(listed?.split(/,\s*/)).toEqual(declared);
    const bundled = openDatabase(BUNDLED_DB);
    try {
      expect(declared).toEqual(expect.arrayContaining(listValues(bundled, column)));
    } finally {
      bundled.close();
    }
  });
});

describe('what help promises', () => {
  it("names in events' description only sorts of event --type takes (it once promised ceasefires)", async () => {
    const help = (await run(['--help'], { columns: 400 })).stdout;
    const listed = /^\s+events\s+.*?Events: ([^;]*);/m.exec(help)![1]!.split(', ');
    expect(listed.length).toBeGreaterThan(3);
    for (const sort of listed) {
      const word = sort.replace(/ /g, '-');
      expect([word, word.replace(/s$/, '')].some((type) => (EVENT_TYPES as readonly string[]).includes(type)), sort).toBe(true);
    }
  });
});

describe('help lists the values the database holds', () => {
  /** An option's lines of help, joined: commander wraps them to the width. */
  const optionHelp = (help: string, flag: string) => new RegExp(`^  ${flag} .*\\n(?:^ {10,}.*\\n)*`, 'm').exec(help)?.[0].replace(/\s+/g, ' ').trim();

  it.each([
    { argv: ['events', '--help'], flag: '--type', values: 'only events of this type: one of attack, call' },
    { argv: ['statements', '--help'], flag: '--type', values: 'only statements of this type: one of appeal, condemnation' },
    { argv: ['statements', '--help'], flag: '--about', values: 'only statements invoking this agreement, by id or name: one of simla-agreement (Simla Agreement)' },
    { argv: ['measures', '--help'], flag: '--category', values: 'only this category: one of airspace, water' },
    { argv: ['help', 'measures'], flag: '--about', values: 'only measures invoking this agreement, by id or name: one of simla-agreement (Simla Agreement)' },
  ])('$argv lists what $flag takes in the database --db names', async ({ argv, flag, values }) => {
    for (const line of [['--db', db, ...argv], [...argv, '--db', db]]) {
      const result = await runCli(line, { columns: 80 });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(optionHelp(result.stdout, flag)).toBe(`${flag} <${flag === '--about' ? 'agreement' : flag.slice(2)}> ${values}`);
    }
    // CRISIS_DB names it as well; and the bundled database holds more than the fixture.
    expect(optionHelp((await runCli(argv, { env: { CRISIS_DB: db } })).stdout, flag)).toContain(values);
    expect(optionHelp((await runCli(argv)).stdout, flag)!.length).toBeGreaterThan(values.length);
  });

  it("shows a stranger's control characters as escapes, and a long list in part", async () => {
    const path = join(tempDir(), 'stranger.db');
    copyFileSync(db, path);
    const stranger = new Database(path);
    stranger.prepare("UPDATE agreements SET name = 'Simla\u001b[2J' WHERE id = 'simla-agreement'").run();
    stranger.prepare('DROP INDEX events_by_type').run();
    stranger.prepare("UPDATE events SET type = 'call\u0007' WHERE id = 'putin-modi-call'").run();
    stranger.pragma('foreign_keys = OFF');
    stranger.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70)
      INSERT INTO events (id, date, date_precision, date_start, date_end, date_basis, title, summary, type)
      SELECT 'e-' || i, date, date_precision, date_start, date_end, date_basis, title, summary, printf('t%02d', i) FROM events, n WHERE events.id = 'pahalgam-attack'`);
    stranger.close();
    const help = (await runCli(['--db', path, 'statements', '--help'], { columns: 200 })).stdout;
    expect(optionHelp(help, '--about')).toBe('--about <agreement> only statements invoking this agreement, by id or name: one of simla-agreement (Simla\\u001b[2J)');
    expect(optionHelp((await runCli(['--db', path, 'events', '--help'], { columns: 200 })).stdout, '--type')).toBe(`--type <type> only events of this type: one of attack, call, call\\u0007, ${Array.from({ length: 57 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`).join(', ')} and 13 more`);
    expect(help).not.toContain('\u001b');
  });

  it.each([['/nonexistent/crisis.db'], [join(ROOT, 'README.md')]])('prints help without the values, and without a word, where %s cannot be read', async (path) => {
    const result = await runCli(['--db', path, 'statements', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(optionHelp(result.stdout, '--type')).toBe('--type <type> only statements of this type');
    expect(optionHelp(result.stdout, '--about')).toBe('--about <agreement> only statements invoking this agreement, by id or name');
  });
});
