#!/usr/bin/env node
// npm run bench [-- --node PATH]: how instant a lookup feels. Each case is a whole process of the binary, run
// alternately with `node -e 0` (Node's own start-up, the floor) so both see the same machine; it prints
// medians, the ratio to the floor run alongside the case, the target and peak memory. It prints figures, asserts nothing and is not
// a test. `--node PATH` (or BENCH_NODE) benches another Node than the one running this script: every process
// timed, the floor included, runs on it. Builds what it needs: the bundle (npm run build) with code caches
// that Node's V8 accepts, and a synthetic database of a million events, kept under bench-data/ (git-ignored)
// and made again only when the code that writes it changes. BENCH_DATA names another folder for it (a worktree whose
// bench-data/ is shared); BENCH_CASES, words separated by commas, times only the cases whose names hold one of them
// (`BENCH_CASES=water` for `search water` alone, `jsonl` for the dump).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crisis.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dataFolder = resolve(root, process.env.BENCH_DATA || 'bench-data');
const only = (process.env.BENCH_CASES ?? '').split(',').map((word) => word.trim()).filter(Boolean);
const chosen = (name) => only.length === 0 || only.some((word) => name.includes(word));

/** Ends the bench with one line saying what is wrong, before anything is built or timed. */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** The Node to bench: --node PATH, else BENCH_NODE, else the one running this script; and its version. */
function benchedNode() {
  let values;
  try {
    ({ values } = parseArgs({ options: { node: { type: 'string' } } }));
  } catch (error) {
    fail(`${error.message.split('\n')[0]} (usage: npm run bench [-- --node PATH])`);
  }
  const given = values.node ?? process.env.BENCH_NODE;
  if (given === undefined) return { node: process.execPath, version: process.version };
  const source = values.node === undefined ? 'BENCH_NODE' : '--node';
  if (given.trim() === '') fail(`${source} is empty: give the path of a node binary`);
  const node = resolve(given);
  const run = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') fail(`${source} '${given}': no such file`);
  if (run.error) fail(`${source} '${given}': cannot run it (${run.error.code === 'EACCES' ? 'a folder, or not executable' : run.error.code})`);
  const version = run.stdout.trim();
  if (run.status !== 0 || !/^v\d+\.\d+\.\d+$/.test(version)) fail(`${source} '${given}' is not a node binary: it did not print its version`);
  return { node, version };
}
const { node, version } = benchedNode();

// better-sqlite3 is compiled for one Node's ABI, by the `npm ci` that installed it.
const addon = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (spawnSync(node, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', addon]).status !== 0) {
  fail(`node_modules holds better-sqlite3 built for another Node than ${version}: install with it first (PATH=${dirname(node)}${delimiter}$PATH npm ci)`);
}

/** npm and the build run on the benched Node, so what they compile and the code caches they save are its own. */
const withBenchedNode = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
if (!existsSync(join(root, 'dist', 'bin', 'crisis.cjs.terminal.cache'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: withBenchedNode });
// A code cache saved by another V8 is rejected, and the binary then compiles the bundle at every start.
const cachesRejected = spawnSync(node, ['-e', `
  const { BIN, loadBundle, readBundle } = require(process.argv[1]);
  const bundles = require('node:fs').readdirSync(BIN).filter((file) => file.endsWith('.cjs')).map((file) => readBundle(require('node:path').join(BIN, file)));
  process.exitCode = bundles.some((bundle) => ['pipe', 'terminal'].some((output) => loadBundle(bundle, output).script.cachedDataRejected)) ? 1 : 0;`, bin]).status !== 0;
if (cachesRejected) {
  process.stderr.write(`bench: the code caches under dist/bin were saved by another Node; saving them with node ${version}\n`);
  execFileSync(node, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit', env: withBenchedNode });
}

/** dist/compile/synthetic-database.js and every module of crisis's it imports, directly or not: the code that writes the database. */
function writerFiles() {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) visit(join(dirname(file), specifier));
  };
  visit(join(root, 'dist', 'compile', 'synthetic-database.js'));
  return [...files].sort();
}

/** The synthetic database, named by a digest of the code that writes it, so a change makes a new one. */
function syntheticDatabase() {
  const digest = createHash('sha256');
  for (const file of writerFiles()) digest.update(readFileSync(file));
  const path = join(dataFolder, `events-${events}-${digest.digest('hex').slice(0, 8)}.db`);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    execFileSync(node, [join(root, 'scripts', 'bench-data.mjs'), '--events', String(events), '--out', path], { stdio: 'inherit' });
  }
  return path;
}
const synthetic = syntheticDatabase();
const big = (args) => ['--db', synthetic, ...args];

/** Wall time of one whole process, in ms; stdout is a pipe, as in `crisis ... | jq`. */
function timeOnce(command, args, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Peak resident memory of one run, in MB, from GNU time; the timed runs do without it. */
function peakMemory(command, args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(result.stderr.trim().split('\n').pop()) / 1024;
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const shell = (args) => args.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');

/**
 * On a terminal: `script` gives the process a pseudo-terminal, at a cost of its own, so the floor is timed
 * under `script` too and the difference is added to the bare floor: ratio = (cmd in script - node -e 0 in
 * script + node -e 0) / node -e 0. The command's stdout is the pseudo-terminal itself (redirected to
 * /dev/null inside `script`, it would be no terminal, and print TSV); what `script` passes on is thrown away.
 */
const inTerminal = (args) => ['script', ['-qec', shell([node, ...args]), '/dev/null']];

const cases = [
  { name: 'crisis events --actor russia --json', args: ['events', '--actor', 'russia', '--json'], target: 1.15 },
  { name: 'crisis events --actor russia (table on a terminal)', args: ['events', '--actor', 'russia'], terminal: true, target: 1.4 },
  { name: 'crisis events --actor russia --format table, piped', args: ['events', '--actor', 'russia', '--format', 'table'], env: { FORCE_COLOR: '1' } },
  { name: 'crisis show pahalgam-attack', args: ['show', 'pahalgam-attack'] },
  { name: 'crisis search Simla --json', args: ['search', 'Simla', '--json'] },
  { name: 'crisis __complete -- events --actor ru (each tab)', args: ['__complete', '--', 'events', '--actor', 'ru'] },
  { name: `${events} events: --actor russia --limit 50 --json`, args: big(['events', '--actor', 'russia', '--limit', '50', '--json']), target: 1.3 },
  { name: `${events} events: --actor person-3 --limit 50 --json`, args: big(['events', '--actor', 'person-3', '--limit', '50', '--json']), target: 1.3 },
  {
    name: `${events} events: --since 2020-03 --until 2020-04 --limit 50 --json`,
    args: big(['events', '--since', '2020-03', '--until', '2020-04', '--limit', '50', '--json']),
    target: 1.3,
  },
  { name: `${events} events: search water --limit 50 --json`, args: big(['search', 'water', '--limit', '50', '--json']), target: 1.3 },
];

if (!cases.some((c) => chosen(c.name)) && !chosen(`${events} events: --format jsonl, all, piped`)) fail(`BENCH_CASES '${only.join(',')}' names no case`);
console.log(`node ${version} (${node}), ${runs} runs of each case alternated with node -e 0; synthetic database: ${synthetic.replace(`${root}/`, '')}\n`);
// Node 20 loads that file's certificates at every start, where Node 22 and 24 put most of it off: node -e 0 and every
// case pay for it alike, so every ratio comes out smaller than without it.
if (process.env.NODE_EXTRA_CA_CERTS && version.startsWith('v20.')) {
  console.log(`NODE_EXTRA_CA_CERTS is set: Node 20 reads ${process.env.NODE_EXTRA_CA_CERTS} at every start, node -e 0 included, which makes each ratio smaller (docs/performance.md)\n`);
}
/** Every `node -e 0` run, for the table's first line. */
const floor = [];
const rows = [];
for (const c of cases.filter((c) => chosen(c.name))) {
  const samples = [];
  // A shared machine speeds up and slows down as a run goes on: each case is measured against the floor run alongside
  // it, not against the floor of the whole run, which other cases' minutes weigh on.
  const alongside = [];
  const floorInTerminal = [];
  for (let i = 0; i < runs; i++) {
    const nodeAlone = timeOnce(node, ['-e', '0']);
    floor.push(nodeAlone);
    alongside.push(nodeAlone);
    if (c.terminal) {
      floorInTerminal.push(timeOnce(...inTerminal(['-e', '0'])));
      samples.push(timeOnce(...inTerminal([bin, ...c.args])));
    } else {
      samples.push(timeOnce(node, [bin, ...c.args], c.env));
    }
  }
  const base = median(alongside);
  const caseMedian = c.terminal ? median(samples) - median(floorInTerminal) + base : median(samples);
  rows.push({ ...c, median: caseMedian, base, memory: peakMemory(node, [bin, ...c.args]) });
}
if (floor.length === 0) for (let i = 0; i < runs; i++) floor.push(timeOnce(node, ['-e', '0']));

// Every event as JSON lines, into a pipe: rows a second and peak memory.
const dumpName = `${events} events: --format jsonl, all, piped`;
let dumpLine;
if (chosen(dumpName)) {
  const dumpRuns = Math.max(1, Math.min(3, runs));
  const dumpArgs = big(['events', '--format', 'jsonl']);
  const dumpSamples = [];
  for (let i = 0; i < dumpRuns; i++) dumpSamples.push(timeOnce('sh', ['-c', `${shell([node, bin, ...dumpArgs])} | cat > /dev/null`]));
  const dumpMemory = peakMemory(node, [bin, ...dumpArgs]);
  const dumpRate = events / (median(dumpSamples) / 1000);
  dumpLine = `| ${dumpName} | ${(median(dumpSamples) / 1000).toFixed(1)} s = ${Math.round(dumpRate).toLocaleString('en')} rows/s | | | ≥ 200,000 rows/s ${dumpRate >= 200_000 ? 'met' : 'NOT met'}, ≤ 150 MB ${dumpMemory !== undefined && dumpMemory <= 150 ? 'met' : 'NOT met'} | ${dumpMemory?.toFixed(0) ?? '?'} MB |`;
}

const lines = [
  `| case | median | node -e 0 alongside | ratio to node -e 0 | target | peak memory |`,
  `|---|---:|---:|---:|---|---:|`,
  `| node -e 0 | ${median(floor).toFixed(1)} ms | | 1.00x | | |`,
  ...rows.map((row) => {
    const ratio = row.median / row.base;
    const verdict = row.target === undefined ? '' : `≤ ${row.target.toFixed(2)}x ${ratio <= row.target ? 'met' : 'NOT met'}`;
    return `| ${row.name} | ${row.median.toFixed(1)} ms | ${row.base.toFixed(1)} ms | ${ratio.toFixed(2)}x | ${verdict} | ${row.memory ? `${row.memory.toFixed(0)} MB` : ''} |`;
  }),
  ...(dumpLine ? [dumpLine] : []),
];
console.log(lines.join('\n'));
