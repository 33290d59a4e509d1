import type Database from 'better-sqlite3';

/**
 * Fills the full-text index from the written tables, one row per record of every kind:
 * - title: the record's title, or an actor's or agreement's name with its aliases;
 * - summary: an event's, statement's, measure's or agreement's summary, an actor's office, a source's publisher;
 * - quotes: a statement's own words, then every citation's quote;
 * - actors: the names and aliases of everyone taking part (an agreement's parties, a fact's claimants too).
 * Each row's rowid is its record's in records, facts then pages, each in id order (src/compile/records-table.ts):
 * search joins a hit to its record by rowid, and needs no id in the index, whose document sizes, read for every
 * match it scores, are a byte a row smaller without it. Rows go in that order, so the same tables give the same bytes.
 * The index is then merged into one segment ('optimize'): a large INSERT leaves FTS5 many, which every MATCH
 * reads and merges, and search runs a MATCH for each snippet it cuts.
 */
export function writeSearchIndex(db: Database.Database): void {
  const aliasesOf = (table: string) => `(SELECT group_concat(value, ', ') FROM json_each(${table}.aliases))`;
  db.exec(`
    INSERT INTO search_index (rowid, title, summary, quotes, actors)
    SELECT r.rowid,
           concat_ws(', ', r.title, ${aliasesOf('a')}, ${aliasesOf('g')}),
           coalesce(e.summary, s.summary, m.summary, g.summary, a.title, src.publisher),
           (SELECT group_concat(quote, ' … ') FROM (
              SELECT s.quote AS quote, -1 AS position WHERE s.quote IS NOT NULL
              UNION ALL SELECT c.quote, c.position FROM citations c WHERE c.record_id = r.id
              ORDER BY position)),
           (SELECT group_concat(concat_ws(', ', who.name, ${aliasesOf('who')}), ' … ' ORDER BY i.position)
              FROM involvements i JOIN actors who ON who.id = i.actor_id WHERE i.record_id = r.id)
    FROM records r
    LEFT JOIN events e ON e.id = r.id
    LEFT JOIN statements s ON s.id = r.id
    LEFT JOIN measures m ON m.id = r.id
    LEFT JOIN agreements g ON g.id = r.id
    LEFT JOIN actors a ON a.id = r.id
    LEFT JOIN sources src ON src.id = r.id
    ORDER BY r.rowid`);
  db.exec(`INSERT INTO search_index (search_index) VALUES ('optimize')`);
}
