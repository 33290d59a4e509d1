import { parseDate } from '../dates.js';
import { cellText } from './cells.js';

/** A --sort: one field, ascending unless `:desc`. */
export interface SortKey {
  field: string;
  descending: boolean;
}

/** Made on first use: building a collator loads ICU data, which a run that does not sort should not wait for. */
let collator: Intl.Collator | undefined;
const textOrder = () => (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true }));

/**
 * Orders finished records by one field; records that tie keep the order the command gave them. Missing
 * values (null, empty text, an empty list) come last in either direction. A record's `date` sorts by the span
 * it prints, `date_start` to `date_end`, so `2025-05` follows every day of May (and leads them in `:desc`);
 * another date by the days it may mean; a number
 * by value; anything else, nested fields too, by the text its table cell shows (an actor by name, a list
 * by its text, first item first), ignoring case and accents.
 */
export function sortRecords<T extends object>(records: T[], key: SortKey): T[] {
  const direction = key.descending ? -1 : 1;
  const sortable = records.map((record) => ({ record, value: sortValue(record as Record<string, unknown>, key.field) }));
  sortable.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return direction * compare(a.value, b.value);
  });
  return sortable.map(({ record }) => record);
}

type SortValue = number | string | [end: string, start: string] | null;

function sortValue(record: Record<string, unknown>, field: string): SortValue {
  const { date_start: start, date_end: end } = record;
  if (field === 'date' && typeof start === 'string' && typeof end === 'string') return [end, start];
  const value = record[field];
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const span = parseDate(value);
    if (span) return [span.end, span.start];
  }
  const text = cellText(value);
  return text === '' ? null : text;
}

function compare(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // As byDate orders: by last day, then the latest first day, so a month follows its last day too.
  if (Array.isArray(a) && Array.isArray(b)) return a[0].localeCompare(b[0]) || b[1].localeCompare(a[1]);
  return textOrder().compare(flat(a), flat(b));
}

/** Mixed kinds in one field (a date beside free text) compare as text. */
function flat(value: Exclude<SortValue, null>): string {
  return Array.isArray(value) ? value[0] : String(value);
}
