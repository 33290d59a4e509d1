import { parseDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { NotFoundError, quoted } from '../errors.js';
import type { Link } from './links.js';

/**
 * What had been published by the end of a day (UTC): `--as-of`. A record is known once a page that cites it was
 * published by then, and shows only what such pages report; a page with no known date never counts, so a record
 * resting only on such pages is left out (and counted, for the note that says so).
 */
export interface AsOf {
  /** The last day whose publications count, YYYY-MM-DD. */
  day: string;
  /** Whether a page published on this date (YYYY, YYYY-MM or YYYY-MM-DD) was out by the end of `day`: all of its span. */
  published(date: string | null | undefined): boolean;
  /** Whether the record with this id was known: a source, published by then; any other record, cited by a page that was. */
  known(id: string): boolean;
  /**
   * Whether a record not known may have been known all the same: it rests on a page of no known date, and its own
   * date (where it has one) does not begin after the day. Such records are left out unseen, and counted.
   */
  undated(id: string, date?: string | null): boolean;
  /** Whether `to` was known to answer `from`: both known, and a stated link's page out by then. */
  answerKnown(from: string, to: string, basis: string | null | undefined): boolean;
}

/** The dates of the pages behind a record (null where a page shows none): itself, for a source; those citing it, for any other. */
const PAGES_OF = `SELECT published FROM sources WHERE id = @id UNION ALL
  SELECT s.published FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.record_id = @id AND NOT EXISTS (SELECT 1 FROM sources WHERE id = @id)`;

export function asOf(db: Db, day: string): AsOf {
  const published = (date: string | null | undefined) => {
    const span = date ? parseDate(date) : null;
    return span !== null && span.end <= day;
  };
  const datesOf = db.prepare(PAGES_OF).pluck();
  const pages = new Map<string, (string | null)[]>();
  const pagesOf = (id: string) => {
    let dates = pages.get(id);
    if (dates === undefined) pages.set(id, (dates = datesOf.all({ id }) as (string | null)[]));
    return dates;
  };
  const known = (id: string) => pagesOf(id).some(published);
  const statedBy = db.prepare('SELECT s.published FROM responses r JOIN sources s ON s.id = r.source_id WHERE r.record_id = ? AND r.answers_id = ?').pluck();
  return {
    day,
    published,
    known,
    undated: (id, date) => !(date && (parseDate(date)?.start ?? '') > day) && !known(id) && pagesOf(id).includes(null),
    answerKnown: (from, to, basis) => known(from) && known(to) && (basis !== 'stated' || published(statedBy.get(to, from) as string | null)),
  };
}

interface Cited {
  id?: string;
  source?: string | null;
  basis?: string;
  published?: string | null;
}

/**
 * The record as it stood by the end of the day, or undefined if it was not known: only the citations of pages
 * published by then, the figures and claims those pages give, the links to records known by then (a stated link
 * only where its page was published), and its event only if that was known.
 */
export function asItStood<T extends { id: string }>(record: T, view: AsOf): T | undefined {
  if (!view.known(record.id)) return undefined;
  const fields = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...fields };
  const sources = fields.sources as Cited[] | undefined;
  const pages = sources && new Set(sources.filter((page) => view.published(page.published)).map((page) => page.id));
  if (sources) out.sources = sources.filter((page) => pages!.has(page.id));
  for (const list of ['figures', 'claims'] as const) {
    const items = fields[list] as Cited[] | undefined;
    if (items && pages) out[list] = items.filter((item) => item.source !== null && item.source !== undefined && pages.has(item.source));
  }
  const links = fields.in_response_to as Cited[] | undefined;
  if (links) {
    out.in_response_to = links.filter(
      (link) => view.known(link.id!) && (link.basis !== 'stated' || (link.source !== null && link.source !== undefined && (pages ?? new Set()).has(link.source))),
    );
  }
  if (typeof fields.event === 'string' && !view.known(fields.event)) out.event = null;
  if (Array.isArray(fields.invoked_by)) out.invoked_by = (fields.invoked_by as Cited[]).filter((record) => view.known(record.id!));
  if (fields.amends && typeof fields.amends === 'object' && !view.known((fields.amends as Cited).id!)) out.amends = null;
  return out as T;
}

/** Whether a record linked to the one shown was known, and known to be linked, by then. */
export function linkKnown(link: Link, shown: string, view: AsOf): boolean {
  if (link.relation === 'responds-to') return view.answerKnown(link.id, shown, link.basis);
  if (link.relation === 'answered-by') return view.answerKnown(shown, link.id, link.basis);
  return view.known(link.id);
}

/** The error `show` and `chain` give for a record not yet known on the day: status 3, as for one that does not exist. */
export function notYetKnown(id: string, view: AsOf): NotFoundError {
  const why = view.undated(id) ? 'none of the pages citing it was out by then, and some show no date' : 'no page citing it was out by then';
  return new NotFoundError(`${quoted(id)} was not yet known as of ${view.day}: ${why}`);
}
