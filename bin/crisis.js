#!/usr/bin/env node
// The only code that touches `process`: it loads the CLI's bundle, hands it the real streams and sets the exit
// status. It is CommonJS running one prebuilt bundle, with V8's compiled code for it, because starting is most
// of what a lookup costs (docs/performance.md).
const { fstatSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** The CLI: src/cli/main.ts and all it imports, in one file (scripts/bundle.mjs). */
const BUNDLE = join(__dirname, '..', 'dist', 'bin', 'crisis.cjs');
/**
 * V8's compiled code for the bundle, saved by `npm run build`: one for output into a pipe or a file, without the
 * table and colour code, and one for a terminal. A cache older than the bundle is not used, as make would
 * rebuild it; one V8 rejects, or a missing one, only costs the time it would have saved.
 */
const CACHES = { pipe: `${BUNDLE}.pipe.cache`, terminal: `${BUNDLE}.terminal.cache` };

/** Node's own CommonJS wrapper (Module.wrap, which a test holds this equal to), without loading node:module. */
const wrapAsModule = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/** Runs the bundle, compiled from the code cache named if given and usable; returns its exports and its Script. */
function loadBundle(cachePath) {
  const source = readFileSync(BUNDLE, 'utf8');
  const cache = cachePath ? statSync(cachePath, { throwIfNoEntry: false }) : undefined;
  const cachedData = cache && cache.mtimeMs >= statSync(BUNDLE).mtimeMs ? readFileSync(cachePath) : undefined;
  const script = new Script(wrapAsModule(source), { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  // This file's require resolves node_modules from bin/ as the bundle's own would from dist/bin.
  script.runInThisContext()(bundle.exports, require, bundle, BUNDLE, dirname(BUNDLE));
  return { exports: bundle.exports, script };
}

const INTERRUPTED = 130;

/** Whether stdout is a terminal: only a character device can be, so a pipe or a file is told apart without node:tty. */
const stdoutIsTerminal = () => fstatSync(1).isCharacterDevice() && require('node:tty').isatty(1);

/**
 * Runs one command line with the real streams, through `load(terminal)`, which gives the CLI's exports (main,
 * fdOutput): the bundle here, a bundle with source maps for `npm run dev`.
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
  const { main, fdOutput } = load(stdoutIsTTY);
  main(process.argv.slice(2), {
    stdout: fdOutput(1),
    stderr: fdOutput(2),
    stdoutIsTTY,
    columns: stdoutIsTTY ? process.stdout.columns : undefined,
    env: process.env,
    interrupted: interrupt,
  }).then((code) => {
    process.exitCode = interrupt.aborted ? INTERRUPTED : code;
  });
}

// Run as a program (directly or through npm's link), crisis runs; required, it lends its loader to the build (to
// save the code caches), its runner to `npm run dev`, and its wrapper to the tests.
if (require.main === module) run((terminal) => loadBundle(terminal ? CACHES.terminal : CACHES.pipe).exports);
else module.exports = { BUNDLE, CACHES, loadBundle, run, wrapAsModule };
