import { NotFoundError, UsageError, quoted } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Context } from '../cli/context.js';
import { ALL_FIELDS, fieldNames, type Kind } from '../fields/define.js';
import { parseDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { idNamedExactly, listIds, listNames, listValues, matchName, RECORD_KINDS, recordKind, recordsMatching, type NamedKind, type RecordRef } from '../queries/lookup.js';
import { foldName } from '../text.js';
import { FORMATS, type Format, type OutputSettings } from '../render/output.js';
import type { SortKey } from '../render/sort.js';

/** Options as commander hands them over, before validation. */
export interface RawOptions {
  json?: boolean;
  format?: string;
  fields?: string;
  wide?: boolean;
  since?: string;
  until?: string;
  limit?: string;
  actor?: string[];
  speaker?: string[];
  by?: string[];
  against?: string[];
  country?: string[];
  type?: string;
  category?: string;
  kind?: string;
  about?: string;
  sort?: string;
  asOf?: string;
  /** search: pass the text to FTS5 as a query of its own syntax. */
  raw?: boolean;
  /** After the answer, print its citation on stderr. */
  cite?: boolean;
}

/**
 * The format typed, if any, in lower case: like every word crisis offers a choice of (--kind, --type, --category),
 * a format is taken in any case (`--format JSON`). --json is --format json, and the two may not disagree.
 */
export function formatAsked(raw: { json?: boolean; format?: string }): string | undefined {
  const format = raw.format?.trim().toLowerCase();
  if (raw.json && format !== undefined && format !== 'json') {
    throw new UsageError(`--json and --format ${raw.format} ask for different formats; give one`);
  }
  return raw.json ? 'json' : format;
}

export function toOutputSettings(raw: RawOptions, kind: Kind, ctx: Context): OutputSettings {
  const format = formatAsked(raw) ?? (ctx.io.stdoutIsTTY ? 'table' : 'tsv');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format ${quoted(format)}: use one of ${FORMATS.join(', ')}${didYouMean(format, FORMATS)}`);
  }
  return {
    format: format as Format,
    fields: toFields(raw.fields, kind),
    color: ctx.color(),
    width: ctx.width(),
    wide: raw.wide === true,
    interrupted: ctx.io.interrupted,
  };
}

function toFields(text: string | undefined, kind: Kind): string[] | undefined {
  if (text === undefined) return undefined;
  const fields = text.split(',').map((field) => field.trim()).filter(Boolean);
  if (!fields.length) throw new UsageError('--fields needs at least one field name, e.g. --fields id,date,title');
  if (fields.includes(ALL_FIELDS)) {
    if (fields.length > 1) throw new UsageError(`--fields ${quoted(text)}: give 'all' alone for every field, or name the fields you want`);
    return fieldNames(kind);
  }
  for (const field of fields) {
    const names = fieldNames(kind);
    if (!names.includes(field)) {
      throw new UsageError(`unknown field ${quoted(field)}${didYouMean(field, names)}; fields here: ${names.join(', ')}`);
    }
  }
  return fields;
}

/** `--sort field` or `--sort field:desc` (`:asc` too), for a field the command prints. */
export function toSort(text: string | undefined, kind: Kind): SortKey | undefined {
  if (text === undefined) return undefined;
  const [field = '', direction = 'asc', ...rest] = text.trim().split(':');
  const names = fieldNames(kind);
  if (!names.includes(field)) {
    throw new UsageError(`unknown field ${quoted(field)} for --sort${didYouMean(field, names)}; fields here: ${names.join(', ')}`);
  }
  if (rest.length || (direction !== 'asc' && direction !== 'desc')) {
    throw new UsageError(`invalid --sort ${quoted(text)}: use a field, then :desc for descending, e.g. --sort date:desc`);
  }
  return { field, descending: direction === 'desc' };
}

/** --since and --until as the first and last day they may mean: --until 2025-05 runs to 31 May. */
export function toDateRange(raw: RawOptions): { since?: string; until?: string } {
  const since = raw.since === undefined ? undefined : toDate(raw.since, '--since');
  const until = raw.until === undefined ? undefined : toDate(raw.until, '--until');
  if (since && until && since.start > until.end) {
    throw new UsageError(`--since ${since.date} is after --until ${until.date}`);
  }
  return { since: since?.start, until: until?.end };
}

/** --as-of: the last day it covers (a month or a year counts to its end), or undefined. */
export function toAsOfDay(raw: { asOf?: string }): string | undefined {
  return raw.asOf === undefined ? undefined : toDate(raw.asOf, '--as-of').end;
}

function toDate(text: string, flag: string) {
  const span = parseDate(text.trim());
  if (!span) throw new UsageError(`invalid date ${quoted(text)} for ${flag}: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-04-22`);
  return span;
}

/** --limit, or another count (`what` names it in the error): a whole number of 1 or more. */
export function toLimit(text: string | undefined, what = 'limit'): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`invalid ${what} ${quoted(text)}: use a whole number of 1 or more`);
  }
  // A limit past what a number holds exactly is more than any database has rows: it is no limit.
  const limit = Number(text);
  return Number.isSafeInteger(limit) ? limit : undefined;
}

/** Resolves typed actor names (names, aliases or ids, any case, with or without accents) to ids. */
export function toActorIds(db: Db, typed: string[] | undefined, flag: string): string[] | undefined {
  if (!typed?.length) return undefined;
  return typed.map((name) => toNamedId(db, 'actor', name, flag));
}

export function toAgreementId(db: Db, typed: string | undefined, flag: string): string | undefined {
  return typed === undefined ? undefined : toNamedId(db, 'agreement', typed, flag);
}

function toNamedId(db: Db, kind: NamedKind, typed: string, flag: string): string {
  const exact = idNamedExactly(db, kind, typed);
  if (exact) return exact;
  const names = listNames(db, kind);
  const ids = matchName(names, typed);
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) {
    throw new UsageError(`${kind} ${quoted(typed)} for ${flag} is ambiguous: it could be ${ids.map((id) => `'${id}'`).join(', ')}`);
  }
  const hint = didYouMean(typed, names.map((name) => name.folded)) || `; see crisis ${kind}s`;
  throw new UsageError(`unknown ${kind} ${quoted(typed)} for ${flag}${hint}`);
}

/** Checks a value against a fixed list (the kinds `timeline` or `search` take). */
export function toChoice<T extends string>(typed: string | undefined, choices: readonly T[], flag: string): T | undefined {
  if (typed === undefined) return undefined;
  const value = typed.trim().toLowerCase();
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown value ${quoted(typed)} for ${flag}${didYouMean(value, choices)}; use one of ${choices.join(', ')}`);
}

/** Checks a vocabulary value (an event type, a measure category) against those the database holds. */
export function toVocabulary(db: Db, typed: string | undefined, column: Parameters<typeof listValues>[1], flag: string): string | undefined {
  if (typed === undefined) return undefined;
  const value = typed.trim().toLowerCase();
  const known = listValues(db, column);
  if (known.includes(value)) return value;
  throw new UsageError(`unknown value ${quoted(typed)} for ${flag}${didYouMean(value, known)}; known values: ${known.join(', ')}`);
}

/** For the commands that print one thing, as text or JSON: --json, or --format text|json. */
export function toTextOrJson(raw: { json?: boolean; format?: string }, command: string): 'text' | 'json' {
  const format = formatAsked(raw) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`${command} prints text or json, not ${quoted(format)}`);
  return format;
}

/** The most candidates an ambiguous name lists, on one line. */
const MAX_CANDIDATES = 8;

/**
 * The record a typed id or name stands for; where the name is not exact, a record of `kinds` (chain follows only events,
 * statements and measures). An exact id first ("Operation Sindoor" is operation-sindoor); else an
 * actor's or agreement's exact name or alias ("putin", "Simla Accord"); else the one record whose name holds every
 * word typed ("lavrov"), whose id starts with what was typed, or failing those, whose id holds every word. More
 * than one is a usage error that lists them, rather than a guess; none is not found, with the closest ids.
 */
export function toRecord(db: Db, typed: string, kinds: readonly string[] = RECORD_KINDS): RecordRef {
  const folded = foldName(typed);
  const slug = folded.replace(/ /g, '-');
  for (const id of new Set([typed.trim().toLowerCase(), slug])) {
    const kind = id ? recordKind(db, id) : undefined;
    if (kind) return { id, kind };
  }
  const named = (['actor', 'agreement'] as const).flatMap((kind) => {
    const id = idNamedExactly(db, kind, typed);
    return id ? [{ id, kind }] : [];
  });
  if (named.length === 1) return named[0]!;
  const { found, total } = named.length ? { found: named, total: named.length } : candidateRecords(db, kinds, folded, slug);
  if (total === 1) return found[0]!;
  if (total > 1) {
    const listed = found.map(({ id, kind }) => `${id} (${kind})`).join(', ');
    const more = total > found.length ? ` and ${total - found.length} more (crisis search ${folded} finds them)` : '';
    throw new UsageError(`${quoted(typed)} could be any of ${total} records: ${listed}${more}; give its id`);
  }
  throw new NotFoundError(`no record ${quoted(typed)}${didYouMean(slug || typed.trim().toLowerCase(), listIds(db), 3)}`);
}

/** The records a name `show` has no exact match for may mean: by actors' and agreements' names and by id prefix, else by id words. */
function candidateRecords(db: Db, kinds: readonly string[], folded: string, slug: string): { found: RecordRef[]; total: number } {
  if (!folded) return { found: [], total: 0 };
  const named = (['actor', 'agreement'] as const).filter((kind) => kinds.includes(kind));
  const byName = named.flatMap((kind) => matchName(listNames(db, kind), folded).map((id) => ({ id, kind })));
  const byId = recordsMatching(db, kinds, slug, byName.length ? [] : folded.split(' '), MAX_CANDIDATES);
  const found = [...byName, ...byId.found.filter((record) => !byName.some((named) => named.id === record.id))];
  return { found: found.slice(0, MAX_CANDIDATES), total: found.length + Math.max(0, byId.total - byId.found.length) };
}

/**
 * The day a citation says the data were read: CRISIS_ACCESS_DATE where it is set (YYYY-MM-DD, for output that is
 * the same every day), else today in UTC.
 */
export function toAccessDate(env: Record<string, string | undefined>, now = new Date()): string {
  const given = env.CRISIS_ACCESS_DATE;
  if (!given) return now.toISOString().slice(0, 10);
  if (parseDate(given)?.precision !== 'day') throw new UsageError(`invalid CRISIS_ACCESS_DATE ${quoted(given)}: use YYYY-MM-DD, e.g. 2025-06-01`);
  return given;
}
