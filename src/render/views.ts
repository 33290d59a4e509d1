/**
 * What each kind of record prints: every field in contract order (for --fields and JSON), and the
 * columns a table or a pipe shows by default.
 */
export interface RecordView {
  fields: readonly string[];
  columns: readonly string[];
}

const dated = ['date', 'date_precision'] as const;

export const views = {
  event: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'type', 'location', 'actors', 'fatalities', 'injured', 'cameo', 'sources'],
    columns: ['id', 'date', 'type', 'title', 'actors'],
  },
  statement: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'type', 'speaker', 'on_behalf_of', 'addressees', 'quote', 'event', 'agreements', 'cameo', 'sources'],
    columns: ['id', 'date', 'speaker', 'title', 'quote'],
  },
  measure: {
    fields: ['id', 'kind', ...dated, 'title', 'summary', 'by', 'against', 'category', 'status', 'in_response_to', 'agreements', 'cameo', 'sources'],
    columns: ['id', 'date', 'by', 'against', 'category', 'title'],
  },
  actor: {
    fields: ['id', 'kind', 'name', 'country', 'title', 'aliases', 'sources'],
    columns: ['id', 'name', 'kind', 'country', 'title', 'aliases'],
  },
  agreement: {
    fields: ['id', 'kind', 'name', 'aliases', ...dated, 'summary', 'parties', 'invoked_by', 'sources'],
    columns: ['id', 'date', 'name', 'parties', 'invoked_by'],
  },
  source: {
    fields: ['id', 'kind', 'title', 'publisher', 'url', 'published', 'cited_by'],
    columns: ['id', 'published', 'publisher', 'title', 'cited_by'],
  },
} satisfies Record<string, RecordView>;
