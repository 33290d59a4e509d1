import { z } from 'zod';

/** The shape of each fact file's records, as a reviewer writes them in YAML. */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, single hyphens)');
const ref = z.string().min(1);
const text = z.string().trim().min(1);
const date = z.union([z.string(), z.number()]).transform(String);
const precision = z.enum(['day', 'month', 'year']);
const cameo = z
  .string({ error: 'must be a quoted string of 2 to 4 digits, e.g. "039"' })
  .regex(/^\d{2,4}$/, 'must be 2 to 4 digits, e.g. "039"');
const vocabulary = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be lower-case kebab-case');

export const citationSchema = z.strictObject({
  source: ref,
  quote: text,
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
  qualifier: z.enum(['exact', 'at-least', 'more-than', 'about', 'up-to']).default('exact'),
  claimed_by: ref.optional(),
  source: ref,
  quote: text,
});

/** Who says what on a disputed point (who brokered a ceasefire); each claim stands with its source. */
export const claimSchema = z.strictObject({
  about: vocabulary,
  claim: text,
  claimed_by: ref.optional(),
  source: ref,
  quote: text,
});

/** What every dated fact may carry besides its own fields. */
const factExtras = {
  figures: z.array(figureSchema).default([]),
  claims: z.array(claimSchema).default([]),
};

/** The records a fact answers, where a source says so. */
const inResponseTo = z.array(ref).default([]);

export const actorSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(['state', 'person', 'organisation', 'group']),
  country: ref.optional(),
  /** The body this one is part of (ISPR of Pakistan's armed forces); --actor on the body takes it in. */
  part_of: ref.optional(),
  title: text.optional(),
  aliases: z.array(text).default([]),
  sources: citations.default([]),
});

export const agreementSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text).default([]),
  date,
  date_precision: precision,
  parties: z.array(ref).min(1),
  summary: text,
  ...factExtras,
  sources: citations,
});

export const eventSchema = z.strictObject({
  id,
  date,
  date_precision: precision,
  title: text,
  summary: text,
  type: vocabulary,
  location: text.optional(),
  actors: z
    .array(z.strictObject({ actor: ref, role: z.enum(['initiator', 'target', 'participant', 'mediator']) }))
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
  title: text,
  summary: text,
  type: vocabulary,
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
  by: ref,
  against: ref,
  category: vocabulary,
  title: text,
  summary: text,
  status: z.enum(['announced', 'in-force', 'suspended', 'lifted', 'expired']),
  in_response_to: inResponseTo,
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
  ...factExtras,
  sources: citations,
});

export const sourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text.optional(),
  url: z.url().optional(),
  published: date.optional(),
  /** The whole text of the source, bundled under data/: every quote from it is checked against it. */
  text: z.string().optional(),
  /** A bundled file of verbatim excerpts (JSON lines with source_url and quote): quotes are checked against those from this url. */
  excerpts: z.string().optional(),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type CitationInput = z.infer<typeof citationSchema>;
export type FigureInput = z.infer<typeof figureSchema>;
export type ClaimInput = z.infer<typeof claimSchema>;

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
