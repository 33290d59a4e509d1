#!/usr/bin/env node
// npm run bench:data -- --events N --out FILE: a synthetic crisis database of N invented events, of the
// real schema, for measuring speed at scale (see src/compile/synthetic-database.ts). Needs npm run build first.
import { parseArgs } from 'node:util';
import { writeSyntheticDatabase } from '../dist/compile/synthetic-database.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const events = Number(values.events);
if (!values.out || !Number.isInteger(events) || events < 1) {
  process.stderr.write('usage: npm run bench:data -- --events N --out FILE [--seed S]\n');
  process.exit(2);
}
const start = performance.now();
const written = writeSyntheticDatabase({ events, out: values.out, seed: Number(values.seed) });
process.stderr.write(`wrote ${values.out}: ${written.events} events, ${written.actors} actors in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
