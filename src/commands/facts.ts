import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, fileProblem, quoted } from '../cli/errors.js';

/** A path as messages show it: long enough for any real path, never the whole of a hostile one. */
export const shownPath = (path: string) => quoted(path, 400);

/** "2 actors, 1 event, …": what a folder of fact files holds. */
export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(', ');
}

/** The fact-file folder a user named, or a DataError saying why it is not one. */
export function checkFactFolder(dir: string): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw new DataError(`cannot read fact files in ${shownPath(dir)}: ${fileProblem(error)}`);
  }
  if (!stats.isDirectory()) throw new DataError(`cannot read fact files in ${shownPath(dir)}: it is not a directory`);
}

/** Problems as validate and build print them: the file as the user can open it, the record, the field and the reason. */
export function problemLines(dir: string, problems: { file: string; record: string; message: string }[]): string {
  return problems.map((problem) => `${join(dir, problem.file)}: ${problem.record}: ${problem.message}\n`).join('');
}

/**
 * The one line to say for an error the build threw while reading a user's folder: it throws Node's
 * errors for files it cannot read (a bundled text that is a directory or may not be read). Other
 * errors are not about reading, and give undefined.
 */
export function unreadableFacts(dir: string, error: unknown): DataError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code?.startsWith('E')) return undefined;
  return new DataError(`cannot read ${path ? shownPath(path) : `a file in ${shownPath(dir)}`}: ${fileProblem(error)}`);
}
