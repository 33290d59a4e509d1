import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../cli/errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

/** The database the package ships, built from data/ on install. */
export const BUNDLED_DB = join(PACKAGE_ROOT, 'data', 'crisis.db');

/** Opens a crisis database read-only: nothing a user types can change it. */
export function openDatabase(path: string): Db {
  if (!existsSync(path)) throw new DataError(`cannot open database '${path}': no such file`);
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DataError(`cannot open database '${path}': ${(error as Error).message}`);
  }
  let version: string | undefined;
  try {
    version = (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value;
  } catch (error) {
    db.close();
    throw new DataError(`'${path}' is not a crisis database: ${(error as Error).message}`);
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new DataError(`'${path}' has schema version ${version ?? 'none'}, this crisis reads version ${SCHEMA_VERSION}; rebuild it with npm run build`);
  }
  return db;
}
