import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDatabase } from '../src/compile/synthetic-database.js';
import type { Db } from '../src/db/open.js';
import { findEvents } from '../src/queries/events.js';
import { findLinks } from '../src/queries/links.js';
import { idNamedExactly, listValues } from '../src/queries/lookup.js';
import { findChain } from '../src/queries/responses.js';
import { searchRecords } from '../src/queries/search.js';
import { findSources } from '../src/queries/sources.js';
import { findStatements } from '../src/queries/statements.js';
import { findTimeline, timelineChartRows } from '../src/queries/timeline.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const EVENTS = 20_000;
let path: string;
let db: Db;
beforeAll(() => {
  path = join(tempDir(), 'synthetic.db');
  writeSyntheticDatabase({ events: EVENTS, out: path });
  db = new Database(path, { readonly: true });
});

/**
 * SQLite's plan for whatever SQL a query function prepares, one line per step: the function runs against
 * a handle whose statements, when run (with the parameters the function gives), explain their SQL instead
 * and return no rows.
 */
function planOf(query: (db: Db) => Iterable<unknown>): string {
  const steps: string[] = [];
  const explain = (sql: string, params: unknown[]) =>
    steps.push(...(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail));
  const explaining = {
    // The meta table is read as it is (a lookup checks the stored JSON was made by its field table).
    prepare(sql: string) {
      if (/ FROM meta\b/.test(sql)) return db.prepare(sql);
      const statement = {
        pluck: () => statement,
        raw: () => statement,
        all: (...params: unknown[]) => (explain(sql, params), []),
        iterate: (...params: unknown[]) => (explain(sql, params), [].values()),
        get: (...params: unknown[]) => (explain(sql, params), undefined),
      };
      return statement;
    },
  } as unknown as Db;
  [...query(explaining)];
  return steps.join('\n');
}

/** Which index each lookup must use: a test fails if an index is dropped or a query stops using it. */
describe('query plans on a synthetic database', () => {
  it.each([
    {
      name: 'events by date range seek to the range on events_by_date',
      query: (d: Db) => findEvents(d, { since: '2010-01-01', until: '2010-03-31', limit: 50 }),
      plan: /SEARCH e USING INDEX events_by_date \(date_end>\? AND date_end<\?\)/,
    },
    {
      name: "events by actor read events in date order, each one's involvements by key, and the actor's family once by key",
      query: (d: Db) => findEvents(d, { actors: ['russia'], limit: 50 }),
      plan: /SEARCH e USING INDEX events_by_date[\s\S]*SEARCH i USING PRIMARY KEY \(record_id=\?\)\nLIST SUBQUERY \d+\nSEARCH f USING PRIMARY KEY \(root=\?\)/,
    },
    {
      name: 'statements by date range seek on statements_by_date',
      query: (d: Db) => findStatements(d, { since: '2010-01-01', limit: 50 }),
      plan: /SEARCH s USING (COVERING )?INDEX statements_by_date \(date_end>\? AND date_end<\?\)/,
    },
    {
      name: 'the timeline reads records in date order from records_by_date',
      query: (d: Db) => findTimeline(d, { since: '2010-01-01', limit: 50 }),
      plan: /SEARCH r USING INDEX records_by_date \(date_end>\? AND date_end<\?\)/,
    },
    {
      name: "the timeline chart's rows seek the same range on records_by_date",
      query: (d: Db) => timelineChartRows(d, { since: '2010-01-01', until: '2010-03-31' }),
      plan: /SEARCH r USING INDEX records_by_date \(date_end>\? AND date_end<\?\)/,
    },
    {
      name: 'an actor typed exactly is found by the names table\'s key, not by reading every name',
      query: (d: Db) => [idNamedExactly(d, 'actor', 'Person 3')],
      plan: /^SEARCH names USING PRIMARY KEY \(kind=\? AND folded=\?\)$/,
    },
    {
      name: "a vocabulary's values are found a seek each on its index, not by reading every event",
      query: (d: Db) => listValues(d, 'event-type'),
      plan: /^(?![\s\S]*SCAN events\b)[\s\S]*SEARCH events USING COVERING INDEX events_by_type \(type>\?\)/,
    },
    {
      name: 'search asks the full-text index, then records by the rowid they share',
      query: (d: Db) => searchRecords(d, { match: '"water"', limit: 50 }),
      plan: /SCAN search_index VIRTUAL TABLE INDEX[\s\S]*SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/,
    },
    {
      name: "search's filters look each hit's record up by rowid, never scanning records",
      query: (d: Db) => searchRecords(d, { match: '"water"', kind: 'event', actors: ['person-3'], since: '2010-01-01', limit: 50 }),
      plan: /^(?![\s\S]*SCAN (r|records)\b)[\s\S]*CORRELATED SCALAR SUBQUERY[\s\S]*SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/,
    },
    {
      name: 'a source counts its citations from citations_by_source alone, joining nothing',
      query: (d: Db) => findSources(d, { id: 'source-1' }),
      plan: /SEARCH c USING COVERING INDEX citations_by_source \(source_id=\?\)/,
    },
    {
      name: 'show finds what answers, is made at, invokes and cites a record by index',
      query: (d: Db) => findLinks(d, 'event-00001'),
      plan: /responses_by_answered[\s\S]*statements_by_event[\s\S]*record_agreements_by_agreement[\s\S]*citations_by_source/,
    },
  ])('$name', ({ query, plan }) => {
    const steps = planOf(query);
    expect(steps).toMatch(plan);
  });

  it('chain looks up each step by index, back and forward', () => {
    // The real statements findChain prepares, in order (back, forward, nodes), explained with an id list.
    const prepared: string[] = [];
    const recording = { prepare: (sql: string) => (prepared.push(sql), db.prepare(sql)) } as unknown as Db;
    findChain(recording, 'event-00001');
    const [back, forward] = prepared.map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ids: '["event-00001"]' }) as { detail: string }[]).map((step) => step.detail).join('\n'),
    );
    expect(back).toMatch(/SEARCH responses USING PRIMARY KEY \(record_id=\?\)[\s\S]*SEARCH statements USING INDEX sqlite_autoindex_statements_1 \(id=\?\)/);
    expect(forward).toMatch(/SEARCH responses USING (?:COVERING )?INDEX responses_by_answered \(answers_id=\?\)[\s\S]*SEARCH statements USING INDEX statements_by_event \(event_id=\?\)/);
  });

  it('search scores its groups from the index alone, by rowid range, the titled ones found by a column filter and never looked up one by one', () => {
    const scans = planOf((d) => searchRecords(d, { match: '"water"', limit: 50 })).match(/SCAN search_index VIRTUAL TABLE INDEX \S+/g);
    expect(scans).toEqual([
      // Each group: facts (rowids below the first page's) or pages (from it on), then the title's matches as a list.
      ...['<', '<', '>', '>'].flatMap((range) => [`SCAN search_index VIRTUAL TABLE INDEX 0:M4${range}`, 'SCAN search_index VIRTUAL TABLE INDEX 0:M4']),
      // Only the snippet of a hit kept asks FTS5 for a rowid (=).
      'SCAN search_index VIRTUAL TABLE INDEX 0:=M4',
    ]);
  });

  it('never sorts events for a date-ordered lookup', () => {
    expect(planOf((d) => findEvents(d, { actors: ['russia'], limit: 50 }))).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(planOf((d) => findEvents(d, { since: '2010-01-01', limit: 50 }))).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});

describe('streaming every event through the binary', () => {
  it.each(['jsonl', 'tsv', 'csv', 'json'])('writes every synthetic event as %s, complete and well-formed', (format) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'crisis.js'), '--db', path, 'events', '--format', format], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ids = new Set<string>();
    if (format === 'jsonl') {
      const lines = result.stdout.split('\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) ids.add((JSON.parse(line) as { id: string }).id);
    } else if (format === 'json') {
      for (const record of JSON.parse(result.stdout) as { id: string }[]) ids.add(record.id);
    } else {
      const lines = result.stdout.split(format === 'csv' ? '\r\n' : '\n');
      expect(lines.pop()).toBe('');
      expect(lines.shift()).toMatch(/^id[\t,]date[\t,]type[\t,]title[\t,]actors[\t,]actors_ids$/);
      for (const line of lines) ids.add(line.slice(0, line.search(/[\t,]/)));
    }
    expect(ids.size).toBe(EVENTS);
    expect(ids.has('event-00000') && ids.has(`event-${EVENTS - 1}`)).toBe(true);
  });

  // Past its first megabyte, output goes through fs.write while the next batch is made (src/cli/io.ts).
  const crisis = `${process.execPath} ${join(ROOT, 'bin', 'crisis.js')}`;

  it('writes every event to a slow reader whole and in order, its batches queueing while the pipe is full', async () => {
    const inProcess = await runCli(['--db', path, 'events', '--format', 'jsonl']);
    expect(inProcess.stdout.length).toBeGreaterThan(4 * 1024 * 1024);
    const result = spawnSync('bash', ['-c', `${crisis} --db ${path} events --format jsonl | (sleep 0.3; cat)`], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(inProcess.stdout);
  });

  it.each([
    ['a list, written in batches', 'events --format jsonl'],
    ['a graph, written whole', 'graph --all'],
  ])('fails with one line and status 1 when %s cannot be written: a full disk', async (_, command) => {
    // /dev/full refuses every write with ENOSPC; past the first megabyte, writes go on in the background.
    const result = spawnSync('bash', ['-c', `${crisis} --db ${path} ${command} > /dev/full`], { encoding: 'utf8' });
    expect(result.stderr).toMatch(/^crisis: unexpected error: ENOSPC: no space left on device, write\n$/);
    expect(result.status).toBe(1);
    expect((await runCli(['--db', path, ...command.split(' ')])).stdout.length).toBeGreaterThan(1024 * 1024);
  });

  it('ends quietly with status 0 when the reader of a long output goes away', () => {
    const script = `${crisis} --db ${path} events --format jsonl | (head -c 2000000 > /dev/null); echo "status=\${PIPESTATUS[0]}" >&2`;
    expect(spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stderr).toBe('status=0\n');
  });
});
