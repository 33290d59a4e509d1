import type { Db } from '../db/open.js';
import { field, id, kind, nullable, object, oneOf, type RecordOf, text } from '../fields/define.js';
import { actorField, factHead, factTail } from '../fields/shared.js';
import { actorList, type CommonFilters, commonParams } from './filters.js';
import { byDate, invokesAgreement, involves, withinDatesSeeking } from './fragments.js';
import { storedLookup } from './rows.js';

/** What a measure touches: a closed list, as EVENT_TYPES. */
export const MEASURE_CATEGORIES = ['water', 'trade', 'visa', 'border', 'airspace', 'shipping', 'diplomatic', 'media', 'postal', 'finance'] as const;
export const MEASURE_STATUSES = ['announced', 'in-force', 'suspended', 'lifted', 'expired'] as const;
/** How a later measure changes an earlier one: extends it (in time or in reach) or reverses it (lifts or eases it). */
export const AMENDMENT_CHANGES = ['extends', 'reverses'] as const;

const amendment = object({
  id: id('the id of the earlier measure'),
  change: oneOf(AMENDMENT_CHANGES, 'how this measure changes it: extends or reverses'),
});

/** Counter-measures over `measures m`, in the order `crisis measures` prints their fields. */
export const MEASURE = kind({
  name: 'measure',
  command: 'measures',
  fields: [
    ...factHead('m', 'measure'),
    actorField('by', 'm.by_actor', 'who took the measure'),
    actorField('against', 'm.against_actor', 'whom it was aimed at'),
    field('category', 'm.category', oneOf(MEASURE_CATEGORIES, 'what it touches')),
    field('status', 'm.status', oneOf(MEASURE_STATUSES, 'where it stands: announced, in force, suspended, lifted or expired')),
    field(
      'amends',
      "CASE WHEN m.amends_id IS NULL THEN NULL ELSE json_object('id', m.amends_id, 'change', m.amends_change) END",
      nullable(amendment, 'the earlier measure this one extends or reverses, or null'),
      { json: true, column: { cut: false } },
    ),
    ...factTail('m'),
  ],
  columns: ['id', 'date', 'by', 'against', 'category', 'title'],
  stored: { table: 'measures', alias: 'm' },
});

export type MeasureRecord = RecordOf<typeof MEASURE>;

export interface MeasureFilters extends CommonFilters {
  /** Actor ids that took the measure (or a person or body of theirs). */
  by?: string[];
  /** Actor ids the measure was aimed at. */
  against?: string[];
  category?: string;
  about?: string;
}

/** The measures a lookup asks for, in date order: what follows the select list. */
const MATCHING_MEASURES = `
       FROM measures m
       WHERE (@id IS NULL OR m.id = @id)
         AND (@category IS NULL OR m.category = @category)
         AND ${involves('m.id', '@actors', ['by', 'against'])}
         AND ${involves('m.id', '@by', ['by'])}
         AND ${involves('m.id', '@against', ['against'])}
         AND ${invokesAgreement('m.id')}
         AND ${withinDatesSeeking('m')}
       ORDER BY ${byDate('m')}
       LIMIT @limit`;

const measureParams = (filters: MeasureFilters) => ({
  ...commonParams(filters),
  by: actorList(filters.by),
  against: actorList(filters.against),
  category: filters.category ?? null,
  about: filters.about ?? null,
});

const storedMeasures = storedLookup<MeasureRecord, MeasureFilters>(MEASURE, MATCHING_MEASURES, measureParams);

/** Measures one at a time, for streaming; findMeasures for an array. */
export const measureRows = storedMeasures.rows;

/** The same measures as measureRows, each as the JSON text stored for it, in either layout, for output of every field as it is stored. */
export const measureJsonTexts = storedMeasures.jsonTexts;

export function findMeasures(db: Db, filters: MeasureFilters): MeasureRecord[] {
  return [...measureRows(db, filters)];
}
