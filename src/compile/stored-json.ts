import type Database from 'better-sqlite3';
import { EVENT_FIELDS } from '../queries/events.js';
import { jsonObjectOf, type FieldSql } from '../queries/fragments.js';
import { MEASURE_FIELDS } from '../queries/measures.js';
import { STATEMENT_FIELDS } from '../queries/statements.js';

/**
 * Stores each event's, statement's and measure's JSON, from the same fields, in the same order, that the
 * queries select (what `--format jsonl` passes through without parsing or stringifying). Run once every
 * table it reads from is written; rows go in id order, kind by kind, so the same tables give the same bytes.
 */
export function writeRecordJson(db: Database.Database): void {
  const kinds: [table: string, alias: string, fields: readonly FieldSql[]][] = [
    ['events', 'e', EVENT_FIELDS],
    ['statements', 's', STATEMENT_FIELDS],
    ['measures', 'm', MEASURE_FIELDS],
  ];
  for (const [table, alias, fields] of kinds) {
    db.exec(`INSERT INTO record_json (id, json) SELECT ${alias}.id, ${jsonObjectOf(fields)} FROM ${table} ${alias} ORDER BY ${alias}.id`);
  }
}
