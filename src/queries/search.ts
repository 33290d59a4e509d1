import type { Db } from '../db/open.js';
import { date, field, integer, kind, PRIORITY, nullable, oneOf, type RecordOf, selectList, text } from '../fields/define.js';
import { DATE_PRECISIONS, recordId } from '../fields/shared.js';
import { hasLetterOrDigit } from '../text.js';
import { type CommonFilters, commonParams } from './filters.js';
import { involves, withinDates } from './fragments.js';
import { streamRows } from './rows.js';

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
    field('date', 'r.date', nullable(date('its date, or null for actors and sources')), { column: { cut: false, priority: PRIORITY.date } }),
    field('date_precision', 'r.date_precision', nullable(oneOf(DATE_PRECISIONS, 'how precise `date` is, or null'))),
    field('title', 'r.title', text('its title, or an actor’s or agreement’s name'), { column: { priority: PRIORITY.title } }),
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


export interface SearchFilters extends CommonFilters {
  /** An FTS5 query: from toMatchExpression, or what a user wrote with --raw. */
  match: string;
  kind?: (typeof SEARCH_KINDS)[number];
}

/**
 * FTS5's work grows with the square of the number of terms (a thousand take a second), and no
 * question needs more than a few dozen words: more is a usage error, said before searching.
 */
export const MAX_SEARCH_TERMS = 64;
/** The same bound for --raw text, whose terms only FTS5 can count. */
export const MAX_RAW_SEARCH_LENGTH = 1000;

/**
 * Turns whatever a person typed into FTS5 terms that cannot be a syntax error: each word, or each
 * "quoted phrase", becomes an FTS5 string, so apostrophes, parentheses, `U.S.` and the words AND, OR and
 * NOT are only text; joined with spaces, every one must match; a word ending in `*` matches as a prefix
 * (`Lavr*`). Each term comes once (a word typed twice adds nothing to an AND); none when nothing
 * searchable was typed (only punctuation).
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  // A NUL would end FTS5's reading of the string early; no control character is searchable text.
  const typed = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  for (const [, phrase, word] of typed.matchAll(/"([^"]*)"|(\S+)/g)) {
    const prefix = word !== undefined && word.endsWith('*');
    const words = (phrase ?? word!.replace(/\*+$/, '')).replace(/"/g, ' ').trim();
    if (!hasLetterOrDigit(words)) continue;
    terms.push(`"${words}"${prefix ? '*' : ''}`);
  }
  return [...new Set(terms)];
}

/** Column weights for bm25, in the index's column order (title, summary, quotes, actors). */
const WEIGHTS = '4.0, 2.0, 1.0, 2.0';

/**
 * Records matching an FTS5 query, best first, each with a snippet of the best-matching field, one at a time.
 * The best are chosen from the index alone (`best`), by rowid and score: a common word matches thousands of
 * records, and looking each up in records, or cutting a snippet from each, cost more than ranking them.
 * Filters look a record up, by the rowid it shares with the index, only when given. Only the chosen rows get
 * their record and a snippet. Ties go to the lower rowid, which is id order (src/compile/records-table.ts).
 */
export function searchRecords(db: Db, filters: SearchFilters): Iterable<SearchHit> {
  const record = (condition: string) => `EXISTS (SELECT 1 FROM records r WHERE r.rowid = search_index.rowid AND ${condition})`;
  const best = `
    SELECT search_index.rowid AS hit, bm25(search_index, ${WEIGHTS}) AS score FROM search_index
    WHERE search_index MATCH @match
      AND (@kind IS NULL OR ${record('r.kind = @kind')})
      AND (@actors IS NULL OR ${record(`(${involves('r.id', '@actors')}
           OR r.id IN (SELECT f.member FROM actor_family f WHERE f.root IN (SELECT value FROM json_each(@actors))))`)})
      AND (@since IS NULL AND @until IS NULL OR ${record(withinDates('r'))})
    ORDER BY score, hit
    LIMIT @limit`;
  return streamRows(
    db.prepare(
      `SELECT ${selectList(SEARCH_HIT.fields)}
       FROM (${best}) best JOIN records r ON r.rowid = best.hit
       ORDER BY best.score, best.hit`,
    ),
    { ...commonParams(filters), match: filters.match, kind: filters.kind ?? null, start: MATCH_START, end: MATCH_END },
    (row) => row as SearchHit,
  );
}
