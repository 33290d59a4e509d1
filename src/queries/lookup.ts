import type { Db } from '../db/open.js';
import { foldName } from '../text.js';

export type NamedKind = 'actor' | 'agreement';

export interface NameEntry {
  folded: string;
  id: string;
}

/** Every folded name and alias of actors or agreements, for matching and "did you mean". */
export function listNames(db: Db, kind: NamedKind): NameEntry[] {
  return db.prepare('SELECT folded, id FROM names WHERE kind = ? ORDER BY folded').all(kind) as NameEntry[];
}

/**
 * The id of the actor or agreement a typed name, alias or id is exactly (case, accents and punctuation folded),
 * found by the names table's key: what nearly every lookup types, answered without reading every name.
 */
export function idNamedExactly(db: Db, kind: NamedKind, typed: string): string | undefined {
  const folded = foldName(typed);
  if (!folded) return undefined;
  return db.prepare('SELECT id FROM names WHERE kind = ? AND folded = ?').pluck().get(kind, folded) as string | undefined;
}

/**
 * The id a typed name stands for: an exact name, alias or id (case, accents and punctuation
 * folded), else the one record whose name contains every word typed ("lavrov", "indus waters").
 * Returns every candidate when the words fit more than one.
 */
export function matchName(entries: NameEntry[], typed: string): string[] {
  const folded = foldName(typed);
  if (!folded) return [];
  const exact = entries.find((entry) => entry.folded === folded);
  if (exact) return [exact.id];
  const words = folded.split(' ');
  const partial = new Set(
    entries.filter((entry) => words.every((word) => entry.folded.split(' ').includes(word))).map((entry) => entry.id),
  );
  return [...partial];
}

/** The kinds of record the records table holds, each with a table of its own. */
export const RECORD_KINDS = ['actor', 'agreement', 'event', 'statement', 'measure', 'source'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type VocabularyColumn = 'event-type' | 'statement-type' | 'measure-category' | 'actor-kind';

const VOCABULARY_COLUMNS: Record<VocabularyColumn, [table: string, column: string]> = {
  'event-type': ['events', 'type'],
  'statement-type': ['statements', 'type'],
  'measure-category': ['measures', 'category'],
  'actor-kind': ['actors', 'kind'],
};

/**
 * The values a vocabulary column holds (event types, measure categories), in order, for validation, suggestions,
 * help and completion. Each is found from the one before by a seek on the column's index, so a million events
 * are not read for a score of values (`SELECT DISTINCT` would read them all).
 */
export function listValues(db: Db, vocabulary: VocabularyColumn): string[] {
  const [table, column] = VOCABULARY_COLUMNS[vocabulary];
  return db
    .prepare(
      `WITH RECURSIVE value(v) AS (
         SELECT min(${column}) FROM ${table}
         UNION ALL SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > value.v) FROM value WHERE value.v IS NOT NULL
       ) SELECT v FROM value WHERE v IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/** Every agreement's id and name, in id order: what --about takes. */
export function listAgreements(db: Db): { id: string; name: string }[] {
  return db.prepare('SELECT id, name FROM agreements ORDER BY id').all() as { id: string; name: string }[];
}

/** The kind of the record with this id, or undefined. */
export function recordKind(db: Db, id: string): string | undefined {
  return (db.prepare('SELECT kind FROM records WHERE id = ?').get(id) as { kind: string } | undefined)?.kind;
}

/** Every record's id, kind and title (an actor's or agreement's name), in id order. */
export function listRecords(db: Db): { id: string; kind: string; title: string }[] {
  return db.prepare('SELECT id, kind, title FROM records ORDER BY id').all() as { id: string; kind: string; title: string }[];
}

export interface RecordRef {
  id: string;
  kind: string;
}

/** The most words of a typed name matched against ids' words: more is a sentence, which no id holds. */
const MAX_ID_WORDS = 8;

/**
 * The records whose id starts with `prefix`, or failing any, whose id holds every one of `words` as a word of its
 * own ("sindoor" in operation-sindoor): the candidates for a name `show` does not know. Sources come last, and
 * shorter ids first; only records of `kinds`; at most `limit` of them, with how many there are. Read on a miss only: it reads every id.
 */
export function recordsMatching(db: Db, kinds: readonly string[], prefix: string, words: string[], limit: number): { found: RecordRef[]; total: number } {
  const byPrefix = 'id >= @prefix AND id < @prefix || char(1114111)';
  const params = Object.fromEntries(words.slice(0, MAX_ID_WORDS).map((word, i) => [`w${i}`, word]));
  const byWords = Object.keys(params).map((name) => `instr('-' || id || '-', '-' || @${name} || '-') > 0`).join(' AND ') || '0';
  const select = (where: string) =>
    db
      .prepare(
        `SELECT id, kind, count(*) OVER () AS total FROM records WHERE (${where}) AND kind IN (SELECT value FROM json_each(@kinds))
         ORDER BY kind = 'source', length(id), id LIMIT @limit`,
      )
      .all({ prefix, limit, kinds: JSON.stringify(kinds), ...params }) as (RecordRef & { total: number })[];
  const rows = prefix ? select(byPrefix) : [];
  const found = rows.length ? rows : select(byWords);
  return { found: found.map(({ id, kind }) => ({ id, kind })), total: found[0]?.total ?? 0 };
}

export function listIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM records ORDER BY id').all() as { id: string }[]).map((row) => row.id);
}

/** Each kind's own table, keyed by id like records. */
const TABLE_OF_KIND: Record<string, string> = {
  actor: 'actors', agreement: 'agreements', event: 'events', statement: 'statements', measure: 'measures', source: 'sources',
};

/**
 * The first `limit` ids, in order, of the records of these kinds whose id starts with `prefix`: for completion, by
 * the key. One kind is read from its own table, where a few actors are not sought among a million events.
 */
export function idsStartingWith(db: Db, kinds: readonly string[], prefix: string, limit: number): string[] {
  const own = kinds.length === 1 ? TABLE_OF_KIND[kinds[0]!] : undefined;
  const kindFilter = own ? '' : 'AND kind IN (SELECT value FROM json_each(@kinds))';
  return db
    .prepare(`SELECT id FROM ${own ?? 'records'} WHERE id >= @prefix AND id < @prefix || char(1114111) ${kindFilter} ORDER BY id LIMIT @limit`)
    .pluck()
    .all({ prefix, limit, ...(own ? {} : { kinds: JSON.stringify(kinds) }) }) as string[];
}
