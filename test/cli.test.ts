import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileDigest, fixtureDatabase, runCli, tempDir, type RunOptions } from './helpers.js';

let db: string;
beforeAll(() => {
  db = fixtureDatabase();
});

/** Runs against the small fixture database, so expected output stays exact as the real data grows. */
const run = (argv: string[], options?: RunOptions) => runCli(['--db', db, ...argv], options);

const ESC = '\u001b[';

describe('output on a terminal and in a pipe', () => {
  it('prints a table on a terminal, fitted to its width, with a note on dates known only to the month', async () => {
    const result = await run(['events'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '┌─────────────────┬────────────┬────────┬──────────────────┬───────────────────┐',
        '│ ID              │ DATE       │ TYPE   │ TITLE            │ ACTORS            │',
        '├─────────────────┼────────────┼────────┼──────────────────┼───────────────────┤',
        '│ pahalgam-attack │ 2025-04-22 │ attack │ Attack at        │ India (target)    │',
        '│                 │            │        │ Pahalgam         │                   │',
        '├─────────────────┼────────────┼────────┼──────────────────┼───────────────────┤',
        '│ putin-modi-call │ 2025-05-05 │ call   │ Putin calls Modi │ Vladimir Putin    │',
        '│                 │            │        │                  │ (initiator)       │',
        '├─────────────────┼────────────┼────────┼──────────────────┼───────────────────┤',
        '│ lavrov-dar-call │ 2025-05    │ call   │ Lavrov and Dar   │ Sergey Lavrov     │',
        '│                 │            │        │ speak            │ (participant);    │',
        '│                 │            │        │                  │ Ishaq Dar         │',
        '│                 │            │        │                  │ (participant)     │',
        '└─────────────────┴────────────┴────────┴──────────────────┴───────────────────┘',
        "3 records; 2025-05 is known only to the month and follows that month's dated records",
        '',
      ].join('\n'),
    );
  });

  it('prints tab-separated lines with a header in a pipe', async () => {
    const result = await run(['events']);
    expect(result.stdout).toBe(
      [
        'id\tdate\ttype\ttitle\tactors',
        'pahalgam-attack\t2025-04-22\tattack\tAttack at Pahalgam\tIndia (target)',
        'putin-modi-call\t2025-05-05\tcall\tPutin calls Modi\tVladimir Putin (initiator)',
        'lavrov-dar-call\t2025-05\tcall\tLavrov and Dar speak\tSergey Lavrov (participant); Ishaq Dar (participant)',
        '',
      ].join('\n'),
    );
  });

  it('colours a terminal table', async () => {
    const result = await run(['events'], { tty: true });
    expect(result.stdout).toContain(`${ESC}1mID`);
    expect(result.stdout).toContain(`${ESC}36mpahalgam-attack`);
  });

  it.each([
    { why: 'in a pipe', argv: ['events', '--format', 'table'], tty: false, env: {} },
    { why: 'with NO_COLOR set', argv: ['events'], tty: true, env: { NO_COLOR: '1' } },
    { why: 'with --no-color', argv: ['--no-color', 'events'], tty: true, env: {} },
    { why: 'in show with NO_COLOR', argv: ['show', 'pahalgam-attack'], tty: true, env: { NO_COLOR: 'yes' } },
  ])('never colours $why', async ({ argv, tty, env }) => {
    const result = await run(argv, { tty, env });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });
});

describe('formats', () => {
  it('--json prints an array of objects with every contract field', async () => {
    const rows = JSON.parse((await run(['measures', '--json'])).stdout);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'id', 'kind', 'date', 'date_precision', 'title', 'summary', 'by', 'against', 'category', 'status', 'in_response_to', 'agreements', 'cameo', 'sources',
    ]);
    expect(rows[1]).toMatchObject({
      id: 'pakistan-closes-airspace',
      kind: 'measure',
      by: { id: 'pakistan', name: 'Pakistan' },
      against: { id: 'india', name: 'India' },
      in_response_to: 'india-suspends-treaty',
      sources: [{ id: 'seed-article', title: 'Seed article', publisher: null, url: null, published: null, quote: 'closing its airspace to Indian airliners' }],
    });
  });

  it('--json prints [] when nothing matches, and exits 0', async () => {
    const result = await run(['events', '--actor', 'pakistan', '--type', 'attack', '--json']);
    expect(result).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('statements carry speaker, on_behalf_of, addressees, quote, event and agreements', async () => {
    const [statement] = JSON.parse((await run(['statements', '--json', '--limit', '1'])).stdout);
    expect(statement).toMatchObject({
      id: 'putin-condemns-attack',
      speaker: { id: 'vladimir-putin', name: 'Vladimir Putin' },
      on_behalf_of: { id: 'russia', name: 'Russia' },
      addressees: [{ id: 'india', name: 'India' }],
      quote: 'strongly condemned the terror attack in Pahalgam, India',
      event: 'putin-modi-call',
      agreements: [],
      cameo: '111',
    });
  });

  it('--format jsonl prints one object a line, --fields picks the keys', async () => {
    const result = await run(['statements', '--format', 'jsonl', '--fields', 'id,quote']);
    expect(result.stdout).toBe(
      '{"id":"putin-condemns-attack","quote":"strongly condemned the terror attack in Pahalgam, India"}\n' +
        '{"id":"lavrov-cites-simla","quote":null}\n',
    );
  });

  it('--format csv quotes cells that need it', async () => {
    const result = await run(['statements', '--format', 'csv', '--fields', 'id,addressees,quote']);
    expect(result.stdout).toBe(
      'id,addressees,quote\n' +
        'putin-condemns-attack,India,"strongly condemned the terror attack in Pahalgam, India"\n' +
        'lavrov-cites-simla,India; Pakistan,\n',
    );
  });

  it('--format tsv is what a pipe gets by default, and --fields works there too', async () => {
    expect((await run(['measures', '--format', 'tsv'])).stdout).toBe((await run(['measures'])).stdout);
    expect((await run(['measures', '--fields', 'id,in_response_to'])).stdout).toBe(
      'id\tin_response_to\nindia-suspends-treaty\tpahalgam-attack\npakistan-closes-airspace\tindia-suspends-treaty\n',
    );
  });

  it('--format table works in a pipe, for a user who wants it', async () => {
    const result = await run(['actors', '--format', 'table', '--fields', 'id,country', '--kind', 'person']);
    expect(result.stdout).toContain('│ sergey-lavrov  │ Russia   │');
    expect(result.stdout).toContain('3 records\n');
  });
});

describe('filters', () => {
  const ids = async (argv: string[]) => {
    const result = await run([...argv, '--json']);
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
  };

  it.each([
    { argv: ['events', '--actor', 'russia'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--actor', 'RUSSIA'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--actor', 'Russian Federation'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--actor', 'lavrov'], expected: ['lavrov-dar-call'] },
    { argv: ['events', '--actor', 'putin', '--actor', 'india'], expected: ['pahalgam-attack', 'putin-modi-call'] },
    { argv: ['events', '--actor', 'vladimir'], expected: ['putin-modi-call'] },
    { argv: ['events', '--type', 'call'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--type', 'CALL'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025-05-01'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025-05-10'], expected: ['lavrov-dar-call'] },
    { argv: ['events', '--until', '2025-04'], expected: ['pahalgam-attack'] },
    { argv: ['events', '--until', '2025-05-01'], expected: ['pahalgam-attack', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025', '--until', '2025'], expected: ['pahalgam-attack', 'putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--limit', '2'], expected: ['pahalgam-attack', 'putin-modi-call'] },
    { argv: ['statements', '--actor', 'russia'], expected: ['putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['statements', '--actor', 'pakistan'], expected: ['lavrov-cites-simla'] },
    { argv: ['statements', '--type', 'condemnation'], expected: ['putin-condemns-attack'] },
    { argv: ['statements', '--about', 'Simla Accord'], expected: ['lavrov-cites-simla'] },
    { argv: ['measures', '--by', 'pakistan'], expected: ['pakistan-closes-airspace'] },
    { argv: ['measures', '--against', 'pakistan'], expected: ['india-suspends-treaty'] },
    { argv: ['measures', '--actor', 'pakistan'], expected: ['india-suspends-treaty', 'pakistan-closes-airspace'] },
    { argv: ['measures', '--by', 'india', '--against', 'india'], expected: [] },
    { argv: ['measures', '--category', 'airspace'], expected: ['pakistan-closes-airspace'] },
    { argv: ['actors', '--country', 'russia'], expected: ['russia', 'sergey-lavrov', 'vladimir-putin'] },
    { argv: ['actors', '--kind', 'state'], expected: ['india', 'pakistan', 'russia'] },
    { argv: ['agreements', '--actor', 'india'], expected: ['simla-agreement'] },
    { argv: ['agreements', '--actor', 'russia'], expected: [] },
    { argv: ['agreements', '--since', '1973'], expected: [] },
    { argv: ['sources'], expected: ['seed-article'] },
  ])('$argv', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });

  it('agreements list what invokes them', async () => {
    const [simla] = JSON.parse((await run(['agreements', '--json'])).stdout);
    expect(simla.invoked_by).toEqual([{ id: 'lavrov-cites-simla', kind: 'statement', date: '2025-05', title: 'Lavrov cites Simla' }]);
    expect(simla.parties).toEqual([{ id: 'india', name: 'India' }, { id: 'pakistan', name: 'Pakistan' }]);
  });

  it('sources count the records that cite them', async () => {
    const [seed] = JSON.parse((await run(['sources', '--json'])).stdout);
    // 2 measures, 2 statements, 3 events, 1 agreement and 1 actor quote the seed article
    expect(seed.cited_by).toBe(9);
  });
});

describe('show', () => {
  it('prints every field, each citation with its quote, and the linked records', async () => {
    const result = await run(['show', 'india-suspends-treaty'], { columns: 80 });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'India suspends the treaty',
        'measure india-suspends-treaty',
        '',
        '  date            2025-04-23',
        '  date_precision  day',
        '  summary         India suspended the treaty.',
        '  by              India',
        '  against         Pakistan',
        '  category        water',
        '  status          in-force',
        '  in_response_to  pahalgam-attack',
        '',
        'Sources',
        '  1. Seed article [seed-article]',
        '     “the suspension of the Indus Waters Treaty”',
        '',
        'Linked',
        '  responds-to         2025-04-22  pahalgam-attack (event)',
        '                                  Attack at Pahalgam',
        '  answered-by         2025-04-24  pakistan-closes-airspace (measure)',
        '                                  Pakistan closes its airspace',
        '',
      ].join('\n'),
    });
  });

  it('--json prints one object with its links', async () => {
    const record = JSON.parse((await run(['show', 'putin-modi-call', '--json'])).stdout);
    expect(record).toMatchObject({ id: 'putin-modi-call', kind: 'event', actors: [{ id: 'vladimir-putin', role: 'initiator' }] });
    expect(record.linked).toEqual([
      { relation: 'statement-made-here', id: 'putin-condemns-attack', kind: 'statement', date: '2025-05-05', title: 'Putin condemns the attack' },
    ]);
  });

  it('an actor lists its members and every record it or they take part in', async () => {
    const record = JSON.parse((await run(['show', 'russia', '--json'])).stdout);
    expect(record.linked.map((link: { relation: string; id: string; role?: string }) => [link.relation, link.id, link.role ?? null])).toEqual([
      ['has-member', 'sergey-lavrov', null],
      ['has-member', 'vladimir-putin', null],
      ['involved-in', 'putin-condemns-attack', 'speaker (vladimir-putin), on-behalf-of'],
      ['involved-in', 'putin-modi-call', 'initiator (vladimir-putin)'],
      ['involved-in', 'lavrov-cites-simla', 'speaker (sergey-lavrov), on-behalf-of'],
      ['involved-in', 'lavrov-dar-call', 'participant (sergey-lavrov)'],
    ]);
  });

  it.each([
    ['Putin', 'vladimir-putin'],
    ['Simla Accord', 'simla-agreement'],
    ['PAHALGAM-ATTACK', 'pahalgam-attack'],
    ['seed-article', 'seed-article'],
  ])('finds %j by name, alias or id', async (typed, id) => {
    expect(JSON.parse((await run(['show', typed, '--json'])).stdout).id).toBe(id);
  });
});

describe('usage errors and missing records', () => {
  it.each([
    { argv: ['events', '--actor', 'narnia'], code: 2, err: /^crisis: unknown actor 'narnia' for --actor; see crisis actors\n$/ },
    { argv: ['events', '--actor', 'russa'], code: 2, err: /^crisis: unknown actor 'russa' for --actor \(did you mean 'russia'\?\)\n$/ },
    { argv: ['measures', '--by', 'pakistn'], code: 2, err: /unknown actor 'pakistn' for --by \(did you mean 'pakistan'\?\)/ },
    { argv: ['statements', '--about', 'simla treaty'], code: 2, err: /unknown agreement 'simla treaty' for --about/ },
    { argv: ['events', '--since', '2025-13-01'], code: 2, err: /^crisis: invalid date '2025-13-01' for --since: use YYYY, YYYY-MM or YYYY-MM-DD/ },
    { argv: ['events', '--until', 'May'], code: 2, err: /invalid date 'May' for --until/ },
    { argv: ['events', '--since', '2025-06', '--until', '2025-05'], code: 2, err: /--since 2025-06 is after --until 2025-05/ },
    { argv: ['events', '--limit', 'ten'], code: 2, err: /invalid limit 'ten': use a whole number of 1 or more/ },
    { argv: ['events', '--limit', '0'], code: 2, err: /invalid limit '0'/ },
    { argv: ['events', '--limit', '-3'], code: 2, err: /invalid limit '-3'/ },
    { argv: ['events', '--type', 'cal'], code: 2, err: /unknown value 'cal' for --type \(did you mean 'call'\?\); known values: attack, call/ },
    { argv: ['measures', '--category', 'oil'], code: 2, err: /unknown value 'oil' for --category; known values: airspace, water/ },
    { argv: ['events', '--format', 'xml'], code: 2, err: /unknown format 'xml': use one of table, json, jsonl, csv, tsv/ },
    { argv: ['events', '--json', '--format', 'csv'], code: 2, err: /--json and --format csv ask for different formats/ },
    { argv: ['events', '--fields', 'id,titel'], code: 2, err: /unknown field 'titel' \(did you mean 'title'\?\)/ },
    { argv: ['events', '--bogus'], code: 2, err: /^crisis: unknown option '--bogus'\n$/ },
    { argv: ['events', '--actr', 'x'], code: 2, err: /^crisis: unknown option '--actr' \(Did you mean --actor\?\)\n$/ },
    { argv: ['evnts'], code: 2, err: /^crisis: unknown command 'evnts' \(Did you mean events\?\)\n$/ },
    { argv: ['events', 'russia'], code: 2, err: /too many arguments/ },
    { argv: ['events', '--actor'], code: 2, err: /option '--actor <actor>' argument missing/ },
    { argv: ['show'], code: 2, err: /missing required argument 'id'/ },
    { argv: ['show', 'pahalgam-atack'], code: 3, err: /^crisis: no record 'pahalgam-atack' \(did you mean 'pahalgam-attack'\?\)\n$/ },
    { argv: ['show', 'nothing-like-it'], code: 3, err: /^crisis: no record 'nothing-like-it'\n$/ },
    { argv: ['show', 'pahalgam-attack', '--format', 'csv'], code: 2, err: /show prints text or json, not 'csv'/ },
    { argv: ['show', 'pahalgam-attack', '--json', '--format', 'text'], code: 2, err: /--json and --format text ask for different formats/ },
  ])('$argv exits $code', async ({ argv, code, err }) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(err);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('nothing a user types can change the database', async () => {
    const copy = join(tempDir(), 'copy.db');
    copyFileSync(db, copy);
    const digest = () => fileDigest(copy);
    const before = digest();
    for (const argv of [
      ['events', '--actor', "russia'; DROP TABLE events; --"],
      ['events', '--type', "call' OR 1=1 --"],
      ['show', "x'; DELETE FROM records; --"],
      ['statements', '--about', 'simla") OR 1=1 --'],
    ]) {
      const result = await runCli(['--db', copy, ...argv]);
      expect(result.code).toBeGreaterThan(0);
    }
    expect(digest()).toBe(before);
    expect((await runCli(['--db', copy, 'events', '--json'])).stdout).toBe((await run(['events', '--json'])).stdout);
  });
});

describe('help', () => {
  it('crisis with no arguments prints help and exits 0', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: crisis \[options\] \[command\]/);
  });

  it('options without a command are a usage error: help on stderr, exit 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: crisis \[options\] \[command\]/);
  });

  it.each(['events', 'statements', 'measures', 'actors', 'agreements', 'sources', 'show', 'validate', 'build'])('crisis %s --help has examples', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: crisis ${command}`);
    expect(result.stdout).toMatch(new RegExp(`Examples:\\n  \\$ crisis ${command}`));
    expect(result.stdout).toContain('--db <path>');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
