import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { object } from '../fields/define.js';
import type { ObjectOutput } from '../fields/json-schema.js';
import { addActorOption, addDateOptions, addExamples, TAKING_PART_HELP } from '../options/declare.js';
import { formatAsked, type RawOptions, toActorIds, toChoice, toDateRange } from '../options/parse.js';
import { findResponseGraph, graphProperties } from '../queries/responses.js';
import { TIMELINE_KINDS } from '../queries/timeline.js';
import { GRAPH_FORMATS, renderGraph } from '../render/graph.js';

/** What it prints with --json. */
export const output: ObjectOutput = {
  name: 'graph',
  usage: 'graph',
  description: 'What crisis graph --json prints: the records the filters chose, and the edges between them.',
  schema: object(graphProperties),
};

export function register(program: Command, ctx: Context): void {
  const command = addActorOption(
    program
      .command('graph')
      .description('The response graph: records as nodes (shape by kind, colour by side), edges from each record to what answered it')
      .option('--format <format>', `${GRAPH_FORMATS.join(', ')} (default: dot, for Graphviz)`)
      .option('--json', 'print nodes and edges as JSON (same as --format json)'),
    '--actor',
    TAKING_PART_HELP,
  )
    .option('--kind <kind>', `only this kind: ${TIMELINE_KINDS.join(', ')}`)
    .option('--all', 'also draw the chosen records that no other chosen record answers or is answered by');
  addDateOptions(command);
  addExamples(command, [
    'crisis graph | dot -Tsvg > crisis.svg',
    'crisis graph --format mermaid --until 2025-04-29',
    "crisis graph --actor russia --json | jq '.edges | length'",
  ]).action(async (raw: RawOptions & { all?: boolean }) => {
    const format = toChoice(formatAsked(raw), GRAPH_FORMATS, '--format') ?? 'dot';
    const db = ctx.db();
    const filters = { actors: toActorIds(db, raw.actor, '--actor'), kind: toChoice(raw.kind, TIMELINE_KINDS, '--kind'), ...toDateRange(raw) };
    const graph = findResponseGraph(db, filters, { all: raw.all });
    // The empty document is still valid for a program reading it; a person is told why nothing was drawn.
    ctx.io.stdout.write(renderGraph(graph, format));
    if (!graph.nodes.length) ctx.io.stderr.write(`crisis: the graph is empty: ${whyEmpty(raw.all ? 0 : findResponseGraph(db, filters, { all: true }).nodes.length)}\n`);
  });
}

/** Why no record was drawn, given how many the filters chose (each then answering and answered by none of the others). */
function whyEmpty(chosen: number): string {
  if (!chosen) return 'no record matches these filters';
  const records = chosen === 1 ? 'the one record chosen is' : `none of the ${chosen} records chosen is`;
  return `${records} linked to another chosen record (--all draws ${chosen === 1 ? 'it' : 'them'} alone)`;
}
