import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/open.js';
import { findMeasures } from '../src/queries/measures.js';
import { findChain, findResponseGraph } from '../src/queries/responses.js';
import { findTimeline } from '../src/queries/timeline.js';
import type { ResponseEdge, ResponseGraph } from '../src/queries/responses.js';
import { renderDot, renderMermaid } from '../src/render/graph.js';
import { BUNDLED_DB, buildFixture, find, fixtureDatabase, runBinary, runCli } from './helpers.js';

let db: Db;
beforeAll(() => {
  db = new Database(BUNDLED_DB, { readonly: true });
});

const ids = (graph: ResponseGraph) => graph.nodes.map((node) => node.id);
const measuresBy = (side: string, day: string) => findMeasures(db, { by: [side], since: day, until: day }).map((measure) => measure.id);

/**
 * Every edge, read back from the records themselves: `to` names `from` in in_response_to, with the basis the edge
 * gives, or was said at it.
 */
function expectEdgesFromTheData(edges: ResponseEdge[]): void {
  const records = new Map(findTimeline(db, {}).map((record) => [record.id, record]));
  for (const edge of edges) {
    if (edge.relation === 'answered-by') {
      const link = records.get(edge.to)?.in_response_to.find((answered) => answered.id === edge.from);
      expect(link?.basis, JSON.stringify(edge)).toBe(edge.basis);
    } else {
      expect((db.prepare('SELECT event_id FROM statements WHERE id = ?').get(edge.to) as { event_id: string }).event_id).toBe(edge.from);
      expect(edge.basis).toBeNull();
    }
  }
}

describe('chain', () => {
  it("follows the Pahalgam attack to India's 23 April measures, Pakistan's 24 April measures and Operation Sindoor", () => {
    const chain = findChain(db, 'pahalgam-attack');
    const india23 = measuresBy('india', '2025-04-23');
    const pakistan24 = measuresBy('pakistan', '2025-04-24');
    expect(india23.length).toBeGreaterThanOrEqual(4);
    expect(pakistan24.length).toBeGreaterThanOrEqual(5);
    expect(ids(chain)).toEqual(expect.arrayContaining([...india23, ...pakistan24, 'operation-sindoor', 'operation-bunyan-um-marsoos']));
    // India's measures answer the attack itself; Pakistan's answer India's.
    for (const measure of india23) expect(chain.edges).toContainEqual(expect.objectContaining({ from: 'pahalgam-attack', to: measure, relation: 'answered-by' }));
    for (const measure of pakistan24) expect(chain.edges.some((edge) => india23.includes(edge.from) && edge.to === measure)).toBe(true);
    expectEdgesFromTheData(chain.edges);
  });

  it('walks back from Bunyan-um-Marsoos through Operation Sindoor to the attack, and nothing led to the attack', () => {
    const back = findChain(db, 'operation-bunyan-um-marsoos');
    expect(back.edges).toContainEqual(expect.objectContaining({ from: 'operation-sindoor', to: 'operation-bunyan-um-marsoos', relation: 'answered-by' }));
    expect(back.edges).toContainEqual(expect.objectContaining({ from: 'pahalgam-attack', to: 'operation-sindoor', relation: 'answered-by' }));
    expect(findChain(db, 'pahalgam-attack').edges.filter((edge) => edge.to === 'pahalgam-attack')).toEqual([]);
  });

  it('takes in the statements made at an event, and the event a statement was made at', () => {
    const statements = db.prepare("SELECT id FROM statements WHERE event_id = 'putin-modi-call'").pluck().all() as string[];
    expect(statements.length).toBeGreaterThan(1);
    const down = findChain(db, 'putin-modi-call');
    for (const statement of statements) expect(down.edges).toContainEqual(expect.objectContaining({ from: 'putin-modi-call', to: statement, relation: 'statement-made-here' }));
    expect(findChain(db, statements[0]!).edges).toContainEqual(expect.objectContaining({ from: 'putin-modi-call', to: statements[0], relation: 'statement-made-here' }));
  });

  it('stops after --depth steps each way', () => {
    const chain = findChain(db, 'pahalgam-attack', 1);
    expect(chain.edges.length).toBeGreaterThan(0);
    for (const edge of chain.edges) expect(edge.from).toBe('pahalgam-attack');
    expect(ids(chain)).toContain('india-holds-iwt-in-abeyance');
    expect(ids(chain)).not.toContain('pakistan-suspends-trade');
    expect(ids(findChain(db, 'pahalgam-attack', 2))).toContain('pakistan-suspends-trade');
  });

  it('ends where records answer each other, in a database of your own', async () => {
    // In the fixture Pakistan's closure answers India's suspension; on one day (a record may not answer a
    // later one) the suspension can answer the closure too.
    const { db: cyclic, problems } = buildFixture({
      file: 'measures.yaml',
      edit: (records) => {
        find(records, 'india-suspends-treaty').in_response_to = [
          { id: 'pahalgam-attack', basis: 'inferred' },
          { id: 'pakistan-closes-airspace', basis: 'inferred' },
        ];
        find(records, 'pakistan-closes-airspace').date = find(records, 'india-suspends-treaty').date;
      },
    });
    expect(problems).toEqual([]);
    const chain = findChain(new Database(cyclic, { readonly: true }), 'pakistan-closes-airspace');
    expect(new Set(ids(chain))).toEqual(new Set(['pahalgam-attack', 'india-suspends-treaty', 'pakistan-closes-airspace']));
    const { code, stdout } = await runCli(['--db', cyclic, 'chain', 'pakistan-closes-airspace'], { columns: 80 });
    expect(code).toBe(0);
    expect(stdout).toContain('(shown above)');
  });
});

describe('crisis chain', () => {
  it.each([40, 60, 200])('fits every line to a width of %i, ids whole', async (columns) => {
    const { code, stdout, stderr } = await runCli(['chain', 'operation-sindoor'], { columns });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const chainIds = ids(findChain(db, 'operation-sindoor'));
    // Only an id too long for what the tree leaves of a line may run past it, whole, on a line of its own.
    for (const line of stdout.trimEnd().split('\n')) {
      if (line.length > columns) expect(chainIds, line).toContain(line.replace(/^[│ ]*/, ''));
    }
    for (const id of chainIds) expect(stdout).toMatch(new RegExp(`[ ─]${id}( |$)`, 'm'));
  });

  it('prints what led to a record and what answered it as trees', async () => {
    const { stdout } = await runCli(['chain', 'operation-sindoor'], { columns: 120 });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('What led to it');
    expect(lines).toContain('What answered it');
    expect(stdout).toMatch(/└─ responds to 2025-04-22 .*\n   event pahalgam-attack · Pahalgam attackers → India\n/);
    expect(stdout).toMatch(/answered by( \(inferred\))? 2025-05-10 .*\n(.*\n)*?[│ ]  event operation-bunyan-um-marsoos /);
    // A record reached twice is named twice and followed once.
    expect(stdout.match(/statement pakistan-nsc-authorises-response/g)).toHaveLength(2);
    expect(stdout).toContain('(shown above)');
  });

  it('marks a link the editors inferred, and not one a page states', async () => {
    // In the fixture India's suspension answers the attack by the editors' reading; a page says Pakistan's closure answers India's suspension.
    const fixture = fixtureDatabase();
    const inferred = await runCli(['--db', fixture, 'chain', 'india-suspends-treaty'], { columns: 100 });
    expect(inferred.stdout).toMatch(/^└─ responds to \(inferred\) 2025-04-22 Attack at Pahalgam$/m);
    expect(inferred.stdout).toMatch(/^└─ answered by 2025-04-24 Pakistan closes its airspace$/m);
    const json = JSON.parse((await runCli(['--db', fixture, 'chain', 'pakistan-closes-airspace', '--json'])).stdout) as { edges: ResponseEdge[] };
    expect(json.edges).toEqual([
      { from: 'pahalgam-attack', to: 'india-suspends-treaty', relation: 'answered-by', basis: 'inferred' },
      { from: 'india-suspends-treaty', to: 'pakistan-closes-airspace', relation: 'answered-by', basis: 'stated' },
    ]);
  });

  it('says when nothing led to a record', async () => {
    expect((await runCli(['chain', 'pahalgam-attack'])).stdout).toMatch(/What led to it\nnothing: no record it answers\n/);
  });

  it('colours ids on a terminal and not in a pipe', async () => {
    expect((await runCli(['chain', 'operation-sindoor'], { tty: true })).stdout).toContain('\u001b[36moperation-sindoor\u001b[39m');
    expect((await runCli(['chain', 'operation-sindoor'])).stdout).not.toContain('\u001b[');
  });

  it('prints nodes and edges as JSON', async () => {
    const { stdout } = await runCli(['chain', 'india-closes-airspace', '--json']);
    const chain = JSON.parse(stdout) as ResponseGraph & { root: string };
    expect(chain.root).toBe('india-closes-airspace');
    expect(chain).toEqual(JSON.parse(JSON.stringify(findChain(db, 'india-closes-airspace'))));
    expect(chain.nodes.find((node) => node.id === 'pakistan-closes-airspace')).toMatchObject({ kind: 'measure', side: 'pakistan', date: '2025-04-24' });
  });

  it.each([
    { argv: ['chain', 'operation-sindor'], code: 3, err: /^crisis: no record 'operation-sindor' \(did you mean 'operation-sindoor'\?\)\n$/ },
    { argv: ['chain', 'putin'], code: 2, err: /^crisis: 'putin' is an actor: chain follows events, statements and measures; try crisis show vladimir-putin\n$/ },
    { argv: ['chain', 'pahalgam-attack', '--depth', '0'], code: 2, err: /^crisis: invalid depth '0': use a whole number of 1 or more\n$/ },
    { argv: ['chain', 'pahalgam-attack', '--format', 'dot'], code: 2, err: /^crisis: chain prints text or json, not 'dot'\n$/ },
    { argv: ['chain'], code: 2, err: /missing required argument 'id'/ },
  ])('$argv: exit $code, one line', async ({ argv, code, err }) => {
    const result = await runCli(argv);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(err);
    expect(result.code).toBe(code);
  });
});

describe('graph', () => {
  it('joins only records the filters choose, each with an edge, unless --all', () => {
    const until = '2025-04-29';
    const graph = findResponseGraph(db, { until });
    const chosen = findTimeline(db, { until }).map((record) => record.id);
    const nodeIds = new Set(ids(graph));
    for (const node of graph.nodes) expect(chosen).toContain(node.id);
    for (const edge of graph.edges) expect(nodeIds.has(edge.from) && nodeIds.has(edge.to), JSON.stringify(edge)).toBe(true);
    for (const id of nodeIds) expect(graph.edges.some((edge) => edge.from === id || edge.to === id), id).toBe(true);
    expect(ids(findResponseGraph(db, { until }, { all: true }))).toEqual(chosen);
    expectEdgesFromTheData(graph.edges);
  });

  it("colours by side: India's measures, Pakistan's measures, the attackers' attack", () => {
    const sides = new Map(findResponseGraph(db, { until: '2025-04-24' }).nodes.map((node) => [node.id, node.side]));
    expect(sides.get('india-holds-iwt-in-abeyance')).toBe('india');
    expect(sides.get('pakistan-suspends-trade')).toBe('pakistan');
    expect(sides.get('trump-modi-call-22-april')).toBe('united-states');
    expect(sides.get('pahalgam-attack')).toBeNull();
    // With no one in an acting role, the one state all participants belong to, if there is one.
    const all = new Map(findResponseGraph(db, {}, { all: true }).nodes.map((node) => [node.id, node.side]));
    expect(all.get('pakistan-nsc-meets')).toBe('pakistan');
    expect(all.get('lavrov-jaishankar-call')).toBeNull();
    expect(all.get('dgmo-talks-12-may')).toBeNull();
  });

  it('draws DOT that Graphviz lays out, with every node and edge', () => {
    const graph = findResponseGraph(db, {});
    const laidOut = graphviz(renderDot(graph));
    expect(laidOut.objects.map((object) => object.name)).toEqual(ids(graph));
    expect(laidOut.edges).toHaveLength(graph.edges.length);
  });

  it('draws Mermaid that Mermaid parses, with every node and edge', async () => {
    const graph = findResponseGraph(db, { until: '2025-04-29' });
    const parsed = await mermaidGraph(renderMermaid(graph));
    expect(parsed.vertices).toBe(graph.nodes.length);
    expect(parsed.edges).toBe(graph.edges.length);
  });

  it('escapes titles that DOT and Mermaid would otherwise read as syntax', async () => {
    const title = 'Quotes " and \\ backslash, #35; <b>tags</b> | pipes [brackets] (parens) {braces} end --> o x; %% comment';
    // The title's 35 is stated by a reports, as the build holds any number of a title to be.
    const { db: odd, problems } = buildFixture({
      file: 'events.yaml',
      edit: (records) => {
        const attack = find(records, 'pahalgam-attack') as { title: string; sources: { reports: string }[] };
        attack.title = title;
        attack.sources[0]!.reports += ` ${title}`;
      },
    });
    expect(problems).toEqual([]);
    const graph = findResponseGraph(new Database(odd, { readonly: true }), {});
    expect(graph.nodes.map((node) => node.title)).toContain(title);
    // Graphviz and Mermaid each read the label back whole: Graphviz keeps its escapes (\\n, \\\\) for drawing
    // time, Mermaid its entity codes.
    const label = graphviz(renderDot(graph)).objects.find((object) => object.name === 'pahalgam-attack')!.label;
    expect(label.replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? ' ' : escaped))).toBe(`2025-04-22 ${title}`);
    const parsed = await mermaidGraph(renderMermaid(graph));
    expect(parsed.vertices).toBe(graph.nodes.length);
    expect(parsed.edges).toBe(graph.edges.length);
    // The parser holds each entity code as ﬂ°name¶ß (ﬂ°°35¶ß for a number) until it draws the label.
    const entities: Record<string, string> = { quot: '"', lt: '<', gt: '>', '35': '#' };
    const text = parsed.labels.get('r_pahalgam_attack')!.replace(/<br>/g, ' ').replace(/ﬂ°°?(\w+)¶ß/g, (_, name: string) => entities[name]!);
    expect(text).toBe(`2025-04-22 ${title}`);
  });
});

describe('crisis graph', () => {
  it('prints DOT by default, Mermaid and JSON on request, with the list filters', async () => {
    const dot = await runCli(['graph', '--until', '2025-04-24']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^\/\/ .*\ndigraph crisis \{\n/);
    expect(dot.stdout).toContain('"pahalgam-attack" -> "india-holds-iwt-in-abeyance" [label="answered by"];');
    const mermaid = await runCli(['graph', '--format', 'mermaid', '--until', '2025-04-24']);
    expect(mermaid.stdout).toContain('r_pahalgam_attack -->|"answered by"| r_india_holds_iwt_in_abeyance');
    const json = JSON.parse((await runCli(['graph', '--json', '--actor', 'pakistan', '--kind', 'measure'])).stdout) as ResponseGraph;
    expect(json).toEqual(JSON.parse(JSON.stringify(findResponseGraph(db, { actors: ['pakistan'], kind: 'measure' }))));
    expect(json.nodes.every((node) => node.kind === 'measure')).toBe(true);
  });

  it('draws a link the editors inferred dashed, one a page states solid, and a statement made at an event dotted, and says so', async () => {
    const fixture = fixtureDatabase();
    const dot = (await runCli(['--db', fixture, 'graph'])).stdout;
    expect(dot).toContain('"pahalgam-attack" -> "india-suspends-treaty" [label="answered by (inferred)", style=dashed];');
    expect(dot).toContain('"india-suspends-treaty" -> "pakistan-closes-airspace" [label="answered by"];');
    expect(dot).toContain('"putin-modi-call" -> "putin-condemns-attack" [label="statement made here", style=dotted];');
    expect(dot).toMatch(/label=".*solid line: an answer a page states, dashed: an answer the editors inferred, dotted: a statement made at an event/);
    const mermaid = (await runCli(['--db', fixture, 'graph', '--format', 'mermaid'])).stdout;
    expect(mermaid).toContain('r_pahalgam_attack -.->|"answered by (inferred)"| r_india_suspends_treaty');
    expect(mermaid).toContain('r_india_suspends_treaty -->|"answered by"| r_pakistan_closes_airspace');
    expect(mermaid).toMatch(/^title: ".*dotted: an answer the editors inferred/m);
  });

  it.each([
    { argv: ['graph', '--format', 'png'], err: /^crisis: unknown value 'png' for --format; use one of dot, mermaid, json\n$/ },
    { argv: ['graph', '--format', 'mermaid', '--json'], err: /^crisis: --json and --format mermaid ask for different formats; give one\n$/ },
    { argv: ['graph', '--kind', 'actor'], err: /^crisis: unknown value 'actor' for --kind; use one of event, statement, measure\n$/ },
    { argv: ['graph', '--actor', 'nobody-at-all'], err: /^crisis: unknown actor 'nobody-at-all' for --actor/ },
  ])('$argv: exit 2, one line', async ({ argv, err }) => {
    const result = await runCli(argv);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(err);
    expect(result.code).toBe(2);
  });
});

describe('the binary', () => {
  it('draws the graph for dot -Tsvg and prints a chain', () => {
    const graph = runBinary(['graph', '--since', '2025-05-07', '--until', '2025-05-10']);
    expect(graph.code).toBe(0);
    expect(graphviz(graph.stdout).objects.map((object) => object.name)).toContain('operation-sindoor');
    const chain = runBinary(['chain', 'pahalgam-attack', '--json']);
    expect(chain.code).toBe(0);
    expect((JSON.parse(chain.stdout) as ResponseGraph).nodes.map((node) => node.id)).toContain('operation-sindoor');
  });
});

/**
 * Graphviz's `dot` lays the graph out (CI installs it from Debian's packages); its JSON names the nodes
 * and edges it read. Without it a run outside CI fails these tests with the reason, rather than passing
 * them unchecked.
 */
function graphviz(dot: string): { objects: { name: string; label: string }[]; edges: unknown[] } {
  const result = spawnSync('dot', ['-Tjson'], { input: dot, encoding: 'utf8' });
  if (result.error) throw new Error(`Graphviz's dot is needed to check DOT output (apt-get install graphviz): ${result.error.message}`);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const laidOut = JSON.parse(result.stdout) as { objects?: { name: string; label: string }[]; edges?: unknown[] };
  return { objects: laidOut.objects ?? [], edges: laidOut.edges ?? [] };
}

/** Mermaid's own parser, in a DOM that jsdom provides: the nodes (with their label text) and edges it read. */
async function mermaidGraph(text: string): Promise<{ vertices: number; edges: number; labels: Map<string, string> }> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  await mermaid.parse(text); // throws on a syntax error; also registers the diagram types
  const diagram = (await mermaid.mermaidAPI.getDiagramFromText(text)) as unknown as {
    db: { getVertices(): Map<string, { text: string }>; getEdges(): unknown[] };
  };
  const vertices = diagram.db.getVertices();
  return { vertices: vertices.size, edges: diagram.db.getEdges().length, labels: new Map([...vertices].map(([id, vertex]) => [id, vertex.text])) };
}
