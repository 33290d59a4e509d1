import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a script of the project's, in JavaScript
import { EXAMPLE_COLUMNS, examplesIn } from '../scripts/doc-examples.mjs';
import { fieldNames } from '../src/fields/define.js';
import { SHELLS } from '../src/render/completion.js';
import { FORMATS } from '../src/render/output.js';
import { describedOutputs, ROOT, runCli, tempDir, wholeProgram } from './helpers.js';

const { outputs, kinds } = await describedOutputs();
const SCHEMA_KINDS = outputs.map((output) => output.name);

/** The users' guide, and the documents for contributors beside it. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', 'data/README.md', 'docs/your-own-facts.md', 'docs/performance.md', 'docs/json-fields.md'];
const read = (document: string) => readFileSync(join(ROOT, document), 'utf8');
const README = read('README.md');
const { program } = await wholeProgram();
const commands = program.commands;


/** The README is the manual: a command, option or field it does not document is a bug. */
describe('the README', () => {
  it('shows the quick start', () => {
    for (const line of ['npm install', 'npx crisis events --actor russia', 'npm test']) expect(README).toContain(`    ${line}\n`);
  });

  it('names the Nodes that engines claims and CI tests, and no others', () => {
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const claimed = engines.node.split('||').map((range) => /^\s*\^(\d+)\s*$/.exec(range)?.[1]);
    // .ci/run tests the machine's Node 20 and the exact releases it takes from the registry.
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const tested = ['20', ...(/^OTHER_NODES=\(([^)]*)\)$/m.exec(ci)?.[1] ?? '').split(' ').map((version) => version.split('.')[0])];
    expect(claimed).toEqual(tested);
    expect(README).toContain(`with Node ${tested.slice(0, -1).join(', ')} or ${tested.at(-1)} (the versions CI tests crisis on)`);
  });

  it.each(commands.map((command) => [command.name(), command] as const))('documents crisis %s with an example and its options', (name, command) => {
    expect(README).toMatch(new RegExp(`\\$ crisis ${name}\\b`));
    expect(command.description()).not.toBe('');
    for (const option of command.options) {
      expect(README, `${name} ${option.long}`).toContain(`\`${option.long}`);
    }
  });

  it.each([...new Set(kinds.flatMap((kind) => fieldNames(kind)))])('documents the JSON field %s in docs/json-fields.md', (field) => {
    expect(read('docs/json-fields.md')).toMatch(new RegExp(`\\| [^\\n]*\`${field}\`[^\\n]*\\|`));
  });

  it.each(SHELLS)('shows how to load the %s completion', (shell) => {
    expect(README).toContain(`crisis completion ${shell}`);
  });

  it.each(SCHEMA_KINDS)('names the schema kind %s', (kind) => {
    expect(README).toMatch(new RegExp(`### schema[^#]*\`${kind}\``));
  });

  it.each(FORMATS)('documents the format %s', (format) => {
    expect(README).toMatch(new RegExp(`^\\| \`${format}\` \\|`, 'm'));
  });


  it('shows a complete folder of fact files that validates and builds, and queries as documented', async () => {
    const guide = read('docs/your-own-facts.md');
    const dir = join(tempDir(), 'my-facts');
    const files = [...guide.matchAll(/^`my-facts\/([^`]+)`:\n\n```\w*\n([\s\S]*?)```$/gm)];
    expect(files.map(([, path]) => path).sort()).toEqual([
      'actors.yaml', 'agreements.yaml', 'events.yaml', 'measures.yaml', 'sources.yaml', 'statements.yaml', 'texts/seed-article.txt',
    ]);
    for (const [, path, text] of files) {
      mkdirSync(dirname(join(dir, path!)), { recursive: true });
      writeFileSync(join(dir, path!), text!);
    }
    expect(await runCli(['validate', dir])).toMatchObject({ code: 0, stdout: '' });
    const out = join(dir, '..', 'my-facts.db');
    const built = await runCli(['build', dir, '--out', out]);
    expect(built.code).toBe(0);
    expect(guide).toContain(built.stderr.replace(`'${out}'`, "'my-facts.db'").trimEnd());
    const shown = await runCli(['--db', out, 'show', 'pahalgam-attack', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'pahalgam-attack', figures: [{ figure: 'killed', value: 26 }], sources: [{ id: 'seed-article' }] });

    // The mistakes the validate example shows give the lines it shows.
    const edit = (file: string, from: string, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
    edit('events.yaml', 'date: "2025"', 'date: "2025-02-30"');
    edit('measures.yaml', 'closing its airspace to Indian airliners', 'closing its airspace to all airliners');
    const invalid = await runCli(['validate', dir]);
    expect(invalid.code).toBe(1);
    expect(guide).toContain(`    $ crisis validate my-facts\n${(invalid.stdout + invalid.stderr).trimEnd().replaceAll(dir, 'my-facts').replace(/^/gm, '    ')}\n`);
  });

  it.each(['0', '1', '2', '3', '130'])('documents exit status %s', (status) => {
    expect(README).toMatch(new RegExp(`^\\| ${status} \\| .+ \\|$`, 'm'));
  });
});

/** A number with a unit of time, as a measurement would be written. */
const isTiming = (text: string) => /\d(?:[.,]\d+)?\s?(?:ns|µs|ms|s|seconds?|milliseconds?|minutes?)\b/.test(text);
/** Each line and block comment: one opens at a line's start or after a space, so a URL or a glob in a string stays code. */
const commentsIn = (source: string) => [...source.matchAll(/(?:^|\s)(\/\*[\s\S]*?\*\/|\/\/.*$)/gm)].map(([, comment]) => comment!);

describe('the documents', () => {
  it('keep the README a users\' guide: short, with the rest reachable from it', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(400);
    for (const document of DOCUMENTS.slice(1)) expect(README, document).toContain(`](${document})`);
  });

  it('keep timings out of the code\'s comments: measurements go in docs/performance.md', () => {
    expect(['took 1.2 ms', '(95 against 140 µs of CPU)', 'in 4.4 s', 'about 2 seconds'].filter(isTiming)).toHaveLength(4);
    expect(['100 MB', '1.15x', 'Node 20', '8 kB pages'].filter(isTiming)).toEqual([]);
    expect(commentsIn("fetch('https://a/5 s'); glob('src/**/*.ts'); // took 2 ms\n/** 3 s */ x('*/')")).toEqual(['// took 2 ms', '/** 3 s */']);
    const code = ['src', 'bin', 'scripts'].flatMap((dir) =>
      (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((file) => /\.(ts|js|mjs)$/.test(file)).map((file) => join(dir, file)),
    );
    const comments = code.flatMap((file) => commentsIn(read(file)).map((comment) => ({ file, comment })));
    expect(comments.length).toBeGreaterThan(100);
    expect(comments.filter(({ comment }) => isTiming(comment))).toEqual([]);
  });

  it.each(DOCUMENTS)('%s links only to files that exist', (document) => {
    for (const [, target] of read(document).matchAll(/\]\((?!https?:|#)([^)#]+)/g)) {
      expect(existsSync(join(ROOT, dirname(document), target!)), `${document} → ${target}`).toBe(true);
    }
  });
});

const examples = DOCUMENTS.flatMap((document) =>
  (examplesIn(read(document)) as { command: string; argv: string[]; expected: string }[]).map((example) => ({ document, ...example })),
);

describe('the examples the documents show', () => {
  it('are found', () => {
    expect(examples.filter((example) => example.document === 'README.md').length).toBeGreaterThan(5);
  });

  it.each(examples)('$document: $command prints what it shows', async ({ argv, expected }) => {
    const result = await runCli(argv, { columns: EXAMPLE_COLUMNS });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});
