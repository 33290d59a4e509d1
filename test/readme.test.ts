import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { createContext } from '../src/cli/context.js';
import { SHELLS } from '../src/render/completion.js';
import { FORMATS } from '../src/render/output.js';
import { OUTPUT_KINDS } from '../src/render/schema.js';
import { views } from '../src/render/views.js';
import { ROOT } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTTY: false, env: {} };
const commands = buildProgram(io, createContext(io, () => ({ color: false }))).commands;

/** The README is the manual: a command, option or field it does not document is a bug. */
describe('the README', () => {
  it('shows the quick start', () => {
    for (const line of ['npm install', 'npx crisis events --actor russia', 'npm test']) expect(README).toContain(`    ${line}\n`);
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

  it.each(OUTPUT_KINDS)('names the schema kind %s', (kind) => {
    expect(README).toMatch(new RegExp(`### schema[^#]*\`${kind}\``));
  });

  it.each(FORMATS)('documents the format %s', (format) => {
    expect(README).toMatch(new RegExp(`^\\| \`${format}\` \\|`, 'm'));
  });

  it.each(['0', '1', '2', '3'])('documents exit status %s', (status) => {
    expect(README).toMatch(new RegExp(`^\\| ${status} \\| .+ \\|$`, 'm'));
  });
});
