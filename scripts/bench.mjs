#!/usr/bin/env node
// Measures how instant a lookup feels: whole-process runs of the binary (what a user waits for)
// and the queries alone, in-process. Prints figures; it asserts nothing and is not a test.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crisis.js');
const runs = Number(process.env.BENCH_RUNS ?? 20);

const commands = [
  ['--version'],
  ['events', '--actor', 'russia'],
  ['events', '--actor', 'russia', '--json'],
  ['statements', '--actor', 'putin', '--format', 'table'],
  ['measures', '--by', 'pakistan', '--format', 'csv'],
  ['agreements'],
  ['show', 'pahalgam-attack'],
  ['timeline', '--actor', 'russia'],
  ['search', "Russia's", 'Pahalgam'],
  ['search', 'attack', '--format', 'table'],
];

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0] };
};
const ms = (n) => `${n.toFixed(1).padStart(7)} ms`;

console.log(`node ${process.version}, ${runs} runs each\n`);
console.log('whole process (spawn node bin/crisis.js …)');
console.log(`${'command'.padEnd(52)}${'median'.padStart(10)}${'p95'.padStart(10)}${'min'.padStart(10)}`);
for (const args of commands) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    samples.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`crisis ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  const s = stats(samples);
  console.log(`${`crisis ${args.join(' ')}`.padEnd(52)}${ms(s.median)}${ms(s.p95)}${ms(s.min)}`);
}

const { openDatabase, BUNDLED_DB } = await import(join(root, 'dist', 'db', 'open.js'));
const { findEvents } = await import(join(root, 'dist', 'queries', 'events.js'));
const { findStatements } = await import(join(root, 'dist', 'queries', 'statements.js'));
const { findLinks } = await import(join(root, 'dist', 'queries', 'links.js'));
const db = openDatabase(BUNDLED_DB);
const queries = {
  'findEvents all': () => findEvents(db, {}),
  'findEvents --actor russia': () => findEvents(db, { actors: ['russia'] }),
  'findStatements --actor russia --since 2025-05': () => findStatements(db, { actors: ['russia'], since: '2025-05-01' }),
  'findLinks russia': () => findLinks(db, 'russia'),
};
const iterations = 2000;
console.log(`\nqueries alone, in-process (${iterations} iterations)`);
for (const [name, query] of Object.entries(queries)) {
  query();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) query();
  const perCall = ((performance.now() - start) / iterations) * 1000;
  console.log(`${name.padEnd(52)}${perCall.toFixed(1).padStart(8)} µs/call`);
}
db.close();
