#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and all it imports, dependencies too) into CommonJS files that
// bin/crisis.js loads, one a run: one file to read and compile instead of hundreds of modules to resolve,
// and no ES module loader to start. The whole CLI's bundle holds every command, and each command has one
// of its own that holds it alone. Modules imported with `await import()` stay lazy: they run only when a
// command needs them (chalk on a terminal, cli-table3 for a table, csv-stringify for CSV).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** bin/crisis.js, whose loader runs the bundles this script makes. */
const binary = createRequire(import.meta.url)(join(root, 'bin', 'crisis.js'));

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
 * A command's own bundle: program.ts imports every other command's module from a stub, so that the bundle holds
 * only this command and what it imports. The stub is never run: given a line that would set up another command,
 * the bundle throws OtherBundleNeeded first (src/cli/program.ts), and bin/crisis.js runs the whole CLI's.
 */
const onlyCommand = (command) => ({
  name: 'only-command',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/commands\/[a-z-]+\.js$/ }, (args) => {
      const name = args.path.slice('../commands/'.length, -'.js'.length);
      return args.importer === join(root, 'src', 'cli', 'program.ts') && name !== command ? { path: name, namespace: 'other-command' } : undefined;
    });
    plugin.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
      contents: `throw new Error('the ${command} bundle holds no ${args.path} command');`,
      loader: 'js',
    }));
  },
});

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
 * How the CLI is bundled: `outfile`; `command`, for a bundle of that command alone; and for `npm run dev` (`dev`)
 * readable names and a source map in place of minified code. Every bundle runs the same code for a line it is
 * given, so they print the same bytes.
 */
export async function bundleOptions({ outfile, command, dev = false }) {
  return {
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [nativeAddon, lazyChildProcess, tableAndColour, ...(command ? [onlyCommand(command)] : [])],
    define: { ...(await writtenIn({ dev })), ...(command && { CRISIS_BUNDLED_COMMAND: JSON.stringify(command) }) },
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
function checkAscii(file, source) {
  const at = source.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const code = `\\u${source.charCodeAt(at).toString(16).padStart(4, '0')}`;
    throw new Error(`${relative(root, file)} holds ${source[at]} (${code}), beyond ASCII, in "${source.slice(Math.max(0, at - 40), at + 10)}": write it as ${code} in the sources`);
  }
}

/**
 * The lines each bundle's code caches are warmed with, a command's lines in its own bundle: what people type most,
 * in each output, and a mistyped actor. A command with none (a tool: build, validate, diff) has a bundle of its own
 * all the same, smaller to take in, whose code compiles as it runs. The whole CLI's bundle, which runs the lines
 * that begin with an option or with a word that names no command, is warmed with every command's first line.
 */
const WARM_UP = {
  events: [['events', '--actor', 'russia', '--json'], ['events', '--actor', 'russia'], ['events', '--actor', 'narnia']],
  statements: [['statements', '--actor', 'putin', '--since', '2025-05'], ['statements', '--actor', 'putin', '--json']],
  measures: [['measures', '--by', 'pakistan'], ['measures', '--by', 'pakistan', '--format', 'jsonl']],
  actors: [['actors'], ['actors', '--kind', 'person', '--json']],
  agreements: [['agreements'], ['agreements', '--json']],
  sources: [['sources', '--limit', '5'], ['sources', '--limit', '5', '--json']],
  timeline: [['timeline', '--limit', '5'], ['timeline', '--limit', '5', '--format', 'csv']],
  chain: [['chain', 'pahalgam-attack'], ['chain', 'pahalgam-attack', '--json']],
  graph: [['graph', '--actor', 'russia'], ['graph', '--actor', 'russia', '--json']],
  search: [['search', 'Simla'], ['search', 'Simla', '--json']],
  show: [['show', 'pahalgam-attack'], ['show', 'pahalgam-attack', '--json']],
  cite: [['cite', 'pahalgam-attack'], ['cite', 'pahalgam-attack', '--format', 'bibtex']],
};

/**
 * Every bundle the build makes: the whole CLI's, then one for each command but those that describe every command
 * (schema, completion), which need them all. Each with the lines its caches are warmed with.
 */
export async function bundles() {
  const { COMMANDS, DESCRIBING_ALL } = await import('../dist/cli/program.js');
  const { BUNDLE, BIN } = binary;
  const own = Object.keys(COMMANDS).filter((command) => !DESCRIBING_ALL.has(command));
  const unknown = Object.keys(WARM_UP).filter((command) => !own.includes(command));
  if (unknown.length) throw new Error(`WARM_UP names ${unknown.join(', ')}, which has no bundle of its own`);
  return [
    { path: BUNDLE, warmUp: Object.values(WARM_UP).map((lines) => lines[0]) },
    ...own.map((command) => ({ path: join(BIN, `crisis-${command}.cjs`), command, warmUp: WARM_UP[command] ?? [] })),
  ];
}

/**
 * Bundles the CLI: each bundle, wrapped as a CommonJS module (bin/crisis.js, which loads it). The bundle of a
 * command no longer in COMMANDS is removed with its caches, or the binary would run its old code.
 */
export async function bundle() {
  const made = await bundles();
  mkdirSync(binary.BIN, { recursive: true });
  const kept = new Set(made.flatMap(({ path }) => [path, binary.cacheOf(path, 'pipe'), binary.cacheOf(path, 'terminal')]));
  for (const file of readdirSync(binary.BIN)) if (/^crisis-/.test(file) && !kept.has(join(binary.BIN, file))) rmSync(join(binary.BIN, file));
  await Promise.all(
    made.map(async ({ path, command }) => {
      const { outputFiles } = await build({ ...(await bundleOptions({ outfile: path, command })), write: false });
      const source = binary.wrapAsModule(outputFiles[0].text);
      checkAscii(path, source);
      writeFileSync(path, source);
    }),
  );
}

/**
 * Runs each bundle's warm-up lines through it, discarding their output, and saves V8's compiled code: the
 * functions they compiled (V8 compiles most functions lazily, on first call) are in each cache as well as
 * the top level. The lines run into a pipe, and the pipe's cache is saved; then on a terminal, and the
 * terminal's is saved, which so holds the pipe's code too, as `--json` on a terminal is common. Each bundle is
 * loaded as bin/crisis.js loads it, without the caches it is about to replace. Returns the caches' sizes in bytes.
 */
export async function writeCaches() {
  const { cacheOf, loadBundle, readBundle } = binary;
  const discard = { write: () => true };
  const sizes = [];
  for (const { path, warmUp } of await bundles()) {
    const { exports: { main }, script } = loadBundle(readBundle(path));
    for (const output of ['pipe', 'terminal']) {
      const terminal = output === 'terminal';
      for (const argv of warmUp) {
        await main(argv, { stdout: discard, stderr: discard, stdoutIsTTY: terminal, columns: 100, env: terminal ? { FORCE_COLOR: '1' } : {} });
      }
      const data = script.createCachedData();
      writeFileSync(cacheOf(path, output), data);
      sizes.push({ path, output, bytes: data.length });
    }
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle();
  const sizes = await writeCaches();
  const kB = (bytes) => `${Math.round(bytes / 1024)} kB`;
  const range = (output) => {
    const own = sizes.filter((size) => size.output === output && !size.path.endsWith('crisis.cjs')).map((size) => size.bytes);
    const whole = sizes.find((size) => size.output === output && size.path.endsWith('crisis.cjs')).bytes;
    return `${kB(Math.min(...own))}-${kB(Math.max(...own))} (the whole CLI's ${kB(whole)}) for ${output === 'pipe' ? 'a pipe' : 'a terminal'}`;
  };
  process.stderr.write(`bundled the CLI and each command into dist/bin/, with compiled code of ${range('pipe')}, ${range('terminal')}\n`);
}
