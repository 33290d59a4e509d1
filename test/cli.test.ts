import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldNames } from '../src/fields/define.js';
import { AGREEMENT } from '../src/queries/agreements.js';
import { EVENT } from '../src/queries/events.js';
import { MEASURE } from '../src/queries/measures.js';
import { STATEMENT } from '../src/queries/statements.js';
import { addPages, buildFixture, fileDigest, find, fixtureDatabase, runCli, tempDir, versionOutput, type FixtureChange, type RunOptions } from './helpers.js';

/** The fixture database with these changes made to its fact files, which must build. */
function builtFixture(changes: FixtureChange[]): string {
  const { problems, db } = buildFixture(changes);
  expect(problems).toEqual([]);
  return db;
}

let db: string;
beforeAll(() => {
  db = fixtureDatabase();
});

/** Runs against the small fixture database, so expected output stays exact as the real data grows. */
const run = (argv: string[], options?: RunOptions) => runCli(['--db', db, ...argv], options);

const ESC = '\u001b[';

describe('output on a terminal and in a pipe', () => {
  it.each([
    {
      columns: 60,
      expected: [
        'ID               DATE        TYPE    TITLE',
        'pahalgam-attack  2025-04-22  attack  Attack at Pahalgam',
        'putin-modi-call  2025-05-05  call    Putin calls Modi',
        'lavrov-dar-call  2025-05     call    Lavrov and Dar speak',
        '3 records; 2025-05 is known only to the month and follows',
        'the days it may fall on; ACTORS left out to fit 60 columns',
        '(--wide shows it)',
      ],
    },
    {
      columns: 80,
      expected: [
        'ID               DATE        TYPE    TITLE                 ACTORS',
        'pahalgam-attack  2025-04-22  attack  Attack at Pahalgam    India (target)',
        'putin-modi-call  2025-05-05  call    Putin calls Modi      Vladimir Putin…',
        'lavrov-dar-call  2025-05     call    Lavrov and Dar speak  Sergey Lavrov…',
        '3 records; 2025-05 is known only to the month and follows the days it may fall',
        'on',
      ],
    },
    {
      columns: 100,
      expected: [
        'ID               DATE        TYPE    TITLE                 ACTORS',
        'pahalgam-attack  2025-04-22  attack  Attack at Pahalgam    India (target)',
        'putin-modi-call  2025-05-05  call    Putin calls Modi      Vladimir Putin (initiator)',
        'lavrov-dar-call  2025-05     call    Lavrov and Dar speak  Sergey Lavrov (participant); Ishaq Dar…',
        '3 records; 2025-05 is known only to the month and follows the days it may fall on',
      ],
    },
    {
      columns: 120,
      expected: [
        'ID               DATE        TYPE    TITLE                 ACTORS',
        'pahalgam-attack  2025-04-22  attack  Attack at Pahalgam    India (target)',
        'putin-modi-call  2025-05-05  call    Putin calls Modi      Vladimir Putin (initiator)',
        'lavrov-dar-call  2025-05     call    Lavrov and Dar speak  Sergey Lavrov (participant); Ishaq Dar (participant)',
        '3 records; 2025-05 is known only to the month and follows the days it may fall on',
      ],
    },
  ])('prints a table on a terminal of $columns columns, a line a record, cut at a word to fit', async ({ columns, expected }) => {
    const result = await run(['events'], { tty: true, columns, env: { NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([...expected, ''].join('\n'));
  });

  it('prints every column and the whole text with --wide, wrapped, the records a blank line apart', async () => {
    const result = await run(['statements', '--wide'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(result.stdout).toBe(
      [
        'ID                     DATE        SPEAKER         TITLE                    QUOTE',
        'putin-condemns-attack  2025-05-05  Vladimir Putin  Putin condemns the       strongly condemned the',
        '                                                   attack                   terror attack in',
        '                                                                            Pahalgam, India',
        '',
        'lavrov-cites-simla     2025-05     Sergey Lavrov   Lavrov cites Simla',
        '2 records; 2025-05 is known only to the month and follows the days it may fall on',
        '',
      ].join('\n'),
    );
  });

  it('prints tab-separated lines with a header in a pipe', async () => {
    const result = await run(['events']);
    expect(result.stdout).toBe(
      [
        'id\tdate\ttype\ttitle\tactors\tactors_ids',
        'pahalgam-attack\t2025-04-22\tattack\tAttack at Pahalgam\tIndia (target)\tindia',
        'putin-modi-call\t2025-05-05\tcall\tPutin calls Modi\tVladimir Putin (initiator)\tvladimir-putin',
        'lavrov-dar-call\t2025-05\tcall\tLavrov and Dar speak\tSergey Lavrov (participant); Ishaq Dar (participant)\tsergey-lavrov;ishaq-dar',
        '',
      ].join('\n'),
    );
  });

  it('puts no blank line between records with --wide when each takes one line', async () => {
    const result = await run(['events', '--wide'], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(result.stdout).toBe((await run(['events'], { tty: true, columns: 120, env: { NO_COLOR: '1' } })).stdout);
  });

  it('cuts a cell at 100 lines with --wide, the last ending in …, however long its text (show prints it whole)', async () => {
    const { db: long } = buildFixture({ file: 'events.yaml', edit: (records) => (find(records, 'pahalgam-attack').summary = 'word '.repeat(200_000).trim()) });
    const result = await runCli(['--db', long, 'events', '--fields', 'id,summary', '--wide'], { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('pahalgam-attack '));
    const cell = lines.slice(first, lines.indexOf('', first));
    expect(cell).toHaveLength(100);
    expect(cell.at(-1)).toMatch(/ word…$/);
    const cut = await runCli(['--db', long, 'events', '--fields', 'id,summary'], { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    expect(cut.stdout).toMatch(/\npahalgam-attack +(word ){7}word…\n/);
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
    { why: 'on a dumb terminal', argv: ['events'], tty: true, env: { TERM: 'dumb' } },
    { why: 'with FORCE_COLOR=0', argv: ['events'], tty: true, env: { FORCE_COLOR: '0' } },
    { why: 'with NO_COLOR even if FORCE_COLOR is set', argv: ['events'], tty: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } },
    { why: 'with --no-color even if FORCE_COLOR is set', argv: ['--no-color', 'events', '--format', 'table'], tty: false, env: { FORCE_COLOR: '1' } },
    { why: 'in tab-separated text, even with FORCE_COLOR', argv: ['events'], tty: false, env: { FORCE_COLOR: '1' } },
  ])('never colours $why', async ({ argv, tty, env }) => {
    const result = await run(argv, { tty, env });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it.each([
    { why: 'a table in a pipe with FORCE_COLOR', argv: ['events', '--format', 'table'], tty: false, env: { FORCE_COLOR: '1' } },
    { why: 'show in a pipe with FORCE_COLOR', argv: ['show', 'pahalgam-attack'], tty: false, env: { FORCE_COLOR: '1' } },
    { why: 'on a dumb terminal with FORCE_COLOR', argv: ['events'], tty: true, env: { TERM: 'dumb', FORCE_COLOR: '1' } },
    { why: 'on a terminal with an empty NO_COLOR', argv: ['events'], tty: true, env: { NO_COLOR: '' } },
  ])('colours $why', async ({ argv, tty, env }) => {
    const result = await run(argv, { tty, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ESC);
  });

  it.each([
    { why: 'the width the terminal reports', columns: 60, env: {}, width: 60 },
    { why: 'COLUMNS when the terminal reports none', columns: 0, env: { COLUMNS: '70' }, width: 70 },
    { why: 'COLUMNS rather than the width the terminal reports', columns: 100, env: { COLUMNS: '70' }, width: 70 },
    { why: '80 columns when nothing says', columns: 0, env: { COLUMNS: 'wide' }, width: 80 },
  ])('fits a table to $why', async ({ columns, env, width }) => {
    const result = await run(['statements', '--fields', 'id,summary,quote,sources'], { tty: true, columns, env: { NO_COLOR: '1', ...env } });
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    expect(lines.join(" ")).toContain(`left out to fit ${width} columns`);
  });

  it('prints long cells whole in a pipe: no truncation, no wrapping', async () => {
    const result = await run(['statements', '--fields', 'id,quote'], { columns: 20 });
    expect(result.stdout).toContain('putin-condemns-attack\tstrongly condemned the terror attack in Pahalgam, India\n');
  });
});

describe('formats', () => {
  it.each([
    { kind: EVENT, command: 'events' },
    { kind: STATEMENT, command: 'statements' },
    { kind: MEASURE, command: 'measures' },
    { kind: AGREEMENT, command: 'agreements' },
  ])('--fields all gives every field of $command, in its field table\'s order, in every format', async ({ kind, command }) => {
    const every = fieldNames(kind);
    // CSV and TSV follow each field naming actors with their ids.
    const columns = kind.fields.flatMap((field) => (field.ids ? [field.name, `${field.name}_${field.ids === 'one' ? 'id' : 'ids'}`] : [field.name]));
    const header = async (format: string) => (await run([command, '--fields', 'all', '--format', format])).stdout.split(/\r?\n/)[0]!;
    expect(await header('tsv')).toBe(columns.join('\t'));
    expect(await header('csv')).toBe(columns.join(','));
    expect(Object.keys(JSON.parse((await run([command, '--fields', 'all', '--json'])).stdout)[0])).toEqual(every);
    expect(Object.keys(JSON.parse(await header('jsonl')))).toEqual(every);
    const table = await run([command, '--fields', 'all'], { tty: true });
    expect(table).toMatchObject({ code: 0, stderr: '' });
  });

  it('--json prints an array of objects with every contract field', async () => {
    const rows = JSON.parse((await run(['measures', '--json'])).stdout);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'id', 'kind', 'date', 'date_precision', 'date_start', 'date_end', 'date_basis', 'date_note', 'title', 'summary', 'by', 'against', 'category', 'status', 'amends', 'in_response_to',
      'agreements', 'cameo', 'figures', 'claims', 'sources',
    ]);
    expect(rows[1]).toMatchObject({
      id: 'pakistan-closes-airspace',
      kind: 'measure',
      by: { id: 'pakistan', name: 'Pakistan' },
      against: { id: 'india', name: 'India' },
      date_basis: 'inferred',
      date_note: "The seed article gives no day; the fixture dates it to the day after India's measure.",
      in_response_to: [{ id: 'india-suspends-treaty', basis: 'stated', source: 'seed-article', quote: null }],
      figures: [],
      claims: [],
      sources: [
        {
          id: 'seed-article',
          title: 'Seed article',
          publisher: null,
          url: null,
          published: null,
          reports: 'Among its counter-measures, Pakistan closed its airspace to Indian airliners.',
          quote: 'closing its airspace to Indian airliners',
        },
      ],
    });
  });

  it('--json prints the bytes JSON.stringify(records, null, 2) would, though it writes a record at a time', async () => {
    for (const argv of [['measures', '--json'], ['measures', '--json', '--limit', '1'], ['measures', '--json', '--fields', 'id,by']]) {
      const { stdout } = await run(argv);
      expect(stdout, argv.join(' ')).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
    }
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

  it('--format csv is RFC 4180: CRLF line ends, cells quoted where they need it', async () => {
    const result = await run(['statements', '--format', 'csv', '--fields', 'id,addressees,quote']);
    expect(result.stdout).toBe(
      'id,addressees,addressees_ids,quote\r\n' +
        'putin-condemns-attack,India,india,"strongly condemned the terror attack in Pahalgam, India"\r\n' +
        'lavrov-cites-simla,India; Pakistan,india;pakistan,\r\n',
    );
  });

  it('gives an actor reference\'s id next to its name in CSV and TSV only: JSON has it inside, a table leaves it out', async () => {
    const fields = ['statements', '--fields', 'id,speaker,on_behalf_of'];
    expect((await run([...fields, '--format', 'csv', '--limit', '1'])).stdout).toBe(
      'id,speaker,speaker_id,on_behalf_of,on_behalf_of_id\r\nputin-condemns-attack,Vladimir Putin,vladimir-putin,Russia,russia\r\n',
    );
    expect((await run(['actors', '--fields', 'id,country,part_of', '--kind', 'person', '--limit', '1'])).stdout).toBe(
      'id\tcountry\tcountry_id\tpart_of\tpart_of_id\nishaq-dar\tPakistan\tpakistan\t\t\n',
    );
    expect(Object.keys(JSON.parse((await run([...fields, '--json'])).stdout)[0])).toEqual(['id', 'speaker', 'on_behalf_of']);
    expect((await run([...fields, '--format', 'table'])).stdout).not.toContain('_id');
  });

  it('--format csv doubles quotes and keeps line breaks inside a quoted cell; tsv puts them on one line', async () => {
    const summary = 'He said "enough".\nThen, he left.';
    const { db: quoted, problems } = buildFixture({ file: 'events.yaml', edit: (records) => (find(records, 'putin-modi-call').summary = summary) });
    expect(problems).toEqual([]);
    const csv = await runCli(['--db', quoted, 'events', '--format', 'csv', '--fields', 'id,summary', '--type', 'call', '--limit', '1']);
    expect(csv.stdout).toBe('id,summary\r\nputin-modi-call,"He said ""enough"".\nThen, he left."\r\n');
    const tsv = await runCli(['--db', quoted, 'events', '--fields', 'id,summary', '--type', 'call', '--limit', '1']);
    expect(tsv.stdout).toBe('id\tsummary\nputin-modi-call\tHe said "enough". Then, he left.\n');
  });

  it('flattens nested fields to one cell: names with roles, ids, lists joined by "; ", null as empty', async () => {
    const result = await run(['timeline', '--format', 'csv', '--fields', 'id,actors,in_response_to,cameo,sources', '--kind', 'measure']);
    expect(result.stdout).toBe(
      'id,actors,actors_ids,in_response_to,cameo,sources\r\n' +
        'india-suspends-treaty,India (by); Pakistan (against),india;pakistan,pahalgam-attack (inferred),,seed-article\r\n' +
        'pakistan-closes-airspace,Pakistan (by); India (against),pakistan;india,india-suspends-treaty (stated),,seed-article\r\n',
    );
  });

  it('--format tsv is what a pipe gets by default, and --fields works there too', async () => {
    expect((await run(['measures', '--format', 'tsv'])).stdout).toBe((await run(['measures'])).stdout);
    expect((await run(['measures', '--fields', 'id,in_response_to'])).stdout).toBe(
      'id\tin_response_to\nindia-suspends-treaty\tpahalgam-attack (inferred)\npakistan-closes-airspace\tindia-suspends-treaty (stated)\n',
    );
  });

  it('--format table works in a pipe, for a user who wants it', async () => {
    const result = await run(['actors', '--format', 'table', '--fields', 'id,country', '--kind', 'person']);
    expect(result.stdout).toContain('\nsergey-lavrov   Russia\n');
    expect(result.stdout).toContain('3 records\n');
  });
});

describe('timeline', () => {
  it('puts events, statements and measures in one date order, each with its kind, the month after its days', async () => {
    const result = await run(['timeline']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'id\tdate\tkind\ttitle',
        'pahalgam-attack\t2025-04-22\tevent\tAttack at Pahalgam',
        'india-suspends-treaty\t2025-04-23\tmeasure\tIndia suspends the treaty',
        'pakistan-closes-airspace\t2025-04-24\tmeasure\tPakistan closes its airspace',
        'putin-modi-call\t2025-05-05\tevent\tPutin calls Modi',
        'putin-condemns-attack\t2025-05-05\tstatement\tPutin condemns the attack',
        'lavrov-dar-call\t2025-05\tevent\tLavrov and Dar speak',
        'lavrov-cites-simla\t2025-05\tstatement\tLavrov cites Simla',
        '',
      ].join('\n'),
    });
  });

  it('says on a terminal why a month-dated record follows the days', async () => {
    const { stdout } = await run(['timeline', '--fields', 'id,date,kind'], { tty: true, env: { NO_COLOR: '1' } });
    expect(stdout).toMatch(/\nlavrov-cites-simla +2025-05 +statement\n/);
    expect(stdout).toContain("7 records; 2025-05 is known only to the month and follows the days it may fall on\n");
  });

  it('gives every actor taking part with their role, and the fields every fact has', async () => {
    const [statement] = JSON.parse((await run(['timeline', '--kind', 'statement', '--json', '--limit', '1'])).stdout);
    expect(statement).toEqual({
      id: 'putin-condemns-attack',
      kind: 'statement',
      date: '2025-05-05',
      date_precision: 'day',
      date_start: '2025-05-05',
      date_end: '2025-05-05',
      date_basis: 'stated',
      date_note: null,
      title: 'Putin condemns the attack',
      summary: 'Putin condemned the attack.',
      actors: [
        { id: 'vladimir-putin', name: 'Vladimir Putin', role: 'speaker' },
        { id: 'russia', name: 'Russia', role: 'on-behalf-of' },
        { id: 'india', name: 'India', role: 'addressee' },
      ],
      in_response_to: [],
      agreements: [],
      cameo: '111',
      figures: [],
      claims: [],
      sources: [
        {
          id: 'seed-article',
          title: 'Seed article',
          publisher: null,
          url: null,
          published: null,
          reports: 'In the call, Putin condemned the attack.',
          quote: 'Putin "strongly condemned the terror attack in Pahalgam, India"',
        },
      ],
    });
  });

  const ids = async (argv: string[]) => (JSON.parse((await run([...argv, '--json'])).stdout) as { id: string }[]).map((row) => row.id);

  it.each([
    { argv: ['timeline', '--actor', 'pakistan'], expected: ['india-suspends-treaty', 'pakistan-closes-airspace', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { argv: ['timeline', '--kind', 'measure'], expected: ['india-suspends-treaty', 'pakistan-closes-airspace'] },
    { argv: ['timeline', '--kind', 'EVENT', '--since', '2025-05'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['timeline', '--since', '2025-05-05', '--until', '2025-05-05'], expected: ['putin-modi-call', 'putin-condemns-attack'] },
    { argv: ['timeline', '--until', '2025-04-30', '--limit', '2'], expected: ['pahalgam-attack', 'india-suspends-treaty'] },
    { argv: ['timeline', '--sort', 'kind:desc', '--until', '2025-04-30'], expected: ['india-suspends-treaty', 'pakistan-closes-airspace', 'pahalgam-attack'] },
  ])('$argv', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });
});

describe('a record known only to the month', () => {
  // The fixture's Putin–Modi call and the statement made at it moved to 31 May, the last day of the month
  // that the Lavrov–Dar call and Lavrov's statement are known only to.
  let monthEnd: string;
  beforeAll(() => {
    monthEnd = builtFixture([
      { file: 'events.yaml', edit: (records) => void (find(records, 'putin-modi-call').date = '2025-05-31') },
      { file: 'statements.yaml', edit: (records) => void (find(records, 'putin-condemns-attack').date = '2025-05-31') },
    ]);
  });
  const ids = async (argv: string[]) =>
    (JSON.parse((await runCli(['--db', monthEnd, ...argv, '--json'])).stdout) as { id: string }[]).map((row) => row.id);

  it.each([
    { argv: ['events', '--since', '2025-05'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['statements', '--since', '2025-05'], expected: ['putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['timeline', '--since', '2025-05'], expected: ['putin-modi-call', 'putin-condemns-attack', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { argv: ['timeline', '--since', '2025-05', '--sort', 'date'], expected: ['putin-modi-call', 'putin-condemns-attack', 'lavrov-dar-call', 'lavrov-cites-simla'] },
    { argv: ['timeline', '--since', '2025-05', '--sort', 'date:desc'], expected: ['lavrov-dar-call', 'lavrov-cites-simla', 'putin-modi-call', 'putin-condemns-attack'] },
  ])('follows even the last day of the month: $argv', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });
});

describe('a record known only to the month, reported on a known day', () => {
  // The Lavrov–Dar call, known only to May, cites a page published on 4 May: it happened by then.
  let reported: string;
  beforeAll(() => {
    reported = builtFixture([
      addPages({ id: 'page-of-4-may', published: '2025-05-04' }),
      {
        file: 'events.yaml',
        edit: (records) => void (find(records, 'lavrov-dar-call').sources as unknown[]).push({ source: 'page-of-4-may', reports: 'Lavrov and Dar spoke by phone.' }),
      },
    ]);
  });
  const ids = async (argv: string[]) =>
    (JSON.parse((await runCli(['--db', reported, ...argv, '--json'])).stdout) as { id: string }[]).map((row) => row.id);

  it.each([
    { argv: ['events'], expected: ['pahalgam-attack', 'lavrov-dar-call', 'putin-modi-call'] },
    { argv: ['timeline', '--since', '2025-05'], expected: ['lavrov-dar-call', 'putin-modi-call', 'putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['events', '--until', '2025-05-04'], expected: ['pahalgam-attack', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025-05-05'], expected: ['putin-modi-call'] },
  ])('comes no later than that day: $argv', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });

  it('prints the span its date covers, the whole month, in every kind and format that lists it', async () => {
    const span = { date: '2025-05', date_start: '2025-05-01', date_end: '2025-05-31' };
    const json = async (argv: string[]) => JSON.parse((await runCli(['--db', reported, ...argv, '--json'])).stdout) as { id: string }[];
    for (const argv of [['events'], ['timeline'], ['search', 'Lavrov', '--kind', 'event']]) {
      expect((await json(argv)).find((row) => row.id === 'lavrov-dar-call'), argv.join(' ')).toMatchObject(span);
    }
    const csv = await runCli(['--db', reported, 'events', '--type', 'call', '--format', 'csv', '--fields', 'id,date,date_start,date_end']);
    expect(csv.stdout).toBe('id,date,date_start,date_end\r\nlavrov-dar-call,2025-05,2025-05-01,2025-05-31\r\nputin-modi-call,2025-05-05,2025-05-05,2025-05-05\r\n');
    // --sort date orders by that span, so the month follows its days there.
    expect(await ids(['events', '--sort', 'date'])).toEqual(['pahalgam-attack', 'putin-modi-call', 'lavrov-dar-call']);
  });
});

describe('date spans', () => {
  it('covers the whole year for a date known only to the year, and is null for actors and sources', async () => {
    const { db: yearly, problems } = buildFixture({
      file: 'events.yaml',
      edit: (records) => void Object.assign(find(records, 'lavrov-dar-call'), { date: '2024', date_precision: 'year' }),
    });
    expect(problems).toEqual([]);
    const [call] = JSON.parse((await runCli(['--db', yearly, 'events', '--type', 'call', '--limit', '1', '--json'])).stdout);
    expect(call).toMatchObject({ id: 'lavrov-dar-call', date: '2024', date_start: '2024-01-01', date_end: '2024-12-31' });
    const [actor] = JSON.parse((await run(['search', 'Lavrov', '--kind', 'actor', '--json'])).stdout);
    expect(actor).toMatchObject({ kind: 'actor', date: null, date_start: null, date_end: null });
    const [simla] = JSON.parse((await run(['agreements', '--json'])).stdout);
    expect(simla).toMatchObject({ id: 'simla-agreement', date: '1972', date_start: '1972-01-01', date_end: '1972-12-31' });
  });

  it('leaves a day-dated record\'s span out of show, where it says no more than the date, and shows a month\'s', async () => {
    expect((await run(['show', 'putin-modi-call'])).stdout).not.toContain('date_start');
    const month = (await run(['show', 'lavrov-dar-call'])).stdout;
    expect(month).toContain('  date_start      2025-05-01\n  date_end        2025-05-31\n');
  });
});

describe('--sort', () => {
  const column = async (argv: string[], field: string) => {
    const result = await run([...argv, '--json']);
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as Record<string, unknown>[]).map((row) => row[field]);
  };

  it.each([
    { why: 'text, ignoring case', argv: ['events', '--sort', 'title'], field: 'title', expected: ['Attack at Pahalgam', 'Lavrov and Dar speak', 'Putin calls Modi'] },
    { why: 'text, descending', argv: ['events', '--sort', 'title:desc'], field: 'title', expected: ['Putin calls Modi', 'Lavrov and Dar speak', 'Attack at Pahalgam'] },
    { why: 'a date known to the month after its days', argv: ['statements', '--sort', 'date'], field: 'date', expected: ['2025-05-05', '2025-05'] },
    { why: 'a date known to the month before its days, descending', argv: ['events', '--sort', 'date:desc'], field: 'date', expected: ['2025-05', '2025-05-05', '2025-04-22'] },
    { why: 'numbers by value', argv: ['sources', '--sort', 'cited_by'], field: 'cited_by', expected: [0, 1, 9] },
    { why: 'a nested actor by name', argv: ['measures', '--sort', 'by:desc'], field: 'id', expected: ['pakistan-closes-airspace', 'india-suspends-treaty'] },
    { why: 'missing values last, ascending', argv: ['actors', '--sort', 'title'], field: 'title', expected: ['Foreign Minister of Russia', 'President of Russia', null, null, null, null] },
    { why: 'missing values last, descending', argv: ['actors', '--sort', 'title:desc'], field: 'title', expected: ['President of Russia', 'Foreign Minister of Russia', null, null, null, null] },
    { why: 'empty lists last, ties in the command order', argv: ['statements', '--sort', 'agreements:desc'], field: 'id', expected: ['lavrov-cites-simla', 'putin-condemns-attack'] },
    { why: 'before --limit', argv: ['events', '--sort', 'date:desc', '--limit', '1'], field: 'id', expected: ['lavrov-dar-call'] },
  ])('sorts $why', async ({ argv, field, expected }) => {
    expect(await column(argv, field)).toEqual(expected);
  });

  it('keeps the command order for ties', async () => {
    expect(await column(['events', '--sort', 'kind'], 'id')).toEqual(await column(['events'], 'id'));
  });

  it('sorts every format the same way', async () => {
    expect((await run(['events', '--sort', 'title', '--fields', 'id'])).stdout).toBe('id\npahalgam-attack\nlavrov-dar-call\nputin-modi-call\n');
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
    // A record known only to the month is in a range only when the whole month is.
    { argv: ['events', '--since', '2025-05-10'], expected: [] },
    { argv: ['events', '--since', '2025-05'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--until', '2025-04'], expected: ['pahalgam-attack'] },
    { argv: ['events', '--until', '2025-05-01'], expected: ['pahalgam-attack'] },
    { argv: ['events', '--until', '2025-05-31'], expected: ['pahalgam-attack', 'putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025-05-05', '--until', '2025-05-05'], expected: ['putin-modi-call'] },
    { argv: ['events', '--since', '2025-05-01', '--until', '2025-05-31'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--since', '2025-05', '--until', '2025-05'], expected: ['putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['statements', '--since', '2025-05-05', '--until', '2025-05-05'], expected: ['putin-condemns-attack'] },
    { argv: ['agreements', '--since', '1972-07-02', '--until', '1972-12-31'], expected: [] },
    { argv: ['agreements', '--since', '1972', '--until', '1972'], expected: ['simla-agreement'] },
    { argv: ['events', '--since', '2025', '--until', '2025'], expected: ['pahalgam-attack', 'putin-modi-call', 'lavrov-dar-call'] },
    { argv: ['events', '--limit', '2'], expected: ['pahalgam-attack', 'putin-modi-call'] },
    { argv: ['statements', '--actor', 'russia'], expected: ['putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['statements', '--actor', 'pakistan'], expected: ['lavrov-cites-simla'] },
    // --speaker: who spoke, or for whom; an addressee is not a speaker.
    { argv: ['statements', '--speaker', 'russia'], expected: ['putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['statements', '--speaker', 'pakistan'], expected: [] },
    { argv: ['statements', '--speaker', 'india'], expected: [] },
    { argv: ['statements', '--speaker', 'lavrov'], expected: ['lavrov-cites-simla'] },
    { argv: ['statements', '--speaker', 'lavrov', '--speaker', 'putin'], expected: ['putin-condemns-attack', 'lavrov-cites-simla'] },
    { argv: ['statements', '--speaker', 'putin', '--actor', 'pakistan'], expected: [] },
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
    { argv: ['sources'], expected: ['seed-article', 'asian-age-modi-will-punish-ultras', 'jang-pahalgam-attack-toll'] },
  ])('$argv', async ({ argv, expected }) => {
    expect(await ids(argv)).toEqual(expected);
  });

  it('--speaker takes in whom a speaker spoke for', async () => {
    const { db, problems } = buildFixture({ file: 'statements.yaml', edit: (records) => (find(records, 'lavrov-cites-simla').on_behalf_of = 'pakistan') });
    expect(problems).toEqual([]);
    const speaking = await runCli(['--db', db, 'statements', '--speaker', 'pakistan', '--fields', 'id']);
    expect(speaking.stdout).toBe('id\nlavrov-cites-simla\n');
  });

  it("--actor does not match a figure's claimant, which no list shows as taking part", async () => {
    const { db, problems } = buildFixture({
      file: 'events.yaml',
      edit: (records) => ((find(records, 'pahalgam-attack').figures as { claimed_by?: string }[])[0]!.claimed_by = 'sergey-lavrov'),
    });
    expect(problems).toEqual([]);
    const [attack] = JSON.parse((await runCli(['--db', db, 'events', '--type', 'attack', '--json'])).stdout);
    expect(attack.figures[0].claimed_by).toEqual({ id: 'sergey-lavrov', name: 'Sergey Lavrov' });
    for (const command of ['events', 'timeline', 'graph']) {
      const result = await runCli(['--db', db, command, '--actor', 'lavrov', '--json']);
      expect(result.stdout).not.toContain('pahalgam-attack');
    }
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
  it('prints every field, each page with what it reports and the words it quotes, and the linked records with their basis', async () => {
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
        '  date_basis      inferred',
        '  date_note       The seed article gives no day; the fixture dates it to the day',
        '                  after the attack.',
        '  summary         India suspended the treaty.',
        '  by              India',
        '  against         Pakistan',
        '  category        water',
        '  status          in-force',
        '  in_response_to  pahalgam-attack (inferred)',
        '',
        'Sources',
        '  1. Seed article [seed-article]',
        '     Reports: India suspended the Indus Waters Treaty.',
        '     “the suspension of the Indus Waters Treaty”',
        '',
        'Linked',
        '  responds-to         2025-04-22  pahalgam-attack (event, inferred)',
        '                                  Attack at Pahalgam',
        '  answered-by         2025-04-24  pakistan-closes-airspace (measure, stated)',
        '                                  Pakistan closes its airspace',
        '',
      ].join('\n'),
    });
  });

  it('shows every report of a figure with its page, what it reports and any quote, and says when reports differ', async () => {
    const { stdout } = await run(['show', 'pahalgam-attack'], { columns: 80 });
    expect(stdout).toContain(
      [
        'Figures',
        '  killed — reports differ',
        '    26 [seed-article]',
        '      Reports: The attack killed 26 people, most of them tourists.',
        '      “the Pahalgam terror attack, which killed 26 people”',
        '    28 [asian-age-modi-will-punish-ultras]',
        "      Reports: Reporting Modi's speech of 24 April, the page gives the attack's",
        '      toll as 28.',
        '',
        'Sources',
      ].join('\n'),
    );
  });

  it('claims on one point are grouped, each with its claimant', async () => {
    const claims = [
      {
        about: 'brokered-by',
        claim: 'Russia helped.',
        claimed_by: 'sergey-lavrov',
        source: 'seed-article',
        reports: 'The seed article says Lavrov referred to the Simla Accord.',
        quote: 'Lavrov referred to the 1972 Simla Accord',
      },
      { about: 'brokered-by', claim: 'Nobody helped.', source: 'seed-article', reports: 'The seed article names the Simla Accord.' },
    ];
    const { db: claimsDb, problems } = buildFixture({ file: 'statements.yaml', edit: (records) => (find(records, 'lavrov-cites-simla').claims = claims) });
    expect(problems).toEqual([]);
    const { stdout } = await runCli(['--db', claimsDb, 'show', 'lavrov-cites-simla'], { columns: 80 });
    expect(stdout).toContain(
      [
        'Claims',
        '  brokered-by — reports differ',
        '    Russia helped. — per Sergey Lavrov [seed-article]',
        '      Reports: The seed article says Lavrov referred to the Simla Accord.',
        '      “Lavrov referred to the 1972 Simla Accord”',
        '    Nobody helped. [seed-article]',
        '      Reports: The seed article names the Simla Accord.',
      ].join('\n'),
    );
    const [statement] = JSON.parse((await runCli(['--db', claimsDb, 'statements', '--json', '--fields', 'id,claims', '--actor', 'lavrov'])).stdout);
    expect(statement.claims[0]).toEqual({ ...claims[0], claimed_by: { id: 'sergey-lavrov', name: 'Sergey Lavrov' } });
    expect(statement.claims[1]).toEqual({ ...claims[1], claimed_by: null, quote: null });
  });

  it('flattens figures to one readable cell in a pipe', async () => {
    expect((await run(['events', '--fields', 'id,figures', '--type', 'attack'])).stdout).toBe(
      'id\tfigures\npahalgam-attack\tkilled 26; killed 28\n',
    );
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

describe('a measure that extends another', () => {
  let amended: string;
  beforeAll(() => {
    amended = builtFixture([
      addPages({ id: 'page-of-23-may', published: '2025-05-23' }),
      {
        file: 'measures.yaml',
        edit: (records) =>
          void records.push({
            ...find(records, 'pakistan-closes-airspace'),
            id: 'pakistan-extends-airspace-closure',
            date: '2025-05-23',
            title: 'Pakistan extends its airspace closure',
            summary: 'Pakistan kept its airspace closed to Indian airliners.',
            amends: { id: 'pakistan-closes-airspace', change: 'extends' },
            in_response_to: [],
            sources: [{ source: 'page-of-23-may', reports: 'The page reports that Pakistan kept its airspace closed to Indian airliners.' }],
          }),
      },
    ]);
  });
  const runAmended = (argv: string[]) => runCli(['--db', amended, ...argv]);

  it('gives the measure it changes, and how, in JSON and TSV, and null where it changes none', async () => {
    const rows = JSON.parse((await runAmended(['measures', '--json'])).stdout) as { id: string; amends: unknown }[];
    expect(rows.map((row) => [row.id, row.amends])).toEqual([
      ['india-suspends-treaty', null],
      ['pakistan-closes-airspace', null],
      ['pakistan-extends-airspace-closure', { id: 'pakistan-closes-airspace', change: 'extends' }],
    ]);
    const tsv = (await runAmended(['measures', '--fields', 'id,amends', '--format', 'tsv'])).stdout;
    expect(tsv.split('\n')).toEqual([
      'id\tamends',
      'india-suspends-treaty\t',
      'pakistan-closes-airspace\t',
      'pakistan-extends-airspace-closure\textends pakistan-closes-airspace',
      '',
    ]);
  });

  it('links both measures in show, each way', async () => {
    const later = (await runAmended(['show', 'pakistan-extends-airspace-closure'])).stdout;
    expect(later).toMatch(/^ {2}amends {5,}2025-04-24 {2}pakistan-closes-airspace \(measure, extends\)$/m);
    const earlier = (await runAmended(['show', 'pakistan-closes-airspace'])).stdout;
    expect(earlier).toMatch(/^ {2}amended-by {5,}2025-05-23 {2}pakistan-extends-airspace-closure \(measure, extends\)$/m);
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
    { argv: ['events', '--fields', 'all,id'], code: 2, err: /^crisis: --fields 'all,id': give 'all' alone for every field, or name the fields you want\n$/ },
    { argv: ['events', '--fields', 'id,titel'], code: 2, err: /unknown field 'titel' \(did you mean 'title'\?\); fields here: id, kind, date, / },
    { argv: ['events', '--sort', 'titel'], code: 2, err: /^crisis: unknown field 'titel' for --sort \(did you mean 'title'\?\); fields here: id, kind, date, / },
    { argv: ['sources', '--sort', 'date'], code: 2, err: /unknown field 'date' for --sort; fields here: id, kind, title, publisher, url, published, published_note, cited_by\n$/ },
    { argv: ['timeline', '--kind', 'actor'], code: 2, err: /^crisis: unknown value 'actor' for --kind; use one of event, statement, measure\n$/ },
    { argv: ['timeline', '--kind', 'events'], code: 2, err: /unknown value 'events' for --kind \(did you mean 'event'\?\)/ },
    { argv: ['events', '--sort', 'date:down'], code: 2, err: /invalid --sort 'date:down': use a field, then :desc for descending/ },
    { argv: ['events', '--sort', 'date:desc:asc'], code: 2, err: /invalid --sort 'date:desc:asc'/ },
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
  it('crisis with no arguments prints help, examples first, and exits 0', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Examples:\n {2}\$ crisis events --actor russia\n[^]*\nUsage: crisis \[options\] \[command\]/);
  });

  it('options without a command are a usage error: help on stderr, exit 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Examples:\n[^]*\nUsage: crisis \[options\] \[command\]/);
  });

  it.each(['events', 'statements', 'measures', 'actors', 'agreements', 'sources', 'timeline', 'show', 'validate', 'build', 'diff'])('crisis %s --help has examples', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Examples:\\n  \\$ crisis ${command}`));
    expect(result.stdout).toContain(`Usage: crisis ${command}`);
    expect(result.stdout).toContain('--db <path>');
  });

  it.each(['events', 'statements', 'measures', 'agreements', 'timeline', 'graph', 'search', 'actors'])(
    'crisis %s --help says a repeated actor option means any of them',
    async (command) => {
      const help = (await run([command, '--help'])).stdout.replace(/\s+/g, ' ');
      const actorOptions = help.match(/--[a-z]+ <actor>[^-]*(?:-(?!-)[^-]*)*/g) ?? [];
      expect(actorOptions.length).toBeGreaterThan(0);
      for (const option of actorOptions) expect(option).toContain('repeat for any of several');
    },
  );

  it('lists every command in help, whatever options come before --help', async () => {
    const commandsIn = (help: string) => help.slice(help.indexOf('Commands:')).match(/^  [a-z]+/gm)?.map((line) => line.trim());
    const all = commandsIn((await runCli(['--help'])).stdout);
    expect(all).toEqual(expect.arrayContaining(['events', 'search', 'chain', 'completion', 'build']));
    for (const argv of [['--help'], ['--no-color', '-h'], ['--help', 'search'], ['--db', db, '--no-color', '--help', 'events']]) {
      const result = await runCli(['--db', db, ...argv]);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(commandsIn(result.stdout), argv.join(' ')).toEqual(all);
    }
  });

  it('runs a command named after the program\'s own options, the database given before it', async () => {
    const result = await runCli(['--no-color', '--db', db, 'events', '--actor', 'russia', '--fields', 'id']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^id\n[a-z0-9-]+\n/);
  });

  it("--version prints the package version, and the release of facts that name none as unversioned", async () => {
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(versionOutput());
  });
});
