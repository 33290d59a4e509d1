import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, fileDigest, fixtureDatabase, runCli, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin', 'crisis.js');
const FILLER_EVENTS = 20_000;

let large: string;
beforeAll(() => {
  large = largeDatabase(FILLER_EVENTS);
});

/** The fixture database with many more events, each citing the fixture's source: output of megabytes. */
function largeDatabase(count: number): string {
  const path = join(tempDir(), 'large.db');
  copyFileSync(fixtureDatabase(), path);
  const db = new Database(path);
  const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`;
  db.exec(`
    ${numbers} INSERT INTO records (id, kind, date, date_precision, date_start, date_end, date_basis, title)
      SELECT 'filler-' || i, 'event', '2025-05-05', 'day', '2025-05-05', '2025-05-05', 'stated', 'Filler event ' || i FROM n;
    ${numbers} INSERT INTO events (id, date, date_precision, date_start, date_end, date_basis, title, summary, type)
      SELECT 'filler-' || i, '2025-05-05', 'day', '2025-05-05', '2025-05-05', 'stated', 'Filler event ' || i,
             'An event that is here only to make the output long enough to interrupt, number ' || i, 'call' FROM n;
    ${numbers} INSERT INTO citations (record_id, position, source_id, reports, quote)
      SELECT 'filler-' || i, 0, 'seed-article', 'Names the attack.', 'the Pahalgam terror attack' FROM n;`);
  db.close();
  return path;
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  stderr: string;
}

/**
 * Runs `command`, and on its first output stops reading, sends Ctrl-C (`interrupt`) and reads on to
 * the end. While the reader does not read, the writer cannot run ahead by more than the pipe holds,
 * so the output is cut whatever the machine's speed: no timing decides the outcome.
 */
function interruptOnFirstOutput(command: string, args: string[], interrupt: (child: ReturnType<typeof spawn>) => void): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.on('data', (chunk: string) => {
      const first = output === '';
      output += chunk;
      if (!first) return;
      child.stdout!.pause();
      interrupt(child);
      setImmediate(() => child.stdout!.resume());
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output, stderr }));
  });
}

/** A whole line of the events table: its header, a filler event's (with no actors) or one of the fixture's events'. */
const TABLE_LINE = /^(ID +DATE +TYPE +TITLE +ACTORS|filler-(\d+) +2025-05-05 +call +Filler event \2|(pahalgam-attack|putin-modi-call|lavrov-dar-call) +2025-.*[a-z)…])$/;

const fullLength = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.length;

describe('Ctrl-C during long output', () => {
  it('in a pipe: exit 130, output cut after a whole record', async () => {
    const args = ['--db', large, 'events', '--format', 'jsonl'];
    const result = await interruptOnFirstOutput(process.execPath, [BIN, ...args], (child) => child.kill('SIGINT'));
    expect(result).toMatchObject({ code: 130, signal: null, stderr: '' });
    expect(result.output.endsWith('\n')).toBe(true);
    const lines = result.output.trimEnd().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.length).toBeLessThan(FILLER_EVENTS / 2);
    expect(result.output.length).toBeLessThan(fullLength(args) / 10);
  });

  it('in a pipe, as a table: every line printed is a whole line of the table', async () => {
    const result = await interruptOnFirstOutput(process.execPath, [BIN, '--db', large, 'events', '--format', 'table'], (child) => child.kill('SIGINT'));
    expect(result).toMatchObject({ code: 130, signal: null, stderr: '' });
    const lines = result.output.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(TABLE_LINE);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThan(FILLER_EVENTS);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('on a terminal: ^C typed at the keyboard ends it with 130, the colour reset and a fresh line for the prompt', async () => {
    // script(1) runs crisis on a pseudo-terminal; the ^C written to it is turned into SIGINT by the terminal itself.
    const command = `exec ${process.execPath} ${BIN} --db ${large} events`;
    const result = await interruptOnFirstOutput('script', ['-qec', command, '/dev/null'], (child) => child.stdin!.write('\u0003'));
    expect(result.code).toBe(130);
    expect(result.output.endsWith('\r\n\u001b[0m\r\n')).toBe(true);
    const lines = result.output.replace(/\^C/g, '').replace(/\u001b\[\d+m/g, '').split('\r\n').slice(0, -2);
    // The terminal itself throws away the output it holds when ^C is typed, which may splice two
    // lines into one; every other line is whole.
    expect(lines.filter((line) => !TABLE_LINE.test(line)).length).toBeLessThanOrEqual(1);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThan(FILLER_EVENTS);
  });

  it('in-process: an interruption stops the writing after whole lines, status 130', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const result = await runCli(['--db', large, 'events', '--format', 'tsv'], { interrupted: interrupt.signal });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.split('\n').slice(1, -1).every((line) => line.split('\t').length === 6)).toBe(true);
    expect(result.stdout.length).toBeLessThan((await runCli(['--db', large, 'events', '--format', 'tsv'])).stdout.length);
  });

  it('in-process, on a terminal: ends with the colour reset and a fresh line, so the prompt does not follow the ^C', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const result = await runCli(['--db', large, 'events', '--format', 'jsonl'], { tty: true, interrupted: interrupt.signal });
    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('}\n\u001b[0m\n')).toBe(true);
  });

  it('a short output is written at once and never interrupted', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const db = fixtureDatabase();
    const before = fileDigest(db);
    expect(await runCli(['--db', db, 'events', '--json'], { interrupted: interrupt.signal })).toEqual(await runCli(['--db', db, 'events', '--json']));
    expect(fileDigest(db)).toBe(before);
  });
});
