import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileDatabase } from '../src/compile/compile.js';
import { BuildFailed, formatProblem } from '../src/compile/problems.js';
import { createContext, type Context } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import { buildProgram } from '../src/cli/program.js';
import type { Command } from 'commander';
import { outputsOf, type Output } from '../src/fields/json-schema.js';
import type { Kind } from '../src/fields/define.js';

export const ROOT = join(import.meta.dirname, '..');

/** The bundled data's release as data/release.yaml names it. */
export const bundledRelease = (): { version: string; released: string } => parse(readFileSync(join(ROOT, 'data', 'release.yaml'), 'utf8'));

/** What `crisis --version` prints for a database of this release (none for facts that name no release). */
export function versionOutput(release?: { version: string; released: string }): RegExp {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const data = release ? `${release.version.replaceAll('.', '\\.')}, released ${release.released}` : 'unversioned';
  return new RegExp(`^crisis ${version.replaceAll('.', '\\.')}\ndata ${data}, digest [0-9a-f]{12}\n$`);
}
export const DATA_DIR = join(ROOT, 'data');
export const BUNDLED_DB = join(DATA_DIR, 'crisis.db');
export const FIXTURE_DATA = join(ROOT, 'test', 'fixtures', 'data');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  tty?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
  /** Stands for Ctrl-C: abort it and the command stops writing as it would on SIGINT. */
  interrupted?: AbortSignal;
}

/** Runs the CLI in-process with captured streams, as the binary would but without a subprocess. */
export async function runCli(argv: string[], { tty = false, columns = 100, env = {}, interrupted }: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdoutIsTTY: tty,
    columns,
    env,
    interrupted,
  });
  return { code, stdout, stderr };
}

/** The whole program, every command set up, with streams that discard what they are given. */
export async function wholeProgram(): Promise<{ program: Command; ctx: Context }> {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTTY: false, env: {} };
  const ctx = createContext(io, () => ({ color: false }));
  return { program: await buildProgram(io, ctx), ctx };
}

/** What every command prints with --json, as crisis schema describes it: list commands' kinds, then the objects. */
export async function describedOutputs(): Promise<{ outputs: Output[]; kinds: Kind[] }> {
  const outputs = outputsOf((await wholeProgram()).ctx.commands);
  return { outputs, kinds: outputs.filter((output): output is Kind => 'fields' in output) };
}

/** Runs the built binary, as a user's shell would; `as` runs it as another user (root may). */
export function runBinary(args: string[], env: Record<string, string> = {}, as: { uid?: number; gid?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'crisis.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    ...as,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Root reads and writes through any permission, so as root a test that needs a read-only file or
 * folder runs the binary as the unprivileged user `nobody`; a read-only folder then stands for a
 * read-only file system. Such tests are skipped where even that cannot run the binary.
 */
export const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
export function unprivilegedCanRunCrisis(): boolean {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'crisis.js'), '--version'], { ...asUnprivileged }).status === 0;
}

export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const madeDirs: string[] = [];

/** A new folder in the system's temporary folder, removed with everything in it when the test file is done. */
export function tempDir(prefix = 'crisis-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

// Registered by each test file that imports this module (each file has its own copy), after its own tests.
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Records = Record<string, unknown>[];

/**
 * Copies the fixture fact files, lets `change` edit, replace or remove one file, and builds. Returns the
 * problems the build reported (formatted as the build prints them), or none and the database path.
 */
export type FixtureChange =
  | { file: string; edit: (records: Records) => void }
  | { file: string; text: string }
  | { file: string; remove: true };

/** A change adding pages to the fixture's sources, each with a title, an address and the date it was published. */
export const addPages = (...pages: { id: string; published: string }[]): FixtureChange => ({
  file: 'sources.yaml',
  edit: (records) => void records.push(...pages.map(({ id, published }) => ({ id, title: `A page of ${published}`, url: `https://example.org/${id}`, published }))),
});

/** A copy of the fixture fact files in a new folder, with each change made to its file. */
export function fixtureFolder(changes?: FixtureChange | FixtureChange[]): string {
  const dir = tempDir();
  cpSync(FIXTURE_DATA, dir, { recursive: true });
  for (const change of [changes ?? []].flat()) {
    const path = join(dir, change.file);
    if ('edit' in change) {
      const records = (parse(readFileSync(path, 'utf8')) ?? []) as Records;
      change.edit(records);
      writeFileSync(path, stringify(records));
    } else if ('text' in change) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, change.text);
    } else {
      rmSync(path);
    }
  }
  return dir;
}

export function buildFixture(changes?: FixtureChange | FixtureChange[]): { problems: string[]; db: string; dir: string } {
  const dir = fixtureFolder(changes);
  const db = join(dir, 'crisis.db');
  try {
    compileDatabase(dir, db);
    return { problems: [], db, dir };
  } catch (error) {
    if (error instanceof BuildFailed) return { problems: error.problems.map(formatProblem), db, dir };
    throw error;
  }
}

/** The fixture database, built once per test file. */
let fixtureDb: string | undefined;
export function fixtureDatabase(): string {
  if (!fixtureDb) {
    const { problems, db } = buildFixture();
    if (problems.length) throw new Error(`fixture does not build:\n${problems.join('\n')}`);
    fixtureDb = db;
  }
  return fixtureDb;
}

export function find(records: Records, id: string): Record<string, unknown> {
  const record = records.find((r) => r.id === id);
  if (!record) throw new Error(`fixture has no record '${id}'`);
  return record;
}

export type Shell = 'bash' | 'zsh' | 'fish';

/** Whether `shell` is installed, and util-linux's script, which gives it a terminal of its own. */
export const canTypeInto = (shell: Shell) => !spawnSync(shell, ['-c', 'true']).error && !spawnSync('script', ['--version']).error;

/**
 * Types `keys` into an interactive `shell` on a terminal of its own (script), with crisis's completion loaded and
 * `crisis` on the PATH as the built binary, then exits: a tab there completes as it would for a user. Returns the
 * arguments of each run of crisis other than completion's. `offered`, if given, is what `crisis __complete` prints
 * instead of crisis's own candidates.
 */
export function typeIntoShell(shell: Shell, keys: string, { offered }: { offered?: string } = {}): string[][] {
  const home = tempDir();
  const log = join(home, 'runs');
  const crisis = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'crisis.js'))} "$@"`;
  writeFileSync(
    join(home, 'crisis'),
    `#!/bin/sh
case "$1" in
  __complete) ${offered === undefined ? crisis : `printf '%s\\n' '${offered}'`} ;;
  completion) ${crisis} ;;
  *) for arg in "$@"; do printf '%s\\037' "$arg"; done >> ${log}; echo >> ${log}; ${crisis} ;;
esac
`,
    { mode: 0o755 },
  );
  const load = `eval "$(crisis completion ${shell})"`;
  writeFileSync(join(home, 'bashrc'), `PS1='$ '\n${load}\n`);
  writeFileSync(join(home, '.zshrc'), `PS1='$ '\nautoload -Uz compinit && compinit -u -D\n${load}\n`);
  const started = { bash: `bash --noprofile --rcfile ${home}/bashrc -i`, zsh: 'zsh -i', fish: `fish --no-config -i -C 'crisis completion fish | source'` }[shell];
  // Its history and settings go to the temporary home, not the user's.
  const result = spawnSync('script', ['-qec', started, '/dev/null'], {
    input: `${keys}exit\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: `${home}:${process.env.PATH}`, HOME: home, ZDOTDIR: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, HISTFILE: '/dev/null', TERM: 'xterm' },
  });
  if (result.error) throw result.error;
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\u001f').slice(0, -1)) : [];
}
