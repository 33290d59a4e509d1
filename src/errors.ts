import { visible } from './text.js';

/** Exit statuses, as documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A runtime or data error: the database is missing, unreadable or not a crisis database. */
  data: 1,
  /** The user's command line is wrong: unknown option or command, bad date, unknown actor. */
  usage: 2,
  /** `show`, `chain` or `cite` of an id that names no record. */
  notFound: 3,
  /** Ctrl-C: 128 + SIGINT's number, as a shell reports a program that SIGINT ended. */
  interrupted: 130,
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

/** Ctrl-C arrived while a command wrote its output: it stops after a whole record, and says nothing more. */
export class InterruptedError extends CrisisError {
  readonly exitCode = ExitCode.interrupted;
  constructor() {
    super('interrupted');
  }
}

/**
 * A value the user typed, as an error message quotes it: control characters made visible, and cut
 * short after `upTo` characters (enough to recognise a value, never a screenful; paths get more).
 */
export function quoted(value: string, upTo = 60): string {
  const characters = [...value];
  const shown = characters.length > upTo ? `${characters.slice(0, upTo).join('')}…` : value;
  return `'${visible(shown)}'`;
}

/** A path as a message quotes it: long enough for any real path, never the whole of a hostile one. */
export function quotedPath(path: string): string {
  return quoted(path, 400);
}

/** What a failed file-system call means, in the words of a message rather than an errno. */
export function fileProblem(error: unknown): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'no such file or directory (a part of the path is not a directory)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    EISDIR: 'it is a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the path is too long',
    ENOSPC: 'no space left on the device',
    ERR_INVALID_ARG_VALUE: 'a path cannot hold a NUL character',
    ERR_INVALID_ARG_TYPE: 'a path cannot hold a NUL character',
  };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && reasons[code]) ?? (error as Error)?.message ?? String(error);
}
