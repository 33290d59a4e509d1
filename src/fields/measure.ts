import { field, kind, text, type RecordOf } from './define.js';
import { actorField, factHead, factTail } from './shared.js';

/** Counter-measures over `measures m`, in the order `crisis measures` prints their fields. */
export const MEASURE = kind({
  name: 'measure',
  command: 'measures',
  fields: [
    ...factHead('m', 'measure'),
    actorField('by', 'm.by_actor', 'who took the measure'),
    actorField('against', 'm.against_actor', 'whom it was aimed at'),
    field('category', 'm.category', text('what it touches: water, trade, visa, airspace, border, diplomatic, ...')),
    field('status', 'm.status', text('announced, in-force, suspended, lifted or expired')),
    ...factTail('m'),
  ],
  columns: ['id', 'date', 'by', 'against', 'category', 'title'],
});

export type MeasureRecord = RecordOf<typeof MEASURE>;
