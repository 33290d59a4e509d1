import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { openDatabase } from '../db/open.js';
import type { ObjectOutput } from '../fields/json-schema.js';
import { addExamples } from '../options/declare.js';
import { formatAsked, toChoice, toOutputSettings } from '../options/parse.js';
import { DIFFERENCE, diffDatabases, differencesSchema } from '../queries/diff.js';
import { DIFF_FORMATS, diffSummary } from '../render/diff.js';
import { jsonText, writeRecords } from '../render/output.js';

/** What it prints with --json. */
export const output: ObjectOutput = {
  name: 'diff',
  usage: 'diff <old.db> <new.db>',
  description: 'What crisis diff <old.db> <new.db> --json prints: the records added, removed and changed, each list by id.',
  schema: differencesSchema,
};

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('diff')
    .description('What changed between two databases built by crisis: the records added, removed and changed, with the fields that changed')
    .argument('<old.db>', 'the database before, e.g. the bundled data/crisis.db')
    .argument('<new.db>', 'the database after, e.g. one crisis build wrote')
    .option('--json', 'print one JSON object: {added, removed, changed} (same as --format json)')
    .option('--format <format>', `${DIFF_FORMATS.join(', ')} (default: table on a terminal, tsv in a pipe)`);
  addExamples(command, [
    'crisis diff old.db new.db',
    'crisis diff data/crisis.db my-facts.db --json',
    "crisis diff old.db new.db --json | jq -r '.changed[] | select(.fields | index(\"sources\")) | .id'",
  ])
    .addHelpText(
      'after',
      `
Each record (every id, of every kind) is compared field by field, as its list
command prints it with --json (crisis events --json, ...). --json prints added
and removed as {id, kind, title} and changed as {id, kind, fields}, each list
by id. A table ends in a summary line; TSV and CSV write it to stderr.

Exit status: 0 whether or not the databases differ, 1 if either cannot be read
(missing, not a crisis database, another schema version), 2 usage error.
`,
    )
    .action(async (oldPath: string, newPath: string, raw: { json?: boolean; format?: string }) => {
      const format = toChoice(formatAsked(raw), DIFF_FORMATS, '--format') ?? (ctx.io.stdoutIsTTY ? 'table' : 'tsv');
      const settings = toOutputSettings({ format }, DIFFERENCE, ctx);
      const before = openDatabase(oldPath);
      try {
        const after = openDatabase(newPath);
        try {
          const comparison = diffDatabases({ db: before, path: oldPath }, { db: after, path: newPath });
          const summary = diffSummary(comparison);
          if (format === 'json') ctx.io.stdout.write(`${jsonText(comparison.differences, 2)}\n`);
          else if (format === 'table' && !comparison.rows.length) ctx.io.stdout.write(`${summary}\n`);
          else {
            await writeRecords(ctx.io.stdout, comparison.rows, DIFFERENCE, { ...settings, summary });
            if (format !== 'table') ctx.io.stderr.write(`${summary}\n`);
          }
        } finally {
          after.close();
        }
      } finally {
        before.close();
      }
    });
}
