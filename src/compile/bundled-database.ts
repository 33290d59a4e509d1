#!/usr/bin/env node
// Entry point of `npm run build`'s data step: fact files under data/ → data/crisis.db.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDatabase } from './compile.js';
import { BuildFailed, describeCounts, formatProblem } from './problems.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [dataDir = join(root, 'data'), out = join(dataDir, 'crisis.db')] = process.argv.slice(2);

try {
  const { counts } = compileDatabase(dataDir, out);
  process.stderr.write(`built ${relative(process.cwd(), out) || out}: ${describeCounts(counts)}\n`);
} catch (error) {
  if (!(error instanceof BuildFailed)) throw error;
  for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exitCode = 1;
}
