import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { parseDate } from '../dates.js';
import { PAGE_SIZE, SCHEMA, SCHEMA_VERSION } from '../db/tables.js';
import { ACTOR_KINDS } from '../queries/actors.js';
import { EVENT_ROLES } from '../queries/events.js';
import { foldName } from '../text.js';
import { finishDatabase } from './compact.js';
import { writeRecordJson } from './stored-json.js';
import { recordsInSearchOrder } from './records-table.js';
import { writeSearchIndex } from './search-index.js';

/**
 * A synthetic database of the real schema for measuring speed at scale (`npm run bench:data`) and for tests
 * that need many rows: invented events from 2000 to 2025 among about 50 actors of each kind, with titles,
 * summaries and quotes drawn from a vocabulary (so search finds things), citations, involvements, responses
 * and agreements. The same options give the same database. None of it is a fact.
 */
export interface SyntheticOptions {
  events: number;
  out: string;
  seed?: number;
}

const STATES = ['india', 'pakistan', 'russia', 'china', 'united-states', 'iran', 'france', 'united-kingdom', 'japan', 'turkey'];
const SYLLABLES = ['al', 'bor', 'cal', 'dor', 'el', 'fa', 'gor', 'ha', 'is', 'ka', 'lo', 'mar', 'nor', 'os', 'pra', 'qua', 'ros', 'sel', 'tor', 'ul', 'var', 'wen', 'xa', 'yor', 'zan'];
const ACTORS_PER_KIND = 50;
const TYPES = ['attack', 'military-strike', 'shelling', 'firing', 'missile-test', 'drill', 'call', 'meeting', 'visit', 'talks', 'briefing', 'address', 'consultation', 'demarche'];
const CAMEO = ['010', '020', '036', '039', '040', '041', '042', '046', '111', '112', '138', '163', '180', '190', '195'];
/** Real words for titles, summaries and quotes; the vocabulary spreads them among invented ones. */
const REAL_WORDS = (
  'talks ceasefire border strike attack minister call meeting army water treaty trade visa airspace ' +
  'envoy summit drone missile shelling patrol refugees sanctions mediation appeal condemnation warning ' +
  'offer denial restraint dialogue escalation frontier corridor embassy delegation convoy harbour ' +
  'pipeline monsoon glacier valley reservoir tunnel bridge railway festival election parliament ' +
  'tribunal archive observatory lighthouse orchard vineyard quarry monastery caravan'
).split(' ');
/** Words in order of how often they are drawn (Zipf: word k about 1/(k+1) as often as the first), as in text. */
const VOCABULARY_SIZE = 5000;
/** Every this many words of the vocabulary is a real one, so real words range from the commonest to the rare. */
const REAL_WORD_EVERY = 64;
const SOURCES = 1000;
const AGREEMENTS = ['indus-waters-treaty', 'tashkent-declaration', 'simla-agreement', 'lahore-declaration', 'may-10-understanding'];

/** mulberry32: small, fast and the same everywhere, so a seed gives the same database. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeSyntheticDatabase({ events, out, seed = 1 }: SyntheticOptions): { actors: number; events: number } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  const invented = () => capital(Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join(''));
  const vocabulary = Array.from({ length: VOCABULARY_SIZE }, (_, k) =>
    k % REAL_WORD_EVERY === 0 && REAL_WORDS[k / REAL_WORD_EVERY] ? REAL_WORDS[k / REAL_WORD_EVERY]! : `${invented().toLowerCase()}${k}`);
  const word = () => vocabulary[Math.min(VOCABULARY_SIZE - 1, Math.floor(Math.exp(next() * Math.log(VOCABULARY_SIZE + 1))) - 1)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');

  const temporary = `${out}.tmp-${process.pid}`;
  rmSync(temporary, { force: true });
  const db = new Database(temporary);
  // Nothing here needs to survive a crash: the file is copied into place only when complete.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // Every row refers to records, which are written last (src/compile/records-table.ts), and a million deferred references
  // would each be looked for again when their record comes: what this writes refers to what it wrote.
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -200000');
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.exec(SCHEMA);

  const insert = {
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
    source: db.prepare('INSERT INTO sources (id, title, publisher, url, published) VALUES (?, ?, ?, ?, ?)'),
    actor: db.prepare('INSERT INTO actors (id, name, kind, country, part_of, title, aliases) VALUES (?, ?, ?, ?, NULL, ?, ?)'),
    family: db.prepare('INSERT OR IGNORE INTO actor_family (root, member) VALUES (?, ?)'),
    name: db.prepare('INSERT OR IGNORE INTO names (kind, folded, id) VALUES (?, ?, ?)'),
    agreement: db.prepare(
      `INSERT INTO agreements (id, name, aliases, date, date_precision, date_start, date_end, date_basis, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'stated', ?)`,
    ),
    event: db.prepare(
      `INSERT INTO events (id, date, date_precision, date_start, date_end, date_basis, title, summary, type, location, cameo)
       VALUES (?, ?, ?, ?, ?, 'stated', ?, ?, ?, ?, ?)`,
    ),
    involvement: db.prepare('INSERT INTO involvements (record_id, actor_id, role, position) VALUES (?, ?, ?, ?)'),
    citation: db.prepare('INSERT INTO citations (record_id, position, source_id, reports, quote) VALUES (?, ?, ?, ?, ?)'),
    response: db.prepare("INSERT INTO responses (record_id, position, answers_id, basis) VALUES (?, ?, ?, 'inferred')"),
    invokes: db.prepare('INSERT INTO record_agreements (record_id, agreement_id, position) VALUES (?, ?, ?)'),
  };
  const records = recordsInSearchOrder(db);
  const record = records.add;

  db.transaction(() => {
    insert.meta.run('schema_version', SCHEMA_VERSION);
    insert.meta.run('input_digest', `synthetic:${events}:${seed}`);

    for (let i = 0; i < SOURCES; i++) {
      const id = `source-${i}`;
      const title = capital(words(5));
      record(id, 'source', title);
      insert.source.run(id, title, `${invented()} News`, `https://example.org/${id}`, `20${String(i % 26).padStart(2, '0')}-01-01`);
    }

    const actors: { id: string; kind: string }[] = [];
    const states: string[] = [];
    for (const kind of ACTOR_KINDS) {
      for (let i = 0; i < ACTORS_PER_KIND; i++) {
        const name = kind === 'state' && i < STATES.length ? capital(STATES[i]!.replace('-', ' ')) : `${invented()} ${kind === 'state' ? '' : invented()}`.trim();
        const id = kind === 'state' && i < STATES.length ? STATES[i]! : `${kind}-${i}`;
        const country = kind === 'state' ? null : pick(states);
        record(id, 'actor', name);
        insert.actor.run(id, name, kind, country, kind === 'person' ? `Minister of ${capital(word())}` : null, JSON.stringify([`${name} ${i}`]));
        for (const alias of [id, name, `${name} ${i}`]) insert.name.run('actor', foldName(alias), id);
        insert.family.run(id, id);
        if (country) insert.family.run(country, id);
        insert.citation.run(id, 0, pick(['source-0', 'source-1']), words(6), null);
        actors.push({ id, kind });
        if (kind === 'state') states.push(id);
      }
    }

    AGREEMENTS.forEach((id, i) => {
      const date = `${1960 + i * 10}-01-01`;
      const span = parseDate(date)!;
      const name = capital(id.replace(/-/g, ' '));
      record(id, 'agreement', name, { date, date_precision: span.precision, date_start: span.start, date_end: span.end, date_basis: 'stated' });
      insert.agreement.run(id, name, '[]', span.date, span.precision, span.start, span.end, capital(words(12)));
      for (const alias of [id, name]) insert.name.run('agreement', foldName(alias), id);
      insert.involvement.run(id, 'india', 'party', 0);
      insert.involvement.run(id, 'pakistan', 'party', 1);
      insert.citation.run(id, 0, 'source-2', words(8), null);
    });

    // Days from 2000-01-01 to 2025-12-31, in order, so an event answers only earlier ones.
    const first = Date.UTC(2000, 0, 1);
    const days = (Date.UTC(2025, 11, 31) - first) / 86_400_000;
    const offsets = Array.from({ length: events }, () => Math.floor(next() * (days + 1))).sort((a, b) => a - b);
    const width = String(events).length;
    offsets.forEach((offset, i) => {
      const id = `event-${String(i).padStart(width, '0')}`;
      const day = new Date(first + offset * 86_400_000).toISOString().slice(0, 10);
      const roll = next();
      const date = roll < 0.9 ? day : roll < 0.98 ? day.slice(0, 7) : day.slice(0, 4);
      const span = parseDate(date)!;
      const initiator = pick(actors).id;
      const title = `${capital(word())} ${word()} ${word()} ${initiator.replace(/-/g, ' ')}`;
      record(id, 'event', title, { date, date_precision: span.precision, date_start: span.start, date_end: span.end, date_basis: 'stated' });
      insert.event.run(id, span.date, span.precision, span.start, span.end, title, capital(words(20)), pick(TYPES), `${invented()} ${word()}`, pick(CAMEO));
      const involved = new Set([initiator]);
      const more = 1 + Math.floor(next() * 3);
      for (let k = 0; k < more; k++) involved.add(pick(actors).id);
      [...involved].forEach((actor, position) => insert.involvement.run(id, actor, position === 0 ? 'initiator' : pick(EVENT_ROLES), position));
      const citations = 1 + Math.floor(next() * 2);
      for (let position = 0; position < citations; position++) {
        insert.citation.run(id, position, `source-${Math.floor(next() * SOURCES)}`, words(10), words(12));
      }
      if (i > 0 && next() < 0.1) insert.response.run(id, 0, `event-${String(Math.floor(next() * i)).padStart(width, '0')}`);
      if (next() < 0.05) insert.invokes.run(id, pick(AGREEMENTS), 0);
    });
    records.write();
    writeRecordJson(db);
    writeSearchIndex(db);
  })();
  finishDatabase(db, temporary, out);
  return { actors: ACTOR_KINDS.length * ACTORS_PER_KIND, events };
}
