/**
 * What each kind of record prints: every field in contract order (for --fields and JSON), and the
 * columns a table or a pipe shows by default.
 */
export interface RecordView {
  fields: readonly string[];
  columns: readonly string[];
  /** Fields whose text marks what a search matched: highlighted in a coloured table, unmarked anywhere else. */
  marked?: readonly string[];
}

const dated = ['date', 'date_precision'] as const;
/** Reported numbers and disputed claims, which every dated fact may carry. */
const extras = ['figures', 'claims'] as const;

export const views = {
  event: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'type', 'location', 'actors', 'in_response_to', 'agreements', 'cameo', ...extras, 'sources'],
    columns: ['id', 'date', 'type', 'title', 'actors'],
  },
  statement: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'type', 'speaker', 'on_behalf_of', 'addressees', 'quote', 'event', 'in_response_to', 'agreements', 'cameo', ...extras, 'sources'],
    columns: ['id', 'date', 'speaker', 'title', 'quote'],
  },
  measure: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'by', 'against', 'category', 'status', 'in_response_to', 'agreements', 'cameo', ...extras, 'sources'],
    columns: ['id', 'date', 'by', 'against', 'category', 'title'],
  },
  actor: {
    fields: ['id', 'kind', 'name', 'country', 'part_of', 'title', 'aliases', 'sources'],
    columns: ['id', 'name', 'kind', 'country', 'title', 'aliases'],
  },
  agreement: {
    fields: ['id', 'kind', 'name', 'aliases', ...dated, 'summary', 'parties', 'invoked_by', ...extras, 'sources'],
    columns: ['id', 'date', 'name', 'parties', 'invoked_by'],
  },
  source: {
    fields: ['id', 'kind', 'title', 'publisher', 'url', 'published', 'cited_by'],
    columns: ['id', 'published', 'publisher', 'title', 'cited_by'],
  },
  timeline: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'actors', 'in_response_to', 'agreements', 'cameo', ...extras, 'sources'],
    columns: ['id', 'date', 'kind', 'title'],
  },
  search: {
    fields: ['id', 'kind', ...dated, 'title', 'snippet', 'rank'],
    columns: ['id', 'kind', 'date', 'title', 'snippet'],
    marked: ['snippet'],
  },
} satisfies Record<string, RecordView>;
