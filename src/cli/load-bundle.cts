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
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export const BUNDLE = join(__dirname, '..', 'bin', 'crisis.cjs');
const CACHE = `${BUNDLE}.cache`;

/**
 * The bundle as a CommonJS module's function, with Node's own wrapper (Module.wrap, which a test holds this
 * equal to), written out because loading node:module for it costs every start 0.2 ms.
 */
export const wrapAsModule = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

interface Loaded {
  exports: typeof import('./main.js');
  script: Script;
}

function load(useCache: boolean): Loaded {
  const source = readFileSync(BUNDLE, 'utf8');
  const cache = useCache ? statSync(CACHE, { throwIfNoEntry: false }) : undefined;
  const cachedData = cache && cache.mtimeMs >= statSync(BUNDLE).mtimeMs ? readFileSync(CACHE) : undefined;
  const script = new Script(wrapAsModule(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} as Loaded['exports'] };
  // This module's require serves the bundle: it resolves node_modules from dist/cli as the bundle's own
  // would from dist/bin, through the same folders, and needs no node:module to make.
  script.runInThisContext()(module.exports, require, module, BUNDLE, dirname(BUNDLE));
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
