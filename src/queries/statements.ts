import type { Db } from '../db/open.js';
import type { StatementRecord } from '../fields/types.js';
import {
  actorJson, actorsJson, byDate, factHeadFields, factTailFields, involves, invokesAgreement,
  withinDatesSeeking, type FieldSql,
} from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { storedLookup } from './rows.js';

export interface StatementFilters extends CommonFilters {
  type?: string;
  /** An agreement id: statements invoking it. */
  about?: string;
}

/** A statement's fields over `statements s`, in the order `crisis statements` prints them. */
export const STATEMENT_FIELDS: readonly FieldSql[] = [
  ...factHeadFields('s', 'statement'),
  { name: 'type', sql: 's.type' },
  { name: 'speaker', sql: actorJson('s.speaker'), json: true },
  { name: 'on_behalf_of', sql: actorJson('s.on_behalf_of'), json: true },
  { name: 'addressees', sql: actorsJson('s.id', ['addressee']), json: true },
  { name: 'quote', sql: 's.quote' },
  { name: 'event', sql: 's.event_id' },
  ...factTailFields('s'),
];

/** The statements a lookup asks for, in date order: what follows the select list. */
const MATCHING_STATEMENTS = `
       FROM statements s
       WHERE (@id IS NULL OR s.id = @id)
         AND (@type IS NULL OR s.type = @type)
         AND ${involves('s.id', '@actors')}
         AND ${invokesAgreement('s.id')}
         AND ${withinDatesSeeking('s')}
       ORDER BY ${byDate('s')}
       LIMIT @limit`;

const statementParams = (filters: StatementFilters) => ({ ...commonParams(filters), type: filters.type ?? null, about: filters.about ?? null });

const storedStatements = storedLookup<StatementRecord, StatementFilters>('statements', 's', STATEMENT_FIELDS, MATCHING_STATEMENTS, statementParams);

/** Statements one at a time, for streaming; findStatements for an array. */
export const statementRows = storedStatements.rows;

/** The same statements as statementRows, each as its line of JSON, newline included, for output of every field as it is stored. */
export const statementJsonLines = storedStatements.jsonLines;

export function findStatements(db: Db, filters: StatementFilters): StatementRecord[] {
  return [...statementRows(db, filters)];
}
