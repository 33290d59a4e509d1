import Database, { type Statement } from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CrisisError, DataError, fileProblem, quoted, quotedPath } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { visible } from '../text.js';
import { SCHEMA, SCHEMA_VERSION } from './tables.js';

export type Db = Database.Database;

/** The database the package ships, built from data/ on install. */
export const BUNDLED_DB = join(PACKAGE_ROOT, 'data', 'crisis.db');

const TABLES = [...SCHEMA.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1]!);

/**
 * SQLite's page cache, in KiB (negative: a size, not a count of pages), far smaller than better-sqlite3's. One
 * command reads most pages once, and each page a cache has not yet filled is fresh memory whose first touch is
 * a page fault; a small cache recycles its buffers sooner. The operating system keeps the file's pages cached
 * either way. docs/performance.md has the sizes measured.
 */
const PAGE_CACHE = -500;

/**
 * The longest text a query may return, in characters. crisis build writes texts of a few kilobytes at most; the
 * longest value a lookup makes is a list in one field (an agreement's invoked_by, in a database of a million events,
 * runs to a megabyte or two). Anything longer is a file made to exhaust memory or the renderers.
 */
export const MAX_TEXT_LENGTH = 10_000_000;

/**
 * Opens a crisis database read-only: nothing a user types can change it. Whatever is wrong with the
 * file (missing, a folder, empty, not SQLite, damaged, another schema or version) becomes one DataError
 * that names the file, so the user learns what to fix rather than what SQLite tripped over.
 *
 * A database may be someone else's (--db, CRISIS_DB), so each is opened as SQLite's "Defense against the dark arts"
 * advises for a file from a stranger (docs/your-own-facts.md says what that guarantees). Its advice to run PRAGMA
 * quick_check first is not taken: that reads every page of the file, where a lookup reads a few.
 */
export function openDatabase(path: string): Db {
  checkIsFile(path);
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DataError(`cannot open database ${quotedPath(path)}: ${(error as Error).message}`);
  }
  try {
    // Defensive mode is better-sqlite3's default, off only in its "unsafe mode": this keeps it on. An untrusted schema
    // runs no function a view, trigger or index names; cell_size_check refuses a cell too large for its page as it is read.
    db.unsafeMode(false);
    db.exec(`PRAGMA cache_size = ${PAGE_CACHE}; PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON`);
    limitWhatQueriesReturn(db, path);
    checkSchema(db, path);
  } catch (error) {
    db.close();
    throw error instanceof DataError ? error : notReadable(error, path);
  }
  return db;
}

/**
 * Every statement the database prepares refuses to return a blob (crisis build writes none) or a text longer than
 * MAX_TEXT_LENGTH: better-sqlite3 offers no sqlite3_limit(), so each row is checked as it is returned.
 */
function limitWhatQueriesReturn(db: Db, path: string): void {
  const prepare = db.prepare;
  const check = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH)
        throw new DataError(`${quotedPath(path)} is not a crisis database: it holds a text of ${value.length} characters, and crisis reads none longer than ${MAX_TEXT_LENGTH}`);
    } else if (value instanceof Uint8Array) {
      throw new DataError(`${quotedPath(path)} is not a crisis database: it holds a blob where crisis keeps text or numbers`);
    }
  };
  const checkRow = (row: unknown) => {
    if (Array.isArray(row)) for (const value of row) check(value);
    else if (row !== null && typeof row === 'object' && !(row instanceof Uint8Array)) for (const key in row) check((row as Record<string, unknown>)[key]);
    else check(row);
  };
  db.prepare = function (this: Db, source: string) {
    const statement = prepare.call(this, source) as Statement<unknown[]>;
    const { get, all, iterate } = statement;
    statement.get = function (this: typeof statement, ...params: unknown[]) {
      const row = get.apply(this, params);
      checkRow(row);
      return row;
    };
    statement.all = function (this: typeof statement, ...params: unknown[]) {
      const rows = all.apply(this, params);
      for (const row of rows) checkRow(row);
      return rows;
    };
    statement.iterate = function* (this: typeof statement, ...params: unknown[]) {
      const rows = iterate.apply(this, params);
      try {
        for (const row of rows) {
          checkRow(row);
          yield row;
        }
      } finally {
        rows.return?.();
      }
    };
    return statement;
  } as Db['prepare'];
}

function notReadable(error: unknown, path: string): DataError {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_NOTADB')) return new DataError(`${quotedPath(path)} is not a crisis database: it is not an SQLite file`);
  if (code.startsWith('SQLITE_READONLY'))
    return new DataError(`cannot read ${quotedPath(path)}: SQLite must write beside it (a WAL database on a read-only file system?): ${(error as Error).message}`);
  if (code.startsWith('SQLITE_CORRUPT')) return new DataError(`${quotedPath(path)} is a damaged database (truncated or corrupt): ${(error as Error).message}`);
  return new DataError(`${quotedPath(path)} is not a crisis database: ${(error as Error).message}`);
}

function checkIsFile(path: string): void {
  let stats;
  try {
    // Not { throwIfNoEntry: false }: from Node 22 on it returns nothing for a path through a file (ENOTDIR)
    // as for a missing one, and the message tells the two apart.
    stats = statSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DataError(`cannot open database ${quotedPath(path)}: ${missing ? 'no such file' : fileProblem(error)}`);
  }
  if (stats.isDirectory()) throw new DataError(`cannot open database ${quotedPath(path)}: it is a directory, not a file`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new DataError(`cannot open database ${quotedPath(path)}: permission denied`);
  }
  if (stats.size === 0) throw new DataError(`${quotedPath(path)} is an empty file, not a crisis database`);
}

/** Each open database's meta table, read once as it is opened (a handful of keys; more are not read). */
const metaOfDatabase = new WeakMap<Db, Map<string, string>>();

/** A value of the database's meta table (schema_version, input_digest, ...), or undefined. */
export function metaValue(db: Db, key: string): string | undefined {
  return (metaOfDatabase.get(db) ?? readMeta(db)).get(key);
}

function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta LIMIT 64').raw().all() as unknown[][];
  const meta = new Map(rows.map(([key, value]) => [String(key), String(value)]));
  metaOfDatabase.set(db, meta);
  return meta;
}

function checkSchema(db: Db, path: string): void {
  // Reading the schema is what makes SQLite look at the file: a text file or a truncated database fails here.
  const objects = db.prepare('SELECT type, name FROM sqlite_master').raw().all() as [string, string][];
  // A view runs SQL of the file's own whenever it is read (a query that never ends, say), and a trigger whenever a
  // table is written: crisis build writes neither, so a database that has one was made or changed by something else.
  const planted = objects.find(([type]) => type === 'view' || type === 'trigger');
  if (planted) throw new DataError(`${quotedPath(path)} is not a crisis database: it has a ${planted[0]}, ${quoted(String(planted[1]))}, which crisis build never writes`);
  const tables = new Set(objects.filter(([type]) => type === 'table').map(([, name]) => name));
  if (!tables.has('meta')) throw new DataError(`${quotedPath(path)} is not a crisis database: it has no meta table with a schema version`);
  const meta = readMeta(db);
  const version = meta.get('schema_version');
  if (version === undefined) throw new DataError(`${quotedPath(path)} is not a crisis database: its meta table records no schema version`);
  if (version !== SCHEMA_VERSION) {
    const newer = Number(version) > Number(SCHEMA_VERSION);
    throw new DataError(
      `${quotedPath(path)} has schema version ${quoted(version, 20)}, ${newer ? 'newer than' : 'not'} the version ${SCHEMA_VERSION} this crisis reads; ` +
        (newer ? 'upgrade crisis to read it' : 'rebuild it with crisis build'),
    );
  }
  const missing = TABLES.filter((table) => !tables.has(table));
  if (missing.length) throw new DataError(`${quotedPath(path)} is not a crisis database: it has no table ${missing.join(', ')}`);
}

/** SQLite's ways of saying the file itself is at fault, found only once a query reads the damaged page. */
const FILE_FAULTS = /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN)/;

/**
 * The error to report for a failure while querying the database at `path`: a DataError naming the file
 * when the file is damaged or lacks what the queries need, else the error itself (a bug of ours).
 * crisis's queries and renderers are tested on what crisis build writes: a query that fails, or a value that
 * breaks a renderer (a number where a date should be, a text that is not the JSON it should be), in any
 * database but the bundled one is taken to be the database's doing.
 */
export function blameDatabase(error: unknown, path: string): unknown {
  if (error instanceof CrisisError) return error;
  if (error instanceof Database.SqliteError && FILE_FAULTS.test(error.code)) return notReadable(error, path);
  if (error instanceof Database.SqliteError && /^no such (table|column)/.test(error.message)) {
    return new DataError(`${quotedPath(path)} is not a crisis database: ${error.message}`);
  }
  const readingFailed = [Database.SqliteError, TypeError, RangeError, SyntaxError].some((type) => error instanceof type);
  if (readingFailed && resolve(path) !== BUNDLED_DB) {
    const message = `${quotedPath(path)} is not a crisis database: it holds what crisis build never writes (${visible((error as Error).message)})`;
    return new DataError(message, { cause: error });
  }
  return error;
}
