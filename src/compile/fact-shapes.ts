import { z } from 'zod';
import { DATE_BASES, DATE_PRECISIONS, QUALIFIERS, RESPONSE_BASES } from '../fields/shared.js';
import { ACTOR_KINDS } from '../queries/actors.js';
import { EVENT_ROLES, EVENT_TYPES } from '../queries/events.js';
import { AMENDMENT_CHANGES, MEASURE_CATEGORIES, MEASURE_STATUSES } from '../queries/measures.js';
import { STATEMENT_TYPES } from '../queries/statements.js';
import { visible } from '../text.js';

/** The shape of each fact file's records, as a reviewer writes them in YAML. Their vocabularies are the field tables' (src/queries). */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, single hyphens)');
/**
 * Text that a terminal shows rather than acts on: no control character (an escape sequence, a bell, a carriage
 * return), but in a text that may span lines (`text`) the newline. crisis makes any it reads visible, but a fact
 * file is where one is caught and named.
 */
function withoutControlCharacters(schema: z.ZodString, newline: boolean) {
  const control = newline ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/ : /[\u0000-\u001f\u007f-\u009f]/;
  return schema.superRefine((value, check) => {
    const found = control.exec(value)?.[0];
    if (found === undefined) return;
    const allowed = newline ? 'none but the newline' : 'none: it is one line';
    check.addIssue({ code: 'custom', message: `holds the control character ${visible(found, 'line')}; it may hold ${allowed}` });
  });
}

const ref = withoutControlCharacters(z.string().min(1), false);
/** Text of a few words on one line: a name, a title, a place. */
const line = withoutControlCharacters(z.string().trim().min(1), false);
/** Text that may run to several lines: a summary, what a page reports, a quote. */
const text = withoutControlCharacters(z.string().trim().min(1), true);
const date = z.union([z.string(), z.number()]).transform(String);
const precision = z.enum(DATE_PRECISIONS);
const cameo = z
  .string({ error: 'must be a quoted string of 2 to 4 digits, e.g. "039"' })
  .regex(/^\d{2,4}$/, 'must be 2 to 4 digits, e.g. "039"');
const vocabulary = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be lower-case kebab-case');
/** A value of a closed vocabulary of the field tables (data/README.md lists them), named in the problem with every value it may be. */
const oneOf = <const T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, not ${visible(JSON.stringify(issue.input) ?? 'nothing', 'line')}` });

/**
 * A page a record rests on: `reports` says, in our own words, what the page reports for the record (its exact
 * figures, names and dates); `quote` holds a party's own words as the page gives them, and only those (the
 * bundled seed article's sentences may all be quoted).
 */
export const citationSchema = z.strictObject({
  source: ref,
  reports: text,
  quote: text.optional(),
});

const citations = z.array(citationSchema);

/**
 * A number a source reports (killed, injured, expelled ...), with whose claim it is. Two reports that
 * differ are two figures of the same name: both are kept, and `show` marks them as disagreeing.
 */
export const figureSchema = z.strictObject({
  figure: vocabulary,
  value: z.number().nonnegative(),
  /** The top of a range ("26 to 28"); value is then its bottom. */
  max: z.number().nonnegative().optional(),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  claimed_by: ref.optional(),
  source: ref,
  /** What the page reports of the number, in our words: it states the number unless `quote` does. */
  reports: text,
  /** The claimant's own words giving the number, where the page has them. */
  quote: text.optional(),
});

/** Who says what on a disputed point (who brokered a ceasefire); each claim stands with its source. */
export const claimSchema = z.strictObject({
  about: vocabulary,
  claim: text,
  claimed_by: ref.optional(),
  source: ref,
  /** What the page reports the claimant claims, in our words, naming the claimant. */
  reports: text,
  quote: text.optional(),
});

/** What every dated fact may carry besides its own fields. */
const factExtras = {
  figures: z.array(figureSchema).default([]),
  claims: z.array(claimSchema).default([]),
};

/**
 * A record this fact answers, and how that is known: `stated`, a page says so (`source`, one of the record's
 * sources, and where a party said it, its words in `quote`); `inferred`, the editors read it from the sequence.
 */
export const responseSchema = z.strictObject({
  id: ref,
  basis: z.enum(RESPONSE_BASES),
  source: ref.optional(),
  quote: text.optional(),
});

const inResponseTo = z.array(responseSchema).default([]);

/**
 * How a fact's date is known: `stated` on the page; `derived` from a weekday or "yesterday" and the page's
 * date; `published`, only the report's date is known; `inferred` by the editors. `date_note` says how, and
 * must for derived and inferred.
 */
const dateBasis = {
  date_basis: z.enum(DATE_BASES),
  date_note: text.optional(),
};

export const actorSchema = z.strictObject({
  id,
  name: line,
  kind: z.enum(ACTOR_KINDS),
  country: ref.optional(),
  /** The body this one is part of (ISPR of Pakistan's armed forces); --actor on the body takes it in. */
  part_of: ref.optional(),
  title: line.optional(),
  aliases: z.array(line).default([]),
  sources: citations.default([]),
});

export const agreementSchema = z.strictObject({
  id,
  name: line,
  aliases: z.array(line).default([]),
  date,
  date_precision: precision,
  ...dateBasis,
  parties: z.array(ref).min(1),
  summary: text,
  ...factExtras,
  sources: citations,
});

export const eventSchema = z.strictObject({
  id,
  date,
  date_precision: precision,
  ...dateBasis,
  title: line,
  summary: text,
  type: oneOf(EVENT_TYPES),
  location: line.optional(),
  actors: z
    .array(z.strictObject({ actor: ref, role: z.enum(EVENT_ROLES) }))
    .default([]),
  in_response_to: inResponseTo,
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
  ...factExtras,
  sources: citations,
});

export const statementSchema = z.strictObject({
  id,
  date,
  date_precision: precision,
  ...dateBasis,
  title: line,
  summary: text,
  type: oneOf(STATEMENT_TYPES),
  speaker: ref,
  on_behalf_of: ref.optional(),
  addressees: z.array(ref).default([]),
  quote: text.optional(),
  event: ref.optional(),
  in_response_to: inResponseTo,
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
  ...factExtras,
  sources: citations,
});

export const measureSchema = z.strictObject({
  id,
  date,
  date_precision: precision,
  ...dateBasis,
  by: ref,
  against: ref,
  category: oneOf(MEASURE_CATEGORIES),
  title: line,
  summary: text,
  status: z.enum(MEASURE_STATUSES),
  amends: z.strictObject({ id: ref, change: z.enum(AMENDMENT_CHANGES) }).optional(),
  in_response_to: inResponseTo,
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
  ...factExtras,
  sources: citations,
});

export const sourceSchema = z.strictObject({
  id,
  title: line,
  publisher: line.optional(),
  url: z.url().optional(),
  published: date.optional(),
  /** Why the page gives no date of publication, or where the date given comes from (a web address, a dateline). */
  published_note: line.optional(),
  /** The whole text of the source, bundled under data/ (the seed article): every quote from it is checked against it. */
  text: withoutControlCharacters(z.string(), false).optional(),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type CitationInput = z.infer<typeof citationSchema>;
export type FigureInput = z.infer<typeof figureSchema>;
export type ClaimInput = z.infer<typeof claimSchema>;
export type ResponseInput = z.infer<typeof responseSchema>;

/** Each kind's fact file and folder of fact files, named by the kind's plural. */
export const factFiles = {
  actor: { file: 'actors.yaml', folder: 'actors', schema: actorSchema },
  agreement: { file: 'agreements.yaml', folder: 'agreements', schema: agreementSchema },
  event: { file: 'events.yaml', folder: 'events', schema: eventSchema },
  statement: { file: 'statements.yaml', folder: 'statements', schema: statementSchema },
  measure: { file: 'measures.yaml', folder: 'measures', schema: measureSchema },
  source: { file: 'sources.yaml', folder: 'sources', schema: sourceSchema },
} as const;

export type RecordKind = keyof typeof factFiles;
