import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/cli/context.js';
import { buildProgram, COMMANDS } from '../src/cli/program.js';
import { textWidth } from '../src/render/text-width.js';
import { foldName, hasLetterOrDigit } from '../src/text.js';
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
  it('wraps the bundle as Node wraps a CommonJS module', () => {
    const { wrapAsModule } = createRequire(import.meta.url)('../bin/crisis.js') as { wrapAsModule: (source: string) => string };
    expect(wrapAsModule('module.exports = 1;')).toBe(Module.wrap('module.exports = 1;'));
  });


  it('runs the bundle, which V8 compiles from either code cache the build saved', () => {
    const check = `
      const { Script } = require('node:vm');
      const created = [];
      const original = Script;
      require('node:vm').Script = class extends original { constructor(...args) { super(...args); created.push(this); } };
      const { CACHES, loadBundle } = require('./bin/crisis.js');
      loadBundle(CACHES[process.argv[1]]);
      console.log(JSON.stringify(created.map((s) => ({ rejected: s.cachedDataRejected }))));`;
    for (const output of ['pipe', 'terminal']) {
      const result = spawnSync(process.execPath, ['-e', check, output], { cwd: ROOT, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout), output).toEqual([{ rejected: false }]);
    }
  });

  /** The files under dist/ a whole run of the binary reads, with stdout a pipe or, under `script`, a terminal. */
  function filesRead(terminal: boolean): string[] {
    const hook = join(tempDir(), 'hook.cjs');
    writeFileSync(hook, `
      const fs = require('node:fs');
      const read = fs.readFileSync;
      fs.readFileSync = (file, ...rest) => {
        if (String(file).includes('dist')) fs.appendFileSync(${JSON.stringify(`${hook}.log`)}, String(file).replace(${JSON.stringify(ROOT)}, '.') + '\\n');
        return read(file, ...rest);
      };`);
    const command = [process.execPath, '-r', hook, join(ROOT, 'bin', 'crisis.js'), 'events', '--actor', 'russia'];
    const result = terminal
      ? spawnSync('script', ['-qec', command.map((arg) => `'${arg}'`).join(' '), '/dev/null'], { encoding: 'utf8' })
      : spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
    expect(result.status).toBe(0);
    return readFileSync(`${hook}.log`, 'utf8').trim().split('\n');
  }

  it('compiles from the cache without the table\'s code when stdout is a pipe', () => {
    expect(filesRead(false)).toEqual(['./dist/bin/crisis.cjs', './dist/bin/crisis.cjs.pipe.cache']);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('compiles from the cache with everything on a terminal', () => {
    expect(filesRead(true)).toEqual(['./dist/bin/crisis.cjs', './dist/bin/crisis.cjs.terminal.cache']);
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
