#!/usr/bin/env node
// npm run dev -- <args>: runs crisis from src/ as it is now, with stack traces that name the sources' files and
// functions (CRISIS_DEBUG=1 prints them). It bundles the sources as the build does, but unminified and with a
// source map, into dist/dev/, and runs that bundle through bin/crisis.js's own runner: the output is the
// binary's, byte for byte. It queries the database `npm run build` made: rebuild that after changing the facts
// or a field table.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'dev', 'crisis.cjs');
await build(await bundleOptions({ outfile, dev: true }));
process.setSourceMapsEnabled(true);
const require = createRequire(import.meta.url);
const { run } = require(join(root, 'bin', 'crisis.js'));
run(() => require(outfile));
