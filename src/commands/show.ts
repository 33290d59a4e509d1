import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { NotFoundError, UsageError, quoted } from '../cli/errors.js';
import { didYouMean } from '../cli/suggest.js';
import type { Db } from '../db/open.js';
import { findActors } from '../queries/actors.js';
import { findAgreements } from '../queries/agreements.js';
import { findEvents } from '../queries/events.js';
import { findLinks } from '../queries/links.js';
import { listIds, listNames, matchName, recordKind } from '../queries/lookup.js';
import { findMeasures } from '../queries/measures.js';
import { findSources } from '../queries/sources.js';
import { findStatements } from '../queries/statements.js';
import type { AnyRecord } from '../records.js';
import { loadPaint } from '../render/paint.js';
import { renderRecordText } from '../render/show.js';
import { addExamples } from './options.js';

const finders: Record<string, (db: Db, id: string) => AnyRecord[]> = {
  event: (db, id) => findEvents(db, { id }),
  statement: (db, id) => findStatements(db, { id }),
  measure: (db, id) => findMeasures(db, { id }),
  actor: (db, id) => findActors(db, { id }),
  agreement: (db, id) => findAgreements(db, { id }),
  source: (db, id) => findSources(db, { id }),
};

export function registerShow(program: Command, ctx: Context): void {
  const command = program
    .command('show')
    .description('One record in full: every field, each citation with its quote, and the records linked to it')
    .argument('<id>', 'a record id (any kind), or the name or alias of an actor or agreement')
    .option('--json', 'print one JSON object')
    .option('--format <format>', 'text or json (default: text)');
  addExamples(command, [
    'crisis show pahalgam-attack',
    'crisis show putin',
    "crisis show simla-agreement --json | jq '.sources[].quote'",
  ]).action(async (typed: string, raw: { json?: boolean; format?: string }) => {
      if (raw.json && raw.format !== undefined && raw.format !== 'json') {
        throw new UsageError(`--json and --format ${raw.format} ask for different formats; give one`);
      }
      const format = raw.json ? 'json' : raw.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`show prints text or json, not ${quoted(format)}`);
      const db = ctx.db();
      const { id, kind } = resolveRecord(db, typed);
      const record = finders[kind]!(db, id)[0]!;
      const links = findLinks(db, id);
      if (format === 'json') {
        ctx.io.stdout.write(`${JSON.stringify({ ...record, linked: links }, null, 2)}\n`);
      } else {
        const paint = await loadPaint(ctx.color());
        ctx.io.stdout.write(renderRecordText(record as unknown as Record<string, unknown>, kind, links, paint, ctx.width()));
      }
    });
}

/** An exact id first; else an actor's or agreement's name or alias ("putin", "Simla Accord"). */
function resolveRecord(db: Db, typed: string): { id: string; kind: string } {
  const id = typed.trim().toLowerCase();
  const kind = recordKind(db, id);
  if (kind) return { id, kind };
  for (const named of ['actor', 'agreement'] as const) {
    const matches = matchName(listNames(db, named), typed);
    if (matches.length === 1) return { id: matches[0]!, kind: named };
  }
  throw new NotFoundError(`no record ${quoted(typed)}${didYouMean(id, listIds(db))}`);
}
