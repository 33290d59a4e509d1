import type { Command } from 'commander';
import { accessSync, closeSync, constants, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { BuildFailed, checkFactFolder, describeCounts, problemLines, problemsIn, unreadableFacts } from '../compile/problems.js';
import { BUNDLED_DB } from '../db/open.js';
import { DataError, fileProblem, quotedPath, UsageError } from '../errors.js';

export function register(program: Command, ctx: Context): void {
  program
    .command('build')
    .description('Build a crisis database from a folder of fact files; nothing is written unless every fact is valid')
    .argument('<dir>', 'a folder of fact files in the data/ format (see crisis validate)')
    .requiredOption('--out <file>', 'the database to write; it appears whole or not at all')
    .option('--force', 'replace the bundled database, or a file that is not an SQLite database')
    .addHelpText('before', `Examples:
  $ crisis build my-facts --out my-facts.db
  $ crisis --db my-facts.db events
  $ CRISIS_DB=my-facts.db crisis show my-event-id
`)
    .addHelpText('after', `
Problems are listed on stderr as crisis validate lists them, and the status is 1.
`)
    .action(async (dir: string, raw: { out: string; force?: boolean }) => {
      checkOutput(raw.out, raw.force === true);
      checkFactFolder(dir);
      // The build (and with it yaml and zod) loads only here, so other commands start no slower.
      const { compileDatabase } = await import('../compile/compile.js');
      let counts: Record<string, number>;
      try {
        ({ counts } = compileDatabase(dir, raw.out));
      } catch (error) {
        if (error instanceof BuildFailed) {
          ctx.io.stderr.write(problemLines(dir, error.problems));
          throw new DataError(`${problemsIn(dir, error.problems.length)}; nothing written to ${quotedPath(raw.out)}`);
        }
        // The output's own file errors (renaming the finished file into place) name it or its temporary twin.
        const path = (error as NodeJS.ErrnoException).path;
        const aboutOutput = path !== undefined && resolve(path).startsWith(resolve(raw.out));
        throw (!aboutOutput && unreadableFacts(dir, error)) || new DataError(`cannot write ${quotedPath(raw.out)}: ${fileProblem(error)}`);
      }
      ctx.io.stderr.write(`built ${quotedPath(raw.out)}: ${describeCounts(counts)}\n`);
    });
}

/** Refuses, before any work, an output that would replace what it must not or cannot be written. */
function checkOutput(out: string, force: boolean): void {
  const cannotWrite = (reason: string) => new DataError(`cannot write ${quotedPath(out)}: ${reason}`);
  let stats;
  try {
    stats = statSync(out, { throwIfNoEntry: false });
  } catch (error) {
    throw cannotWrite(fileProblem(error));
  }
  if (!force && isBundledDatabase(out)) {
    throw new UsageError(`--out ${quotedPath(out)} is the bundled database, which npm run build makes from data/; give --force to replace it anyway`);
  }
  if (stats?.isDirectory()) throw cannotWrite('it is a directory');
  if (stats && stats.size > 0 && !force && !isSqliteFile(out)) {
    throw new UsageError(`--out ${quotedPath(out)} exists and is not an SQLite database; give --force to replace it`);
  }
  try {
    accessSync(dirname(resolve(out)), constants.W_OK);
  } catch (error) {
    throw cannotWrite(`its folder: ${fileProblem(error)}`);
  }
}

/** The same file as the bundled database, however it is named: a relative path, a symbolic or a hard link. */
function isBundledDatabase(out: string): boolean {
  try {
    const [target, bundled] = [statSync(out), statSync(BUNDLED_DB)];
    if (target.dev === bundled.dev && target.ino === bundled.ino) return true;
  } catch {
    // one of them does not exist yet: compare where they would be
  }
  return canonicalPath(out) === canonicalPath(BUNDLED_DB);
}

function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

function isSqliteFile(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const header = Buffer.alloc(SQLITE_HEADER.length);
      readSync(fd, header, 0, header.length, 0);
      return header.toString('latin1') === SQLITE_HEADER;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
