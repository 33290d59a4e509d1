import { BUNDLED_DB, blameDatabase, openDatabase, type Db } from '../db/open.js';
import { colorEnabled, outputWidth, type IOStreams } from './io.js';
import type { CommandModule } from './program.js';

/** What every command may use: the streams, the database (opened on first use) and the terminal decisions. */
export interface Context {
  io: IOStreams;
  db(): Db;
  /** Queries this database rather than --db's or CRISIS_DB's: the one the line being completed names. */
  chooseDatabase(path: string): void;
  color(): boolean;
  /** Columns to fit tables and text to. */
  width(): number;
  /** The error to report for a failure: a damaged database becomes a DataError naming its file. */
  blameDatabase(error: unknown): unknown;
  close(): void;
  /** The commands set up for this command line, in help order, with their modules. */
  commands: { name: string; module: CommandModule }[];
  /** The command line, the words after `crisis`: a citation of an answer names it (--cite). */
  argv: readonly string[];
}

/**
 * `globals` reads the program-wide options (--db, --no-color) once commander has parsed them.
 * --db wins over CRISIS_DB, which wins over the bundled database; an empty CRISIS_DB counts as unset.
 */
export function createContext(io: IOStreams, globals: () => { db?: string; color: boolean }, argv: readonly string[] = []): Context {
  let db: Db | undefined;
  let chosen: string | undefined;
  const path = () => chosen ?? globals().db ?? (io.env.CRISIS_DB || BUNDLED_DB);
  return {
    io,
    db: () => (db ??= openDatabase(path())),
    chooseDatabase: (path) => {
      chosen = path;
    },
    color: () => colorEnabled(io, globals().color),
    width: () => outputWidth(io),
    blameDatabase: (error) => (db ? blameDatabase(error, path()) : error),
    close: () => db?.close(),
    commands: [],
    argv,
  };
}
