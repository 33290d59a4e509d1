import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/cli/context.js';
import { buildProgram } from '../src/cli/program.js';
import { BUNDLED_DB, FIXTURE_DATA, fileDigest, fixtureDatabase, runBinary, runCli, tempDir, type CliResult } from './helpers.js';

/** Values a careless or hostile user might type into any option. */
const HOSTILE_VALUES = [
  // SQL injection
  "russia'; DROP TABLE events; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '1; DELETE FROM records',
  '%',
  '_',
  // FTS5 query syntax
  'pahalgam NEAR/2 attack',
  'title:attack*',
  '"unterminated',
  'AND OR NOT',
  '^(',
  // NUL bytes and other control characters
  '\u0000',
  'rus\u0000sia',
  'line one\nline two',
  '\u001b[31mred\u001b[0m',
  // many kilobytes
  'x'.repeat(100_000),
  'russia '.repeat(20_000),
  // odd Unicode
  '\u202eaissur',
  'Lavrov\u0301',
  '🇮🇳🇵🇰',
  '\uFEFFrussia',
  '\u200b',
  '\uD800',
  'İSTANBUL ß',
  // impossible, odd and far dates
  '2025-02-30',
  '2025-04-31',
  '2025-13',
  '2025-00-10',
  '20250422',
  '２０２５',
  '0000',
  '9999-12-31',
  // huge, negative and fractional numbers
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  '1e3',
  'NaN',
  // empty, blank, and things that look like options
  '',
  ' ',
  '--json',
  '-',
];

const silentIo = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTTY: false, env: {} };
const program = await buildProgram(silentIo, createContext(silentIo, () => ({ color: false })));

/** Every command, with the options that take a value and the arguments it needs, read from the program itself. */
const commands = program.commands.map((command) => ({
  name: command.name(),
  arguments: command.registeredArguments.map((argument) => argument.name()),
  valueOptions: command.options.filter((option) => option.required || option.optional).map((option) => option.long!),
  mandatoryOptions: command.options.filter((option) => option.mandatory).map((option) => option.long!),
}));

let db: string;
let scratch: string;
let digests: Record<string, string>;

beforeAll(() => {
  db = join(tempDir(), 'crisis.db');
  copyFileSync(fixtureDatabase(), db);
  scratch = tempDir();
  digests = { [db]: fileDigest(db), [BUNDLED_DB]: fileDigest(BUNDLED_DB) };
});

afterAll(() => {
  // Nothing typed anywhere in this file may change a database: the copy queried or the bundled one.
  for (const [path, digest] of Object.entries(digests)) expect(fileDigest(path), path).toBe(digest);
});

/** A value each argument and mandatory option needs for the command to succeed, so one hostile value is all that is wrong. */
function validArgv(command: (typeof commands)[number]): { args: string[]; options: string[] } {
  const argumentValues: Record<string, string> = { id: 'pahalgam-attack', dir: FIXTURE_DATA };
  const optionValues: Record<string, () => string> = { '--out': () => join(tempDir(), 'built.db') };
  return {
    args: command.arguments.map((name) => argumentValues[name] ?? 'x'),
    options: command.mandatoryOptions.flatMap((option) => [option, optionValues[option]?.() ?? 'x']),
  };
}

/** What every run must do, whatever it was given. */
function expectWellBehaved(result: CliResult, label: string): void {
  expect([0, 1, 2, 3], label).toContain(result.code);
  expect(result.stderr, label).not.toMatch(/\n\s+at |unexpected error/);
  if (result.code !== 0) {
    expect(result.stderr, label).not.toBe('');
    // validate's output is its list of problems, one per line; every other failure prints nothing on stdout.
    if (label.includes('"validate"')) expect(result.stdout, label).toMatch(/^([^\n]+: [^\n]+: [^\n]+\n)*$/);
    else expect(result.stdout, label).toBe('');
  }
  if (result.stderr.startsWith('crisis:')) {
    // One line: no control character but its final newline, and not a screenful of what was typed.
    expect(result.stderr, label).toMatch(/^crisis: [^\u0000-\u001f\u007f]*\n$/);
    expect(result.stderr.length, label).toBeLessThan(2_000);
  }
}

const label = (argv: string[]) => JSON.stringify(argv.map((arg) => (arg.length > 40 ? `${arg.slice(0, 40)}…(${arg.length})` : arg)));

/** Flags that make a command print something else altogether, whose options are swept again with the flag given. */
const MODES: Record<string, string[]> = { timeline: ['--chart'] };

describe('hostile values in every option', () => {
  const cases = commands.flatMap((command) =>
    [[], ...(MODES[command.name] ?? []).map((mode) => [mode])].flatMap((mode) =>
      [...command.valueOptions.filter((option) => !command.mandatoryOptions.includes(option)), ...command.arguments.map((name) => `<${name}>`)].map(
        (slot) => ({ command: [command.name, ...mode].join(' '), slot, spec: command, mode }),
      ),
    ),
  );

  it.each(cases)('crisis $command $slot: a clear one-line error or an answer', async ({ spec, slot, mode }) => {
    for (const value of HOSTILE_VALUES) {
      const { args, options } = validArgv(spec);
      const argv = slot.startsWith('<')
        ? [spec.name, ...mode, ...spec.arguments.map((name, i) => (`<${name}>` === slot ? value : args[i]!)), ...options]
        : [spec.name, ...mode, ...args, ...options, slot, value];
      const result = await runCli(['--db', db, ...argv]);
      expectWellBehaved(result, label(argv));
    }
  });
});

describe('limits', () => {
  const ids = async (limit: string) => {
    const result = await runCli(['--db', db, 'events', '--json', '--limit', limit]);
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
  };

  it('a limit past any number of rows gives every row', async () => {
    const all = JSON.parse((await runCli(['--db', db, 'events', '--json'])).stdout).map((row: { id: string }) => row.id);
    expect(all.length).toBeGreaterThan(1);
    for (const huge of ['99999999999999999999', String(Number.MAX_SAFE_INTEGER), '9'.repeat(400)]) expect(await ids(huge)).toEqual(all);
    expect(await ids('007')).toEqual(all);
    expect(await ids('1')).toEqual(all.slice(0, 1));
  });

  it.each(['-1', '0', '1.5', '1e3', '0x10', 'Infinity', 'NaN', '', ' ', '½', '١', '+1'])('--limit %j is a usage error', async (limit) => {
    const result = await runCli(['--db', db, 'events', '--limit', limit]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `crisis: invalid limit '${limit}': use a whole number of 1 or more\n` });
  });
});

describe('dates', () => {
  it.each(['2025-02-30', '2025-02-29', '2023-02-29', '2025-04-31', '2025-13', '2025-00-10', '2025-4-1', '20250422', '2025/04/22', '２０２５', '99999', ''])(
    '--since %j is a usage error',
    async (date) => {
      const result = await runCli(['--db', db, 'events', '--since', date]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`crisis: invalid date '${date}' for --since: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-04-22\n`);
    },
  );

  it.each(['2024-02-29', '0001', '9999-12-31'])('--until %j is a real date and gives an answer', async (date) => {
    const result = await runCli(['--db', db, 'events', '--until', date, '--json']);
    expect(result.code).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });
});

describe('messages that echo what was typed', () => {
  it.each([
    { typed: 'a\nb', shown: "'a\\nb'" },
    { typed: 'x\u0000y', shown: "'x\\u0000y'" },
    { typed: '\u001b[31mred', shown: "'\\u001b[31mred'" },
    { typed: '\u202eaissur', shown: "'\\u202eaissur'" },
    { typed: 'x'.repeat(100_000), shown: `'${'x'.repeat(60)}…'` },
  ])('show $shown on one line', async ({ typed, shown }) => {
    const result = await runCli(['--db', db, 'events', '--actor', typed]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `crisis: unknown actor ${shown} for --actor; see crisis actors\n` });
  });
});

/** Tokens an argv is made of: commands, options, their hostile values and anything at all. */
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...commands.map((command) => command.name)) },
  { weight: 4, arbitrary: fc.constantFrom(...new Set(commands.flatMap((command) => command.valueOptions)), '--json', '--chart', '--cite', '--no-color', '--help', '--db', '-V') },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES.filter((value) => value.length < 1000)) },
  { weight: 2, arbitrary: fc.constantFrom('russia', 'pakistan', 'pahalgam-attack', 'simla', 'call', 'airspace', '2025-05', 'json', 'csv', 'table', 'id,date', '3', FIXTURE_DATA) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Keeps a generated `build` from writing anywhere but the scratch folder. */
function confineOutput(argv: string[]): string[] {
  return argv.map((arg, i) => (argv[i - 1] === '--out' ? join(scratch, `out-${i}.db`) : arg));
}

describe('any command line', () => {
  it('ends with 0, 1, 2 or 3, a message on stderr unless 0, never a stack trace, never a changed database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), fc.boolean(), async (tokens, throughEnvironment) => {
        const argv = confineOutput(tokens);
        const result = throughEnvironment ? await runCli(argv, { env: { CRISIS_DB: db } }) : await runCli(['--db', db, ...argv]);
        expectWellBehaved(result, label(argv));
      }),
      { numRuns: 400 },
    );
    expect(fileDigest(db)).toBe(digests[db]);
  });

  it('behaves the same in the real binary', () => {
    const noNul = token.filter((value) => !value.includes('\u0000'));
    fc.assert(
      fc.property(fc.array(noNul, { minLength: 1, maxLength: 5 }), (tokens) => {
        const argv = confineOutput(tokens);
        const result = runBinary(['--db', db, ...argv]);
        expectWellBehaved(result, label(argv));
      }),
      { numRuns: 12 },
    );
  });
});
