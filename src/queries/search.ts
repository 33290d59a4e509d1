import type { Db } from '../db/open.js';
import { date, field, integer, kind, PRIORITY, nullable, oneOf, type RecordOf, selectList, text } from '../fields/define.js';
import { DATE_PRECISIONS, dateSpan, recordId } from '../fields/shared.js';
import { closest } from '../suggest.js';
import { foldName, hasLetterOrDigit, MATCH_END, MATCH_START } from '../text.js';
import { type CommonFilters, commonParams } from './filters.js';
import { involves, TAKING_PART, withinDates } from './fragments.js';
import { streamRows } from './rows.js';

export const SEARCH_KINDS = ['event', 'statement', 'measure', 'agreement', 'actor', 'source'] as const;

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
    ...dateSpan('r', true),
    field('title', 'r.title', text('its title, or an actor’s or agreement’s name'), { column: { priority: PRIORITY.title } }),
    field(
      'snippet',
      `(SELECT snippet(search_index, -1, @start, @end, '…', 12) FROM search_index WHERE search_index MATCH @match AND search_index.rowid = best.hit)`,
      text('a few words around the match from the field that matched best, … where text is left out'),
    ),
    field(
      'rank',
      'row_number() OVER (ORDER BY best.page, best.tier, best.score, best.hit)',
      integer('1 for the first in search\'s order (facts before pages, then those naming every word in their title, then the best match), 2 for the next, ...', 1),
    ),
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
 * Words that, in a name transliterated from Arabic, Persian or Urdu, join its parts and are spelled many ways or
 * left out: the Arabic article (al, el, il, ul) and its forms before some letters (ad, an, ar, as, at, az, ud, um,
 * un, ur, us, ut, ash), and the Persian and Urdu ezafe (e, i). `Bunyan-um-Marsoos` is also written
 * `Bunyan-un-Marsoos`, `Bunyan al Marsoos` and `Bunyan Marsoos`.
 */
const NAME_PARTICLES = new Set(['al', 'el', 'il', 'ul', 'ad', 'an', 'ar', 'as', 'at', 'az', 'ud', 'um', 'un', 'ur', 'us', 'ut', 'ash', 'e', 'i']);
/** A particle as typed: in capitals (UN, US, AT) it is an abbreviation, and counts. */
const isParticle = (word: string) => word !== word.toUpperCase() && NAME_PARTICLES.has(word.toLowerCase());

/**
 * Turns whatever a person typed into FTS5 terms that cannot be a syntax error: each word, or each
 * "quoted phrase", becomes an FTS5 string, so apostrophes, parentheses, `U.S.` and the words AND, OR and
 * NOT are only text; joined with spaces, every one must match; a word ending in `*` matches as a prefix
 * (`Lavr*`). Each term comes once (a word typed twice adds nothing to an AND); none when nothing
 * searchable was typed (only punctuation).
 * Spellings of transliterated names fold together: a particle (NAME_PARTICLES, not in capitals) typed among other
 * words is not required, and a hyphenated word finds its other parts near one another, a word apart at most, in
 * place of the phrase they would make: `Bunyan al Marsoos` and `Bunyan-ul-Marsoos` find `Bunyan-un-Marsoos`.
 * Accents and case never count (the index's tokenizer folds them).
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  // A NUL would end FTS5's reading of the string early; no control character is searchable text.
  const typed = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const typedWords = [...typed.matchAll(/"([^"]*)"|(\S+)/g)];
  const onlyParticles = typedWords.every(([, phrase, word]) => word !== undefined && isParticle(word.replace(/\*+$/, '')));
  for (const [, phrase, word] of typedWords) {
    const prefix = word !== undefined && word.endsWith('*');
    const words = (phrase ?? word!.replace(/\*+$/, '')).replace(/"/g, ' ').trim();
    if (!hasLetterOrDigit(words)) continue;
    if (phrase === undefined && !onlyParticles && isParticle(words)) continue;
    const parts = phrase === undefined ? words.split('-').filter((part) => hasLetterOrDigit(part) && !isParticle(part)) : [];
    if (parts.length > 1) {
      const last = parts.length - 1;
      terms.push(`NEAR(${parts.map((part, i) => `"${part}"${prefix && i === last ? '*' : ''}`).join(' ')}, ${last})`);
    } else {
      terms.push(`"${parts.length === 1 && words.includes('-') ? parts[0] : words}"${prefix ? '*' : ''}`);
    }
  }
  return [...new Set(terms)];
}

/** Column weights for bm25, in the index's column order (title, summary, quotes, actors). */
const WEIGHTS = '4.0, 2.0, 1.0, 2.0';
/** The rowid of the first page (source): two lookups by key. Past any rowid when there are none. */
const FIRST_PAGE = `coalesce((SELECT rowid FROM records WHERE id = (SELECT min(id) FROM sources)), 9223372036854775807)`;
/** Search's order over its ranked hits `best`: facts, then pages; those naming every word, then the rest; the best score first; then id order. */
const SEARCH_ORDER = 'page, tier, score, hit';

/**
 * Records matching an FTS5 query, best first, each with a snippet of the best-matching field, one at a time.
 * The order (docs/search.md): facts (events, statements, measures, agreements, actors) before the pages that
 * report them (sources); among each, records whose title (or name and aliases) holds every word before the rest;
 * then bm25, the index's relevance score, with the columns weighted by WEIGHTS; then rowid, which is id order
 * within each (src/compile/records-table.ts). With `raw`, the query is the user's own FTS5 syntax, and the title
 * does not count apart.
 * Each of those groups is ranked on its own, from the index alone (by rowid range: pages' rowids follow every
 * fact's; by a column filter for the title), and only while the limit is not yet filled: ranking reads the
 * document size of every row it scores (docs/performance.md), so a common word found in many titles ranks only
 * those. Filters look a record up, by the rowid it shares with the index, only when given. Only the chosen rows
 * get their record and a snippet.
 */
export function searchRecords(db: Db, filters: SearchFilters & { raw?: boolean }): Iterable<SearchHit> {
  const params = commonParams(filters);
  const record = (condition: string) => `AND EXISTS (SELECT 1 FROM records r WHERE r.rowid = search_index.rowid AND ${condition})`;
  // Only the filters given are written into the query: one left in would be tested on every match, and prepared.
  const filtering = [
    filters.kind ? record('r.kind = @kind') : '',
    params.actors !== null
      ? record(`(${involves('r.id', '@actors', [...TAKING_PART, 'party'])}
           OR r.id IN (SELECT f.member FROM actor_family f WHERE f.root IN (SELECT value FROM json_each(@actors))))`)
      : '',
    params.since !== null || params.until !== null ? record(withinDates('r')) : '',
  ].join(' ');
  const group = (page: 0 | 1, tier: 0 | 1 | undefined) => `SELECT * FROM (
    SELECT search_index.rowid AS hit, ${page} AS page, ${tier ?? 0} AS tier, bm25(search_index, ${WEIGHTS}) AS score
    FROM search_index
    WHERE search_index MATCH @match AND search_index.rowid ${page ? '>=' : '<'} (SELECT first FROM first_page)
      ${tier === undefined ? '' : `AND +search_index.rowid ${tier ? 'NOT IN' : 'IN'} named`}
      ${filtering}
    ORDER BY score, hit
    LIMIT @limit)`;
  // The title's own matches (`named`) are found from the index alone, by a column filter, and never scored: the
  // unary + keeps SQLite from asking FTS5 for each of them by rowid, and each group scores only its own rows.
  const groups = filters.raw ? [group(0, undefined), group(1, undefined)] : [group(0, 0), group(0, 1), group(1, 0), group(1, 1)];
  const best = `WITH first_page (first) AS (SELECT ${FIRST_PAGE}),
    named AS (SELECT rowid FROM search_index WHERE search_index MATCH @named)
    SELECT * FROM (${groups.join(' UNION ALL ')}) LIMIT @limit`;
  return streamRows(
    db.prepare(
      `SELECT ${selectList(SEARCH_HIT.fields)}
       FROM (${best}) best JOIN records r ON r.rowid = best.hit
       ORDER BY ${SEARCH_ORDER}`,
    ),
    {
      ...params,
      match: filters.match,
      named: `{title} : (${filters.match})`,
      kind: filters.kind ?? null,
      start: MATCH_START,
      end: MATCH_END,
    },
    (row) => row as SearchHit,
  );
}

/**
 * For a search that found nothing: the first word typed that no record holds, and the indexed word closest to it
 * (a slip, as did-you-mean measures it), or undefined when every word is found somewhere (then the words together, or the
 * filters, found nothing) or nothing is close. Candidates are the index's own words (an `fts5vocab` table, made in
 * the connection's temp schema) that begin with the typed word's letter, nearest first, then those in the most
 * records; the index holds stems (`ceasefir`), so the word is shown as a record that holds it spells it.
 */
export function closeWord(db: Db, text: string): { typed: string; close: string } | undefined {
  const found = db.prepare('SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT 1').pluck();
  const typed = foldName(text).split(' ').find((word) => word && !found.get(`"${word}"`));
  if (typed === undefined) return undefined;
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, search_index, row)');
  const first = String.fromCodePoint(typed.codePointAt(0)!);
  // In the most records first, so that of two words as close, the commoner is offered.
  const words = db.prepare('SELECT term FROM temp.search_words WHERE term >= ? AND term < ? ORDER BY doc DESC').pluck().iterate(first, first + '\u{10ffff}');
  const [best] = closest(typed, words as IterableIterator<string>, 1);
  if (best === undefined) return undefined;
  const spelt = db.prepare("SELECT snippet(search_index, -1, char(2), char(3), '', 1) FROM search_index WHERE search_index MATCH ? LIMIT 1").pluck();
  return { typed, close: /\u0002([^\u0003]*)\u0003/.exec(String(spelt.get(`"${best}"`) ?? ''))?.[1]?.toLowerCase() ?? best };
}
