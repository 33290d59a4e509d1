import type { ResponseEdge, ResponseGraph, ResponseNode } from '../queries/responses.js';
import { jsonText } from './output.js';
import { wrapText } from './wrap.js';
import { visibleStrings } from '../text.js';

export const GRAPH_FORMATS = ['dot', 'mermaid', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** How an edge reads, forward (from a record to its answer) and back (from the answer to what it answers). */
const RELATION_WORDS: Record<ResponseEdge['relation'], { forward: string; back: string }> = {
  'answered-by': { forward: 'answered by', back: 'responds to' },
  'statement-made-here': { forward: 'statement made here', back: 'made at' },
};

/** The sides a picture tells apart: India, Pakistan, any other state, and acts of no state. */
type SideGroup = 'india' | 'pakistan' | 'otherState' | 'noState';

const SIDE_STYLE: Record<SideGroup, { fill: string; stroke: string; legend: string }> = {
  india: { fill: '#ffd8a8', stroke: '#d9480f', legend: 'orange: India' },
  pakistan: { fill: '#b2f2bb', stroke: '#2b8a3e', legend: 'green: Pakistan' },
  otherState: { fill: '#a5d8ff', stroke: '#1864ab', legend: 'blue: another state' },
  noState: { fill: '#e9ecef', stroke: '#495057', legend: 'grey: no state (attackers, UN bodies, joint acts)' },
};

function sideGroup(node: ResponseNode): SideGroup {
  if (node.side === 'india' || node.side === 'pakistan') return node.side;
  return node.side ? 'otherState' : 'noState';
}

/** What the picture's shapes and lines (named as each format draws them) and colours mean, for its caption. */
const legend = (shapes: string, lines: string) => `${shapes}; ${lines}; ${Object.values(SIDE_STYLE).map((style) => style.legend).join(', ')}`;

/**
 * An edge in words, read from its first record (`forward`, "answered by") or its second (`back`, "responds to"),
 * marked "(inferred)" where the editors read the link from the sequence rather than a page.
 */
export const edgeWords = (edge: ResponseEdge, direction: 'forward' | 'back' = 'forward') =>
  `${RELATION_WORDS[edge.relation][direction]}${edge.basis === 'inferred' ? ' (inferred)' : ''}`;

/** Titles wrap at this many characters inside a node, so the picture grows down rather than across. */
const LABEL_WIDTH = 32;

function labelLines(node: ResponseNode): string[] {
  return [node.date, ...wrapText(node.title, LABEL_WIDTH)];
}

const DOT_SHAPE: Record<ResponseNode['kind'], string> = { event: 'ellipse', measure: 'box', statement: 'note' };

/** A DOT string: backslashes and quotes escaped, and a line break as DOT's own \n. */
const dotString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, ' ')}"`;

/** The graph in Graphviz's DOT language, time flowing left to right: `dot -Tsvg` draws it. */
export function renderDot(graph: ResponseGraph): string {
  const lines = [
    '// crisis graph: each record a node, each edge from a record to its answer',
    'digraph crisis {',
    `  graph [rankdir=LR, fontname="Helvetica", fontsize=10, labelloc=b, label=${dotString(
      legend('ellipse: event, box: measure, note: statement', 'solid line: an answer a page states, dashed: an answer the editors inferred, dotted: a statement made at an event'),
    )}];`,
    '  node [fontname="Helvetica", fontsize=10, style=filled];',
    '  edge [fontname="Helvetica", fontsize=9, color="#495057"];',
  ];
  for (const node of graph.nodes) {
    const style = SIDE_STYLE[sideGroup(node)];
    // Each line of the label is escaped on its own, then joined with DOT's line break.
    const label = labelLines(node).map((line) => dotString(line).slice(1, -1)).join('\\n');
    lines.push(
      `  ${dotString(node.id)} [label="${label}", shape=${DOT_SHAPE[node.kind]}, fillcolor="${style.fill}", color="${style.stroke}", tooltip=${dotString(node.id)}];`,
    );
  }
  for (const edge of graph.edges) {
    const style = edge.relation === 'statement-made-here' ? ', style=dotted' : edge.basis === 'inferred' ? ', style=dashed' : '';
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edgeWords(edge))}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * Mermaid node ids: a record id with its hyphens made underscores, after a prefix, since Mermaid reads
 * a bare `end` as a keyword and `o` or `x` straight after an arrow as the arrow's head.
 */
const mermaidId = (id: string) => `r_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Text inside a quoted Mermaid label: its own entity codes for what the label syntax or HTML would read. */
const mermaidText = (text: string) =>
  text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\s+/g, ' ');

const MERMAID_SHAPE: Record<ResponseNode['kind'], (label: string) => string> = {
  event: (label) => `(["${label}"])`,
  measure: (label) => `["${label}"]`,
  statement: (label) => `>"${label}"]`,
};

/** The graph as a Mermaid flowchart, for a ```mermaid block in Markdown (GitHub draws it). */
export function renderMermaid(graph: ResponseGraph): string {
  const lines = [
    '---',
    `title: "${mermaidText(legend('rounded: event, box: measure, flag: statement', 'solid arrow: an answer a page states, dotted: an answer the editors inferred, or a statement made at an event'))}"`,
    '---',
    'flowchart LR',
  ];
  for (const node of graph.nodes) {
    lines.push(`  ${mermaidId(node.id)}${MERMAID_SHAPE[node.kind](labelLines(node).map(mermaidText).join('<br>'))}`);
  }
  for (const edge of graph.edges) {
    const arrow = edge.relation === 'statement-made-here' || edge.basis === 'inferred' ? '-.->' : '-->';
    lines.push(`  ${mermaidId(edge.from)} ${arrow}|"${mermaidText(edgeWords(edge))}"| ${mermaidId(edge.to)}`);
  }
  for (const [group, style] of Object.entries(SIDE_STYLE) as [SideGroup, (typeof SIDE_STYLE)[SideGroup]][]) {
    const members = graph.nodes.filter((node) => sideGroup(node) === group).map((node) => mermaidId(node.id));
    if (!members.length) continue;
    lines.push(`  classDef ${group} fill:${style.fill},stroke:${style.stroke},color:#000`);
    lines.push(`  class ${members.join(',')} ${group}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The graph in a format: as a picture, its text made visible; as JSON, exact. */
export function renderGraph(graph: ResponseGraph, format: GraphFormat): string {
  if (format === 'dot') return renderDot(visibleStrings(graph));
  if (format === 'mermaid') return renderMermaid(visibleStrings(graph));
  return `${jsonText(graph, 2)}\n`;
}
