import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** crisis's version, written into the bundle by scripts/bundle.mjs; undefined when running from the sources. */
declare const CRISIS_VERSION: string | undefined;

/**
 * The package's folder, where package.json and data/ are. The bundle is dist/bin/crisis.cjs, two folders below
 * it; a module running from the sources (src/ or tsc's dist/) is one folder below.
 */
export const PACKAGE_ROOT =
  typeof CRISIS_VERSION === 'string' ? join(__dirname, '..', '..') : join(dirname(fileURLToPath(import.meta.url)), '..');

/** crisis's version, from its package.json. */
export const VERSION: string =
  typeof CRISIS_VERSION === 'string'
    ? CRISIS_VERSION
    : (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
