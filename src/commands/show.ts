import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { addAsOfOption, addExamples } from '../options/declare.js';
import { toAsOfDay, toRecord, toTextOrJson } from '../options/parse.js';
import { asItStood, asOf, linkKnown, notYetKnown } from '../queries/as-of.js';
import { findLinks } from '../queries/links.js';
import type { RecordKind } from '../queries/lookup.js';
import { recordOfKind } from '../queries/records.js';
import { loadPaint } from '../render/paint.js';
import { jsonText } from '../render/output.js';
import { renderRecordText } from '../render/show.js';

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('show')
    .description('One record in full: every field, each page it rests on with what it reports and any words it quotes, and the records linked to it')
    .argument('<id>', 'a record id (any kind), or the name or alias of an actor or agreement')
    .option('--json', 'print one JSON object')
    .option('--format <format>', 'text or json (default: text)');
  addAsOfOption(command);
  addExamples(command, [
    'crisis show pahalgam-attack',
    'crisis show putin',
    "crisis show simla-agreement --json | jq '.sources[].quote'",
    'crisis show pahalgam-attack --as-of 2025-04-23',
  ]).action(async (typed: string, raw: { json?: boolean; format?: string; asOf?: string }) => {
      const format = toTextOrJson(raw, 'show');
      const db = ctx.db();
      const { id, kind } = toRecord(db, typed);
      const asOfDay = toAsOfDay(raw);
      let record = recordOfKind(db, kind as RecordKind, id)!;
      let links = findLinks(db, id);
      if (asOfDay !== undefined) {
        const view = asOf(db, asOfDay);
        const stood = asItStood(record, view);
        if (!stood) throw notYetKnown(id, view);
        record = stood;
        links = links.filter((link) => linkKnown(link, id, view));
      }
      if (format === 'json') {
        ctx.io.stdout.write(`${jsonText({ ...record, linked: links }, 2)}\n`);
      } else {
        const paint = await loadPaint(ctx.color());
        ctx.io.stdout.write(renderRecordText(record as unknown as Record<string, unknown>, kind, links, paint, ctx.width()));
      }
    });
}
