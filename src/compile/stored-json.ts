import type Database from 'better-sqlite3';
import { jsonObjectOf, type Field } from '../fields/define.js';
import { EVENT } from '../fields/event.js';
import { MEASURE } from '../fields/measure.js';
import { STATEMENT } from '../fields/statement.js';

/**
 * Stores each event's, statement's and measure's JSON, from the same fields, in the same order, that the
 * queries select (what `--format jsonl` passes through without parsing or stringifying). Run once every
 * table it reads from is written; rows go in id order, kind by kind, so the same tables give the same bytes.
 */
export function writeRecordJson(db: Database.Database): void {
  const kinds: [table: string, alias: string, fields: readonly Field[]][] = [
    ['events', 'e', EVENT.fields],
    ['statements', 's', STATEMENT.fields],
    ['measures', 'm', MEASURE.fields],
  ];
  for (const [table, alias, fields] of kinds) {
    db.exec(`INSERT INTO record_json (id, json) SELECT ${alias}.id, ${jsonObjectOf(fields)} FROM ${table} ${alias} ORDER BY ${alias}.id`);
  }
}
