import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { createContext } from '../src/cli/context.js';
import { SHELLS } from '../src/render/completion.js';
import { FORMATS } from '../src/render/output.js';
import { SCHEMA_KINDS } from '../src/render/schema.js';
import { views } from '../src/render/views.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTTY: false, env: {} };
const commands = (await buildProgram(io, createContext(io, () => ({ color: false })))).commands;

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

  it.each([...new Set(Object.values(views).flatMap((view) => view.fields))])('documents the JSON field %s', (field) => {
    expect(README).toMatch(new RegExp(`\\| [^\\n]*\`${field}\`[^\\n]*\\|`));
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
    const dir = join(tempDir(), 'my-facts');
    const files = [...README.matchAll(/^`my-facts\/([^`]+)`:\n\n```\w*\n([\s\S]*?)```$/gm)];
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
    expect(README).toContain(built.stderr.replace(`'${out}'`, "'my-facts.db'").trimEnd());
    const shown = await runCli(['--db', out, 'show', 'pahalgam-attack', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'pahalgam-attack', figures: [{ figure: 'killed', value: 26 }], sources: [{ id: 'seed-article' }] });

    // The mistakes the validate example shows give the lines it shows.
    const edit = (file: string, from: string, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
    edit('events.yaml', 'date: "2025"', 'date: "2025-02-30"');
    edit('measures.yaml', 'closing its airspace to Indian airliners', 'closing its airspace to all airliners');
    const invalid = await runCli(['validate', dir]);
    expect(invalid.code).toBe(1);
    expect(README).toContain(`    $ crisis validate my-facts\n${(invalid.stdout + invalid.stderr).trimEnd().replaceAll(dir, 'my-facts').replace(/^/gm, '    ')}\n`);
  });

  it.each(['0', '1', '2', '3', '130'])('documents exit status %s', (status) => {
    expect(README).toMatch(new RegExp(`^\\| ${status} \\| .+ \\|$`, 'm'));
  });
});

/**
 * The README's examples with their output, as a reader copies them: each `$ crisis ...` line
 * followed by indented output. Those shown whole (no pipe, no "..." line for lines left out, no
 * files of the reader's own) must print exactly that, so the manual cannot drift from the data.
 */
function readmeExamples(): { command: string; expected: string }[] {
  const lines = README.split('\n');
  const examples: { command: string; expected: string }[] = [];
  lines.forEach((line, i) => {
    const command = /^ {4}\$ (crisis .*)$/.exec(line)?.[1];
    if (!command) return;
    const output: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j] === '' || lines[j]!.startsWith('    ')) && !lines[j]!.startsWith('    $ '); j++) output.push(lines[j]!.slice(4));
    while (output.length && output.at(-1) === '') output.pop();
    if (output.length === 0) return;
    if (/[|<>]|^crisis (validate|build)\b/.test(command) || output.some((text) => text.trim() === '...')) return;
    examples.push({ command, expected: `${output.join('\n')}\n` });
  });
  return examples;
}

describe('the README examples', () => {
  it('draws the first week as a Mermaid block that is exactly what crisis graph prints', async () => {
    const block = /^ {4}\$ (crisis graph --format mermaid [^\n]*)\n\n```mermaid\n([\s\S]*?)```$/m.exec(README);
    expect(block).not.toBeNull();
    const result = await runCli(block![1]!.split(' ').slice(1));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(block![2]);
  });

  it('are found', () => {
    expect(readmeExamples().length).toBeGreaterThan(5);
  });

  it.each(readmeExamples())('$command prints what the README shows', async ({ command, expected }) => {
    const argv = [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!).slice(1);
    const result = await runCli(argv, { columns: 100 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});
