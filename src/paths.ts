import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's folder, where package.json and data/ are: one level above this module in src/ or dist/.
 * The bundle (scripts/bundle.mjs) replaces this module with one that reads its own __dirname, since
 * import.meta.url means nothing there and turning paths into URLs and back costs a start-up a millisecond,
 * and that has the version written in, read from package.json when it was bundled.
 */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** crisis's version, from its package.json. */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
