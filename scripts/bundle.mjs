#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and all it imports, dependencies too) into one CommonJS file that
// bin/crisis.js loads: one file to read and compile instead of hundreds of modules to resolve, and no
// ES module loader to start. Modules imported with `await import()` stay lazy: they run only when a
// command needs them (chalk on a terminal, cli-table3 for a table, csv-stringify for CSV).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'dist', 'bin', 'crisis.cjs');

/**
 * better-sqlite3 finds its native addon through `bindings`, which searches from the calling file's
 * path: inside a bundle that path is wrong. Load the addon from where `npm install` puts it beside
 * crisis's own files (dist/bin/../../node_modules) with process.dlopen, which is what require does
 * once it has found the file: finding it (a walk up node_modules folders, better-sqlite3's
 * package.json, the real path of each folder) takes longer than loading it. Where better-sqlite3 was
 * installed elsewhere (hoisted into a parent project's node_modules), require finds it by its package path.
 */
const nativeAddon = {
  name: 'better-sqlite3-addon',
  setup(plugin) {
    plugin.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'addon' }));
    plugin.onLoad({ filter: /.*/, namespace: 'addon' }, () => ({
      contents: `
        const ADDON = 'better-sqlite3/build/Release/better_sqlite3.node';
        module.exports = () => {
          const addon = { exports: {} };
          try {
            process.dlopen(addon, require('node:path').join(__dirname, '..', '..', 'node_modules', ADDON));
            return addon.exports;
          } catch {
            return require(ADDON);
          }
        };`,
      loader: 'js',
      resolveDir: root,
    }));
    plugin.onResolve({ filter: /\.node$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Commander requires node:child_process at load, only to run subcommands that are separate executables,
 * which crisis has none of, and every start would wait for it to load. Load it when first used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'lazy' } : undefined);
    plugin.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * Two costs of a coloured table that crisis need not pay, with cli-table3 and chalk kept: chalk loads
 * supports-color, which loads node:tty (and with it node:net and Node's streams) to guess a colour level
 * that crisis always sets itself (src/cli/io.ts colorEnabled); and cli-table3 measures every cell with
 * string-width, whose emoji regular expression is slow to compile, where src/render/text-width.ts answers
 * the same for narrow text at once.
 */
const tableAndColour = {
  name: 'table-and-colour',
  setup(plugin) {
    plugin.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'stub' }));
    plugin.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
    plugin.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'cli-table3')}`) ? { path: 'string-width', namespace: 'text-width' } : undefined);
    plugin.onLoad({ filter: /.*/, namespace: 'text-width' }, () => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'src', 'render', 'text-width.ts'))}).textWidth;`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * Values written into the bundle, so that a start reads no file and computes nothing for them: crisis's version,
 * from package.json, and the digest of each field table whose records' JSON the build stores, from tsc's output
 * of the same sources, which `npm run build` has just written. `npm run dev` computes the digests as it runs,
 * so that it needs no tsc output.
 */
async function writtenIn({ dev }) {
  const version = { CRISIS_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) };
  if (dev) return version;
  const { fieldsDigest } = await import('../dist/fields/define.js');
  const { STORED_KINDS } = await import('../dist/compile/stored-json.js');
  return { ...version, CRISIS_FIELD_DIGESTS: JSON.stringify(Object.fromEntries(STORED_KINDS.map((kind) => [kind.name, fieldsDigest(kind)]))) };
}

/**
 * How the CLI is bundled: `outfile`, and for `npm run dev` (`dev`) readable names and a source map in place of
 * minified code. Both bundles run the same code, so they print the same bytes.
 */
export async function bundleOptions({ outfile = BUNDLE, dev = false } = {}) {
  return {
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [nativeAddon, lazyChildProcess, tableAndColour],
    define: await writtenIn({ dev }),
    // Only the data build needs these; if the CLI ever imports them, they load from node_modules when it does.
    external: ['yaml', 'zod'],
    legalComments: 'none',
    // Every start reads the whole bundle, as the source V8 checks its cache against, so it is made small. Nothing
    // in crisis reads a function's or class's name; CRISIS_DEBUG's stack traces are readable under npm run dev.
    minifyWhitespace: !dev,
    minifySyntax: true,
    minifyIdentifiers: !dev,
    sourcemap: dev,
    logLevel: 'warning',
    // src/paths.ts reads import.meta.url only when running from the sources; in the bundle that branch is gone.
    logOverride: { 'empty-import-meta': 'silent' },
  };
}

/**
 * Fails the build when the bundle holds a character beyond ASCII: V8 then keeps all of its source two bytes a
 * character, and every start pays to decode and take it in. esbuild escapes such characters everywhere but in a
 * String.raw template, which keeps them as typed; there, write `\u2013` rather than the dash itself.
 */
function checkAscii(file) {
  const source = readFileSync(file, 'utf8');
  const at = source.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const code = `\\u${source.charCodeAt(at).toString(16).padStart(4, '0')}`;
    throw new Error(`${relative(root, file)} holds ${source[at]} (${code}), beyond ASCII, in "${source.slice(Math.max(0, at - 40), at + 10)}": write it as ${code} in the sources`);
  }
}

export async function bundle() {
  await build(await bundleOptions());
  checkAscii(BUNDLE);
}

/**
 * The commands whose code the caches hold compiled: the lookups people type most, in each output, and a
 * mistyped actor. The terminal's cache holds the pipe's commands too, as `--json` on a terminal is common.
 * Completion is left out: it sets up every command, whose code would make the cache every lookup reads a
 * sixth larger, for a tab press that costs no more than a lookup without it.
 */
const WARM_UP = {
  pipe: [
    ['events', '--actor', 'russia', '--json'],
    ['statements', '--actor', 'putin', '--since', '2025-05'],
    ['measures', '--by', 'pakistan', '--format', 'jsonl'],
    ['timeline', '--limit', '5', '--format', 'csv'],
    ['search', 'Simla', '--json'],
    ['show', 'pahalgam-attack'],
    ['events', '--actor', 'narnia'],
  ],
  terminal: [
    ['events', '--actor', 'russia'],
    ['search', 'Simla'],
    ['show', 'pahalgam-attack'],
    ['events', '--actor', 'narnia'],
  ],
};

/**
 * Runs the warm-up commands through the bundle, discarding their output, and saves V8's compiled code: the
 * functions they compiled (V8 compiles most functions lazily, on first call) are in each cache as well as
 * the top level. The bundle is loaded as bin/crisis.js loads it, without the caches it is about to replace.
 * Returns each cache's size in bytes.
 */
export async function writeCaches() {
  const require = createRequire(import.meta.url);
  const { CACHES, loadBundle } = require(join(root, 'bin', 'crisis.js'));
  const { exports: { main }, script } = loadBundle();
  const discard = { write: () => true };
  const sizes = {};
  for (const output of ['pipe', 'terminal']) {
    const terminal = output === 'terminal';
    for (const argv of WARM_UP[output]) {
      await main(argv, { stdout: discard, stderr: discard, stdoutIsTTY: terminal, columns: 100, env: terminal ? { FORCE_COLOR: '1' } : {} });
    }
    const data = script.createCachedData();
    writeFileSync(CACHES[output], data);
    sizes[output] = data.length;
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle();
  const sizes = await writeCaches();
  const kB = (bytes) => `${Math.round(bytes / 1024)} kB`;
  process.stderr.write(`bundled ${relative(process.cwd(), BUNDLE)} with ${kB(sizes.pipe)} of compiled code for a pipe, ${kB(sizes.terminal)} for a terminal\n`);
}
