import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DATA_AUTHOR, DATA_TITLE } from '../src/render/citation.js';
import { bundledRelease, buildFixture, describedOutputs, fixtureDatabase, ROOT, runBinary, runCli, type RunOptions, wholeProgram } from './helpers.js';

/** The CSL schema, a copy of ../shared/schemas/csl-data.json (test/fixtures/README.md says whence). */
const validateCsl = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'csl-data.json'), 'utf8')));

const ACCESSED = { CRISIS_ACCESS_DATE: '2025-06-01' };

interface CslItem {
  id: string;
  type: string;
  title: string;
  version?: string;
  note?: string;
  URL?: string;
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
}

interface Page {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  published_note: string | null;
}

/** A citation's CSL-JSON, checked against the CSL schema. */
async function cslOf(argv: string[], options: RunOptions = { env: ACCESSED }): Promise<CslItem[]> {
  const result = await runCli([...argv, '--format', 'csl-json'], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const items = JSON.parse(result.stdout) as CslItem[];
  expect(validateCsl(items), JSON.stringify(validateCsl.errors)).toBe(true);
  return items;
}

/** A citation's BibTeX as a reference manager reads it (Better BibTeX's parser), with no errors. */
async function bibtexOf(argv: string[]) {
  const result = await runCli([...argv, '--format', 'bibtex'], { env: ACCESSED });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  // Sentence case is a preference of Zotero's import, which would change what the titles say.
  const parsed = parseBibtex(result.stdout, { sentenceCase: false });
  expect(parsed.errors).toEqual([]);
  return { text: result.stdout, entries: parsed.entries };
}

/** Every page of a database, by id. */
async function pagesOf(db?: string): Promise<Map<string, Page>> {
  const result = await runCli([...(db ? ['--db', db] : []), 'sources', '--json']);
  return new Map((JSON.parse(result.stdout) as Page[]).map((page) => [page.id, page]));
}

/** The pages show lists for a record. */
async function shownPages(argv: string[]): Promise<string[]> {
  return (JSON.parse((await runCli([...argv, '--json'])).stdout) as { sources: { id: string }[] }).sources.map((source) => source.id);
}

/** Pages in the documented order: dated ones by the date as given, then undated ones; then by id. */
const inCitationOrder = (pages: Page[]) =>
  [...pages].sort((a, b) => Number(a.published === null) - Number(b.published === null) || (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));

describe('crisis cite pahalgam-attack, of the bundled data', () => {
  let pages: Map<string, Page>;
  beforeAll(async () => {
    pages = await pagesOf();
  });

  it('is CSL-JSON valid against the CSL schema: the data as a dataset of its release, then each page the record cites', async () => {
    const [data, ...cited] = await cslOf(['cite', 'pahalgam-attack']);
    const release = bundledRelease();
    const version = await runCli(['--version']);
    const digest = /digest ([0-9a-f]+)/.exec(version.stdout)![1]!;
    expect(data).toMatchObject({ type: 'dataset', title: DATA_TITLE, version: release.version, accessed: { 'date-parts': [[2025, 6, 1]] } });
    expect(data!.note).toMatch(new RegExp(`digest ${digest}[0-9a-f]{${64 - digest.length}}\\b`));
    expect(data!.note).toContain('pahalgam-attack');
    expect(data!.id).toBe(`crisis-data-${release.version}`);

    expect(cited.map((item) => item.id)).toEqual(expect.arrayContaining(await shownPages(['show', 'pahalgam-attack'])));
    expect(cited.map((item) => item.id)).toEqual(inCitationOrder(cited.map((item) => pages.get(item.id)!)).map((page) => page.id));
    for (const item of cited) {
      const page = pages.get(item.id)!;
      expect(item.title).toBe(page.title);
      expect(item.URL).toBe(page.url ?? undefined);
      expect(item.publisher).toBe(page.publisher ?? undefined);
      expect(item.type).toBe(page.url ? 'webpage' : 'document');
      expect(item.issued).toEqual(page.published ? { 'date-parts': [page.published.split('-').map(Number)] } : undefined);
    }
    // A page of no known date says why, in the words of its published_note.
    const seed = cited.find((item) => item.id === 'seed-article')!;
    expect(seed).toMatchObject({ type: 'document', note: pages.get('seed-article')!.published_note });
    expect(seed.note).toMatch(/no publisher, web address or date/);
  });

  it('is BibTeX a reference manager reads: an entry each, unique keys, the pages\' titles and URLs as they are', async () => {
    const csl = await cslOf(['cite', 'pahalgam-attack']);
    const { text, entries } = await bibtexOf(['cite', 'pahalgam-attack']);
    expect(entries.length).toBe(csl.length);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
    expect(entries.map((entry) => entry.key)).toEqual(csl.map((item) => item.id));
    expect(entries[0]!.fields.title).toBe(DATA_TITLE);
    for (const entry of entries.slice(1)) {
      const page = pages.get(entry.key)!;
      expect(entry.fields.title).toBe(page.title);
      expect(entry.fields.url).toBe(page.url ?? undefined);
    }
    // Braces balance in every entry, counting none that is escaped.
    const unescaped = text.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });

  it('cites every page in the data, each once, with titles holding TeX\'s special characters read back as they are', async () => {
    const special = [...pages.values()].filter((page) => /[%&$_#{}~^\\<>`]|--|''/.test(page.title)).map((page) => page.id);
    expect(special.length).toBeGreaterThan(0);
    const { entries } = await bibtexOf(['cite', ...special]);
    for (const entry of entries.slice(1)) expect(entry.fields.title).toBe(pages.get(entry.key)!.title);
    expect(entries.map((entry) => entry.key).slice(1).sort()).toEqual([...special].sort());
  });

  it('runs in the built binary, as the issue asks', () => {
    const result = runBinary(['cite', 'pahalgam-attack', '--format', 'csl-json'], ACCESSED);
    expect(result.stderr).toBe('');
    expect(validateCsl(JSON.parse(result.stdout))).toBe(true);
    const bibtex = runBinary(['cite', 'pahalgam-attack', '--format', 'bibtex'], ACCESSED);
    expect(parseBibtex(bibtex.stdout).errors).toEqual([]);
  });
});

describe('crisis cite, of the fixture data', () => {
  let db: string;
  let pages: Map<string, Page>;
  beforeAll(async () => {
    db = fixtureDatabase();
    pages = await pagesOf(db);
  });
  const run = (argv: string[], env: Record<string, string> = ACCESSED) => runCli(['--db', db, ...argv], { env });

  it('names data that name no release unversioned, with no version', async () => {
    const [data] = await cslOf(['--db', db, 'cite', 'pahalgam-attack']);
    expect(data!.version).toBeUndefined();
    expect(data!.id).toBe('crisis-data');
    expect(data!.note).toMatch(/^Unversioned data; fact files' SHA-256 digest [0-9a-f]{64}\. Records cited: pahalgam-attack\.$/);
    expect((await run(['cite', 'pahalgam-attack'])).stdout).toMatch(/^crisis: .*\. Unversioned data; .* Accessed 2025-06-01\.\n/);
  });

  it('cites several records once, their pages each once, in order; an id given twice is cited once', async () => {
    const ids = ['putin-modi-call', 'pahalgam-attack', 'putin-modi-call'];
    const items = await cslOf(['--db', db, 'cite', ...ids]);
    const expected = new Set([...(await shownPages(['--db', db, 'show', 'pahalgam-attack'])), ...(await shownPages(['--db', db, 'show', 'putin-modi-call']))]);
    expect(expected.size).toBeGreaterThan(1);
    expect(items.slice(1).map((item) => item.id)).toEqual(inCitationOrder([...expected].map((id) => pages.get(id)!)).map((page) => page.id));
    expect(items[0]!.note).toContain('Records cited: putin-modi-call, pahalgam-attack.');
  });

  it('cites a page as itself, and an actor by its name', async () => {
    const page = [...pages.values()].find((candidate) => candidate.url)!;
    const items = await cslOf(['--db', db, 'cite', page.id, 'Vladimir Putin']);
    expect(items.map((item) => item.id)).toContain(page.id);
    expect(items[0]!.note).toContain(`Records cited: ${page.id}, vladimir-putin.`);
  });

  it('prints a reference list: the data, then each page numbered with its publisher, date, URL and id', async () => {
    const result = await run(['cite', 'pahalgam-attack']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [data, blank, heading, ...lines] = result.stdout.trimEnd().split('\n');
    expect(data).toBe(`${DATA_TITLE}. ${DATA_AUTHOR}. ${(await cslOf(['--db', db, 'cite', 'pahalgam-attack']))[0]!.note} Accessed 2025-06-01.`);
    expect(blank).toBe('');
    const shown = await shownPages(['--db', db, 'show', 'pahalgam-attack']);
    expect(heading).toBe(`Pages the records cite (${shown.length}):`);
    const ordered = inCitationOrder(shown.map((id) => pages.get(id)!));
    lines.forEach((line, i) => {
      const page = ordered[i]!;
      expect(line.startsWith(`${i + 1}. ${page.title}.`), line).toBe(true);
      expect(line.endsWith(`[${page.id}]`), line).toBe(true);
      for (const part of [page.publisher, page.published, page.url]) if (part) expect(line).toContain(part);
    });
  });

  it('takes the day accessed from CRISIS_ACCESS_DATE, else today in UTC', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [data] = await cslOf(['--db', db, 'cite', 'pahalgam-attack'], { env: {} });
    // A run at midnight may see the next day.
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(data!.accessed!['date-parts'][0]!.map((n) => String(n).padStart(2, '0')).join('-'));
    expect((await run(['cite', 'pahalgam-attack'], { CRISIS_ACCESS_DATE: '2024-02-29' })).stdout).toContain('Accessed 2024-02-29.');
  });

  it.each([
    { argv: ['cite', 'pahalgm-attack'], code: 3, err: "crisis: no record 'pahalgm-attack' (did you mean 'pahalgam-attack'?)\n" },
    { argv: ['cite', 'pahalgam-attack', 'nope'], code: 3, err: "crisis: no record 'nope'\n" },
    { argv: ['cite', 'pahalgam-attack', '--format', 'ris'], code: 2, err: "crisis: unknown value 'ris' for --format; use one of text, bibtex, csl-json\n" },
    { argv: ['cite'], code: 2, err: "crisis: missing required argument 'id'\n" },
  ])('$argv exits $code with one line', async ({ argv, code, err }) => {
    expect(await run(argv)).toEqual({ code, stdout: '', stderr: err });
  });

  it.each(['2025-02-30', '2025-06', 'today', ' 2025-06-01'])('CRISIS_ACCESS_DATE=%j is a usage error', async (date) => {
    const result = await run(['cite', 'pahalgam-attack'], { CRISIS_ACCESS_DATE: date });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `crisis: invalid CRISIS_ACCESS_DATE '${date}': use YYYY-MM-DD, e.g. 2025-06-01\n` });
  });
});

describe('titles, publishers and ids no TeX file would hold', () => {
  const NASTY = "50% & $5 #1 {b} }{ ~ ^ \\relax a_b <x> `q` ''q'' -- --- Путин – 印度";
  let db: string;
  beforeAll(() => {
    const built = buildFixture([
      { file: 'release.yaml', text: 'version: 2030.01.01-1\nreleased: "2030-01-02"\n' },
      {
        file: 'sources.yaml',
        edit: (records) => {
          const page = records.find((record) => record.url)!;
          Object.assign(page, { title: NASTY, publisher: 'Smith and Sons {Ltd}', url: 'https://example.org/a{b}\\c?d=1%202#e', published: '2025-04' });
        },
      },
    ]);
    expect(built.problems).toEqual([]);
    db = built.db;
  });

  it('are escaped in BibTeX and read back as they are; CSL-JSON takes them as they are', async () => {
    const pages = await pagesOf(db);
    const nasty = [...pages.values()].find((page) => page.title === NASTY)!;
    const cited = [...pages.keys()];
    const { entries } = await bibtexOf(['--db', db, 'cite', ...cited]);
    const entry = entries.find((candidate) => candidate.fields.title === NASTY);
    expect(entry?.key).toBe(nasty.id);
    expect(entry!.fields.publisher).toEqual(['Smith and Sons {Ltd}']);
    expect(entry!.fields.url).toBe('https://example.org/a%7Bb%7D%5Cc?d=1%202#e');
    expect(entry!.fields.date).toBe('2025-04');
    expect(entries[0]!.key).toBe('crisis-data-2030.01.01-1');
    expect(entries[0]!.fields.version).toBe('2030.01.01-1');

    const items = await cslOf(['--db', db, 'cite', ...cited]);
    expect(items.find((item) => item.id === nasty.id)).toMatchObject({ title: NASTY, URL: nasty.url, issued: { 'date-parts': [[2025, 4]] } });
    expect(items[0]).toMatchObject({ version: '2030.01.01-1', issued: { 'date-parts': [[2030, 1, 2]] } });
  });
});

describe('--cite on every list command', () => {
  let db: string;
  beforeAll(() => {
    db = fixtureDatabase();
  });
  const ARGUMENTS: Record<string, string[]> = { search: ['attack'] };

  const commands = ['events', 'statements', 'measures', 'actors', 'agreements', 'sources', 'timeline', 'search'];

  it('is an option of exactly the commands that list records', async () => {
    const { kinds } = await describedOutputs();
    expect(kinds.map((kind) => kind.command).sort()).toEqual([...commands].sort());
    const { program } = await wholeProgram();
    const citing = program.commands.filter((command) => command.options.some((option) => option.long === '--cite')).map((command) => command.name());
    expect(citing.sort()).toEqual([...commands].sort());
  });

  it.each(commands)('crisis %s --cite: the same answer, then its citation on stderr, naming the command line and the pages its records cite', async (command) => {
    const argv = ['--db', db, command, ...(ARGUMENTS[command] ?? []), '--json'];
    const plain = await runCli(argv, { env: ACCESSED });
    const cited = await runCli([...argv, '--cite'], { env: ACCESSED });
    expect(cited.code).toBe(0);
    expect(cited.stdout).toBe(plain.stdout);
    const ids = (JSON.parse(plain.stdout) as { id: string }[]).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(0);
    const citation = cited.stderr.split('\n');
    expect(citation.slice(0, 2)).toEqual(['Cite this answer as:', '']);
    expect(citation[2]).toContain(`Command line: crisis --db ${db} ${command} ${(ARGUMENTS[command] ?? []).join(' ')}${ARGUMENTS[command] ? ' ' : ''}--json --cite (${ids.length} record`);
    // The pages are those crisis cite gives for the same records.
    const direct = await runCli(['--db', db, 'cite', ...ids], { env: ACCESSED });
    expect(citation.slice(4).join('\n')).toBe(direct.stdout.split('\n').slice(2).join('\n'));
  });

  it('gives the same pages whatever the output format, sort or limit, and jsonl of stored JSON too', async () => {
    const pagesCited = async (argv: string[]) => (await runCli(['--db', db, ...argv, '--cite'], { env: ACCESSED })).stderr.split('\n').slice(4).join('\n');
    const json = await pagesCited(['events', '--json']);
    for (const format of ['jsonl', 'csv', 'tsv', 'table']) expect(await pagesCited(['events', '--format', format])).toBe(json);
    expect(await pagesCited(['events', '--sort', 'title:desc'])).toBe(json);
    const first = (JSON.parse((await runCli(['--db', db, 'events', '--json', '--limit', '1'])).stdout) as { id: string }[])[0]!.id;
    expect(await pagesCited(['events', '--limit', '1'])).toBe((await runCli(['--db', db, 'cite', first], { env: ACCESSED })).stdout.split('\n').slice(2).join('\n'));
  });

  it('cites the records a timeline chart draws', async () => {
    const chart = await runCli(['--db', db, 'timeline', '--chart', '--cite'], { env: ACCESSED, columns: 100 });
    expect(chart.code).toBe(0);
    expect(chart.stdout).toBe((await runCli(['--db', db, 'timeline', '--chart'], { columns: 100 })).stdout);
    const timeline = await runCli(['--db', db, 'timeline', '--cite', '--json'], { env: ACCESSED });
    expect(chart.stderr.split('\n').slice(3).join('\n')).toBe(timeline.stderr.split('\n').slice(3).join('\n'));
  });

  it('quotes the command line as a shell takes it back', async () => {
    const result = await runCli(['--db', db, 'search', "Putin's", 'call', '--fields', 'id', '--cite'], { env: ACCESSED });
    expect(result.stderr).toContain(`Command line: crisis --db ${db} search 'Putin'\\''s' call --fields id --cite (`);
  });

  it('writes nothing on stderr without --cite, and nothing else on stdout with it when an option is wrong', async () => {
    expect((await runCli(['--db', db, 'events'])).stderr).toBe('');
    expect(await runCli(['--db', db, 'events', '--cite', '--since', 'nope'])).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('--cite on a large answer', () => {
  it('lists 20 pages, and the command line that cites them all', async () => {
    const result = await runCli(['events', '--json', '--fields', 'id,title', '--cite'], { env: ACCESSED });
    const lines = result.stderr.trimEnd().split('\n');
    const total = Number(/^Pages the records cite \((\d+)\):$/.exec(lines[4]!)![1]);
    expect(total).toBeGreaterThan(20);
    expect(lines.slice(5, -1)).toHaveLength(20);
    expect(lines.at(-1)).toBe(`… and ${total - 20} more; every page: crisis events --fields id --format tsv | tail -n +2 | xargs crisis cite`);
    const ids = (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
    const all = await runCli(['cite', ...ids], { env: ACCESSED });
    expect(all.stdout.split('\n')[2]).toBe(lines[4]);
    const unnumbered = (listed: string[]) => listed.map((line) => line.replace(/^ *\d+\. /, ''));
    expect(unnumbered(all.stdout.split('\n').slice(3, 23))).toEqual(unnumbered(lines.slice(5, -1)));
  });
});

describe('CITATION.cff', () => {
  it('names the data as crisis cite does', () => {
    const cff = parseYaml(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as { title: string; authors: { name: string }[]; version: string; 'date-released': string };
    expect(cff.title).toBe(DATA_TITLE);
    expect(cff.authors).toEqual([{ name: DATA_AUTHOR }]);
    expect({ version: cff.version, released: cff['date-released'] }).toEqual(bundledRelease());
  });
});
