/**
 * SQL fragments shared by the record queries. Their own table aliases (ref, src, ag, i, f, c, ra, rs, fg, cl, j) must
 * not shadow the caller's: queries alias their main table e, s, m, g, a, so or r. Each takes the SQL expression for the record's id
 * (a column name, never user text); user values go in as named parameters.
 */

export const citationsJson = (id: string) => `(
  SELECT json_group_array(json_object('id', src.id, 'title', src.title, 'publisher', src.publisher,
                                      'url', src.url, 'published', src.published, 'reports', c.reports, 'quote', c.quote) ORDER BY c.position)
  FROM citations c JOIN sources src ON src.id = c.source_id WHERE c.record_id = ${id})`;

/**
 * True when the involvement `i` is in one of these roles (crisis's own names, never user text). A CASE rather than
 * `i.role IN (...)`: inside a subquery run once a record, SQLite builds the IN list's table again at every run
 * (docs/performance.md, "Queries that seek").
 */
export const inRoles = (roles: readonly string[]) => `CASE i.role ${roles.map((role) => `WHEN '${role}' THEN 1`).join(' ')} ELSE 0 END`;

/** The actors taking part in a record in the given roles, in the order the fact file lists them. */
export const actorsJson = (id: string, roles: readonly string[], withRole = false) => `(
  SELECT json_group_array(json_object('id', ref.id, 'name', ref.name${withRole ? ", 'role', i.role" : ''}) ORDER BY i.position)
  FROM involvements i JOIN actors ref ON ref.id = i.actor_id
  WHERE i.record_id = ${id} AND ${inRoles(roles)})`;

/** The records this one answers, each with how that is known, in the order the fact file gives them. */
export const inResponseToJson = (id: string) => `(
  SELECT json_group_array(json_object('id', rs.answers_id, 'basis', rs.basis, 'source', rs.source_id, 'quote', rs.quote) ORDER BY rs.position)
  FROM responses rs WHERE rs.record_id = ${id})`;

const claimantJson = `CASE WHEN cl.id IS NULL THEN NULL ELSE json_object('id', cl.id, 'name', cl.name) END`;

/**
 * A REAL column as JSON prints a number: SQLite's JSON writes a whole REAL as 26.0, JSON.stringify as 26, and
 * the JSON the build stores for each record (src/compile/stored-json.ts) must read as what the queries print.
 */
const jsonNumber = (column: string) => `iif(${column} = cast(${column} AS INTEGER), cast(${column} AS INTEGER), ${column})`;

/** The numbers pages report about a record, each with its claimant, page, what it reports and the claimant's words. */
export const figuresJson = (id: string) => `(
  SELECT json_group_array(json_object('figure', fg.figure, 'value', ${jsonNumber('fg.value')}, 'max', ${jsonNumber('fg.max')}, 'qualifier', fg.qualifier,
                                      'claimed_by', ${claimantJson}, 'source', fg.source_id, 'reports', fg.reports, 'quote', fg.quote) ORDER BY fg.position)
  FROM figures fg LEFT JOIN actors cl ON cl.id = fg.claimed_by WHERE fg.record_id = ${id})`;

/** The claims made on disputed points about a record, each with its claimant, page, what it reports and the claimant's words. */
export const claimsJson = (id: string) => `(
  SELECT json_group_array(json_object('about', fg.about, 'claim', fg.claim,
                                      'claimed_by', ${claimantJson}, 'source', fg.source_id, 'reports', fg.reports, 'quote', fg.quote) ORDER BY fg.position)
  FROM claims fg LEFT JOIN actors cl ON cl.id = fg.claimed_by WHERE fg.record_id = ${id})`;

export const actorJson = (actorId: string) =>
  `(SELECT json_object('id', ref.id, 'name', ref.name) FROM actors ref WHERE ref.id = ${actorId})`;

export const agreementsJson = (id: string) => `(
  SELECT json_group_array(json_object('id', ag.id, 'name', ag.name) ORDER BY ra.position)
  FROM record_agreements ra JOIN agreements ag ON ag.id = ra.agreement_id WHERE ra.record_id = ${id})`;

/**
 * Every role an actor plays in an event, statement or measure, as the timeline's `actors` shows them. Not
 * claimant (whose figure or claim it is, which `figures` and `claims` say): no list shows it as taking part,
 * so `--actor` does not match it.
 */
export const TAKING_PART = ['initiator', 'target', 'participant', 'mediator', 'speaker', 'on-behalf-of', 'addressee', 'by', 'against'] as const;

/** The roles a statement's output shows: who spoke, on whose behalf, to whom. */
export const STATEMENT_ROLES = ['speaker', 'on-behalf-of', 'addressee'] as const;

/** Who spoke: the speaker, or the state or body spoken for (`statements --speaker`). */
export const SPEAKING_ROLES = ['speaker', 'on-behalf-of'] as const;

/** The roles that make a record an actor's own act: it did it, said it (or it was said for it), or took the measure. */
export const ACTING_ROLES = ['initiator', 'speaker', 'on-behalf-of', 'by'];

/** The states an actor `i.actor_id` belongs to (itself, if a state), through country and part_of. */
const STATE_OF = `JOIN actor_family f ON f.member = i.actor_id JOIN actors st ON st.id = f.root AND st.kind = 'state'`;

/**
 * The side a record is on: the state whose act it is, through the first actor in an acting role (Vikram
 * Misri's statement is India's, ISPR's Pakistan's); failing that, the one state every participant belongs
 * to (a meeting of Pakistan's National Security Committee). NULL when no state acts: the Pahalgam attackers,
 * a UN body, a call between two ministers that neither is said to have placed.
 */
export const sideOf = (id: string) => `coalesce(
  (SELECT st.id FROM involvements i ${STATE_OF}
   WHERE i.record_id = ${id} AND ${inRoles(ACTING_ROLES)}
   ORDER BY i.position, st.id LIMIT 1),
  (SELECT CASE WHEN count(DISTINCT st.id) = 1 AND count(DISTINCT i.actor_id) =
                    (SELECT count(*) FROM involvements p WHERE p.record_id = ${id} AND p.role = 'participant')
          THEN min(st.id) END
   FROM involvements i ${STATE_OF}
   WHERE i.record_id = ${id} AND i.role = 'participant'))`;

/**
 * True when any actor named in the JSON array parameter, or a person or body of it, takes part in the record in
 * one of `roles` (the roles its command's output shows: a figure's claimant is never one); true for every
 * record when the parameter is null. The members of those families are listed once for the query (the IN
 * subquery does not depend on the record), and each record's few involvements, read by its key, are checked
 * against that list in memory: an actor in one record of eighty is checked against thousands of records to
 * find 50. The `+` keeps SQLite from seeking involvements_by_actor once for every member instead (a state has dozens).
 */
export const involves = (id: string, param: string, roles: readonly string[]) => `(${param} IS NULL OR EXISTS (
  SELECT 1 FROM involvements i
  WHERE i.record_id = ${id} AND +i.actor_id IN (SELECT f.member FROM actor_family f WHERE f.root IN (SELECT value FROM json_each(${param})))
  AND ${inRoles(roles)}))`;

/**
 * Records every day of whose date lies within [@since, @until]: a record known only to May 2025 is in
 * --since 2025-05 --until 2025-05 but not in --since 2025-05-10, since it may have happened before the 10th.
 * Records with no date (actors, sources) are in no range.
 */
export const withinDates = (table: string) =>
  `(@since IS NULL OR ${table}.date_start >= @since) AND (@until IS NULL OR ${table}.date_end <= @until)`;

/**
 * withinDates for a table whose every row has a date, with the range also as bounds on date_end (implied,
 * since date_end >= date_start >= @since), which the tables' by-date indexes can seek to: SQLite cannot
 * seek on "@since IS NULL OR ...", and would otherwise read every record before the range.
 */
export const withinDatesSeeking = (table: string) =>
  `${withinDates(table)} AND ${table}.date_end >= coalesce(@since, '') AND ${table}.date_end <= coalesce(@until, '9999-12-31')`;

/**
 * Date order: a record known only to the month or year follows the days it cannot be placed among. By the
 * last day a date may mean, then the latest first day: 31 May (31 May to 31 May) before May (1 to 31 May)
 * before 2025 (1 January to 31 December). The last day is, for a month or year, the day it was first reported
 * where that is earlier (compile/write-database.ts storedDate): a call known only to May but reported on 4 May
 * comes before the 5th. The tables' by-date indexes hold this order, so no query sorts.
 */
export const byDate = (table: string) => `${table}.date_end, ${table}.date_start DESC, ${table}.id`;

export const invokesAgreement = (id: string) =>
  `(@about IS NULL OR EXISTS (SELECT 1 FROM record_agreements ra WHERE ra.record_id = ${id} AND ra.agreement_id = @about))`;
