#!/usr/bin/env node
// The only code that touches `process`: it hands the real streams to main() and sets the exit status.
import { main } from '../dist/cli/main.js';

const INTERRUPTED = 130;

// A reader that goes away (`crisis events | head -1`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Ctrl-C: long output stops after a whole line and the status is 130. A second Ctrl-C does not
// wait for that (the first may arrive while SQLite or a build holds the thread).
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(INTERRUPTED);
  interrupt.abort();
  process.exitCode = INTERRUPTED;
});

const status = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  env: process.env,
  interrupted: interrupt.signal,
});
process.exitCode = interrupt.signal.aborted ? INTERRUPTED : status;
