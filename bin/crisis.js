#!/usr/bin/env node
// The only code that touches `process`: it loads the CLI's bundle, hands it the real streams and sets the
// exit status. CommonJS (bin/package.json) running one prebuilt bundle, not ES modules: see "Speed" in the
// README. The loader is written here rather than required from a module of its own: each file required
// costs a start about 0.8 ms (finding it, reading it, compiling it without a cache).
const { fstatSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** The CLI: src/cli/main.ts and all it imports, in one file (scripts/bundle.mjs). */
const BUNDLE = join(__dirname, '..', 'dist', 'bin', 'crisis.cjs');
/**
 * V8's compiled code for the bundle, saved by `npm run build` after a few commands ran (scripts/bundle.mjs):
 * compiling the bundle would be the largest single cost of starting, and Node 20 has no
 * module.enableCompileCache. There are two, as V8 takes in all of a cache at every start: one for output
 * into a pipe or a file, without the table and colour code (a fifth smaller, about 0.5 ms less to start),
 * and one for a terminal, with everything. V8 checks a cache against its own version, its flags and the
 * source's length; a cache older than the bundle (an edited bundle) is not used either, as make would
 * rebuild it. Hashing the bundle would be surer, but node:crypto alone takes longer to load than the cache
 * saves. A cache V8 rejects, or a missing one, only costs the time it would have saved.
 */
const CACHES = { pipe: `${BUNDLE}.pipe.cache`, terminal: `${BUNDLE}.terminal.cache` };

/**
 * The bundle as a CommonJS module's function, with Node's own wrapper (Module.wrap, which a test holds this
 * equal to), written out because loading node:module for it costs every start 0.2 ms.
 */
const wrapAsModule = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/**
 * Runs the bundle, compiled from the code cache named if given and usable; returns its exports (main,
 * fdOutput) and its Script.
 */
function loadBundle(cachePath) {
  const source = readFileSync(BUNDLE, 'utf8');
  const cache = cachePath ? statSync(cachePath, { throwIfNoEntry: false }) : undefined;
  const cachedData = cache && cache.mtimeMs >= statSync(BUNDLE).mtimeMs ? readFileSync(cachePath) : undefined;
  const script = new Script(wrapAsModule(source), { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  // This file's require serves the bundle: it resolves node_modules from bin/ as the bundle's own would from
  // dist/bin, through the same folders (the package's and those above it).
  script.runInThisContext()(bundle.exports, require, bundle, BUNDLE, dirname(BUNDLE));
  return { exports: bundle.exports, script };
}

const INTERRUPTED = 130;

function run() {
  // Ctrl-C: long output stops after a whole line and the status is 130. A second Ctrl-C does not
  // wait for that (the first may arrive while SQLite or a build holds the thread).
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(INTERRUPTED);
    interrupt.abort();
    process.exitCode = INTERRUPTED;
  });

  // stdout and stderr are written with writeSync, not through process.stdout, whose stream (and node:tty,
  // node:net) take milliseconds to load; a reader that goes away (`crisis events | head -1`) then raises
  // EPIPE, which main() treats as success. Only a character device can be a terminal, so a pipe or a file
  // is told apart without loading node:tty; on a terminal, process.stdout gives its width.
  const stdoutIsTTY = fstatSync(1).isCharacterDevice() && require('node:tty').isatty(1);
  const { main, fdOutput } = loadBundle(stdoutIsTTY ? CACHES.terminal : CACHES.pipe).exports;
  main(process.argv.slice(2), {
    stdout: fdOutput(1),
    stderr: fdOutput(2),
    stdoutIsTTY,
    columns: stdoutIsTTY ? process.stdout.columns : undefined,
    env: process.env,
    interrupted: interrupt.signal,
  }).then((code) => {
    process.exitCode = interrupt.signal.aborted ? INTERRUPTED : code;
  });
}

// Run as a program (directly or through npm's link), crisis runs; required, it lends the build its loader,
// to run the bundle before saving its code cache, and the tests its wrapper.
if (require.main === module) run();
else module.exports = { BUNDLE, CACHES, loadBundle, wrapAsModule };
