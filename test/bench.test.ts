import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/** An executable shell script standing in for a node binary. */
function fakeNode(script: string): string {
  const path = join(tempDir(), 'node');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Runs npm run bench's script; every case here is refused before anything is built or timed. */
function bench(args: string[], env: Record<string, string> = {}) {
  const { BENCH_NODE: _, ...inherited } = process.env;
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...inherited, ...env } });
}

describe('npm run bench -- --node refuses what it cannot bench with, in one line', () => {
  it.each([
    { what: 'no path', args: ['--node'], error: /^bench: Option '--node <value>' argument missing \(usage: npm run bench \[-- --node PATH\]\)$/ },
    { what: 'an empty path', args: ['--node='], error: /^bench: --node is empty: give the path of a node binary$/ },
    { what: 'a missing file', args: ['--node', '/no/such/node'], error: /^bench: --node '\/no\/such\/node': no such file$/ },
    { what: 'a folder', args: ['--node', ROOT], error: /^bench: --node '.+': cannot run it \(a folder, or not executable\)$/ },
    { what: 'a file that is not executable', args: ['--node', join(ROOT, 'package.json')], error: /^bench: --node '.+package\.json': cannot run it/ },
    { what: 'a program that is not node', args: ['--node', fakeNode('echo hello')], error: /^bench: --node '.+' is not a node binary: it did not print its version$/ },
    {
      what: 'a Node that the installed better-sqlite3 was not built for',
      args: ['--node', fakeNode('[ "$1" = -p ] && echo v99.0.0 || exit 1')],
      error: /^bench: node_modules holds better-sqlite3 built for another Node than v99\.0\.0: install with it first \(PATH=.+ npm ci\)$/,
    },
    { what: 'an unknown option', args: ['--nod', 'x'], error: /^bench: Unknown option '--nod'/ },
    { what: 'a stray argument', args: ['node'], error: /^bench: Unexpected argument 'node'/ },
    { what: 'BENCH_NODE naming a missing file', args: [], env: { BENCH_NODE: '/no/such/node' }, error: /^bench: BENCH_NODE '\/no\/such\/node': no such file$/ },
  ])('$what', ({ args, env, error }) => {
    const result = bench(args, env);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^[^\n]*\n$/);
    expect(result.stderr.trimEnd()).toMatch(error);
    expect(result.status).toBe(2);
  });
});
