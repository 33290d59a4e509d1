#!/usr/bin/env node
// The only code that touches `process`: it loads the CLI's bundle, hands it the real streams and sets the exit
// status. It is CommonJS running one prebuilt bundle, with V8's compiled code for it, because starting is most
// of what a lookup costs (docs/performance.md).
const { fstatSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * The CLI's bundles (scripts/bundle.mjs): crisis.cjs holds every command; crisis-<command>.cjs holds one command
 * and what it imports, less to read and take in at each start. Each is saved wrapped as Node wraps a CommonJS
 * module, so V8 compiles the file's text as it is, not a copy with the wrapper added.
 */
const BIN = join(__dirname, '..', 'dist', 'bin');
const BUNDLE = join(BIN, 'crisis.cjs');

/**
 * V8's compiled code for a bundle, saved by `npm run build`: one for output into a pipe or a file, without the
 * table and colour code, and one for a terminal. A cache older than its bundle is not used, as make would
 * rebuild it; one V8 rejects, or a missing one, only costs the time it would have saved.
 */
const cacheOf = (bundle, output) => `${bundle}.${output}.cache`;

/** Node's own CommonJS wrapper (Module.wrap, which a test holds this equal to), without loading node:module. */
const wrapAsModule = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/** A bundle's path and text, or undefined where the build made no such bundle. */
function readBundle(path) {
  try {
    return { path, source: readFileSync(path, 'utf8') };
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The bundle for a command line: the whole CLI's, or the own bundle of the command the line seems to name. Without
 * the program's options the command can only be guessed: the first word that is no option and follows none (which
 * may take it as its value), as `events` in `crisis --db x.db events`. The bundle checks the guess (OtherBundleNeeded).
 */
function bundleFor(argv = []) {
  const command = argv.find((word, i) => !word.startsWith('-') && !(i > 0 && argv[i - 1].startsWith('-') && !argv[i - 1].includes('=')));
  const own = command !== undefined && /^[a-z]+$/.test(command) && readBundle(join(BIN, `crisis-${command}.cjs`));
  return own || { path: BUNDLE, source: readFileSync(BUNDLE, 'utf8') };
}

/** Runs a bundle ({ path, source }), compiled from the cache for `output` if given and usable; returns its exports and its Script. */
function loadBundle({ path, source }, output) {
  const cachePath = output && cacheOf(path, output);
  const cache = cachePath ? statSync(cachePath, { throwIfNoEntry: false }) : undefined;
  const cachedData = cache && cache.mtimeMs >= statSync(path).mtimeMs ? readFileSync(cachePath) : undefined;
  const script = new Script(source, { filename: path, cachedData });
  const bundle = { exports: {} };
  // This file's require resolves node_modules from bin/ as the bundle's own would from dist/bin.
  script.runInThisContext()(bundle.exports, require, bundle, path, dirname(path));
  return { exports: bundle.exports, script };
}

const INTERRUPTED = 130;

/** Whether stdout is a terminal: only a character device can be, so a pipe or a file is told apart without node:tty. */
const stdoutIsTerminal = () => fstatSync(1).isCharacterDevice() && require('node:tty').isatty(1);

/**
 * Runs one command line with the real streams, through `load(terminal, argv)`, which gives the exports (main,
 * fdOutput, OtherBundleNeeded) of the bundle for the line, and without `argv` those of the whole CLI's: the bundles,
 * or one bundle with source maps for `npm run dev`.
 */
function run(load) {
  // Ctrl-C: long output stops after a whole line and the status is 130. A second Ctrl-C does not wait for that
  // (the first may arrive while SQLite or a build holds the thread).
  const interrupt = { aborted: false };
  process.on('SIGINT', () => {
    if (interrupt.aborted) process.exit(INTERRUPTED);
    interrupt.aborted = true;
    process.exitCode = INTERRUPTED;
  });

  // stdout and stderr are written to their descriptors (src/cli/io.ts), never through process.stdout, whose
  // streams take long to load; a reader that goes away (`crisis events | head -1`) then raises EPIPE, which
  // main() treats as success. Only on a terminal is process.stdout asked its width.
  const stdoutIsTTY = stdoutIsTerminal();
  const argv = process.argv.slice(2);
  const runIn = ({ main, fdOutput }) =>
    main(argv, {
      stdout: fdOutput(1),
      stderr: fdOutput(2),
      stdoutIsTTY,
      columns: stdoutIsTTY ? process.stdout.columns : undefined,
      env: process.env,
      interrupted: interrupt,
    });
  const cli = load(stdoutIsTTY, argv);
  runIn(cli)
    .catch((error) => {
      if (error instanceof cli.OtherBundleNeeded) return runIn(load(stdoutIsTTY));
      throw error;
    })
    .then((code) => {
      process.exitCode = interrupt.aborted ? INTERRUPTED : code;
    });
}

// Run as a program (directly or through npm's link), crisis runs; required, it lends its loader and wrapper to the
// build (to save the bundles and their code caches), and its runner to `npm run dev`.
if (require.main === module) run((terminal, argv) => loadBundle(bundleFor(argv), terminal ? 'terminal' : 'pipe').exports);
else module.exports = { BIN, BUNDLE, bundleFor, cacheOf, loadBundle, readBundle, run, wrapAsModule };
