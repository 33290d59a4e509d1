import { describe, expect, it } from 'vitest';
import { addPages, buildFixture, find, fixtureDatabase, runBinary, runCli } from './helpers.js';

/** The fixture with two pages of its own: one of 24 April for both measures, one dated only to April 2025 for the Putin–Modi call. */
function datedFixture(): string {
  const { problems, db } = buildFixture([
    addPages({ id: 'page-of-24-april', published: '2025-04-24' }, { id: 'page-of-april', published: '2025-04' }),
    {
      file: 'measures.yaml',
      edit: (records) => {
        for (const id of ['india-suspends-treaty', 'pakistan-closes-airspace']) {
          (find(records, id).sources as object[]).push({ source: 'page-of-24-april', reports: `The page reports ${id}.` });
        }
      },
    },
    {
      file: 'events.yaml',
      edit: (records) => void (find(records, 'putin-modi-call').sources as object[]).push({ source: 'page-of-april', reports: 'The page reports a call.' }),
    },
  ]);
  expect(problems).toEqual([]);
  return db;
}

const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((record) => record.id);

describe('--as-of: what had been published by the end of a day', () => {
  const db = fixtureDatabase();
  const run = (argv: string[]) => runCli(['--db', db, ...argv]);

  it('knows nothing a page out by then does not cite, and says how many records rest on pages of no known date', async () => {
    const before = await run(['events', '--as-of', '2025-04-23', '--json']);
    expect(ids(before.stdout)).toEqual([]);
    // Every fixture event cites the seed article, whose date is not known; only the attack is dated by then (the calls are of May).
    expect(before.stderr).toBe("crisis: as of 2025-04-23, 1 more record left out: no page citing them was out by then, and some show no date\n");
    expect((await run(['events', '--as-of', '2025-05-31', '--json'])).stderr).toMatch(/, 2 more records left out/);
    expect(before.code).toBe(0);
  });

  it('shows a record known by then with only the citations and figures of pages out by then', async () => {
    const [attack] = JSON.parse((await run(['events', '--as-of', '2025-04-24', '--json'])).stdout) as Record<string, { source?: string; id?: string }[]>[];
    expect(attack!.sources!.map((page) => page.id)).toEqual(['asian-age-modi-will-punish-ultras']);
    expect(attack!.figures!.map((figure) => figure.source)).toEqual(['asian-age-modi-will-punish-ultras']);
    // Without --as-of, both pages and both figures.
    const whole = JSON.parse((await run(['show', 'pahalgam-attack', '--json'])).stdout) as Record<string, unknown[]>;
    expect(whole.sources).toHaveLength(2);
    expect(whole.figures).toHaveLength(2);
  });

  it('cites only the pages out by then with --cite', async () => {
    const cited = (await run(['events', '--as-of', '2025-04-24', '--cite'])).stderr;
    expect(cited).toContain('[asian-age-modi-will-punish-ultras]');
    expect(cited).not.toContain('[seed-article]');
    expect((await run(['events', '--cite'])).stderr).toContain('[seed-article]');
  });

  it('gives the same records in every format, JSON lines too', async () => {
    const json = JSON.parse((await run(['events', '--as-of', '2025-04-24', '--json'])).stdout) as object[];
    const lines = (await run(['events', '--as-of', '2025-04-24', '--format', 'jsonl'])).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual(json);
  });

  it('refuses a date that is not one', async () => {
    expect(await run(['events', '--as-of', '2025-02-30'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^crisis: invalid date '2025-02-30' for --as-of/) });
  });

  it('show says a record was not yet known, with status 3; chain too', async () => {
    expect(await run(['show', 'putin-modi-call', '--as-of', '2025-04-30'])).toEqual({
      code: 3,
      stdout: '',
      stderr: "crisis: 'putin-modi-call' was not yet known as of 2025-04-30: none of the pages citing it was out by then, and some show no date\n",
    });
    expect((await run(['chain', 'pahalgam-attack', '--as-of', '2025-04-23'])).code).toBe(3);
  });
});

describe('--as-of on a fixture with dated pages', () => {
  const db = datedFixture();
  const run = (argv: string[]) => runCli(['--db', db, ...argv]);

  it('counts a page dated only to a month from the end of that month', async () => {
    expect(ids((await run(['events', '--as-of', '2025-04-29', '--json'])).stdout)).toEqual(['pahalgam-attack']);
    expect(ids((await run(['events', '--as-of', '2025-04-30', '--json'])).stdout)).toEqual(['pahalgam-attack', 'putin-modi-call']);
    // A month counts to its end as --as-of too.
    expect(ids((await run(['events', '--as-of', '2025-04', '--json'])).stdout)).toEqual(['pahalgam-attack', 'putin-modi-call']);
  });

  it('drops a stated link whose page was not out by then, and keeps an inferred one between records known by then', async () => {
    const measures = JSON.parse((await run(['measures', '--as-of', '2025-04-24', '--json'])).stdout) as { id: string; in_response_to: { id: string }[] }[];
    const links = Object.fromEntries(measures.map((measure) => [measure.id, measure.in_response_to.map((link) => link.id)]));
    // India's suspension answers the attack by the editors' reading; Pakistan's closure answers it as the seed article (no date) says.
    expect(links).toEqual({ 'india-suspends-treaty': ['pahalgam-attack'], 'pakistan-closes-airspace': [] });
    const chain = JSON.parse((await run(['chain', 'india-suspends-treaty', '--as-of', '2025-04-24', '--json'])).stdout) as { edges: { to: string }[] };
    expect(chain.edges.map((edge) => edge.to)).toEqual(['india-suspends-treaty']);
    const whole = JSON.parse((await run(['chain', 'india-suspends-treaty', '--json'])).stdout) as { edges: { to: string }[] };
    expect(whole.edges.map((edge) => edge.to)).toEqual(['india-suspends-treaty', 'pakistan-closes-airspace']);
  });

  it('shows only the linked records known by then', async () => {
    const shown = JSON.parse((await run(['show', 'india-suspends-treaty', '--as-of', '2025-04-24', '--json'])).stdout) as { linked: { id: string }[] };
    expect(shown.linked.map((link) => link.id)).not.toContain('pakistan-closes-airspace');
    const whole = JSON.parse((await run(['show', 'india-suspends-treaty', '--json'])).stdout) as { linked: { id: string }[] };
    expect(whole.linked.map((link) => link.id)).toContain('pakistan-closes-airspace');
  });

  it('numbers search hits from 1 among those known by then', async () => {
    const hits = JSON.parse((await run(['search', 'India', '--as-of', '2025-04-24', '--json'])).stdout) as { id: string; rank: number }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.rank)).toEqual(hits.map((_, i) => i + 1));
    const all = JSON.parse((await run(['search', 'India', '--json'])).stdout) as { id: string }[];
    expect(hits.length).toBeLessThan(all.length);
  });

  it('lists only the pages out by then', async () => {
    expect(ids((await run(['sources', '--as-of', '2025-04-23', '--json'])).stdout)).toEqual(['jang-pahalgam-attack-toll']);
  });
});

describe('--as-of on the bundled data', () => {
  it('knows nothing of Operation Sindoor on 6 May, and knows it on 8 May', () => {
    const before = runBinary(['events', '--as-of', '2025-05-06', '--json']);
    expect(before.code).toBe(0);
    expect(ids(before.stdout)).not.toContain('operation-sindoor');
    expect(ids(before.stdout).length).toBeGreaterThan(0);
    expect(ids(runBinary(['events', '--as-of', '2025-05-08', '--json']).stdout)).toContain('operation-sindoor');
    expect(ids(runBinary(['search', 'Sindoor', '--as-of', '2025-05-06', '--json']).stdout)).toEqual([]);
    expect(ids(runBinary(['search', 'Sindoor', '--as-of', '2025-05-08', '--json']).stdout)).toContain('operation-sindoor');
  });
});
