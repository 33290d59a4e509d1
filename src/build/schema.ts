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
const count = z.number().int().nonnegative();

export const citationSchema = z.strictObject({
  source: ref,
  quote: text,
});

const citations = z.array(citationSchema);

export const actorSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(['state', 'person', 'organisation', 'group']),
  country: ref.optional(),
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
  fatalities: count.optional(),
  injured: count.optional(),
  cameo: cameo.optional(),
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
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
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
  in_response_to: ref.optional(),
  agreements: z.array(ref).default([]),
  cameo: cameo.optional(),
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

/** One fact file per kind; the file name is the kind's plural. */
export const factFiles = {
  actor: { file: 'actors.yaml', schema: actorSchema },
  agreement: { file: 'agreements.yaml', schema: agreementSchema },
  event: { file: 'events.yaml', schema: eventSchema },
  statement: { file: 'statements.yaml', schema: statementSchema },
  measure: { file: 'measures.yaml', schema: measureSchema },
  source: { file: 'sources.yaml', schema: sourceSchema },
} as const;

export type RecordKind = keyof typeof factFiles;
