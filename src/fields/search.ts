import { date, field, integer, kind, nullable, oneOf, text, type RecordOf } from './define.js';
import { DATE_PRECISIONS, recordId } from './shared.js';

export const SEARCH_KINDS = ['event', 'statement', 'measure', 'agreement', 'actor', 'source'] as const;

/** Where `search` found its words: the matched words in `snippet` stand between these two characters. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * What `crisis search` prints of a record it found, over `records r` and the ranked hits `best` (its index
 * row `hit`, in the order `best` gives), for the match @match.
 */
export const SEARCH_HIT = kind({
  name: 'search',
  command: 'search',
  fields: [
    recordId('r'),
    field('kind', 'r.kind', oneOf(SEARCH_KINDS, 'what sort of record it is')),
    field('date', 'r.date', nullable(date('its date, or null for actors and sources')), { column: { cut: false } }),
    field('date_precision', 'r.date_precision', nullable(oneOf(DATE_PRECISIONS, 'how precise `date` is, or null'))),
    field('title', 'r.title', text('its title, or an actor’s or agreement’s name')),
    field(
      'snippet',
      `(SELECT snippet(search_index, -1, @start, @end, '…', 12) FROM search_index WHERE search_index MATCH @match AND search_index.rowid = best.hit)`,
      text('a few words around the match from the field that matched best, … where text is left out'),
    ),
    field('rank', 'row_number() OVER (ORDER BY best.score, best.hit)', integer('1 for the best match, 2 for the next, ...', 1)),
  ],
  columns: ['id', 'kind', 'date', 'title', 'snippet'],
  marked: ['snippet'],
});

export type SearchHit = RecordOf<typeof SEARCH_HIT>;
