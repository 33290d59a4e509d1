import Database from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, fileProblem, quoted, quotedPath } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
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
 * Opens a crisis database read-only: nothing a user types can change it. Whatever is wrong with the
 * file (missing, a folder, empty, not SQLite, damaged, another schema or version) becomes one DataError
 * that names the file, so the user learns what to fix rather than what SQLite tripped over.
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
    db.pragma(`cache_size = ${PAGE_CACHE}`);
    checkSchema(db, path);
  } catch (error) {
    db.close();
    throw error instanceof DataError ? error : notReadable(error, path);
  }
  return db;
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
  // Reading the table list is what makes SQLite look at the file: a text file or a truncated database fails here.
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
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
 */
export function blameDatabase(error: unknown, path: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (FILE_FAULTS.test(error.code)) return notReadable(error, path);
  if (/^no such (table|column)/.test(error.message)) return new DataError(`${quotedPath(path)} is not a crisis database: ${error.message}`);
  return error;
}
