/** Exit statuses, as documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A runtime or data error: the database is missing, unreadable or not a crisis database. */
  data: 1,
  /** The user's command line is wrong: unknown option or command, bad date, unknown actor. */
  usage: 2,
  /** `show` of an id that names no record. */
  notFound: 3,
} as const;

/** An error meant for the user: its message is one line, and it knows its exit status. */
export abstract class CrisisError extends Error {
  abstract readonly exitCode: number;
}

export class UsageError extends CrisisError {
  readonly exitCode = ExitCode.usage;
}

export class NotFoundError extends CrisisError {
  readonly exitCode = ExitCode.notFound;
}

export class DataError extends CrisisError {
  readonly exitCode = ExitCode.data;
}
