/**
 * Loads the one-file bundle of the CLI (dist/bin/crisis.cjs, from scripts/bundle.mjs) with V8's code cache:
 * compiling the bundle is the largest single cost of starting, and Node 20 has no module.enableCompileCache.
 * `npm run build` runs a few commands and saves the compiled code beside the bundle (crisis.cjs.cache).
 * V8 checks a cache against its own version, its flags and the source's length; a cache older than the
 * bundle (an edited bundle) is not used either, as make would rebuild it. Hashing the bundle would be
 * surer, but node:crypto alone takes longer to load than the cache saves. A cache V8 rejects or a missing
 * one only costs the time it would have saved.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export const BUNDLE = join(__dirname, '..', 'bin', 'crisis.cjs');
const CACHE = `${BUNDLE}.cache`;

interface Loaded {
  exports: typeof import('./main.js');
  script: Script;
}

function load(useCache: boolean): Loaded {
  const source = readFileSync(BUNDLE, 'utf8');
  const cache = useCache ? statSync(CACHE, { throwIfNoEntry: false }) : undefined;
  const cachedData = cache && cache.mtimeMs >= statSync(BUNDLE).mtimeMs ? readFileSync(CACHE) : undefined;
  const script = new Script(wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} as Loaded['exports'] };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script };
}

/** What src/cli/main.ts exports (main, fdOutput), from the bundle. */
export function loadBundle(): Loaded['exports'] {
  return load(true).exports;
}

/**
 * Writes the code cache after `warmUp` has run the bundle's commonest paths, so the functions they compile
 * (V8 compiles most functions lazily, on first call) are in the cache as well as the top level.
 */
export async function writeCodeCache(warmUp: (main: Loaded['exports']['main']) => Promise<void>): Promise<number> {
  const loaded = load(false);
  await warmUp(loaded.exports.main);
  const data = loaded.script.createCachedData();
  writeFileSync(CACHE, data);
  return data.length;
}
