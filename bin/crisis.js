#!/usr/bin/env node
// The only code that touches `process`: it hands the real streams to main() and sets the exit status.
// CommonJS (bin/package.json) running one prebuilt bundle, not ES modules: see "Speed" in the README.
const { fstatSync } = require('node:fs');
const { loadBundle } = require('../dist/cli/load-bundle.cjs');

const INTERRUPTED = 130;

// Ctrl-C: long output stops after a whole line and the status is 130. A second Ctrl-C does not
// wait for that (the first may arrive while SQLite or a build holds the thread).
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(INTERRUPTED);
  interrupt.abort();
  process.exitCode = INTERRUPTED;
});

const { main, fdOutput } = loadBundle();

// stdout and stderr are written with writeSync, not through process.stdout, whose stream (and node:tty,
// node:net) take milliseconds to load; a reader that goes away (`crisis events | head -1`) then raises
// EPIPE, which main() treats as success. Only a character device can be a terminal, so a pipe or a file
// is told apart without loading node:tty; on a terminal, process.stdout gives its width.
const stdoutIsTTY = fstatSync(1).isCharacterDevice() && require('node:tty').isatty(1);
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
