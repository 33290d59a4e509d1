import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputDigest } from '../src/compile/input-digest.js';
import { loadDataset } from '../src/compile/read-fact-files.js';
import { findAgreements } from '../src/queries/agreements.js';
import { findEvents } from '../src/queries/events.js';
import { findMeasures } from '../src/queries/measures.js';
import { findStatements } from '../src/queries/statements.js';
import { foldWhitespace } from '../src/text.js';
import { parse } from 'yaml';
import { BUNDLED_DB, bundledRelease, DATA_DIR, ROOT, runCli } from './helpers.js';

const { dataset, problems } = loadDataset(DATA_DIR);
const db = new Database(BUNDLED_DB, { readonly: true });
afterAll(() => db.close());

const SEED = readFileSync(join(DATA_DIR, 'texts', 'seed-article.txt'), 'utf8');

const citingKinds = ['actor', 'agreement', 'event', 'statement', 'measure'] as const;
const allCitations = citingKinds.flatMap((kind) =>
  dataset[kind].flatMap((record) => record.sources.map((citation, i) => ({ record: `${record.id} #${i}`, ...citation }))),
);

describe('the fact files', () => {
  it('load without a schema problem', () => {
    expect(problems).toEqual([]);
  });

  it('bundle the seed article as it was given', () => {
    let shared: string;
    try {
      shared = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'sources', '000_7fb0bc35c24c4ee4.txt'), 'utf8');
    } catch {
      return; // outside this workplace the shared folder is not beside the repository
    }
    expect(SEED).toBe(shared);
  });

  it('bundle no text but the seed article: a page is cited, never copied', () => {
    expect(readdirSync(join(DATA_DIR, 'texts'))).toEqual(['seed-article.txt']);
    expect(dataset.source.filter((source) => source.text !== undefined).map((source) => source.id)).toEqual(['seed-article']);
  });
});

describe('every citation', () => {
  const sources = new Map(dataset.source.map((source) => [source.id, source]));

  it.each(allCitations)('$record: $source says what its page reports, and a quote from a bundled text stands in it', ({ source: sourceId, reports, quote }) => {
    expect(reports.trim().length).toBeGreaterThan(10);
    const source = sources.get(sourceId)!;
    if (source.text && quote !== undefined) expect(foldWhitespace(readFileSync(join(DATA_DIR, source.text), 'utf8'))).toContain(foldWhitespace(quote));
  });

  it('of a statement holds its words, word for word', () => {
    for (const statement of dataset.statement.filter((s) => s.quote)) {
      const quoted = allCitations.some((c) => c.record.startsWith(`${statement.id} #`) && c.quote !== undefined && foldWhitespace(c.quote).includes(foldWhitespace(statement.quote!)));
      expect(quoted, statement.id).toBe(true);
    }
  });
});

describe('the sources', () => {
  it('each give a title and the page (or the bundled text), and each is cited by a record', () => {
    const cited = new Set([
      ...allCitations.map((citation) => citation.source),
      ...citingKinds.flatMap((kind) => dataset[kind].flatMap((record) => ('figures' in record ? [...record.figures, ...record.claims].map((item) => item.source) : []))),
    ]);
    for (const source of dataset.source) {
      expect(source.url ?? source.text, source.id).toBeDefined();
      expect(cited.has(source.id), `${source.id} is cited by no record`).toBe(true);
    }
  });
});

describe('the seed article', () => {
  // The one sentence that frames the article rather than reporting a fact of its own.
  const framing = [
    'In the wake of heightened tensions between Pakistan and India, particularly following the recent terror attack in Pahalgam, there have been diplomatic efforts to de-escalate the situation.',
  ];
  const seedQuotes = allCitations.filter((c) => c.source === 'seed-article' && c.quote !== undefined).map((c) => foldWhitespace(c.quote!));
  const sentences = SEED.split(/(?<=[.!?]["”]?)\s+/).map(foldWhitespace).filter(Boolean);

  it.each(sentences)('is quoted by a record: %s', (sentence) => {
    const quoted = seedQuotes.some((quote) => sentence.includes(quote) || quote.includes(sentence));
    expect(quoted || framing.includes(sentence)).toBe(true);
  });

  it('names four agreements, each dated to the day by a treaty text or reference page', () => {
    const agreements = findAgreements(db, {}).filter((agreement) => agreement.sources.some((source) => source.id === 'seed-article'));
    expect(agreements.map((a) => [a.id, a.date])).toEqual([
      ['indus-waters-treaty', '1960-09-19'],
      ['tashkent-declaration', '1966-01-10'],
      ['simla-agreement', '1972-07-02'],
      ['lahore-declaration', '1999-02-21'],
    ]);
    for (const agreement of agreements) {
      expect(agreement.sources.map((s) => s.id)).toContain('seed-article');
      expect(agreement.sources.some((s) => s.id !== 'seed-article'), agreement.id).toBe(true);
    }
  });
});

describe('honest time', () => {
  it('a record dated to the day cites a dated report beside the seed article, or was made at an event that does', () => {
    const events = new Map(findEvents(db, {}).map((e) => [e.id, e]));
    const dated = [...events.values(), ...findStatements(db, {}), ...findMeasures(db, {})].filter((r) => r.date_precision === 'day');
    for (const record of dated) {
      const event = 'event' in record && record.event ? events.get(record.event) : undefined;
      const citesDatedReport = (r: { sources: { id: string }[] }) => r.sources.some((s) => s.id !== 'seed-article');
      expect(citesDatedReport(record) || (event !== undefined && citesDatedReport(event) && event.date === record.date), record.id).toBe(true);
    }
  });

  it('every fact of the bundled database cites at least one page, saying what it reports', () => {
    const records = [...findEvents(db, {}), ...findStatements(db, {}), ...findMeasures(db, {}), ...findAgreements(db, {})];
    expect(records.length).toBe(dataset.event.length + dataset.statement.length + dataset.measure.length + dataset.agreement.length);
    for (const record of records) {
      expect(record.sources.length, record.id).toBeGreaterThan(0);
      for (const source of record.sources) expect(source.reports, record.id).not.toBe('');
    }
  });

  it('every fact says how its date is known, and how it was found where it was worked out', () => {
    const records = [...findEvents(db, {}), ...findStatements(db, {}), ...findMeasures(db, {}), ...findAgreements(db, {})];
    for (const record of records) {
      expect(['stated', 'derived', 'published', 'inferred'], record.id).toContain(record.date_basis);
      if (record.date_basis === 'derived' || record.date_basis === 'inferred') expect(record.date_note, record.id).toBeTruthy();
    }
  });

  it('every answer says its basis, and a stated one names a page the record cites', () => {
    for (const record of [...findEvents(db, {}), ...findStatements(db, {}), ...findMeasures(db, {})]) {
      for (const link of record.in_response_to) {
        if (link.basis === 'inferred') expect(link.source, record.id).toBeNull();
        else expect(record.sources.map((source) => source.id), `${record.id} → ${link.id}`).toContain(link.source);
      }
    }
  });

  it('lists the Lavrov–Dar call, known only to May but reported on 4 May, before the records of 5 May', async () => {
    const { stdout } = await runCli(['timeline', '--since', '2025-05-01', '--until', '2025-05-05', '--fields', 'id,date']);
    const lines = stdout.trim().split('\n').slice(1);
    const call = lines.findIndex((line) => line.startsWith('lavrov-dar-call\t2025-05'));
    const fifth = lines.findIndex((line) => line.endsWith('\t2025-05-05'));
    expect(call).toBeGreaterThanOrEqual(0);
    expect(fifth).toBeGreaterThan(call);
  });
});

describe('the questions the seed article answers', () => {
  const json = async (argv: string[]) => {
    const result = await runCli([...argv, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, any>[];
  };

  it("crisis statements --actor putin shows Putin's words with their quotes", async () => {
    const rows = await json(['statements', '--actor', 'putin']);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.speaker.id === 'vladimir-putin')).toBe(true);
    expect(rows.map((row) => row.quote)).toEqual(
      expect.arrayContaining(['strongly condemned the terror attack in Pahalgam, India', 'expressed full support to India in the fight against terrorism']),
    );
    expect(rows.every((row) => row.sources.length > 0)).toBe(true);
  });

  it('crisis measures --by pakistan shows the airspace closure and the trade suspension', async () => {
    const rows = await json(['measures', '--by', 'pakistan']);
    expect(rows.map((row) => row.category)).toEqual(expect.arrayContaining(['airspace', 'trade']));
    expect(rows.find((row) => row.id === 'pakistan-closes-airspace')).toMatchObject({ by: { id: 'pakistan' }, against: { id: 'india' } });
  });

  it("crisis measures --by india shows the treaty suspension and the trade and visa restrictions", async () => {
    const rows = await json(['measures', '--by', 'india']);
    expect(rows.map((row) => row.category)).toEqual(expect.arrayContaining(['trade', 'visa', 'water']));
  });

  it("crisis events --actor russia shows the calls Russia's leaders made, among events each with a Russian actor", async () => {
    const rows = await json(['events', '--actor', 'russia']);
    expect(rows.filter((row) => row.type === 'call').map((row) => row.id)).toEqual(['lavrov-jaishankar-call', 'lavrov-dar-call', 'putin-modi-call']);
    const russians = new Set((await json(['actors', '--country', 'russia'])).map((actor) => actor.id));
    for (const row of rows) expect(row.actors.some((actor: { id: string }) => russians.has(actor.id)), row.id).toBe(true);
  });

  it.each([['RUSSIA'], ['Russian Federation'], ['russian federation'], ['Moscow'], ['Kremlin'], ['RUS']])(
    'crisis events --actor %j gives the same rows as --actor russia',
    async (name) => {
      expect(await json(['events', '--actor', name])).toEqual(await json(['events', '--actor', 'russia']));
    },
  );

  it("Pakistan's ambassador's appeal invokes the Tashkent Declaration", async () => {
    const rows = await json(['statements', '--about', 'Tashkent Declaration']);
    expect(rows.map((row) => row.id)).toEqual(['jamali-appeals-to-russia']);
    expect(rows[0]!.speaker.name).toBe('Mohammad Khalid Jamali');
  });

  it('Lavrov and Russia invoke the Simla Agreement and the Lahore Declaration', async () => {
    const simla = (await json(['statements', '--about', 'simla'])).map((row) => row.id);
    const lahore = (await json(['statements', '--about', 'Lahore Declaration'])).map((row) => row.id);
    for (const invoking of [simla, lahore]) expect(invoking).toEqual(expect.arrayContaining(['lavrov-urges-de-escalation', 'russia-concerned-at-escalation']));
  });
});

describe("the data's release", () => {
  const release = bundledRelease();

  it('has an entry in data/CHANGELOG.md naming the digest of the facts as they are: change the facts, cut a release', () => {
    const changelog = readFileSync(join(DATA_DIR, 'CHANGELOG.md'), 'utf8');
    const entry = new RegExp(`^## ${release.version.replaceAll('.', '\\.')} \\(released ${release.released}, digest \`([0-9a-f]{12})\`\\)$`, 'm').exec(changelog);
    expect(entry, `data/CHANGELOG.md has no entry for ${release.version}`).not.toBeNull();
    expect(entry![1], 'the facts changed since this release: bump data/release.yaml and CITATION.cff, and write the entry (CONTRIBUTING.md)').toBe(
      inputDigest(DATA_DIR).slice(0, 12),
    );
    // The newest release comes first.
    expect(changelog.indexOf('\n## ')).toBe(changelog.indexOf(`\n## ${release.version} `));
  });

  it('is the version and date CITATION.cff gives', () => {
    const citation = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
    expect(citation).toMatchObject({ 'cff-version': '1.2.0', type: 'dataset', version: release.version, 'date-released': release.released });
  });
});
