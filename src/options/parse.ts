import { NotFoundError, UsageError, quoted } from '../errors.js';
import { didYouMean } from '../cli/suggest.js';
import type { Context } from '../cli/context.js';
import { fieldNames, type Kind } from '../fields/define.js';
import { parseDate } from '../dates.js';
import type { Db } from '../db/open.js';
import { idNamedExactly, listIds, listNames, listValues, matchName, recordKind, type NamedKind } from '../queries/lookup.js';
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
}

/** The format typed, if any: --json is --format json, and the two may not disagree. */
export function formatAsked(raw: { json?: boolean; format?: string }): string | undefined {
  if (raw.json && raw.format !== undefined && raw.format !== 'json') {
    throw new UsageError(`--json and --format ${raw.format} ask for different formats; give one`);
  }
  return raw.json ? 'json' : raw.format;
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

/** An exact id first; else an actor's or agreement's name or alias ("putin", "Simla Accord"). */
export function toRecord(db: Db, typed: string): { id: string; kind: string } {
  const id = typed.trim().toLowerCase();
  const kind = recordKind(db, id);
  if (kind) return { id, kind };
  for (const named of ['actor', 'agreement'] as const) {
    const matches = matchName(listNames(db, named), typed);
    if (matches.length === 1) return { id: matches[0]!, kind: named };
  }
  throw new NotFoundError(`no record ${quoted(typed)}${didYouMean(id, listIds(db))}`);
}
