import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findActors } from '../src/queries/actors.js';
import { findAgreements } from '../src/queries/agreements.js';
import { findEvents } from '../src/queries/events.js';
import { findMeasures } from '../src/queries/measures.js';
import { findStatements } from '../src/queries/statements.js';
import type { EventRecord } from '../src/queries/events.js';
import type { MeasureRecord } from '../src/queries/measures.js';
import type { StatementRecord } from '../src/queries/statements.js';
import { parse } from 'yaml';
import { BUNDLED_DB, bundledRelease, DATA_DIR, runCli } from './helpers.js';

/**
 * The whole crisis, 22 April to 18 May 2025, from the project's reading list of 123 facts: every fact in,
 * the key facts pinned, disagreements kept, answers linked to what they answer.
 */

/** Which records encode each fact of the reading list (data/pack-coverage.yaml). */
interface PackFact {
  fact: number;
  date: string;
  kind: string;
  records: string[];
  dropped?: string;
}

const PACK = parse(readFileSync(join(DATA_DIR, 'pack-coverage.yaml'), 'utf8')) as PackFact[];
const db = new Database(BUNDLED_DB, { readonly: true });
afterAll(() => db.close());

const events = findEvents(db, {});
const statements = findStatements(db, {});
const measures = findMeasures(db, {});
const agreements = findAgreements(db, {});
const facts = [...events, ...statements, ...measures, ...agreements];
const byId = new Map<string, (typeof facts)[number]>(facts.map((record) => [record.id, record]));

function record<T = EventRecord | StatementRecord | MeasureRecord>(id: string): T {
  const found = byId.get(id);
  if (!found) throw new Error(`no record '${id}' in the bundled database`);
  return found as T;
}

const recordIds = new Set([...facts.map((fact) => fact.id), ...findActors(db, {}).map((actor) => actor.id)]);

describe('every fact of the reading list is in', () => {
  it('lists each of its 123 facts once, in order', () => {
    expect(PACK.map((fact) => fact.fact)).toEqual(Array.from({ length: 123 }, (_, i) => i + 1));
  });

  it.each(PACK.map((fact) => [fact.fact, fact] as const))('fact #%i is encoded by records that exist, or says why it is not', (_, fact) => {
    if (fact.records.length === 0) expect(fact.dropped?.length ?? 0).toBeGreaterThan(40);
    else expect(fact.dropped).toBeUndefined();
    for (const id of fact.records) expect(recordIds.has(id), id).toBe(true);
  });

  it('every day of the list has its records, and nothing falls outside the crisis or the four agreements', () => {
    // Fact 8 is dated only to April 2025 by its page; other pages date the same expulsions to the day.
    const packDays = new Set(PACK.filter((fact) => /^2025-\d\d-\d\d$/.test(fact.date) && fact.records.length).map((fact) => fact.date));
    const ourDays = new Set(facts.map((fact) => fact.date));
    expect([...packDays].filter((day) => !ourDays.has(day))).toEqual([]);
    // The release names the last day the facts cover: 2025.05.31-1 covers to 31 May.
    const lastDay = bundledRelease().version.slice(0, 'YYYY.MM.DD'.length).replaceAll('.', '-');
    const outside = facts.filter((fact) => fact.date.startsWith('2025-') && (fact.date > lastDay || (fact.date.length === 10 && fact.date < '2025-04-22')));
    expect(outside.map((fact) => fact.id)).toEqual([]);
  });

  it("the seed article's Putin–Modi call is the pack's 5 May call, once", () => {
    const calls = events.filter((event) => event.type === 'call' && event.actors.some((actor) => actor.id === 'vladimir-putin'));
    expect(calls.map((call) => call.id)).toEqual(['putin-modi-call']);
    expect(record('putin-modi-call')).toMatchObject({ date: '2025-05-05' });
    expect(record('putin-modi-call').sources.map((source) => source.id)).toContain('seed-article');
    expect(record('putin-modi-call').sources.length).toBeGreaterThan(1);
  });
});

describe('the Pahalgam attack', () => {
  const attack = record<EventRecord>('pahalgam-attack');
  const killed = attack.figures.filter((figure) => figure.figure === 'killed');

  it('happened on 22 April 2025', () => {
    expect(attack).toMatchObject({ date: '2025-04-22', date_precision: 'day', type: 'attack' });
  });

  it('killed at least 26, and the report of 28 dead stands beside that toll, each with its page', () => {
    expect(killed).toContainEqual(expect.objectContaining({ value: 26, qualifier: 'at-least' }));
    const twentyEight = killed.find((figure) => figure.value === 28);
    expect(twentyEight?.source).toMatch(/asian-age/);
  });

  it('crisis show says that the reports of the toll differ', async () => {
    const { stdout } = await runCli(['show', 'pahalgam-attack']);
    expect(stdout).toMatch(/^ {2}killed — reports differ$/m);
    expect(stdout).toMatch(/^ {4}28 .*\[asian-age/m);
  });
});

describe('the measures and what they answer', () => {
  const dayMeasures = (by: string, day: string) => measures.filter((m) => m.by.id === by && m.date === day);

  it("India's 23 April measures all answer the attack: the treaty, the border, visas, the defence advisers", () => {
    const india = dayMeasures('india', '2025-04-23');
    expect(india.map((m) => m.category)).toEqual(expect.arrayContaining(['water', 'border', 'visa', 'diplomatic']));
    for (const measure of india) expect(measure.in_response_to.map((link) => link.id), measure.id).toContain('pahalgam-attack');
  });

  it("Pakistan's 24 April measures answer India's 23 April measures", () => {
    const pakistan = dayMeasures('pakistan', '2025-04-24');
    const india = new Set(dayMeasures('india', '2025-04-23').map((m) => m.id));
    expect(pakistan.map((m) => m.category)).toEqual(expect.arrayContaining(['airspace', 'trade']));
    for (const measure of pakistan) expect(measure.in_response_to.some((link) => india.has(link.id)), measure.id).toBe(true);
  });

  it("India's airspace closure answers Pakistan's", () => {
    expect(record('india-closes-airspace')).toMatchObject({ date: '2025-04-30', category: 'airspace' });
    expect(record('india-closes-airspace').in_response_to.map((link) => link.id)).toContain('pakistan-closes-airspace');
  });

  it('every answer is dated no earlier than what it answers', () => {
    for (const fact of [...events, ...statements, ...measures]) {
      for (const { id: answered } of fact.in_response_to) expect(record(answered).date <= fact.date || record(answered).date.startsWith(fact.date), fact.id).toBe(true);
    }
  });
});

describe('Operation Sindoor', () => {
  const sindoor = record<EventRecord>('operation-sindoor');

  it('India struck Pakistan on 7 May in answer to the attack', () => {
    expect(sindoor).toMatchObject({ date: '2025-05-07', date_precision: 'day' });
    expect(sindoor.in_response_to.map((link) => link.id)).toContain('pahalgam-attack');
    expect(sindoor.actors).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'india', role: 'initiator' }), expect.objectContaining({ id: 'pakistan', role: 'target' })]),
    );
  });

  it("keeps the tolls Pakistan's military gave, each with whose claim it is", () => {
    const claimed = sindoor.figures.filter((figure) => figure.claimed_by !== null);
    expect(claimed.length).toBeGreaterThan(0);
  });

  it('was answered: Pakistan launched its own operation on 10 May', () => {
    expect(record('operation-bunyan-um-marsoos')).toMatchObject({ date: '2025-05-10' });
    expect(record('operation-bunyan-um-marsoos').in_response_to.map((link) => link.id)).toContain('operation-sindoor');
  });
});

describe('the 10 May understanding', () => {
  const understanding = agreements.find((agreement) => agreement.id === 'may-10-understanding')!;

  it('India and Pakistan agreed on 10 May to stop firing, reached through their DGMOs', () => {
    expect(understanding).toMatchObject({ date: '2025-05-10', date_precision: 'day' });
    expect(understanding.parties.map((party) => party.id).sort()).toEqual(['india', 'pakistan']);
    expect(record<EventRecord>('dgmo-call-10-may').agreements.map((a) => a.id)).toContain('may-10-understanding');
  });

  it('keeps every account of who brokered it, each with its claimant and page, and picks none', async () => {
    const brokered = understanding.claims.filter((claim) => claim.about === 'brokered-by');
    const claimants = new Set(brokered.map((claim) => claim.claimed_by?.id));
    expect(claimants.size).toBeGreaterThanOrEqual(3);
    expect([...claimants]).toEqual(expect.arrayContaining(['donald-trump']));
    const { stdout } = await runCli(['show', 'may-10-understanding']);
    expect(stdout).toMatch(/^ {2}brokered-by — reports differ$/m);
  });

  it('is found by the names people type', async () => {
    for (const typed of ['10 May ceasefire', 'ceasefire understanding']) {
      const { stdout, code } = await runCli(['show', typed, '--json']);
      expect(code, typed).toBe(0);
      expect(JSON.parse(stdout).id).toBe('may-10-understanding');
    }
  });
});

describe('the actors people type', () => {
  const resolve = async (typed: string) => {
    const { stdout, code, stderr } = await runCli(['show', typed, '--json']);
    expect(stderr, typed).toBe('');
    expect(code, typed).toBe(0);
    return JSON.parse(stdout).id as string;
  };

  it.each([
    ['Shehbaz Sharif', 'shehbaz-sharif'],
    ['PM Sharif', 'shehbaz-sharif'],
    ['US', 'united-states'],
    ['USA', 'united-states'],
    ['United States', 'united-states'],
    ['U.S.', 'united-states'],
    ['UN', 'united-nations'],
    ['United Nations', 'united-nations'],
    ['ISPR', 'ispr'],
  ])('%j is %s', async (typed, id) => {
    expect(await resolve(typed)).toBe(id);
  });

  it("ISPR is a body of Pakistan's military, and --actor pakistan takes in what it said", async () => {
    const [ispr] = findActors(db, { id: 'ispr' });
    expect(ispr).toMatchObject({ country: { id: 'pakistan' }, part_of: { id: 'pakistan-armed-forces' } });
    const { stdout } = await runCli(['statements', '--actor', 'pakistan-armed-forces', '--json', '--fields', 'id,speaker']);
    const speakers = (JSON.parse(stdout) as { speaker: { id: string } }[]).map((row) => row.speaker.id);
    expect(speakers).toContain('ahmed-sharif-chaudhry');
  });

  it('every person belongs to a state or a body, so --actor on it finds them', () => {
    const actors = findActors(db, {});
    for (const actor of actors.filter((a) => a.kind === 'person')) expect(actor.country ?? actor.part_of, actor.id).not.toBeNull();
  });
});

describe('the story, in date order', () => {
  it('crisis events, statements and measures from 22 April to 18 May, each line traceable to a page and what it reports', async () => {
    for (const command of ['events', 'statements', 'measures']) {
      const { stdout, code } = await runCli([command, '--since', '2025-04-22', '--until', '2025-05-18', '--json']);
      expect(code).toBe(0);
      const rows = JSON.parse(stdout) as { date: string; sources: { url: string | null; reports: string }[] }[];
      expect(rows.length, command).toBeGreaterThan(5);
      for (const row of rows) expect(row.sources.every((source) => source.reports.length > 0), command).toBe(true);
      const days = rows.map((row) => row.date).filter((date) => date.length === 10);
      expect(days, `${command} in date order`).toEqual([...days].sort());
    }
  });

  it('every event type, statement type and measure category in the data is in the vocabulary data/README.md lists', () => {
    const vocabulary = (label: string) => {
      const line = readFileSync(join(DATA_DIR, 'README.md'), 'utf8').match(new RegExp(`^- ${label}: ([^]*?)\\.\\n`, 'm'));
      return new Set((line?.[1] ?? '').split(/,\s*/));
    };
    expect(events.map((e) => e.type).filter((type) => !vocabulary('Event `type`').has(type))).toEqual([]);
    expect(statements.map((s) => s.type).filter((type) => !vocabulary('Statement `type`').has(type))).toEqual([]);
    expect(measures.map((m) => m.category).filter((category) => !vocabulary('Measure `category`').has(category))).toEqual([]);
  });

  it('every CAMEO code in the data is one data/README.md lists', () => {
    const readme = readFileSync(join(DATA_DIR, 'README.md'), 'utf8');
    const used = new Set(facts.flatMap((fact) => ('cameo' in fact && fact.cameo ? [fact.cameo] : [])));
    for (const code of used) expect(readme, code).toContain(`"${code}"`);
  });
});
