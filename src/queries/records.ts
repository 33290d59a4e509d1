import type { Db } from '../db/open.js';
import { findActors } from './actors.js';
import { findAgreements } from './agreements.js';
import { eventRows } from './events.js';
import { measureRows } from './measures.js';
import type { RecordKind } from './lookup.js';
import { findSources } from './sources.js';
import { statementRows } from './statements.js';


/**
 * Each kind's records in full, as its command prints them with --json: the one with `id`, or every one of them
 * (in the command's order). What show prints of one record and diff compares of every one.
 */
export const RECORDS_OF_KIND: Record<RecordKind, (db: Db, filters: { id?: string }) => Iterable<Record<string, unknown> & { id: string }>> = {
  actor: findActors,
  agreement: findAgreements,
  event: eventRows,
  statement: statementRows,
  measure: measureRows,
  source: findSources,
};

/** The record with this id, of this kind, in full; undefined if there is none. */
export function recordOfKind(db: Db, kind: RecordKind, id: string): (Record<string, unknown> & { id: string }) | undefined {
  for (const record of RECORDS_OF_KIND[kind](db, { id })) return record;
  return undefined;
}
