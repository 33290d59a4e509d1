import type { Statement } from 'better-sqlite3';
import { type Db, metaValue } from '../db/open.js';
import { storedFieldsKey } from '../db/tables.js';
import { DataError, quoted, quotedPath } from '../errors.js';
import { fieldsDigest, jsonObjectOf, type Kind } from '../fields/define.js';

/**
 * A statement's rows (objects, or single values for a plucked statement) as records, read one at a time with .iterate(), so that a stream of a million
 * records never holds them all. The first row is read at once: a query that fails (a bad --raw search)
 * fails here, before anything is written. Iterate the result to the end, or stop early with break or
 * return (as for...of does), so the statement is released.
 */
export function streamRows<T, Row = Record<string, unknown>>(statement: Statement, params: object, toRecord: (row: Row, index: number) => T): Iterable<T> {
  const rows = statement.iterate(params) as IterableIterator<Row>;
  const first = rows.next();
  return (function* () {
    if (first.done) return;
    let index = 0;
    try {
      yield toRecord(first.value, index++);
      for (const row of rows) yield toRecord(row, index++);
    } finally {
      rows.return?.();
    }
  })();
}

/**
 * A kind's lookup over the JSON the build stored for each record (src/compile/stored-json.ts): `SELECT` that
 * JSON for the records `matching` (the FROM ... LIMIT that follows the select list) finds, read as records
 * or as the JSON texts themselves, to pass through, in either layout; `matching` names the kind's table by its
 * stored alias. A database whose JSON another field table made is refused. A record the build stored no JSON for
 * (a row added to a database by hand) has it built from the fields, by a statement prepared only then: its
 * subqueries for every list take longer to prepare than a lookup takes to run.
 */
export function storedLookup<T, Filters>(kind: Kind, matching: string, params: (filters: Filters) => object) {
  const { table, alias } = kind.stored!;
  const select = (db: Db, layout: JsonLayout) =>
    db.prepare(`SELECT ${laidOut(`(SELECT j.json FROM record_json j WHERE j.id = ${alias}.id)`, layout)}, ${alias}.id ${matching}`).raw();
  const stream = <Out>(db: Db, filters: Filters, layout: JsonLayout, out: (json: string) => Out): Iterable<Out> => {
    if (metaValue(db, storedFieldsKey(kind.name)) !== fieldsDigest(kind)) {
      throw new DataError(`${quotedPath(db.name)} stores its ${kind.command} in the shape another version of crisis printed; rebuild it with crisis build`);
    }
    let build: Statement | undefined;
    const json = ([stored, id]: [string | null, string]) => {
      const text = stored ?? ((build ??= db.prepare(`SELECT ${laidOut(jsonObjectOf(kind.fields), layout)} FROM ${table} ${alias} WHERE ${alias}.id = ?`).pluck()).get(id));
      // Only a look at its ends, as the text may be passed through unparsed: a file not of crisis build's may store anything.
      if (typeof text !== 'string' || !text.startsWith('{') || !text.endsWith('}')) {
        throw new DataError(`${quotedPath(db.name)} is not a crisis database: it stores for ${quoted(String(id))} a JSON text that is not an object`);
      }
      return text;
    };
    return streamRows(select(db, layout), params(filters), (row: [string | null, string]) => out(json(row)));
  };
  return {
    rows: (db: Db, filters: Filters): Iterable<T> => stream(db, filters, 'line', (json) => JSON.parse(json) as T),
    jsonTexts: (db: Db, filters: Filters, layout: JsonLayout): Iterable<string> => stream(db, filters, layout, (json) => json),
  };
}

/**
 * How a record's JSON text is laid out: `line`, on one line, as stored (JSON lines); `indented`, over lines at two
 * spaces, as JSON.stringify(record, null, 2) writes it (what `--json` prints of each record).
 */
export type JsonLayout = 'line' | 'indented';

/**
 * The SQL for a JSON text in a layout. SQLite's json_pretty writes crisis's JSON as JSON.stringify does, byte for
 * byte (test/json-lines.test.ts holds it to that), and in C: stringifying parsed records with an indent was the
 * slowest step of `--json`. It writes any other JSON text as valid JSON, its control characters escaped.
 */
const laidOut = (json: string, layout: JsonLayout) => (layout === 'indented' ? `json_pretty(${json}, '  ')` : json);
