import type Database from 'better-sqlite3';
import { storedFieldsKey } from '../db/tables.js';
import { fieldsDigest, jsonObjectOf } from '../fields/define.js';
import { EVENT } from '../queries/events.js';
import { MEASURE } from '../queries/measures.js';
import { STATEMENT } from '../queries/statements.js';

/** The kinds whose JSON the build stores for each record. */
export const STORED_KINDS = [EVENT, STATEMENT, MEASURE];

/**
 * Stores each event's, statement's and measure's JSON, from the same fields, in the same order, that the
 * queries select (what `--format jsonl` passes through without parsing or stringifying), and the digest of
 * each kind's field table it was made from. Run once every table it reads from is written; rows go in id
 * order, kind by kind, so the same tables give the same bytes.
 */
export function writeRecordJson(db: Database.Database): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (const kind of STORED_KINDS) {
    const { table, alias } = kind.stored!;
    db.exec(`INSERT INTO record_json (id, json) SELECT ${alias}.id, ${jsonObjectOf(kind.fields)} FROM ${table} ${alias} ORDER BY ${alias}.id`);
    meta.run(storedFieldsKey(kind.name), fieldsDigest(kind));
  }
}
