import type { Db } from '../db/open.js';
import { anyText, date, field, id, kind, PRIORITY, list, nullable, object, parseJsonFields, type RecordOf, selectList, text } from '../fields/define.js';
import { actorListField, claims, dateBasis, dateSpan, dateNote, datePrecision, factKind, figures, recordDate, recordId, sources, summary } from '../fields/shared.js';
import { type CommonFilters, commonParams } from './filters.js';
import { byDate, involves, withinDatesSeeking } from './fragments.js';

/** Agreements over `agreements g`, in the order `crisis agreements` prints their fields. */
export const AGREEMENT = kind({
  name: 'agreement',
  command: 'agreements',
  fields: [
    recordId('g'),
    factKind('agreement'),
    field('name', 'g.name', text('the agreement’s name'), { column: { priority: PRIORITY.title } }),
    field('aliases', 'g.aliases', list(anyText, 'other names people type; --about accepts any of them'), { json: true, column: { priority: PRIORITY.detail } }),
    recordDate('g', 'when it was signed or made'),
    datePrecision('g'),
    ...dateSpan('g'),
    dateBasis('g'),
    dateNote('g'),
    summary('g.summary'),
    actorListField('parties', 'g.id', 'party', 'the parties to it'),
    field(
      'invoked_by',
      `(SELECT json_group_array(json_object('id', r.id, 'kind', r.kind, 'date', r.date, 'title', r.title) ORDER BY r.date_end, r.date_start, r.id)
        FROM record_agreements ra JOIN records r ON r.id = ra.record_id WHERE ra.agreement_id = g.id)`,
      list(
        object({ id: id("the record's id"), kind: text('event, statement or measure'), date: nullable(date("the record's date")), title: text("the record's title") }),
        'the records invoking it, in date order',
      ),
      { json: true, column: { priority: PRIORITY.detail } },
    ),
    figures('g'),
    claims('g'),
    sources('g'),
  ],
  columns: ['id', 'date', 'name', 'parties', 'invoked_by'],
});

export type AgreementRecord = RecordOf<typeof AGREEMENT>;

export function findAgreements(db: Db, filters: CommonFilters): AgreementRecord[] {
  const rows = db
    .prepare(
      `SELECT ${selectList(AGREEMENT.fields)}
       FROM agreements g
       WHERE (@id IS NULL OR g.id = @id)
         AND ${involves('g.id', '@actors', ['party'])}
         AND ${withinDatesSeeking('g')}
       ORDER BY ${byDate('g')}
       LIMIT @limit`,
    )
    .all(commonParams(filters)) as Record<string, unknown>[];
  return rows.map((row) => parseJsonFields<AgreementRecord>(row, AGREEMENT.fields));
}
