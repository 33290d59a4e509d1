import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DB,
  ROOT,
  asUnprivileged,
  buildFixture,
  fileDigest,
  fixtureDatabase,
  fixtureFolder,
  runBinary,
  runCli,
  tempDir,
  unprivilegedCanRunCrisis,
  type FixtureChange,
} from './helpers.js';

const FIXTURE_COUNTS = '6 actors, 1 agreement, 3 events, 2 statements, 2 measures, 3 sources';

/** Several problems in one file and one in another, each a different kind of mistake. */
const brokenFacts: FixtureChange = {
  file: 'events.yaml',
  edit: (records) => {
    records[0]!.date = '2025-02-30';
    delete records[1]!.title;
    (records[2]!.actors as { actor: string }[])[0]!.actor = 'nobody-at-all';
  },
};

describe('crisis validate', () => {
  it('exits 0 for clean fact files, with nothing on stdout and a count on stderr', async () => {
    const dir = fixtureFolder();
    expect(await runCli(['validate', dir])).toEqual({ code: 0, stdout: '', stderr: `no problems in '${dir}': ${FIXTURE_COUNTS}\n` });
  });

  it('lists every problem, one a line (file, record, field, reason), and exits 1', async () => {
    const dir = fixtureFolder(brokenFacts);
    const result = await runCli(['validate', dir]);
    expect(result.code).toBe(1);
    const events = join(dir, 'events.yaml');
    expect(result.stdout).toBe(
      [
        `${events}: lavrov-dar-call: title: Invalid input: expected string, received undefined`,
        `${events}: pahalgam-attack: date '2025-02-30' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`,
        `${events}: putin-modi-call: actors.0.actor: no record 'nobody-at-all'`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`crisis: 3 problems in the fact files in '${dir}'\n`);
  });

  it('keeps each problem on one line, even a quote that spans lines', async () => {
    const dir = fixtureFolder({ file: 'events.yaml', edit: (records) => ((records[0]!.sources as { quote: string }[])[0]!.quote = 'not\nin the source') });
    const result = await runCli(['validate', dir]);
    expect(result.stdout).toBe(
      `${join(dir, 'events.yaml')}: pahalgam-attack: sources.0.quote is not found word for word in source 'seed-article': "not\\nin the source"\n`,
    );
  });

  it('reports what the build reports, for the same files', async () => {
    const { problems, dir } = buildFixture(brokenFacts);
    const result = await runCli(['validate', dir]);
    expect(result.stdout).toBe(problems.map((problem) => `${join(dir, problem)}\n`).join(''));
  });

  it.each([
    { what: 'a missing fact file', change: { file: 'agreements.yaml', remove: true } as FixtureChange, line: (dir: string) => `${join(dir, 'agreements.yaml')}: -: file is missing` },
    { what: 'a file that is not YAML', change: { file: 'actors.yaml', text: '- id: [unclosed\n' }, line: (dir: string) => `${join(dir, 'actors.yaml')}: -: not valid YAML: ` },
    { what: 'a file that is not a list', change: { file: 'sources.yaml', text: 'id: seed-article\n' }, line: (dir: string) => `${join(dir, 'sources.yaml')}: -: must be a YAML list of records` },
  ])('names $what', async ({ change, line }) => {
    const dir = fixtureFolder(change);
    const result = await runCli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(line(dir));
  });

  it.each([
    { what: 'a folder that does not exist', make: () => join(tempDir(), 'nothing-here'), reason: 'no such file or directory' },
    { what: 'a file, not a folder', make: () => join(fixtureFolder(), 'events.yaml'), reason: 'it is not a directory' },
  ])('on $what exits 1 with one line', async ({ make, reason }) => {
    const dir = make();
    expect(await runCli(['validate', dir])).toEqual({ code: 1, stdout: '', stderr: `crisis: cannot read fact files in '${dir}': ${reason}\n` });
  });

  it('on a bundled text it cannot read exits 1 with one line naming it', async () => {
    const dir = fixtureFolder({ file: 'sources.yaml', edit: (records) => (records[0]!.text = 'texts') });
    expect(await runCli(['validate', dir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `crisis: cannot read a file in '${dir}': it is a directory\n`,
    });
  });
});

describe('crisis build', () => {
  const eventsJson = async (argv: string[], env: Record<string, string> = {}) => (await runCli([...argv, 'events', '--json'], { env })).stdout;

  it('writes a database from valid facts that --db and CRISIS_DB then query', async () => {
    const dir = fixtureFolder();
    const out = join(tempDir(), 'mine.db');
    expect(await runCli(['build', dir, '--out', out])).toEqual({ code: 0, stdout: '', stderr: `built '${out}': ${FIXTURE_COUNTS}\n` });
    const expected = await eventsJson(['--db', fixtureDatabase()]);
    expect(JSON.parse(expected)).toHaveLength(3);
    expect(await eventsJson(['--db', out])).toBe(expected);
    expect(await eventsJson([], { CRISIS_DB: out })).toBe(expected);
  });

  it('writes nothing from invalid facts: the problems on stderr, exit 1, no file and no leftovers', async () => {
    const dir = fixtureFolder(brokenFacts);
    const folder = tempDir();
    const out = join(folder, 'mine.db');
    const result = await runCli(['build', dir, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual((await runCli(['validate', dir])).stdout.trimEnd().split('\n'));
    expect(lines.at(-1)).toBe(`crisis: 3 problems in the fact files in '${dir}'; nothing written to '${out}'`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves an existing database as it was when the new facts are invalid', async () => {
    const out = join(tempDir(), 'mine.db');
    expect((await runCli(['build', fixtureFolder(), '--out', out])).code).toBe(0);
    const before = fileDigest(out);
    expect((await runCli(['build', fixtureFolder(brokenFacts), '--out', out])).code).toBe(1);
    expect(fileDigest(out)).toBe(before);
  });

  it('replaces an existing database whole when the new facts are valid', async () => {
    const out = join(tempDir(), 'mine.db');
    expect((await runCli(['build', fixtureFolder(), '--out', out])).code).toBe(0);
    const fewer = fixtureFolder({ file: 'events.yaml', edit: (records) => (records[0]!.title = 'A retitled attack') });
    expect((await runCli(['build', fewer, '--out', out])).code).toBe(0);
    expect(JSON.parse(await eventsJson(['--db', out]))[0].title).toBe('A retitled attack');
    expect(readdirSync(join(out, '..'))).toEqual(['mine.db']);
  });

  it('refuses a file that is not an SQLite database unless --force', async () => {
    const out = join(tempDir(), 'notes.txt');
    writeFileSync(out, 'my notes\n');
    expect(await runCli(['build', fixtureFolder(), '--out', out])).toEqual({
      code: 2,
      stdout: '',
      stderr: `crisis: --out '${out}' exists and is not an SQLite database; give --force to replace it\n`,
    });
    expect((await runCli(['build', fixtureFolder(), '--out', out, '--force'])).code).toBe(0);
    expect(JSON.parse(await eventsJson(['--db', out]))).toHaveLength(3);
  });

  it.each([
    { what: 'a directory', out: () => tempDir(), reason: 'it is a directory' },
    { what: 'a folder that does not exist', out: () => join(tempDir(), 'no', 'such', 'folder', 'mine.db'), reason: 'its folder: no such file or directory' },
    { what: 'a path with a NUL character', out: () => join(tempDir(), 'mi\u0000ne.db'), reason: 'a path cannot hold a NUL character' },
  ])('into $what exits 1 with one line', async ({ out, reason }) => {
    const path = out();
    const shown = path.replace('\u0000', '\\u0000');
    expect(await runCli(['build', fixtureFolder(), '--out', path])).toEqual({ code: 1, stdout: '', stderr: `crisis: cannot write '${shown}': ${reason}\n` });
  });

  it('needs --out', async () => {
    expect(await runCli(['build', fixtureFolder()])).toEqual({ code: 2, stdout: '', stderr: "crisis: required option '--out <file>' not specified\n" });
  });
});

describe('the bundled database', () => {
  const bundledNames = () => {
    const linkFolder = tempDir();
    symlinkSync(BUNDLED_DB, join(linkFolder, 'link.db'));
    return [BUNDLED_DB, relative(process.cwd(), BUNDLED_DB), join(ROOT, 'data', '..', 'data', 'crisis.db'), join(linkFolder, 'link.db')];
  };

  it('is never the output of crisis build, however it is named, unless --force', async () => {
    const before = fileDigest(BUNDLED_DB);
    for (const out of bundledNames()) {
      const result = await runCli(['build', fixtureFolder(), '--out', out]);
      expect(result, out).toEqual({
        code: 2,
        stdout: '',
        stderr: `crisis: --out '${out}' is the bundled database, which npm run build makes from data/; give --force to replace it anyway\n`,
      });
    }
    expect(fileDigest(BUNDLED_DB)).toBe(before);
  });

  it('--force lifts the refusal, and invalid facts still write nothing', async () => {
    const before = fileDigest(BUNDLED_DB);
    const result = await runCli(['build', fixtureFolder(brokenFacts), '--out', BUNDLED_DB, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/; nothing written to '.*crisis\.db'\n$/);
    expect(fileDigest(BUNDLED_DB)).toBe(before);
  });
});

describe('the binary', () => {
  it('validates, builds and queries a user\'s facts end to end', () => {
    const dir = fixtureFolder();
    const out = join(tempDir(), 'mine.db');
    expect(runBinary(['validate', dir])).toEqual({ code: 0, stdout: '', stderr: `no problems in '${dir}': ${FIXTURE_COUNTS}\n` });
    expect(runBinary(['build', dir, '--out', out])).toEqual({ code: 0, stdout: '', stderr: `built '${out}': ${FIXTURE_COUNTS}\n` });
    const viaOption = runBinary(['--db', out, 'events', '--fields', 'id']);
    expect(viaOption).toEqual({ code: 0, stdout: 'id\npahalgam-attack\nputin-modi-call\nlavrov-dar-call\n', stderr: '' });
    expect(runBinary(['events', '--fields', 'id'], { CRISIS_DB: out })).toEqual(viaOption);
  });

  it('reports invalid facts with status 1 and no stack trace', () => {
    const dir = fixtureFolder(brokenFacts);
    const validate = runBinary(['validate', dir]);
    expect(validate.code).toBe(1);
    expect(validate.stdout.trimEnd().split('\n')).toHaveLength(3);
    const build = runBinary(['build', dir, '--out', join(tempDir(), 'mine.db')]);
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!unprivilegedCanRunCrisis())('building on a read-only file system', () => {
  it('exits 1 with one line and writes nothing', () => {
    const dir = fixtureFolder();
    chmodSync(dir, 0o755);
    const folder = tempDir();
    chmodSync(folder, 0o555);
    const out = join(folder, 'mine.db');
    expect(runBinary(['build', dir, '--out', out], {}, asUnprivileged)).toEqual({
      code: 1,
      stdout: '',
      stderr: `crisis: cannot write '${out}': its folder: permission denied\n`,
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('start-up of the other commands', () => {
  it('loads yaml and zod only for validate and build', () => {
    // The binary runs one CommonJS bundle that leaves yaml and zod outside it: a preloaded hook on
    // require reports each of the two packages as it is first loaded.
    const hook = `const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if ((request === 'yaml' || request === 'zod') && !globalThis[request]) {
          globalThis[request] = true;
          process.stderr.write('loaded ' + request + '\\n');
        }
        return load.call(this, request, ...rest);
      };`;
    const hookFile = join(tempDir(), 'report-loads.cjs');
    writeFileSync(hookFile, hook);
    const loaded = (args: string[]) =>
      spawnSync(process.execPath, ['--require', hookFile, join(ROOT, 'bin', 'crisis.js'), ...args], { encoding: 'utf8' })
        .stderr.split('\n')
        .filter((line) => line.startsWith('loaded '))
        .sort();
    for (const args of [['events', '--actor', 'russia'], ['show', 'russia', '--json'], ['--version'], ['build', '--help']]) expect(loaded(args), args.join(' ')).toEqual([]);
    expect(loaded(['validate', fixtureFolder()])).toEqual(['loaded yaml', 'loaded zod']);
  });
});

describe('the npm package', () => {
  it('ships the build, and yaml and zod as run-time dependencies, so validate and build work once installed', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['bin/crisis.js', 'data/crisis.db', 'dist/compile/read-fact-files.js', 'dist/compile/rules.js', 'dist/commands/build.js']));
    expect(files.filter((file) => file.startsWith('test/') || file.startsWith('src/'))).toEqual([]);
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });
});
