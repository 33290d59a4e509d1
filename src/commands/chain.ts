import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { quoted, UsageError } from '../errors.js';
import { id, object } from '../fields/define.js';
import type { ObjectOutput } from '../fields/json-schema.js';
import { addAsOfOption, addExamples } from '../options/declare.js';
import { toAsOfDay, toLimit, toRecord, toTextOrJson } from '../options/parse.js';
import { asOf, notYetKnown } from '../queries/as-of.js';
import { findChain, graphProperties } from '../queries/responses.js';
import { TIMELINE_KINDS } from '../queries/timeline.js';
import { renderChainText } from '../render/chain.js';
import { jsonText } from '../render/output.js';
import { loadPaint } from '../render/paint.js';

/** What it prints with --json. */
export const output: ObjectOutput = {
  name: 'chain',
  usage: 'chain <id>',
  description: 'What crisis chain <id> --json prints: the record, what led to it and what answered it.',
  schema: object({ root: id('the id of the record the chain is of'), ...graphProperties }),
};

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('chain')
    .description('What led to a record and what answered it, following in_response_to both ways and the statements made at events')
    .argument('<id>', 'the id of an event, statement or measure')
    .option('--depth <n>', 'follow at most n steps each way (default: all the way)')
    .option('--json', 'print the chain as JSON: root, nodes and edges (same as --format json)')
    .option('--format <format>', 'text or json (default: text)');
  addAsOfOption(command);
  addExamples(command, [
    'crisis chain pahalgam-attack',
    'crisis chain operation-sindoor --depth 1',
    "crisis chain india-closes-airspace --json | jq -r '.edges[] | \"\\(.from) \\(.relation) \\(.to)\"'",
  ]).action(async (typed: string, raw: { json?: boolean; format?: string; depth?: string; asOf?: string }) => {
    const format = toTextOrJson(raw, 'chain');
    const depth = toLimit(raw.depth, 'depth');
    const db = ctx.db();
    const { id, kind } = toRecord(db, typed, TIMELINE_KINDS);
    if (!(TIMELINE_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`${quoted(typed)} is ${kind === 'actor' || kind === 'agreement' ? 'an' : 'a'} ${kind}: chain follows events, statements and measures; try crisis show ${id}`);
    }
    const asOfDay = toAsOfDay(raw);
    const view = asOfDay === undefined ? undefined : asOf(db, asOfDay);
    if (view && !view.known(id)) throw notYetKnown(id, view);
    const chain = findChain(db, id, depth, view && ((edge) => view.answerKnown(edge.from, edge.to, edge.basis)));
    if (format === 'json') {
      ctx.io.stdout.write(`${jsonText(chain, 2)}\n`);
    } else {
      ctx.io.stdout.write(renderChainText(chain, { paint: await loadPaint(ctx.color()), width: ctx.width() }));
    }
  });
}
