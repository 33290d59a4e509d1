/** Bumped whenever a table or column changes, so the CLI can refuse a database it cannot read. */
export const SCHEMA_VERSION = '8';

/** The meta key holding the digest of the field table a kind's stored JSON was made from (fieldsDigest). */
export const storedFieldsKey = (kind: string) => `fields:${kind}`;

/**
 * The page size a database is written with, set before its first table: twice SQLite's default. Ranking a word
 * reads the FTS5 document size of each match it scores, rows spread over the whole table, and SQLite checks every
 * cell of a page as it first reads it (cell_size_check): a smaller page checks fewer cells for each of those reads.
 * A dump of every record reads more pages the smaller they are; at half this size it reads too many
 * (docs/performance.md).
 */
export const PAGE_SIZE = 8192;

/**
 * Statistics for SQLite's planner, gathered once a database is written. Only sqlite_stat1 (rows per key of
 * each index) is kept: better-sqlite3's SQLite also writes sqlite_stat4's samples, which every process reads
 * and decodes before its first query, and which choose no plan of crisis's queries differently
 * (test/query-plans.test.ts reads the plans).
 */
export const GATHER_STATISTICS = 'ANALYZE; DROP TABLE IF EXISTS sqlite_stat4';

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every record of every kind, so ids are unique across the database and any reference can be checked.
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('actor','agreement','event','statement','measure','source')),
  date TEXT, date_precision TEXT, date_start TEXT, date_end TEXT, date_basis TEXT, date_note TEXT,
  title TEXT NOT NULL
);
-- The timeline's order, and its date range (undated actors and sources sort first, where it does not look).
CREATE INDEX records_by_date ON records(date_end, date_start DESC, id);

CREATE TABLE sources (
  id TEXT PRIMARY KEY REFERENCES records(id),
  title TEXT NOT NULL, publisher TEXT, url TEXT, published TEXT, published_note TEXT
);

CREATE TABLE actors (
  id TEXT PRIMARY KEY REFERENCES records(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('state','person','organisation','group')),
  country TEXT REFERENCES actors(id),
  part_of TEXT REFERENCES actors(id),
  title TEXT,
  aliases TEXT NOT NULL DEFAULT '[]'
);

-- Each actor with itself and every person or body that belongs to it, through country or part_of at any
-- depth: --actor russia takes in Lavrov, --actor pakistan-armed-forces takes in ISPR.
CREATE TABLE actor_family (
  root TEXT NOT NULL REFERENCES actors(id),
  member TEXT NOT NULL REFERENCES actors(id),
  PRIMARY KEY (root, member)
) WITHOUT ROWID;
CREATE INDEX actor_family_member ON actor_family(member);

-- Folded names and aliases (case, accents and punctuation removed) of actors and agreements.
CREATE TABLE names (
  kind TEXT NOT NULL,
  folded TEXT NOT NULL,
  id TEXT NOT NULL REFERENCES records(id),
  PRIMARY KEY (kind, folded)
) WITHOUT ROWID;

CREATE TABLE agreements (
  id TEXT PRIMARY KEY REFERENCES records(id),
  name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  date TEXT NOT NULL, date_precision TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL,
  date_basis TEXT NOT NULL, date_note TEXT,
  summary TEXT NOT NULL
);

CREATE TABLE events (
  id TEXT PRIMARY KEY REFERENCES records(id),
  date TEXT NOT NULL, date_precision TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL,
  date_basis TEXT NOT NULL, date_note TEXT,
  title TEXT NOT NULL, summary TEXT NOT NULL, type TEXT NOT NULL,
  location TEXT, cameo TEXT
);
CREATE INDEX events_by_date ON events(date_end, date_start DESC, id);
-- The vocabularies' values, read a seek a value (listValues), for help, completion and checking --type.
CREATE INDEX events_by_type ON events(type);

CREATE TABLE statements (
  id TEXT PRIMARY KEY REFERENCES records(id),
  date TEXT NOT NULL, date_precision TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL,
  date_basis TEXT NOT NULL, date_note TEXT,
  title TEXT NOT NULL, summary TEXT NOT NULL, type TEXT NOT NULL,
  speaker TEXT NOT NULL REFERENCES actors(id),
  on_behalf_of TEXT REFERENCES actors(id),
  quote TEXT,
  event_id TEXT REFERENCES events(id),
  cameo TEXT
);
CREATE INDEX statements_by_date ON statements(date_end, date_start DESC, id);
CREATE INDEX statements_by_event ON statements(event_id);
CREATE INDEX statements_by_type ON statements(type);

CREATE TABLE measures (
  id TEXT PRIMARY KEY REFERENCES records(id),
  date TEXT NOT NULL, date_precision TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL,
  date_basis TEXT NOT NULL, date_note TEXT,
  title TEXT NOT NULL, summary TEXT NOT NULL,
  by_actor TEXT NOT NULL REFERENCES actors(id),
  against_actor TEXT NOT NULL REFERENCES actors(id),
  category TEXT NOT NULL, status TEXT NOT NULL,
  amends_id TEXT REFERENCES measures(id), amends_change TEXT,
  cameo TEXT
);
CREATE INDEX measures_by_date ON measures(date_end, date_start DESC, id);
CREATE INDEX measures_by_category ON measures(category);

-- What answers what: a measure answering an attack, a closure answering a closure; stated where a page says
-- so (its source, and a party's words where it has them), inferred where the editors read it from the sequence.
CREATE TABLE responses (
  record_id TEXT NOT NULL REFERENCES records(id),
  position INTEGER NOT NULL,
  answers_id TEXT NOT NULL REFERENCES records(id),
  basis TEXT NOT NULL CHECK (basis IN ('stated', 'inferred')),
  source_id TEXT REFERENCES sources(id),
  quote TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX responses_by_answered ON responses(answers_id);

-- Numbers pages report about a record, each with its page, what it reports, its claimant and their words; reports may disagree.
CREATE TABLE figures (
  record_id TEXT NOT NULL REFERENCES records(id),
  position INTEGER NOT NULL,
  figure TEXT NOT NULL,
  value REAL NOT NULL, max REAL,
  qualifier TEXT NOT NULL,
  claimed_by TEXT REFERENCES actors(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  reports TEXT NOT NULL,
  quote TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

-- Claims on disputed points (who brokered a ceasefire), each with its claimant, page, what it reports and their words.
CREATE TABLE claims (
  record_id TEXT NOT NULL REFERENCES records(id),
  position INTEGER NOT NULL,
  about TEXT NOT NULL,
  claim TEXT NOT NULL,
  claimed_by TEXT REFERENCES actors(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  reports TEXT NOT NULL,
  quote TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;

-- Who takes part in a record, in what role, across every kind: one place for --actor to look.
CREATE TABLE involvements (
  record_id TEXT NOT NULL REFERENCES records(id),
  actor_id TEXT NOT NULL REFERENCES actors(id),
  role TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX involvements_by_actor ON involvements(actor_id);

-- The agreements an event, statement or measure invokes.
CREATE TABLE record_agreements (
  record_id TEXT NOT NULL REFERENCES records(id),
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX record_agreements_by_agreement ON record_agreements(agreement_id);

-- The pages each record rests on: what each reports for it, in our words, and a party's words where it gives them.
CREATE TABLE citations (
  record_id TEXT NOT NULL REFERENCES records(id),
  position INTEGER NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  reports TEXT NOT NULL,
  quote TEXT,
  PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE INDEX citations_by_source ON citations(source_id);

-- Each event's, statement's and measure's JSON, as its kind's query would print it, written once the tables
-- above are (src/compile/stored-json.ts): a dump of every record as JSON lines reads one text a record, rather
-- than building it from its lists (actors, sources, figures...) each time.
CREATE TABLE record_json (
  id TEXT PRIMARY KEY REFERENCES records(id),
  json TEXT NOT NULL
);

-- What \`crisis search\` searches: one row per record, filled from the tables above once they are written
-- (src/compile/search-index.ts), its rowid the record's rowid in records. Porter stemming lets "condemn" find
-- "condemned"; case and accents do not count.
CREATE VIRTUAL TABLE search_index USING fts5(
  title,
  summary,
  quotes,
  actors,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
`;
