import { isDeepStrictEqual } from 'node:util';
import { blameDatabase, type Db } from '../db/open.js';
import { anyText, field, id, kind, PRIORITY, list, object, oneOf, text, type ValueOf } from '../fields/define.js';
import { listRecords, RECORD_KINDS, type RecordKind } from './lookup.js';
import { RECORDS_OF_KIND, recordOfKind } from './records.js';

/**
 * What changed between two crisis databases, record by record: every id of the records table, each record
 * compared in full, as its command prints it with --json. No SQL of its own: both databases are read through
 * each kind's lookup (src/queries/records.ts).
 */

const recordKind = oneOf(RECORD_KINDS, 'what sort of record: actor, agreement, event, statement, measure or source');
const recordRef = object(
  {
    id: id("the record's id"),
    kind: recordKind,
    title: text("its title; an actor's or agreement's name"),
  },
  'a record, in the database it is in',
);
const changedRecord = object(
  {
    id: id("the record's id"),
    kind: recordKind,
    fields: list(anyText, 'the fields whose values differ, in the order the record prints them'),
  },
  'a record in both databases whose fields differ',
);

/** What crisis diff --json prints. */
export const differencesSchema = object({
  added: list(recordRef, 'the records only the new database holds, by id'),
  removed: list(recordRef, 'the records only the old database holds, by id'),
  changed: list(changedRecord, 'the records in both whose fields differ, by id'),
});

export type Differences = ValueOf<typeof differencesSchema>;

export const CHANGES = ['added', 'removed', 'changed'] as const;

/**
 * The differences as rows of a table, TSV or CSV: a line a record, added, removed then changed, each by id. Made
 * here rather than selected, so its fields have no SQL.
 */
export const DIFFERENCE = kind({
  name: 'difference',
  command: 'diff',
  fields: [
    field('change', '', oneOf(CHANGES, 'added, removed or changed'), { column: { cut: false } }),
    field('id', '', id("the record's id"), { column: { cut: false, priority: PRIORITY.id } }),
    field('kind', '', recordKind, { column: { cut: false } }),
    field('title', '', text("its title (the new one, if changed); an actor's or agreement's name"), { column: { priority: PRIORITY.title } }),
    field('fields', '', list(anyText, 'the fields whose values differ, for a changed record'), { column: { priority: PRIORITY.detail } }),
  ],
  columns: ['change', 'id', 'kind', 'title', 'fields'],
});

export type DifferenceRow = { change: (typeof CHANGES)[number]; id: string; kind: string; title: string; fields: string[] };

/** The differences, the same as rows (added, removed then changed, each by id; a changed record with its new title), and how many records are the same in both. */
export interface Comparison {
  differences: Differences;
  rows: DifferenceRow[];
  unchanged: number;
}

type FullRecord = Record<string, unknown> & { id: string };

/** A database to compare, and the path its errors name. */
export interface Compared {
  db: Db;
  path: string;
}

/**
 * Compares two databases. A record is changed when a field's JSON value differs (deep equality), or a field is
 * in one and not the other. Each kind of the old database is held in memory while the new one's are compared
 * with it; a failure reading either is blamed on its file.
 */
export function diffDatabases(before: Compared, after: Compared): Comparison {
  const was = recordsById(before);
  const is = recordsById(after);
  const added = [...is.values()].filter((record) => !was.has(record.id));
  const removed = [...was.values()].filter((record) => !is.has(record.id));
  const changed: Differences['changed'] = [];
  const compare = (kind: string, id: string, old: FullRecord | undefined, now: FullRecord | undefined) => {
    const fields = changedFields(old ?? {}, now ?? {});
    if (fields.length) changed.push({ id, kind: kind as RecordKind, fields });
  };
  for (const kind of RECORD_KINDS) {
    const olds = reading(before, () => new Map([...RECORDS_OF_KIND[kind](before.db, {})].map((record) => [record.id, record])));
    reading(after, () => {
      for (const now of RECORDS_OF_KIND[kind](after.db, {})) {
        const old = olds.get(now.id);
        if (old && was.get(now.id)?.kind === kind) compare(kind, now.id, old, now);
      }
    });
  }
  // A record whose kind changed (an event that became a statement) is in neither kind's comparison above.
  for (const [id, now] of is) {
    const old = was.get(id);
    if (!old || old.kind === now.kind) continue;
    compare(
      now.kind,
      id,
      reading(before, () => recordOfKind(before.db, old.kind as RecordKind, id)),
      reading(after, () => recordOfKind(after.db, now.kind as RecordKind, id)),
    );
  }
  changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ref = ({ id, kind, title }: { id: string; kind: string; title: string }) => ({ id, kind: kind as RecordKind, title });
  const differences = { added: added.map(ref), removed: removed.map(ref), changed };
  return {
    differences,
    rows: [
      ...differences.added.map((record) => ({ change: 'added' as const, ...record, fields: [] })),
      ...differences.removed.map((record) => ({ change: 'removed' as const, ...record, fields: [] })),
      ...changed.map((record) => ({ change: 'changed' as const, ...record, title: is.get(record.id)!.title })),
    ],
    unchanged: is.size - added.length - changed.length,
  };
}

/** Every record's id, kind and title, by id. */
function recordsById(side: Compared) {
  return reading(side, () => new Map(listRecords(side.db).map((record) => [record.id, record])));
}

/** The fields whose values differ, in the new record's order, then those only the old one has. */
function changedFields(old: Record<string, unknown>, now: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(now), ...Object.keys(old)])];
  return names.filter((name) => !(Object.hasOwn(old, name) && Object.hasOwn(now, name) && isDeepStrictEqual(old[name], now[name])));
}

function reading<T>(side: Compared, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw blameDatabase(error, side.path);
  }
}
