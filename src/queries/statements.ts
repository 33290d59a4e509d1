import type { Db } from '../db/open.js';
import { field, id, kind, PRIORITY, nullable, oneOf, type RecordOf, text } from '../fields/define.js';
import { actorField, actorListField, factHead, factTail, nullableActorField } from '../fields/shared.js';
import { actorList, type CommonFilters, commonParams } from './filters.js';
import { byDate, invokesAgreement, involves, SPEAKING_ROLES, STATEMENT_ROLES, withinDatesSeeking } from './fragments.js';
import { storedLookup } from './rows.js';

/** What sort of statement it is: a closed list, as EVENT_TYPES. */
export const STATEMENT_TYPES = [
  'announcement', 'position', 'appeal', 'offer', 'mediation-offer', 'support', 'condolence', 'concern', 'condemnation', 'criticism',
  'accusation', 'claim', 'demand', 'warning', 'rejection', 'denial',
] as const;

/** Statements over `statements s`, in the order `crisis statements` prints their fields. */
export const STATEMENT = kind({
  name: 'statement',
  command: 'statements',
  fields: [
    ...factHead('s', 'statement'),
    field('type', 's.type', oneOf(STATEMENT_TYPES, 'what sort of statement')),
    actorField('speaker', 's.speaker', 'who said it'),
    nullableActorField('on_behalf_of', 's.on_behalf_of', 'the state or body the speaker spoke for, or null'),
    actorListField('addressees', 's.id', 'addressee', 'to whom it was said'),
    field('quote', 's.quote', nullable(text('the words said, verbatim, where a source has them; else null')), { column: { priority: PRIORITY.detail } }),
    field('event', 's.event_id', nullable(id('the id of the event it was made at (a call, a briefing), or null')), { column: { cut: false } }),
    ...factTail('s'),
  ],
  columns: ['id', 'date', 'speaker', 'title', 'quote'],
  stored: { table: 'statements', alias: 's' },
});

export type StatementRecord = RecordOf<typeof STATEMENT>;

export interface StatementFilters extends CommonFilters {
  type?: string;
  /** Actor ids that spoke, or were spoken for (or a person or body of theirs). */
  speakers?: string[];
  /** An agreement id: statements invoking it. */
  about?: string;
}

/** The statements a lookup asks for, in date order: what follows the select list. */
const MATCHING_STATEMENTS = `
       FROM statements s
       WHERE (@id IS NULL OR s.id = @id)
         AND (@type IS NULL OR s.type = @type)
         AND ${involves('s.id', '@actors', STATEMENT_ROLES)}
         AND ${involves('s.id', '@speakers', SPEAKING_ROLES)}
         AND ${invokesAgreement('s.id')}
         AND ${withinDatesSeeking('s')}
       ORDER BY ${byDate('s')}
       LIMIT @limit`;

const statementParams = (filters: StatementFilters) => ({
  ...commonParams(filters),
  type: filters.type ?? null,
  speakers: actorList(filters.speakers),
  about: filters.about ?? null,
});

const storedStatements = storedLookup<StatementRecord, StatementFilters>(STATEMENT, MATCHING_STATEMENTS, statementParams);

/** Statements one at a time, for streaming; findStatements for an array. */
export const statementRows = storedStatements.rows;

/** The same statements as statementRows, each as the JSON text stored for it, in either layout, for output of every field as it is stored. */
export const statementJsonTexts = storedStatements.jsonTexts;

export function findStatements(db: Db, filters: StatementFilters): StatementRecord[] {
  return [...statementRows(db, filters)];
}
