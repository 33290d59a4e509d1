import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/cli/context.js';
import { buildProgram, COMMANDS } from '../src/cli/program.js';
import { textWidth } from '../src/render/text-width.js';
import { foldName, hasLetterOrDigit } from '../src/text.js';
import { bundles } from '../scripts/bundle.mjs';
import { bundledRelease, ROOT, runCli, tempDir, versionOutput } from './helpers.js';

/** What start-up speed rests on, checked for what it does rather than how long it takes. */
describe('the fast paths agree with the slow ones', () => {
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

  it('folds every printable ASCII name as the Unicode folding does', () => {
    const unicodeFold = (text: string) => foldName(`${text}\u00e9`).replace(/e$/, '').trim();
    for (const text of [...ascii, ascii.join(''), 'S. Jaishankar', 'RUSSIAN Federation', "  Russia's  ", 'U.S.-India']) {
      expect(foldName(text), JSON.stringify(text)).toBe(unicodeFold(text));
    }
  });

  it('finds a letter or digit in printable ASCII as the Unicode test does', () => {
    const unicodeTest = (text: string) => /[\p{L}\p{N}]/u.test(text);
    for (const text of [...ascii, ascii.join(''), "'...'", '(U.S.)', '--', '']) {
      expect(hasLetterOrDigit(text), JSON.stringify(text)).toBe(unicodeTest(text));
    }
    for (const text of ['é', '印度', '…', '١٢', '\u00a0']) expect(hasLetterOrDigit(text), JSON.stringify(text)).toBe(unicodeTest(text));
  });

  it('measures every narrow character as string-width does, and leaves the rest to it', () => {
    const narrow = [...ascii];
    for (let code = 0xa0; code <= 0x2ff; code++) narrow.push(String.fromCharCode(code));
    for (let code = 0x2010; code <= 0x2027; code++) narrow.push(String.fromCharCode(code));
    for (const text of [...narrow, narrow.join(''), 'Operation Sindoor — “Bunyan-um-Marsoos”…']) {
      expect(textWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
    for (const text of ['印度', '👍 ok', 'e\u0301', '\u203c', 'a\u0007b']) expect(textWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
  });
});

describe('setting up only the commands a line needs', () => {
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTTY: false, env: {} };
  const setUp = async (argv: string[]) =>
    (await buildProgram(io, createContext(io, () => ({ color: false })), argv)).commands
      .map((command) => command.name())
      // Set up with completion, by its module.
      .filter((name) => name !== '__complete');
  const every = Object.keys(COMMANDS);

  it.each([
    [['events', '--actor', 'russia'], ['events']],
    [['--no-color', '--db', 'x.db', 'search', 'water'], ['search']],
    [['--db=x.db', 'show', 'russia', '--help'], ['show']],
    [['--version'], []],
    [['-V', 'events'], []],
    [['--help'], every],
    [['--', 'events'], every],
    [[], every],
    [['evnts'], every],
    [['completion', 'bash'], every],
    [['__complete', '--', 'events', '--actor', 'ru'], every],
    [['schema', 'event'], every],
  ])('%j sets up %j', async (argv, commands) => {
    expect(await setUp(argv)).toEqual(commands);
  });

  it('prints the version, and help for a command, with only what they set up', async () => {
    const result = await runCli(['-V', 'events']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(versionOutput(bundledRelease()));
    const help = await runCli(['show', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: crisis show/);
  });
});

describe('the binary', () => {
  const binary = createRequire(import.meta.url)('../bin/crisis.js') as {
    BIN: string;
    BUNDLE: string;
    bundleFor(argv: string[]): { path: string; source: string };
    cacheOf(bundle: string, output: 'pipe' | 'terminal'): string;
    loadBundle(bundle: { path: string; source: string }, output?: 'pipe' | 'terminal'): { exports: Bundled; script: { cachedDataRejected?: boolean } };
    readBundle(path: string): { path: string; source: string } | undefined;
    wrapAsModule(source: string): string;
  };
  interface Bundled {
    main: typeof import('../src/cli/main.js').main;
    OtherBundleNeeded: new () => Error;
  }

  it('wraps each bundle as Node wraps a CommonJS module, in the file itself', async () => {
    expect(binary.wrapAsModule('module.exports = 1;')).toBe(Module.wrap('module.exports = 1;'));
    const [head, tail] = binary.wrapAsModule('\0').split('\0') as [string, string];
    for (const { path } of await bundles()) {
      const source = readFileSync(path, 'utf8');
      expect(source.startsWith(head) && source.endsWith(tail), path).toBe(true);
    }
  });

  it('has the bundles the build makes, and no other', async () => {
    const made = (await bundles()).flatMap(({ path }) => [path, binary.cacheOf(path, 'pipe'), binary.cacheOf(path, 'terminal')]);
    expect(readdirSync(binary.BIN).map((file) => join(binary.BIN, file)).sort()).toEqual(made.sort());
  });

  it('runs each bundle, which V8 compiles from either code cache the build saved', () => {
    const check = `
      const { BIN, loadBundle, readBundle } = require('./bin/crisis.js');
      const rejected = require('node:fs').readdirSync(BIN).filter((file) => file.endsWith('.cjs'))
        .filter((file) => loadBundle(readBundle(require('node:path').join(BIN, file)), process.argv[1]).script.cachedDataRejected !== false);
      console.log(JSON.stringify(rejected));`;
    for (const output of ['pipe', 'terminal']) {
      const result = spawnSync(process.execPath, ['-e', check, output], { cwd: ROOT, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout), output).toEqual([]);
    }
  });

  it.each([
    [['events', '--actor', 'russia'], 'crisis-events.cjs'],
    [['--db', 'x.db', 'search', 'water'], 'crisis-search.cjs'],
    [['--db=x.db', 'show', 'russia'], 'crisis-show.cjs'],
    [['build', '--out', 'x.db'], 'crisis-build.cjs'],
    // An option that may take the word as its value: only the whole CLI knows --no-color takes none.
    [['--no-color', 'events'], 'crisis.cjs'],
    [['schema', 'event'], 'crisis.cjs'],
    [['completion', 'bash'], 'crisis.cjs'],
    [['__complete', '--', 'events', '--actor', 'ru'], 'crisis.cjs'],
    [['evnts'], 'crisis.cjs'],
    [['../bin/crisis'], 'crisis.cjs'],
    [[], 'crisis.cjs'],
  ])('runs %j in %s', (argv, file) => {
    expect(binary.bundleFor(argv).path).toBe(join(binary.BIN, file));
  });

  /** Runs a line through a bundle's main, as the binary would into a pipe. */
  async function runIn(cli: Bundled, argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await cli.main(argv, {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      stdoutIsTTY: false,
      env: {},
    });
    return { code, stdout, stderr };
  }

  it('prints from a command\'s own bundle what the whole CLI\'s prints', async () => {
    const whole = binary.loadBundle(binary.bundleFor([])).exports;
    for (const { path, command, warmUp } of (await bundles()).filter((bundle) => bundle.command)) {
      const own = binary.loadBundle(binary.readBundle(path)!).exports;
      for (const argv of [...warmUp, [command!, '--help'], [command!, '--no-such-option']]) {
        const printed = await runIn(own, argv);
        expect(printed, argv.join(' ')).toEqual(await runIn(whole, argv));
        expect(printed.stdout + printed.stderr, argv.join(' ')).not.toBe('');
      }
    }
  });

  it('refuses in a command\'s own bundle, before printing anything, a line that needs another command', async () => {
    const own = binary.loadBundle(binary.readBundle(join(binary.BIN, 'crisis-search.cjs'))!).exports;
    for (const argv of [['--no-color', 'show', 'search'], ['--help', 'search'], ['-V', 'search'], ['search', 'water']]) {
      const printed = { stdout: '', stderr: '' };
      const run = own.main(argv, {
        stdout: { write: (chunk: string) => (printed.stdout += chunk) },
        stderr: { write: (chunk: string) => (printed.stderr += chunk) },
        stdoutIsTTY: false,
        env: {},
      });
      if (argv[0] === 'search') await expect(run).resolves.toBe(0);
      else {
        await expect(run, argv.join(' ')).rejects.toBeInstanceOf(own.OtherBundleNeeded);
        expect(printed).toEqual({ stdout: '', stderr: '' });
      }
    }
  });

  /** The files under dist/ a whole run of the binary reads, with stdout a pipe or, under `script`, a terminal. */
  function filesRead(terminal: boolean, argv = ['events', '--actor', 'russia']): string[] {
    const hook = join(tempDir(), 'hook.cjs');
    writeFileSync(hook, `
      const fs = require('node:fs');
      const read = fs.readFileSync;
      fs.readFileSync = (file, ...rest) => {
        if (String(file).includes('dist')) fs.appendFileSync(${JSON.stringify(`${hook}.log`)}, String(file).replace(${JSON.stringify(ROOT)}, '.') + '\\n');
        return read(file, ...rest);
      };`);
    const command = [process.execPath, '-r', hook, join(ROOT, 'bin', 'crisis.js'), ...argv];
    const result = terminal
      ? spawnSync('script', ['-qec', command.map((arg) => `'${arg}'`).join(' '), '/dev/null'], { encoding: 'utf8' })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return readFileSync(`${hook}.log`, 'utf8').trim().split('\n');
  }

  it('compiles a command\'s own bundle from the cache without the table\'s code when stdout is a pipe', () => {
    expect(filesRead(false)).toEqual(['./dist/bin/crisis-events.cjs', './dist/bin/crisis-events.cjs.pipe.cache']);
    expect(filesRead(false, ['--db', join(ROOT, 'data', 'crisis.db'), 'events'])).toEqual(['./dist/bin/crisis-events.cjs', './dist/bin/crisis-events.cjs.pipe.cache']);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('compiles from the cache with everything on a terminal', () => {
    expect(filesRead(true)).toEqual(['./dist/bin/crisis-events.cjs', './dist/bin/crisis-events.cjs.terminal.cache']);
  });

  it('runs a line the binary cannot place in the whole CLI\'s bundle, and one it placed wrongly there too', () => {
    expect(filesRead(false, ['--no-color', 'events'])).toEqual(['./dist/bin/crisis.cjs', './dist/bin/crisis.cjs.pipe.cache']);
    // Searching for the word `events`: the events bundle refuses the line, unprinted, and the whole CLI's runs it.
    const wrongly = ['./dist/bin/crisis-events.cjs', './dist/bin/crisis-events.cjs.pipe.cache', './dist/bin/crisis.cjs', './dist/bin/crisis.cjs.pipe.cache'];
    expect(filesRead(false, ['--no-color', 'search', 'events'])).toEqual(wrongly);
  });

  it('starts from CommonJS and one file, never the ES module loader, and opens SQLite\'s addon where npm put it', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const result = spawnSync(process.execPath, ['-e', `
      process.argv = [process.argv[0], require('node:path').resolve('bin/crisis.js'), 'events', '--actor', 'russia', '--json'];
      const opened = [];
      const dlopen = process.dlopen;
      process.dlopen = (module, file, ...flags) => { opened.push(file.replace(process.cwd(), '.')); return dlopen(module, file, ...flags); };
      require('node:module').runMain();
      process.on('exit', () => {
        const loaded = Object.keys(require.cache).map((path) => path.replace(process.cwd(), '.'));
        require('node:fs').writeSync(2, JSON.stringify({ loaded, opened }));
      });`], { cwd: ROOT, encoding: 'utf8' });
    // The bundle itself is compiled from its cache, not required, and the addon is opened by its path, not
    // found by require: the binary, which loads the bundle itself, is the only module.
    expect(JSON.parse(result.stderr)).toEqual({
      loaded: ['./bin/crisis.js'],
      opened: ['./node_modules/better-sqlite3/build/Release/better_sqlite3.node'],
    });
    expect(JSON.parse(result.stdout).length).toBeGreaterThan(0);
  });

  it('loads none of Node\'s own modules for streams, sockets, terminals or abort signals when stdout is a pipe', () => {
    const result = spawnSync(process.execPath, ['-e', `
      process.argv = [process.argv[0], require('node:path').resolve('bin/crisis.js'), 'events', '--actor', 'russia', '--json'];
      require('node:module').runMain();
      process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList)));`], { cwd: ROOT, encoding: 'utf8' });
    const loaded = JSON.parse(result.stderr) as string[];
    expect(loaded).toContain('NativeModule vm');
    for (const heavy of ['stream', 'net', 'tty', 'internal/abort_controller']) expect(loaded).not.toContain(`NativeModule ${heavy}`);
  });

  it('finds SQLite\'s addon through require when better-sqlite3 is installed above the package (hoisted)', () => {
    // A project that depends on crisis: npm puts better-sqlite3 in the project's node_modules, beside crisis.
    const project = tempDir();
    const installed = join(project, 'node_modules', 'crisis');
    for (const part of ['bin', 'dist', 'data/crisis.db', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', 'better-sqlite3'), join(project, 'node_modules', 'better-sqlite3'));
    try {
      expect(existsSync(join(installed, 'node_modules'))).toBe(false);
      const result = spawnSync(process.execPath, [join(installed, 'bin', 'crisis.js'), 'events', '--actor', 'russia', '--json'], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout).map((event: { id: string }) => event.id)).toContain('lavrov-jaishankar-call');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
