import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { parseDate } from '../dates.js';
import { SCHEMA, SCHEMA_VERSION } from '../db/schema.js';
import { foldName } from '../text.js';
import type { Dataset } from './load.js';
import type { CitationInput } from './schema.js';

/**
 * Writes a checked dataset to a new SQLite file at `out`. The same dataset always gives the same
 * rows in the same order; the file is written beside `out` and renamed, so a reader never sees half.
 */
export function writeDatabase(dataset: Dataset, out: string, digest: string): void {
  const temporary = `${out}.tmp-${process.pid}`;
  rmSync(temporary, { force: true });
  const db = new Database(temporary);
  try {
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    db.transaction(() => insertAll(db, dataset, digest))();
    db.exec('ANALYZE');
  } catch (error) {
    db.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  db.close();
  try {
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function insertAll(db: Database.Database, dataset: Dataset, digest: string): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('schema_version', SCHEMA_VERSION);
  meta.run('input_digest', digest);

  const record = db.prepare(
    `INSERT INTO records (id, kind, date, date_precision, date_start, date_end, title)
     VALUES (@id, @kind, @date, @date_precision, @date_start, @date_end, @title)`,
  );
  const addRecord = (id: string, kind: string, title: string, date?: string) => {
    const span = date === undefined ? null : parseDate(date);
    record.run({
      id, kind, title,
      date: span?.date ?? null, date_precision: span?.precision ?? null,
      date_start: span?.start ?? null, date_end: span?.end ?? null,
    });
  };
  const dated = (date: string) => {
    const span = parseDate(date)!; // checked before writing
    return { date: span.date, date_precision: span.precision, date_start: span.start, date_end: span.end };
  };

  const involvement = db.prepare('INSERT INTO involvements (record_id, actor_id, role, position) VALUES (?, ?, ?, ?)');
  const involve = (recordId: string, entries: [actor: string | undefined, role: string][]) => {
    let position = 0;
    for (const [actor, role] of entries) if (actor !== undefined) involvement.run(recordId, actor, role, position++);
  };
  const invokes = db.prepare('INSERT INTO record_agreements (record_id, agreement_id, position) VALUES (?, ?, ?)');
  const citation = db.prepare('INSERT INTO citations (record_id, position, source_id, quote) VALUES (?, ?, ?, ?)');
  const cite = (recordId: string, citations: CitationInput[]) =>
    citations.forEach((c, position) => citation.run(recordId, position, c.source, c.quote));
  const name = db.prepare('INSERT OR IGNORE INTO names (kind, folded, id) VALUES (?, ?, ?)');
  const addNames = (kind: string, id: string, names: string[]) => names.forEach((n) => name.run(kind, foldName(n), id));

  const source = db.prepare('INSERT INTO sources (id, title, publisher, url, published) VALUES (@id, @title, @publisher, @url, @published)');
  for (const s of dataset.source) {
    addRecord(s.id, 'source', s.title);
    source.run({ id: s.id, title: s.title, publisher: s.publisher ?? null, url: s.url ?? null, published: s.published ?? null });
  }

  // Countries first, so a person's country row exists when the person is inserted.
  const actors = [...dataset.actor].sort((a, b) => Number(a.kind !== 'state') - Number(b.kind !== 'state'));
  const actor = db.prepare('INSERT INTO actors (id, name, kind, country, title, aliases) VALUES (@id, @name, @kind, @country, @title, @aliases)');
  const family = db.prepare('INSERT OR IGNORE INTO actor_family (root, member) VALUES (?, ?)');
  for (const a of actors) {
    addRecord(a.id, 'actor', a.name);
    actor.run({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, title: a.title ?? null, aliases: JSON.stringify(a.aliases) });
    addNames('actor', a.id, [a.id, a.name, ...a.aliases]);
    cite(a.id, a.sources);
  }
  for (const a of actors) {
    family.run(a.id, a.id);
    if (a.country) family.run(a.country, a.id);
  }

  const agreement = db.prepare(
    `INSERT INTO agreements (id, name, aliases, date, date_precision, date_start, date_end, summary)
     VALUES (@id, @name, @aliases, @date, @date_precision, @date_start, @date_end, @summary)`,
  );
  for (const a of dataset.agreement) {
    addRecord(a.id, 'agreement', a.name, a.date);
    agreement.run({ id: a.id, name: a.name, aliases: JSON.stringify(a.aliases), ...dated(a.date), summary: a.summary });
    addNames('agreement', a.id, [a.id, a.name, ...a.aliases]);
    involve(a.id, a.parties.map((p) => [p, 'party']));
    cite(a.id, a.sources);
  }

  const event = db.prepare(
    `INSERT INTO events (id, date, date_precision, date_start, date_end, title, summary, type, location, fatalities, injured, cameo)
     VALUES (@id, @date, @date_precision, @date_start, @date_end, @title, @summary, @type, @location, @fatalities, @injured, @cameo)`,
  );
  for (const e of dataset.event) {
    addRecord(e.id, 'event', e.title, e.date);
    event.run({
      id: e.id, ...dated(e.date), title: e.title, summary: e.summary, type: e.type,
      location: e.location ?? null, fatalities: e.fatalities ?? null, injured: e.injured ?? null, cameo: e.cameo ?? null,
    });
    involve(e.id, e.actors.map((a) => [a.actor, a.role]));
    cite(e.id, e.sources);
  }

  const statement = db.prepare(
    `INSERT INTO statements (id, date, date_precision, date_start, date_end, title, summary, type, speaker, on_behalf_of, quote, event_id, cameo)
     VALUES (@id, @date, @date_precision, @date_start, @date_end, @title, @summary, @type, @speaker, @on_behalf_of, @quote, @event_id, @cameo)`,
  );
  for (const s of dataset.statement) {
    addRecord(s.id, 'statement', s.title, s.date);
    statement.run({
      id: s.id, ...dated(s.date), title: s.title, summary: s.summary, type: s.type,
      speaker: s.speaker, on_behalf_of: s.on_behalf_of ?? null, quote: s.quote ?? null,
      event_id: s.event ?? null, cameo: s.cameo ?? null,
    });
    involve(s.id, [[s.speaker, 'speaker'], [s.on_behalf_of, 'on-behalf-of'], ...s.addressees.map((a): [string, string] => [a, 'addressee'])]);
    s.agreements.forEach((a, position) => invokes.run(s.id, a, position));
    cite(s.id, s.sources);
  }

  const measure = db.prepare(
    `INSERT INTO measures (id, date, date_precision, date_start, date_end, title, summary, by_actor, against_actor, category, status, in_response_to, cameo)
     VALUES (@id, @date, @date_precision, @date_start, @date_end, @title, @summary, @by_actor, @against_actor, @category, @status, @in_response_to, @cameo)`,
  );
  // Every measure's record row goes in first, so a measure may answer one listed after it in the file.
  for (const m of dataset.measure) {
    addRecord(m.id, 'measure', m.title, m.date);
  }
  for (const m of dataset.measure) {
    measure.run({
      id: m.id, ...dated(m.date), title: m.title, summary: m.summary, by_actor: m.by, against_actor: m.against,
      category: m.category, status: m.status, in_response_to: m.in_response_to ?? null, cameo: m.cameo ?? null,
    });
    involve(m.id, [[m.by, 'by'], [m.against, 'against']]);
    m.agreements.forEach((a, position) => invokes.run(m.id, a, position));
    cite(m.id, m.sources);
  }
}
