import { BUNDLED_DB, openDatabase, type Db } from '../db/open.js';
import { colorEnabled, outputWidth, type IOStreams } from './io.js';

/** What every command may use: the streams, the database (opened on first use) and the terminal decisions. */
export interface Context {
  io: IOStreams;
  db(): Db;
  color(): boolean;
  /** Columns to fit tables and text to. */
  width(): number;
  close(): void;
}

/** `globals` reads the program-wide options (--db, --no-color) once commander has parsed them. */
export function createContext(io: IOStreams, globals: () => { db?: string; color: boolean }): Context {
  let db: Db | undefined;
  return {
    io,
    db: () => (db ??= openDatabase(globals().db ?? BUNDLED_DB)),
    color: () => colorEnabled(io, globals().color),
    width: () => outputWidth(io),
    close: () => db?.close(),
  };
}
