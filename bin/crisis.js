#!/usr/bin/env node
// The only code that touches `process`: it hands the real streams to main() and sets the exit status.
import { main } from '../dist/cli/main.js';

// A reader that goes away (`crisis events | head -1`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  env: process.env,
});
