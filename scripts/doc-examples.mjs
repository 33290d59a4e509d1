#!/usr/bin/env node
// The examples the documents show with their output: each `$ crisis ...` line followed by its output,
// indented. Those shown whole (no pipe, no "..." for lines left out, no files of the reader's own) must print
// exactly that: test/readme.test.ts runs them. Run as a script, it refreshes those outputs in place from the
// built binary (npm run build first), after the data changes:
//   node scripts/doc-examples.mjs README.md docs/*.md
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The width the examples are shown at, as a terminal of that width would give it (and COLUMNS in a pipe). */
export const EXAMPLE_COLUMNS = 100;

/** The words of a command line, as a shell splits it (quotes kept together). */
export const argvOf = (command) => [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]).slice(1);

/** The examples of a document shown whole, with the lines their output spans (first, and one past the last). */
export function examplesIn(text) {
  const lines = text.split('\n');
  const examples = [];
  lines.forEach((line, i) => {
    const command = /^ {4}\$ (crisis .*)$/.exec(line)?.[1];
    if (!command) return;
    let end = i + 1;
    while (end < lines.length && (lines[end] === '' || lines[end].startsWith('    ')) && !lines[end].startsWith('    $ ')) end++;
    while (end > i + 1 && lines[end - 1] === '') end--;
    const output = lines.slice(i + 1, end).map((text) => text.slice(4));
    if (output.length === 0) return;
    if (/[|<>]|^crisis (validate|build)\b/.test(command) || output.some((text) => text.trim() === '...')) return;
    examples.push({ command, argv: argvOf(command), expected: `${output.join('\n')}\n`, from: i + 1, to: end });
  });
  return examples;
}

function refresh(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  // From the last example up, so the line numbers of those above stay right.
  for (const example of examplesIn(lines.join('\n')).reverse()) {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'crisis.js'), ...example.argv], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: String(EXAMPLE_COLUMNS), NO_COLOR: '1' },
    });
    if (result.status !== 0) throw new Error(`${file}: ${example.command} exited ${result.status}: ${result.stderr}`);
    const output = result.stdout.replace(/\n$/, '').split('\n').map((text) => (text ? `    ${text}` : ''));
    lines.splice(example.from, example.to - example.from, ...output);
  }
  writeFileSync(file, lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const file of process.argv.slice(2)) refresh(file);
