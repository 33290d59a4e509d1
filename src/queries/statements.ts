import type { Db } from '../db/open.js';
import { STATEMENT, type StatementRecord } from '../fields/statement.js';
import { byDate, involves, invokesAgreement, withinDatesSeeking } from './fragments.js';
import { commonParams, type CommonFilters } from './filters.js';
import { storedLookup } from './rows.js';

export interface StatementFilters extends CommonFilters {
  type?: string;
  /** An agreement id: statements invoking it. */
  about?: string;
}

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

const storedStatements = storedLookup<StatementRecord, StatementFilters>('statements', 's', STATEMENT.fields, MATCHING_STATEMENTS, statementParams);

/** Statements one at a time, for streaming; findStatements for an array. */
export const statementRows = storedStatements.rows;

/** The same statements as statementRows, each as its line of JSON, newline included, for output of every field as it is stored. */
export const statementJsonLines = storedStatements.jsonLines;

export function findStatements(db: Db, filters: StatementFilters): StatementRecord[] {
  return [...statementRows(db, filters)];
}
