import type { Chain, ResponseEdge, ResponseNode } from '../queries/responses.js';
import { edgeWords } from './graph.js';
import type { Paint } from './paint.js';
import { wrapText } from './wrap.js';
import { visibleStrings } from '../text.js';

/** Roles that name who acted, and those that name whom it was aimed at: "India → Pakistan". */
const ACTING = new Set(['initiator', 'participant', 'mediator', 'speaker', 'on-behalf-of', 'by']);
const FACING = new Set(['target', 'addressee', 'against']);

/** "India → Pakistan", "Vladimir Putin → Narendra Modi", "Sergey Lavrov, S. Jaishankar". */
export function actorsText(node: ResponseNode): string {
  const names = (roles: Set<string>) => [...new Set(node.actors.filter((actor) => roles.has(actor.role)).map((actor) => actor.name))].join(', ');
  const acting = names(ACTING);
  const facing = names(FACING);
  return facing ? `${acting}${acting ? ' ' : ''}→ ${facing}` : acting;
}

interface TreeSettings {
  paint: Paint;
  width: number;
}

/**
 * A chain as two indented trees under its record: what led to it (each record it answers, the event it
 * was said at, and theirs in turn) and what answered it. A record reached a second way is named again
 * but not followed again, so records answering each other cannot loop.
 */
export function renderChainText(stored: Chain, { paint, width }: TreeSettings): string {
  const chain = visibleStrings(stored);
  const nodes = new Map(chain.nodes.map((node) => [node.id, node]));
  const root = nodes.get(chain.root)!;
  const lines = [
    ...wrapText(root.title, width).map((line) => paint.bold(line)),
    ...detailLines(root, width, paint),
  ];
  const sections = [
    { heading: 'What led to it', none: 'nothing: no record it answers', step: (id: string) => stepsFrom(chain.edges, id, 'back') },
    { heading: 'What answered it', none: 'nothing: no record answers it', step: (id: string) => stepsFrom(chain.edges, id, 'forward') },
  ];
  for (const section of sections) {
    lines.push('', paint.bold(section.heading));
    const shown = new Set([root.id]);
    const walk = (id: string, indent: string) => {
      const steps = section.step(id);
      steps.forEach(({ other, words }, i) => {
        const last = i === steps.length - 1;
        const node = nodes.get(other)!;
        const again = shown.has(other);
        shown.add(other);
        const branch = `${indent}${last ? '└─ ' : '├─ '}`;
        const under = `${indent}${last ? '   ' : '│  '}`;
        const [first = '', ...rest] = wrapText(`${words} ${node.date} ${node.title}`, Math.max(10, width - branch.length));
        lines.push(`${branch}${first.startsWith(words) ? `${paint.dim(words)}${first.slice(words.length)}` : first}`);
        const textWidth = Math.max(10, width - under.length);
        if (rest.length) for (const line of wrapText(rest.join(' '), textWidth)) lines.push(`${under}${line}`);
        for (const line of detailLines(node, textWidth, paint, again ? ' (shown above)' : '')) lines.push(`${under}${line}`);
        if (!again) walk(other, under);
      });
    };
    if (section.step(root.id).length) walk(root.id, '');
    else lines.push(paint.dim(section.none));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * "measure india-holds-iwt-in-abeyance · India → Pakistan": the kind, the id to copy (in cyan, never
 * broken), who acted on whom, and any note, wrapped to the width.
 */
function detailLines(node: ResponseNode, width: number, paint: Paint, note = ''): string[] {
  const actors = actorsText(node);
  const named = `${node.kind} ${node.id}`;
  return wrapText(`${named}${actors ? ` · ${actors}` : ''}${note}`, width, { cut: false }).map((line) =>
    line.startsWith(named) ? `${paint.dim(node.kind)} ${paint.cyan(node.id)}${paint.dim(line.slice(named.length))}` : line === node.id ? paint.cyan(line) : paint.dim(line),
  );
}

/** The records one step from `id`, in date order, with the words for the way they are linked. */
function stepsFrom(edges: ResponseEdge[], id: string, direction: 'back' | 'forward') {
  return direction === 'back'
    ? edges.filter((edge) => edge.to === id).map((edge) => ({ other: edge.from, words: edgeWords(edge, 'back') }))
    : edges.filter((edge) => edge.from === id).map((edge) => ({ other: edge.to, words: edgeWords(edge, 'forward') }));
}
