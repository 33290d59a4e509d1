import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { parseDate } from '../dates.js';
import { PAGE_SIZE, SCHEMA, SCHEMA_VERSION } from '../db/tables.js';
import { foldName } from '../text.js';
import { finishDatabase } from './compact.js';
import type { Dataset } from './read-fact-files.js';
import { writeRecordJson } from './stored-json.js';
import { recordsInSearchOrder, type StoredDate } from './records-table.js';
import { writeSearchIndex } from './search-index.js';
import type { CitationInput, ClaimInput, FigureInput } from './fact-shapes.js';

/**
 * Writes a checked dataset to a new SQLite file at `out`. The same dataset always gives the same
 * rows in the same order; the file is written beside `out` and renamed, so a reader never sees half.
 */
/** What the build records of where its data came from: the digest of the fact files, and their release where named. */
export interface DataOrigin {
  input_digest: string;
  data_version?: string;
  data_released?: string;
}

export function writeDatabase(dataset: Dataset, out: string, origin: DataOrigin): void {
  const temporary = `${out}.tmp-${process.pid}`;
  rmSync(temporary, { force: true });
  const db = new Database(temporary);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.exec(SCHEMA);
    db.transaction(() => insertAll(db, dataset, origin))();
  } catch (error) {
    db.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  finishDatabase(db, temporary, out);
}

function insertAll(db: Database.Database, dataset: Dataset, origin: DataOrigin): void {
  // References are checked at commit, so records may point at ones inserted after them (a body at the body it is
  // part of), and every row at its record, whose row is written last, facts then pages, each in id order
  // (src/compile/records-table.ts).
  db.pragma('defer_foreign_keys = ON');
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('schema_version', SCHEMA_VERSION);
  for (const [key, value] of Object.entries(origin)) if (value !== undefined) meta.run(key, value);

  const records = recordsInSearchOrder(db);
  const addRecord = records.add;
  const publishedOn = new Map(dataset.source.map((s) => [s.id, s.published]));
  const dated = (fact: DatedFact) => storedDate(fact, publishedOn);

  const involvement = db.prepare('INSERT INTO involvements (record_id, actor_id, role, position) VALUES (?, ?, ?, ?)');
  const involve = (recordId: string, entries: [actor: string | undefined, role: string][]) => {
    let position = 0;
    for (const [actor, role] of entries) if (actor !== undefined) involvement.run(recordId, actor, role, position++);
  };
  const invokes = db.prepare('INSERT INTO record_agreements (record_id, agreement_id, position) VALUES (?, ?, ?)');
  const citation = rowWriter(db, 'citations');
  const cite = (recordId: string, citations: CitationInput[]) =>
    citations.forEach((c, position) => citation({ ...c, record_id: recordId, position, source_id: c.source }));
  const name = db.prepare('INSERT OR IGNORE INTO names (kind, folded, id) VALUES (?, ?, ?)');
  const addNames = (kind: string, id: string, names: string[]) => names.forEach((n) => name.run(kind, foldName(n), id));

  const source = rowWriter(db, 'sources');
  for (const s of dataset.source) {
    addRecord(s.id, 'source', s.title);
    source(s);
  }

  const actors = dataset.actor;
  const actor = rowWriter(db, 'actors');
  for (const a of actors) addRecord(a.id, 'actor', a.name);
  for (const a of actors) {
    actor({ ...a, aliases: JSON.stringify(a.aliases) });
    addNames('actor', a.id, [a.id, a.name, ...a.aliases]);
    cite(a.id, a.sources);
  }
  const family = db.prepare('INSERT OR IGNORE INTO actor_family (root, member) VALUES (?, ?)');
  for (const [root, member] of actorFamily(actors)) family.run(root, member);

  const agreement = rowWriter(db, 'agreements');
  for (const a of dataset.agreement) {
    addRecord(a.id, 'agreement', a.name, dated(a));
    agreement({ ...a, aliases: JSON.stringify(a.aliases), ...dated(a) });
    addNames('agreement', a.id, [a.id, a.name, ...a.aliases]);
    involve(a.id, [...a.parties.map((p): [string, string] => [p, 'party']), ...claimants(a)]);
    cite(a.id, a.sources);
  }

  const event = rowWriter(db, 'events');
  for (const e of dataset.event) {
    addRecord(e.id, 'event', e.title, dated(e));
    event({ ...e, ...dated(e) });
    involve(e.id, [...e.actors.map((a): [string, string] => [a.actor, a.role]), ...claimants(e)]);
    e.agreements.forEach((a, position) => invokes.run(e.id, a, position));
    cite(e.id, e.sources);
  }

  const statement = rowWriter(db, 'statements');
  for (const s of dataset.statement) {
    addRecord(s.id, 'statement', s.title, dated(s));
    statement({ ...s, ...dated(s), event_id: s.event });
    involve(s.id, [
      [s.speaker, 'speaker'], [s.on_behalf_of, 'on-behalf-of'], ...s.addressees.map((a): [string, string] => [a, 'addressee']), ...claimants(s),
    ]);
    s.agreements.forEach((a, position) => invokes.run(s.id, a, position));
    cite(s.id, s.sources);
  }

  const measure = rowWriter(db, 'measures');
  for (const m of dataset.measure) {
    addRecord(m.id, 'measure', m.title, dated(m));
    measure({ ...m, ...dated(m), by_actor: m.by, against_actor: m.against, amends_id: m.amends?.id, amends_change: m.amends?.change });
    involve(m.id, [[m.by, 'by'], [m.against, 'against'], ...claimants(m)]);
    m.agreements.forEach((a, position) => invokes.run(m.id, a, position));
    cite(m.id, m.sources);
  }

  // Every fact is in by now, so a fact may answer one listed after it, in any file.
  const response = rowWriter(db, 'responses');
  const figure = rowWriter(db, 'figures');
  const claim = rowWriter(db, 'claims');
  for (const fact of [...dataset.agreement, ...dataset.event, ...dataset.statement, ...dataset.measure]) {
    if ('in_response_to' in fact) {
      fact.in_response_to.forEach((link, position) => response({ ...link, record_id: fact.id, position, answers_id: link.id, source_id: link.source }));
    }
    fact.figures.forEach((f, position) => figure({ ...f, record_id: fact.id, position, source_id: f.source }));
    fact.claims.forEach((c, position) => claim({ ...c, record_id: fact.id, position, source_id: c.source }));
  }
  records.write();
  writeRecordJson(db);
  writeSearchIndex(db);
}

interface DatedFact {
  date: string;
  date_basis: string;
  date_note?: string;
  sources: { source: string }[];
}

/**
 * A fact's date as it is stored: the span of days it may mean, ending no later than the first day a page it
 * cites reported it (a call known only to May, reported on 4 May, happened by the 4th, and lists before the 5th).
 */
export function storedDate(fact: DatedFact, publishedOn: Map<string, string | undefined>): StoredDate {
  const span = parseDate(fact.date)!; // checked before writing
  const reported = fact.sources
    .map((citation) => publishedOn.get(citation.source))
    .filter((day): day is string => day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= span.start && day < span.end)
    .sort()[0];
  return {
    date: span.date,
    date_precision: span.precision,
    date_start: span.start,
    date_end: reported ?? span.end,
    date_basis: fact.date_basis,
    date_note: fact.date_note,
  };
}

/**
 * A function writing one row of `table`: each of the table's columns takes the value of the same name in the
 * object given, or NULL. A fact file's field that has a column of its name is written without more code; a
 * field whose column is named otherwise (`source`, stored as `source_id`) is named again in the object.
 */
function rowWriter(db: Database.Database, table: string): (row: object) => void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (row) => {
    insert.run(columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
  };
}

/** Each actor a record's figures or claims are claimed by, once, so --actor finds whose claims they are. */
function claimants(fact: { figures: FigureInput[]; claims: ClaimInput[] }): [string, string][] {
  const ids = new Set([...fact.figures, ...fact.claims].flatMap((item) => (item.claimed_by ? [item.claimed_by] : [])));
  return [...ids].map((id) => [id, 'claimant']);
}

/** (root, member) pairs: every actor is its own member and a member of each body or state above it. */
function actorFamily(actors: { id: string; country?: string; part_of?: string }[]): [string, string][] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const pairs: [string, string][] = [];
  for (const actor of actors) {
    const above = new Set<string>([actor.id]);
    const pending = [actor.id];
    while (pending.length) {
      const at = byId.get(pending.pop()!);
      for (const next of [at?.country, at?.part_of]) {
        if (next !== undefined && !above.has(next)) {
          above.add(next);
          pending.push(next);
        }
      }
    }
    for (const root of above) pairs.push([root, actor.id]);
  }
  return pairs;
}
