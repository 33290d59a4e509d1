import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDate } from '../src/dates.js';
import { findMeasures } from '../src/queries/measures.js';
import { findEvents } from '../src/queries/events.js';
import { findTimeline, timelineChartRows, type ChartRecord } from '../src/queries/timeline.js';
import { actorColumns, chartMinimumWidth, MAX_EMPTY_DAYS, renderChart, sideColumns } from '../src/render/chart.js';
import { loadPaint } from '../src/render/paint.js';
import { textWidth } from '../src/render/text-width.js';
import { BUNDLED_DB, runBinary, runCli, type RunOptions } from './helpers.js';

const db = new Database(BUNDLED_DB, { readonly: true });
afterAll(() => db.close());

/** The marks the legend promises; the legend test checks the chart says the same. */
const MARK = { event: '●', measure: '■', statement: '▲' } as const;
const ESC = '\u001b[';
const ANSI = /\u001b\[[0-9;]*m/g;

const plain = (text: string) => text.replace(ANSI, '');
const lines = (text: string) => plain(text).split('\n').slice(0, -1);
const count = (text: string, mark: string) => [...text].filter((character) => character === mark).length;

/** The cells of a chart's row for `date` (or the heading, for ''): the date, then each column's text. */
function row(chart: string, date: string): string[] {
  const line = lines(chart).find((text) => (date ? text.startsWith(`${date} `) : text.startsWith(' '.repeat(10))));
  if (!line) throw new Error(`no row ${date} in\n${chart}`);
  return line.split('│').map((cell) => cell.trim());
}

/** Whatever the chart holds: every mark in its columns, by kind. */
function marksIn(chart: string): Record<keyof typeof MARK, number> {
  const body = lines(chart).filter((text) => /^\d{4}/.test(text)).map((text) => text.slice(10)).join('');
  return { event: count(body, MARK.event), measure: count(body, MARK.measure), statement: count(body, MARK.statement) };
}

const SIDES = sideColumns([
  { id: 'india', name: 'India' },
  { id: 'pakistan', name: 'Pakistan' },
]);

async function render(records: ChartRecord[], { width = 80, color = false, columns = SIDES } = {}): Promise<string> {
  return [...renderChart(records, { columns, width, paint: await loadPaint(color) })].join('');
}

/** Records for the renderer alone: a kind on a date, on a side. */
const record = (date: string, kind: ChartRecord['kind'] = 'event', side: string | null = 'india', involved: string[] = []): ChartRecord => ({
  id: `${kind}-${date}-${Math.random()}`,
  kind,
  date,
  date_precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
  date_end: parseDate(date)!.end,
  side,
  involved,
});

describe('the chart renderer', () => {
  it('puts each record in the column of its side, and every other side or none under Others', async () => {
    const chart = await render([record('2025-04-22', 'event', null), record('2025-04-22', 'measure', 'india'), record('2025-04-22', 'statement', 'pakistan'), record('2025-04-22', 'statement', 'russia')]);
    expect(row(chart, '')).toEqual(['', 'India', 'Pakistan', 'Others']);
    expect(row(chart, '2025-04-22')).toEqual(['2025-04-22', MARK.measure, MARK.statement, `${MARK.event}${MARK.statement}`]);
  });

  it('puts a record in the column of each actor it involves', async () => {
    const columns = actorColumns([{ id: 'russia', name: 'Russia' }, { id: 'china', name: 'China' }]);
    const chart = await render([record('2025-05-07', 'statement', 'russia', ['russia', 'china']), record('2025-05-07', 'event', null, ['china'])], { columns });
    expect(row(chart, '')).toEqual(['', 'Russia', 'China']);
    expect(row(chart, '2025-05-07')).toEqual(['2025-05-07', MARK.statement, `${MARK.statement}${MARK.event}`]);
    expect(lines(chart).at(-1)).toMatch(/^2 records on 2025-05-07$/);
  });

  it.each([
    { empty: 1, rows: 1, shown: 'a row' },
    { empty: MAX_EMPTY_DAYS, rows: MAX_EMPTY_DAYS, shown: 'a row each' },
    { empty: MAX_EMPTY_DAYS + 1, rows: 0, shown: 'one row that counts them' },
    { empty: 30, rows: 0, shown: 'one row that counts them' },
  ])('shows $empty empty days between two records as $shown', async ({ empty, rows }) => {
    const last = new Date(Date.UTC(2025, 3, 22 + empty + 1)).toISOString().slice(0, 10);
    const chart = await render([record('2025-04-22'), record(last)]);
    const body = lines(chart).slice(2, -2);
    expect(body[0]).toMatch(/^2025-04-22 /);
    expect(body.at(-1)).toMatch(new RegExp(`^${last} `));
    const between = body.slice(1, -1);
    if (rows) {
      expect(between).toHaveLength(rows);
      expect(between[0]).toMatch(/^2025-04-23 │/);
    } else {
      expect(between).toEqual([expect.stringMatching(new RegExp(`^\\s+⋮\\s+┆ ${empty} days skipped`))]);
    }
    expect(lines(chart).at(-1)).toBe(`2 records on 2 of ${empty + 2} days, 2025-04-22 to ${last}`);
  });

  it('puts a month first reported on a day after that day, as the timeline lists it', async () => {
    const reportedOn = (day: string): ChartRecord => ({ ...record('2025-05', 'statement'), date_end: day });
    const chart = await render([record('2025-05-03'), record('2025-05-05'), reportedOn('2025-05-04'), record('2025-05')]);
    const dates = lines(chart).map((line) => line.split(' │ ')[0]!.trim()).filter((date) => /^\d{4}-/.test(date));
    expect(dates).toEqual(['2025-05-03', '2025-05-04', '2025-05', '2025-05-05', '2025-05']);
    expect(lines(chart).slice(-2).join(' ')).toMatch(/2025-05 is known only to the month: its row comes after the days it may fall on$/);
  });

  it('gives a month or a year its own row after the days it may fall on, and says so', async () => {
    // Fed out of order: the renderer places rows by their dates, not by the order records come in.
    const chart = await render([record('2025'), record('2025-06-02'), record('2025-05'), record('2025-05-29'), record('2025-05', 'statement')]);
    const dates = lines(chart).slice(2).map((text) => text.split(' ')[0]);
    expect(dates.slice(0, 7)).toEqual(['2025-05-29', '2025-05-30', '2025-05-31', '2025-05', '2025-06-01', '2025-06-02', '2025']);
    expect(row(chart, '2025-05')[1]).toBe(`${MARK.event}${MARK.statement}`);
    // The year row follows the last day charted: no row stands for the rest of 2025.
    expect(lines(chart)[9]).toMatch(/^● event/);
    expect(lines(chart).slice(-2).join(' ')).toMatch(/2025-05 is known only to the month, 2025 only to the year/);
  });

  it('shows as many marks as fit a cell, then how many more', async () => {
    const records = Array.from({ length: 12 }, (_, i) => record('2025-05-10', i < 5 ? 'event' : 'statement'));
    const chart = await render(records, { width: chartMinimumWidth(3) });
    const cell = row(chart, '2025-05-10')[1]!;
    const [, marks, more] = /^([●▲]+)\+(\d+)$/.exec(cell)!;
    expect(textWidth(cell)).toBeLessThanOrEqual(4);
    expect([...marks!].length + Number(more)).toBe(12);
    expect(row(await render(records, { width: 120 }), '2025-05-10')[1]).toBe(`${MARK.event.repeat(5)}${MARK.statement.repeat(7)}`);
  });

  it('has a legend that names each mark', async () => {
    const chart = await render([record('2025-04-22')]);
    expect(lines(chart)).toContain(`${MARK.event} event  ${MARK.measure} measure  ${MARK.statement} statement`);
  });

  it('colours marks by kind only when asked to', async () => {
    const records = [record('2025-04-22', 'event'), record('2025-04-22', 'measure'), record('2025-04-22', 'statement')];
    const coloured = await render(records, { color: true });
    const marks = row(await render(records, { color: true }), '2025-04-22')[1];
    expect(marks).toBe(`${MARK.event}${MARK.measure}${MARK.statement}`);
    const styles = [MARK.event, MARK.measure, MARK.statement].map((mark) => new RegExp(`(\\u001b\\[\\d+m)${mark}`).exec(coloured)?.[1]);
    expect(new Set(styles).size).toBe(3);
    expect(await render(records)).not.toContain(ESC);
  });

  it('says when there is nothing to chart', async () => {
    expect(await render([])).toBe('0 records: nothing to chart\n');
  });

  it('refuses a width it cannot fit', async () => {
    const paint = await loadPaint(false);
    expect(() => [...renderChart([record('2025-04-22')], { columns: SIDES, width: chartMinimumWidth(3) - 1, paint })]).toThrow(RangeError);
    expect(() => [...renderChart([record('2025-04-22')], { columns: SIDES, width: chartMinimumWidth(3), paint })]).not.toThrow();
  });
});

/** The chart of the bundled data, in-process, as a user would ask for it. */
const chart = (argv: string[], options: RunOptions = {}) => runCli(['timeline', '--chart', ...argv], { columns: 100, ...options });

describe('crisis timeline --chart', () => {
  it("puts India's four measures of 23 April in India's column", async () => {
    const indias = findMeasures(db, { by: ['india'], since: '2025-04-23', until: '2025-04-23' });
    expect(indias).toHaveLength(4);
    const { code, stdout, stderr } = await chart(['--until', '2025-04-30']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [, india, pakistan, others] = row(stdout, '2025-04-23');
    expect(count(india!, MARK.measure)).toBe(4);
    expect(count(pakistan! + others!, MARK.measure)).toBe(0);
  });

  it("puts Pakistan's measures of 24 April in Pakistan's column", async () => {
    const pakistans = findMeasures(db, { by: ['pakistan'], since: '2025-04-24', until: '2025-04-24' });
    const indias = findMeasures(db, { by: ['india'], since: '2025-04-24', until: '2025-04-24' });
    expect(pakistans.length).toBeGreaterThanOrEqual(5);
    const [, india, pakistan] = row((await chart(['--until', '2025-04-30'])).stdout, '2025-04-24');
    expect(count(pakistan!, MARK.measure)).toBe(pakistans.length);
    expect(count(india!, MARK.measure)).toBe(indias.length);
  });

  it('puts the Pahalgam attack, the act of no state, under Others', async () => {
    const [attack] = [...timelineChartRows(db, { since: '2025-04-22', until: '2025-04-22' })].filter((r) => r.id === 'pahalgam-attack');
    expect(attack).toMatchObject({ kind: 'event', side: null });
    const [, india, pakistan, others] = row((await chart(['--since', '2025-04-22', '--until', '2025-04-22', '--kind', 'event'])).stdout, '2025-04-22');
    expect(india).toBe('');
    expect(pakistan).toBe('');
    expect(count(others!, MARK.event)).toBe(findEvents(db, { since: '2025-04-22', until: '2025-04-22' }).length);
  });

  it('has a mark for every record, of its kind, and counts them at the end', async () => {
    const records = findTimeline(db, {});
    const { stdout } = await chart([]);
    const kinds = (kind: string) => records.filter((r) => r.kind === kind).length;
    expect(marksIn(stdout)).toEqual({ event: kinds('event'), measure: kinds('measure'), statement: kinds('statement') });
    expect(lines(stdout).slice(-3).join(' ')).toMatch(new RegExp(`^${MARK.event} event .*\\b${records.length} records on \\d+ of \\d+ days, 2025-04-22 to `));
  });

  it('gives --actor russia --actor china a column each, holding every record each takes part in', async () => {
    const { code, stdout } = await chart(['--actor', 'russia', '--actor', 'China']);
    expect(code).toBe(0);
    expect(row(stdout, '')).toEqual(['', 'Russia', 'China']);
    const columnMarks = (i: number) =>
      lines(stdout).filter((text) => /^\d{4}/.test(text)).reduce((sum, text) => sum + [...(text.split('│')[i] ?? '')].filter((c) => /[●■▲]/.test(c)).length, 0);
    expect(columnMarks(1)).toBe(findTimeline(db, { actors: ['russia'] }).length);
    expect(columnMarks(2)).toBe(findTimeline(db, { actors: ['china'] }).length);
    // One actor by two of its names is one column.
    expect(row((await chart(['--actor', 'russia', '--actor', 'Russian Federation'])).stdout, '')).toEqual(['', 'Russia']);
  });

  it('collapses a long run of days without records into one row that counts them', async () => {
    const russias = findTimeline(db, { actors: ['russia'], kind: 'event' });
    const days = [...new Set(russias.filter((r) => r.date_precision === 'day').map((r) => r.date))];
    const gaps = days.slice(1).map((day, i) => (Date.parse(day) - Date.parse(days[i]!)) / 86_400_000 - 1).filter((gap) => gap > MAX_EMPTY_DAYS);
    expect(gaps.length).toBeGreaterThan(0);
    const { stdout } = await chart(['--actor', 'russia', '--kind', 'event']);
    expect(lines(stdout).filter((text) => text.includes('days skipped')).map((text) => Number(/(\d+) days skipped/.exec(text)![1]))).toEqual(gaps);
    expect(marksIn(stdout)).toEqual({ event: russias.length, measure: 0, statement: 0 });
  });

  it('applies --limit to the records, in timeline order', async () => {
    const { stdout } = await chart(['--limit', '5']);
    expect(lines(stdout).at(-1)).toMatch(/^5 records on /);
    expect(Object.values(marksIn(stdout)).reduce((a, b) => a + b)).toBe(5);
  });

  it.each([40, 60, 80, 120, 200])('fits every line to a width of %i', async (columns) => {
    for (const tty of [true, false]) {
      const { code, stdout } = await chart([], { tty, columns });
      expect(code).toBe(0);
      for (const line of lines(stdout)) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
    }
  });

  it('fits the narrowest width it allows, and refuses a narrower one in a line', async () => {
    const narrowest = chartMinimumWidth(3);
    const fits = await chart([], { columns: narrowest });
    expect(fits.code).toBe(0);
    for (const line of lines(fits.stdout)) expect(textWidth(line), line).toBeLessThanOrEqual(narrowest);
    expect(await chart([], { columns: narrowest - 1 })).toEqual({
      code: 2,
      stdout: '',
      stderr: `crisis: --chart needs a width of ${narrowest} for 3 columns, and the output is ${narrowest - 1} wide: widen the terminal or set COLUMNS\n`,
    });
    const five = ['india', 'pakistan', 'russia', 'china', 'united-states'].flatMap((actor) => ['--actor', actor]);
    expect((await chart(five, { columns: chartMinimumWidth(5) - 1 })).stderr).toMatch(new RegExp(`needs a width of ${chartMinimumWidth(5)} for 5 columns.*or give fewer --actor\n$`));
    expect((await chart(five, { columns: chartMinimumWidth(5) })).code).toBe(0);
  });

  it.each([
    { option: ['--json'], shown: '--json' },
    { option: ['--format', 'tsv'], shown: '--format <format>' },
    { option: ['--fields', 'id'], shown: '--fields <fields>' },
    { option: ['--sort', 'date'], shown: '--sort <field[:desc]>' },
  ])('refuses $option.0: the chart is no format of records', async ({ option, shown }) => {
    for (const argv of [[...option, '--chart'], ['--chart', ...option]]) {
      expect(await runCli(['timeline', ...argv])).toEqual({ code: 2, stdout: '', stderr: `crisis: option '--chart' cannot be used with option '${shown}'\n` });
    }
  });

  it('says so when nothing matches, and succeeds', async () => {
    expect(await chart(['--since', '2026'])).toEqual({ code: 0, stdout: '0 records: nothing to chart\n', stderr: '' });
  });

  it.each([
    { why: 'on a terminal', tty: true, env: {}, coloured: true },
    { why: 'on a dumb terminal', tty: true, env: { TERM: 'dumb' }, coloured: false },
    { why: 'with NO_COLOR', tty: true, env: { NO_COLOR: '1' }, coloured: false },
    { why: 'in a pipe', tty: false, env: {}, coloured: false },
  ])('draws the same chart $why, coloured only on a terminal that shows colour', async ({ tty, env, coloured }) => {
    const { code, stdout } = await chart(['--until', '2025-04-30'], { tty, env });
    expect(code).toBe(0);
    expect(stdout.includes(ESC)).toBe(coloured);
    expect(plain(stdout)).toBe((await chart(['--until', '2025-04-30'])).stdout);
  });

  it('is drawn by the real binary, fitted to COLUMNS', () => {
    const { code, stdout, stderr } = runBinary(['timeline', '--chart', '--until', '2025-04-30'], { COLUMNS: '60' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).not.toContain(ESC);
    expect(row(stdout, '')).toEqual(['', 'India', 'Pakistan', 'Others']);
    expect(count(row(stdout, '2025-04-23')[1]!, MARK.measure)).toBe(4);
    for (const line of lines(stdout)) expect(textWidth(line)).toBeLessThanOrEqual(60);
  });
});
