import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, fileProblem, quotedPath } from '../errors.js';
import { visible } from '../text.js';

/** One reason a fact file cannot be built, naming the file and record so a reviewer can find it. */
export interface Problem {
  file: string;
  record: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.record}: ${problem.message}`;
}

/** "2 actors, 1 event, …": what a build read, as it and `crisis validate` report it. */
export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(', ');
}

export class BuildFailed extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the fact files`);
  }
}

/** The fact-file folder a user named, or a DataError saying why it is not one. */
export function checkFactFolder(dir: string): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw new DataError(`cannot read fact files in ${quotedPath(dir)}: ${fileProblem(error)}`);
  }
  if (!stats.isDirectory()) throw new DataError(`cannot read fact files in ${quotedPath(dir)}: it is not a directory`);
}

/**
 * Problems as validate and build print them, one a line: the file as the user can open it, the
 * record, the field and the reason. A quote in a reason may hold a newline: it is escaped.
 */
export function problemLines(dir: string, problems: { file: string; record: string; message: string }[]): string {
  return problems.map((problem) => `${visible(`${join(dir, problem.file)}: ${problem.record}: ${problem.message}`)}\n`).join('');
}

/** "3 problems in the fact files in 'my-facts'" */
export function problemsIn(dir: string, count: number): string {
  return `${count} problem${count === 1 ? '' : 's'} in the fact files in ${quotedPath(dir)}`;
}

/**
 * The one line to say for an error the build threw while reading a user's folder: it throws Node's
 * errors for files it cannot read (a bundled text that is a directory or may not be read). Other
 * errors are not about reading, and give undefined.
 */
export function unreadableFacts(dir: string, error: unknown): DataError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code?.startsWith('E')) return undefined;
  return new DataError(`cannot read ${path ? quotedPath(path) : `a file in ${quotedPath(dir)}`}: ${fileProblem(error)}`);
}
