import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visible } from '../src/text.js';
import { BUNDLED_DB, canTypeInto, runCli, tempDir, typeIntoShell, type RunOptions } from './helpers.js';

/**
 * Databases made as someone handing one over might make them, from the bundled one: crisis opens any file --db or
 * CRISIS_DB names. Whatever a file holds, a command ends in clean output or one clear error, never a sequence a
 * terminal acts on, a command run, or a hang.
 */

/** A copy of the bundled database, changed as a stranger's file may be. */
function hostileCopy(name: string, change: (db: Database.Database) => void): string {
  const path = join(tempDir(), name);
  copyFileSync(BUNDLED_DB, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  change(db);
  db.close();
  return path;
}

/** What a terminal would do on reading each, were it printed as it is. */
const SEQUENCES: Record<string, string> = {
  'set the window title': '\u001b]0;owned\u0007',
  'clear the screen': '\u001b[2J',
  'write the clipboard': '\u001b]52;c;b3duZWQ=\u0007',
  'hide what follows': '\u001b[8m',
  'colour what follows as crisis colours': '\u001b[31m',
  'clear the screen with the one-character CSI of C1': '\u009b2J',
  'delete (DEL)': '\u007f',
  'go back to the start of the line, to write over it': '\r',
  'go back a character': '\b',
  'end the text, in C (NUL)': '\u0000',
  'mark a search match, as crisis does inside': '\u0002',
};
const PLANTED = `Owned ${Object.values(SEQUENCES).join(' ')} end`;

/** crisis's own colours, as chalk writes them: bold, dim, italic, red, yellow and cyan, and their ends. */
const OWN_COLOURS = /\u001b\[(?:1|2|3|22|23|31|33|36|39)m/g;

/** The control characters in output that are not the format's own: its newlines, TSV's tabs, CSV's CRLF and, when it colours, crisis's colours. */
function strayControls(output: string, { tabs = false, crlf = false, colours = false } = {}): string[] {
  let rest = colours ? output.replace(OWN_COLOURS, '') : output;
  if (crlf) rest = rest.replace(/\r\n/g, '\n');
  if (tabs) rest = rest.replace(/\t/g, ' ');
  return [...rest.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map(([character]) => visible(character));
}

/** The text columns records are shown by, and the vocabularies errors list: each gets the planted sequences after its own text. */
const SHOWN_TEXT: Record<string, string[]> = {
  records: ['title', 'date_note'],
  events: ['title', 'summary', 'location', 'type', 'date_note'],
  statements: ['title', 'summary', 'quote', 'type'],
  measures: ['title', 'summary', 'category', 'status'],
  actors: ['name', 'title', 'aliases'],
  agreements: ['name', 'summary', 'aliases'],
  sources: ['title', 'publisher', 'url'],
  citations: ['reports', 'quote'],
  figures: ['reports', 'quote'],
  claims: ['claim', 'reports', 'quote'],
  responses: ['quote'],
};

let escapes: string;
beforeAll(() => {
  escapes = hostileCopy('escapes.db', (db) => {
    for (const [table, columns] of Object.entries(SHOWN_TEXT)) {
      // A list stays JSON, with the sequences inside one of its texts.
      const planted = (column: string) =>
        column === 'aliases' ? `json_insert(${column}, '$[#]', @planted)` : `CASE WHEN ${column} IS NULL THEN NULL ELSE ${column} || ' ' || @planted END`;
      db.prepare(`UPDATE ${table} SET ${columns.map((column) => `${column} = ${planted(column)}`).join(', ')}`).run({ planted: PLANTED });
    }
    // What search finds and cuts its snippets from; and no stored JSON, so each record's is made from the texts above.
    db.prepare("UPDATE search_index SET title = title || ' ' || @planted").run({ planted: PLANTED });
    db.exec('DELETE FROM record_json');
  });
});

const run = (argv: string[], options?: RunOptions) => runCli(['--db', escapes, ...argv], { columns: 4000, ...options });

/** Each way of printing records: to a terminal in colour or not, and each format in a pipe. */
const OUTPUTS: { output: string; argv: string[]; options: RunOptions; allowed: Parameters<typeof strayControls>[1]; json?: boolean }[] = [
  { output: 'a coloured table', argv: [], options: { tty: true }, allowed: { colours: true } },
  { output: 'a table without colour', argv: [], options: { tty: true, env: { NO_COLOR: '1' } }, allowed: {} },
  { output: 'tsv', argv: ['--format', 'tsv'], options: {}, allowed: { tabs: true } },
  { output: 'csv', argv: ['--format', 'csv'], options: {}, allowed: { crlf: true } },
  { output: 'json', argv: ['--json'], options: {}, allowed: {}, json: true },
  { output: 'jsonl', argv: ['--format', 'jsonl'], options: {}, allowed: {}, json: true },
];
const LISTS = [['events'], ['statements'], ['measures'], ['actors'], ['agreements'], ['sources'], ['timeline'], ['search', 'Owned']];

/** One record of each kind, and the chains and pictures around them. */
const TEXTS: { argv: string[]; json?: boolean }[] = [
  ...['pahalgam-attack', 'putin-condemns-attack', 'india-closes-airspace', 'russia', 'simla-agreement', 'seed-article'].flatMap((id) => [
    { argv: ['show', id] },
    { argv: ['show', id, '--json'], json: true },
  ]),
  { argv: ['chain', 'india-closes-airspace'] },
  { argv: ['chain', 'india-closes-airspace', '--json'], json: true },
  { argv: ['timeline', '--chart', '--until', '2025-04-30'] },
  { argv: ['graph', '--format', 'dot'] },
  { argv: ['graph', '--format', 'mermaid'] },
  { argv: ['graph', '--json'], json: true },
  { argv: ['cite', 'pahalgam-attack', 'putin-condemns-attack'] },
  { argv: ['cite', 'pahalgam-attack', 'putin-condemns-attack', '--format', 'bibtex'] },
  { argv: ['cite', 'pahalgam-attack', 'putin-condemns-attack', '--format', 'csl-json'], json: true },
];

/** Every string in a JSON value. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

describe('titles and texts holding escape sequences', () => {
  it.each(LISTS.flatMap((list) => OUTPUTS.map((output) => ({ command: list.join(' '), list, ...output }))))(
    'crisis $command as $output shows them as text',
    async ({ list, argv, options, allowed, json }) => {
      const result = await run([...list, ...argv], options);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(strayControls(result.stdout, allowed)).toEqual([]);
      if (json) {
        // JSON keeps the exact text, escaped as JSON escapes it.
        const records = result.stdout.trim().split('\n').length > 1 && argv.includes('jsonl') ? result.stdout.trim().split('\n').map((line) => JSON.parse(line)) : JSON.parse(result.stdout);
        expect(stringsIn(records).some((text) => text.endsWith(PLANTED))).toBe(true);
      } else {
        expect(result.stdout).toContain(visible(SEQUENCES['colour what follows as crisis colours']!));
      }
    },
  );

  it.each(TEXTS.flatMap((text) => [true, false].map((colour) => ({ command: text.argv.join(' '), colour, ...text }))))(
    'crisis $command (colour: $colour) shows them as text',
    async ({ argv, colour, json }) => {
      const result = await run(argv, { tty: true, columns: 200, env: colour ? {} : { NO_COLOR: '1' } });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(strayControls(result.stdout, { colours: colour })).toEqual([]);
      if (json) expect(stringsIn(JSON.parse(result.stdout)).some((text) => text.endsWith(PLANTED))).toBe(true);
    },
  );

  it('keeps them visible in a search snippet, where crisis marks what matched with control characters of its own', async () => {
    const coloured = await run(['search', 'Owned', '--fields', 'id,snippet'], { tty: true });
    expect(strayControls(coloured.stdout, { colours: true })).toEqual([]);
    expect(coloured.stdout).toContain(`\u001b[1m\u001b[33mOwned\u001b[39m\u001b[22m`);
    // "owned" of the title sequence is a match too, so it is painted inside it.
    expect(coloured.stdout).toContain(`${visible('\u001b]0;')}\u001b[1m\u001b[33mowned\u001b[39m\u001b[22m${visible('\u0007')}`);
  });

  it.each(LISTS)('shows them as text in the citation --cite prints on stderr after crisis %s', async (...list) => {
    const result = await run([...list, '--cite', '--fields', 'id']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(visible(PLANTED));
    expect(strayControls(result.stderr)).toEqual([]);
  });

  it('shows them as text in an error message that lists what the database holds', async () => {
    const result = await run(['events', '--type', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^crisis: unknown value 'nope' for --type; known values: [^\n]*\n$/);
    expect(strayControls(result.stderr)).toEqual([]);
    expect(result.stderr).toContain(visible(PLANTED));
  });
});

describe('records whose stored JSON holds control characters as they are, which JSON does not allow', () => {
  let rawJson: string;
  beforeAll(() => {
    rawJson = hostileCopy('raw-json.db', (db) => {
      db.prepare(`UPDATE record_json SET json = replace(json, '"title":"', '"title":"' || @planted || ' ') WHERE id IN (SELECT id FROM events)`).run({ planted: PLANTED });
    });
  });

  it('is an error in one line where the JSON must be read', async () => {
    expectOneError(await runCli(['--db', rawJson, 'events', '--json']), rawJson, /it holds what crisis build never writes \([^\n]*JSON[^\n]*\)\n$/);
  });

  it('lays out for --json, where no NUL ends the text, valid JSON of the same text', async () => {
    const withoutNul = PLANTED.replace('\u0000', '');
    const path = hostileCopy('raw-json-without-nul.db', (db) => {
      db.prepare(`UPDATE record_json SET json = replace(json, '"title":"', '"title":"' || @planted || ' ') WHERE id IN (SELECT id FROM events)`).run({ planted: withoutNul });
    });
    const result = await runCli(['--db', path, 'events', '--json']);
    expect(result.stderr).toBe('');
    expect(strayControls(result.stdout)).toEqual([]);
    const titles = (JSON.parse(result.stdout) as { title: string }[]).map((event) => event.title);
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) expect(title.startsWith(`${withoutNul} `)).toBe(true);
  });

  it('passes each through as one line of valid JSON, of the same text', async () => {
    const result = await runCli(['--db', rawJson, 'events', '--format', 'jsonl']);
    expect(result.stderr).toBe('');
    expect(strayControls(result.stdout)).toEqual([]);
    const titles = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { title: string }).title);
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) expect(title.startsWith(`${PLANTED} `)).toBe(true);
  });
});

/** One clear error: status 1, nothing on stdout, one line on stderr naming the file. */
function expectOneError(result: { code: number; stdout: string; stderr: string }, path: string, reason: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^crisis: [^\n]*\n$/);
  expect(result.stderr.startsWith(`crisis: '${path}' is not a crisis database: `)).toBe(true);
  expect(result.stderr).toMatch(reason);
  expect(strayControls(result.stderr)).toEqual([]);
}

/** How long writing or reading 100 MB may take before it counts as hung, on a shared machine. */
const LONG = 60_000;

describe('a text of 100 MB', () => {
  let long: string;
  beforeAll(() => {
    long = hostileCopy('long.db', (db) => {
      const text = 'word '.repeat(20_000_000);
      db.prepare("UPDATE records SET title = @text WHERE id = 'pahalgam-attack'").run({ text });
      db.prepare("UPDATE events SET title = @text WHERE id = 'pahalgam-attack'").run({ text });
      db.prepare("UPDATE record_json SET json = json_set(json, '$.title', @text) WHERE id = 'pahalgam-attack'").run({ text });
    });
  }, LONG);

  it.each([
    ['events'],
    ['events', '--json'],
    ['events', '--format', 'jsonl'],
    ['timeline'],
    ['timeline', '--format', 'table'],
    ['show', 'pahalgam-attack'],
    ['chain', 'pahalgam-attack'],
    ['graph'],
    ['search', 'pahalgam'],
  ])('crisis %s is refused in one line, the text never rendered', async (...argv) => {
    expectOneError(await runCli(['--db', long, ...argv], { tty: argv.includes('table') }), long, /it holds a text of \d{9} characters, and crisis reads none longer than 10000000\n$/);
  }, LONG);
});

describe('a view or a trigger planted in the schema', () => {
  /** A view that never ends: reading it would hang. */
  const FOREVER = 'WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT n FROM forever';

  it.each([
    { what: 'a view beside the tables', sql: `CREATE VIEW planted AS ${FOREVER}`, named: "a view, 'planted'" },
    {
      what: 'a view in place of a table',
      sql: `DROP TABLE events; CREATE VIEW events AS SELECT n AS id, n AS date, n AS date_end, n AS date_start FROM (${FOREVER})`,
      named: "a view, 'events'",
    },
    { what: 'a trigger', sql: 'CREATE TRIGGER planted AFTER UPDATE ON meta BEGIN DELETE FROM events; END', named: "a trigger, 'planted'" },
  ])('$what is refused before any query reads it', async ({ sql, named }) => {
    const path = hostileCopy('planted.db', (db) => db.exec(sql));
    for (const argv of [['events'], ['timeline', '--json'], ['show', 'pahalgam-attack']]) {
      expectOneError(await runCli(['--db', path, ...argv]), path, new RegExp(`it has ${named}, which crisis build never writes\\n$`));
    }
  });
});

describe('a value of the wrong type', () => {
  it.each([
    { what: 'a number for a title', sql: "UPDATE events SET title = 42 WHERE id = 'pahalgam-attack'; DELETE FROM record_json", argv: ['events'], shown: /^pahalgam-attack\t2025-04-22\tattack\t42\t/m },
    { what: 'a text for a figure', sql: "UPDATE figures SET value = 'many'; DELETE FROM record_json", argv: ['show', 'pahalgam-attack'], shown: /^ {4}many \[seed-article\]$/m },
  ])('$what is shown as text', async ({ sql, argv, shown }) => {
    const path = hostileCopy('typed.db', (db) => db.exec(sql));
    const result = await runCli(['--db', path, ...argv]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(shown);
  });

  it.each([
    { what: 'a blob for a title', sql: "UPDATE records SET title = X'1b5b324a'", argv: ['timeline'], reason: /it holds a blob where crisis keeps text or numbers\n$/ },
    { what: 'a list that is not JSON', sql: "UPDATE actors SET aliases = 'not json'", argv: ['actors'], reason: /it holds what crisis build never writes \([^\n]*JSON[^\n]*\)\n$/ },
    { what: 'a record stored as a JSON list', sql: "UPDATE record_json SET json = '[]'", argv: ['events', '--format', 'jsonl'], reason: /it stores for '[a-z0-9-]+' a JSON text that is not an object\n$/ },
    { what: 'a record stored as a number', sql: 'UPDATE record_json SET json = 42', argv: ['events', '--json'], reason: /it stores for '[a-z0-9-]+' a JSON text that is not an object\n$/ },
    { what: 'a date that is not a date', sql: "UPDATE records SET date = 'yesterday'", argv: ['timeline', '--chart'], reason: /it holds what crisis build never writes \([^\n]+\)\n$/ },
    { what: 'no id', sql: "UPDATE events SET id = NULL WHERE id = 'pahalgam-attack'", argv: ['events'], reason: /it stores for 'null' a JSON text that is not an object\n$/ },
  ])('$what is one clear error', async ({ sql, argv, reason }) => {
    const path = hostileCopy('typed.db', (db) => db.exec(sql));
    expectOneError(await runCli(['--db', path, ...argv]), path, reason);
  });
});

describe('opening a database', () => {
  it("follows SQLite's advice for a file from a stranger: schema untrusted, cells checked, defensive mode on", async () => {
    const { openDatabase } = await import('../src/db/open.js');
    const db = openDatabase(escapes);
    try {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(db.pragma('cell_size_check', { simple: true })).toBe(1);
      expect(db.pragma('mmap_size', { simple: true })).toBe(0);
      // Defensive mode ignores a request to make the schema writable.
      db.pragma('writable_schema = ON');
      expect(db.pragma('writable_schema', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });
});

/**
 * How long a test of whole shell sessions may take before it counts as hung: each runs crisis a dozen times, and CI
 * runs these beside the rest of the suite on two cores.
 */
const SESSIONS = 120_000;

describe.each(['bash', 'zsh', 'fish'] as const)('ids and values holding shell syntax, completed in %s', (shell) => {
  const installed = canTypeInto(shell);
  /** Where a planted command would leave its mark: a file named for it, in a folder that must stay empty. */
  let marks: string;
  let path: string;
  let planted: string[];

  beforeAll(() => {
    marks = tempDir();
    // Each is an actor's id, and so a record id, and the last an event type too; each starts with two letters of its own,
    // which typed and completed would give it alone. Only x-ray-commission is a plain word.
    planted = [
      `xa$(touch ${marks}/dollar)`,
      `xb\`touch ${marks}/backquote\``,
      `xc;touch ${marks}/semicolon`,
      `xd|touch ${marks}/pipe`,
      `xe&&touch ${marks}/and`,
      `xf\ntouch ${marks}/newline`,
      `xg'$(touch ${marks}/single)'`,
      `xh"$(touch ${marks}/double)"`,
      `xi>${marks}/redirect`,
      `xj(touch ${marks}/fish)`,
      `xk$(touch\${IFS}${marks}/ifs)`,
    ];
    path = hostileCopy('shell-syntax.db', (db) => {
      for (const id of [...planted, 'x-ray-commission']) {
        db.prepare("INSERT INTO records (id, kind, title) VALUES (?, 'actor', ?)").run(id, id);
        db.prepare("INSERT INTO actors (id, name, kind) VALUES (?, ?, 'organisation')").run(id, id);
        db.prepare("INSERT INTO actor_family (root, member) VALUES (?, ?)").run(id, id);
      }
      db.prepare("UPDATE events SET type = ? WHERE id = 'pahalgam-attack'").run(planted.at(-1));
    });
  }, SESSIONS);

  /** Types `keys` into the shell (typeIntoShell); returns the marks left and the runs of crisis. */
  const typeInto = (keys: string, offered?: string) => ({ runs: typeIntoShell(shell, keys, { offered }), marks: readdirSync(marks) });

  it.skipIf(!installed)('sees a command run: one typed leaves its mark (so the tests below can fail)', () => {
    expect(typeInto(`touch ${marks}/typed\n`).marks).toEqual(['typed']);
    rmSync(join(marks, 'typed'));
  }, SESSIONS);

  // Why crisis offers no such candidate: bash puts one into the line as it is. zsh and fish quote what they put there.
  it.skipIf(!installed)(`${shell === 'bash' ? 'runs' : 'quotes'} a candidate that is not a plain word, were crisis to offer one`, () => {
    const offered = `x$(touch ${marks}/offered)`;
    const session = typeInto('crisis --db db events --actor x\t\n', offered);
    if (shell === 'bash') {
      expect(session).toEqual({ marks: ['offered'], runs: [['--db', 'db', 'events', '--actor', 'x']] });
      rmSync(join(marks, 'offered'));
    } else {
      expect(session).toEqual({ marks: [], runs: [['--db', 'db', 'events', '--actor', offered]] });
    }
  }, SESSIONS);

  it.skipIf(!installed)('runs nothing while completing', () => {
    for (const line of [`crisis --db ${path} events --actor x`, `crisis --db ${path} show x`, `crisis --db ${path} events --type x`]) {
      // Tab, tab again, then the line is wiped (Ctrl-U) rather than run.
      expect(typeInto(`${line}\t\t\u0015`)).toEqual({ marks: [], runs: [] });
    }
  }, SESSIONS);

  it.skipIf(!installed)('runs nothing when the completed line is run: only the plain id was offered', () => {
    expect(typeInto(`crisis --db ${path} events --actor x\t\n`)).toEqual({ marks: [], runs: [['--db', path, 'events', '--actor', 'x-ray-commission']] });
    expect(typeInto(`crisis --db ${path} show x\t\n`)).toEqual({ marks: [], runs: [['--db', path, 'show', 'x-ray-commission']] });
    // Each planted id's own first letters, completed and run: none was offered, so each line runs as typed.
    const lines = planted.map((id) => [`--db`, path, 'events', '--actor', id.slice(0, 2)]);
    lines.push(['--db', path, 'show', 'xa'], ['--db', path, 'events', '--type', 'xk']);
    expect(typeInto(lines.map((argv) => `crisis ${argv.join(' ')}\t\n`).join(''))).toEqual({ marks: [], runs: lines });
  }, SESSIONS);
});
