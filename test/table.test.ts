import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutText, fitTable, renderTable, type TableColumn } from '../src/render/table.js';
import { textWidth } from '../src/render/text-width.js';
import { MATCH_END, MATCH_START } from '../src/text.js';
import { fixtureDatabase, runCli } from './helpers.js';

const plain = { bold: String, cyan: String, dim: String, italic: String, red: String, yellow: String, highlight: String };

/** Every list command, on the bundled data. */
const LISTS = [['events'], ['statements'], ['measures'], ['actors'], ['agreements'], ['sources'], ['timeline'], ['search', 'ceasefire']];
const WIDTHS = [60, 80, 100, 120];

/** A terminal table of the bundled data, without colour, and the same records' whole values as TSV gives them. */
async function tableAndValues(argv: string[], columns: number, wide = false) {
  const table = await runCli([...argv, ...(wide ? ['--wide'] : [])], { tty: true, columns, env: { NO_COLOR: '1' } });
  expect(table.code).toBe(0);
  const tsv = (await runCli(argv)).stdout.replace(/\n$/, '').split('\n');
  // TSV gives the ids of actors beside their names (speaker_id after speaker); a table shows the names only.
  const header = tsv[0]!.split('\t');
  const shown = header.map((name, i) => !/^(.+)_ids?$/.test(name) || !header.slice(0, i).includes(name.replace(/_ids?$/, '')));
  const cells = (line: string) => line.split('\t').filter((_, i) => shown[i]);
  return { lines: table.stdout.split('\n').slice(0, -1), fields: cells(tsv[0]!), records: tsv.slice(1).map(cells) };
}

/** The text of a line from display column `start` to `end` (end undefined: to the line's end), trimmed. */
function slice(line: string, start: number, end?: number): string {
  let at = 0;
  let text = '';
  for (const character of line) {
    if (at >= start && (end === undefined || at < end)) text += character;
    at += textWidth(character);
  }
  return text.trim();
}

/** Where each column of a table starts, read from its header: each header begins its column. */
function columnStarts(header: string): { name: string; start: number }[] {
  return [...header.matchAll(/\S+( \S+)*/g)].map((match) => ({ name: match[0].toLowerCase().replace(/ /g, '_'), start: textWidth(header.slice(0, match.index)) }));
}

/** Splits a table's lines into its header and each record's cells, a list of lines a cell. */
function cellsOf(lines: string[], records: number): { columns: { name: string; start: number }[]; rows: string[][][] } {
  const columns = columnStarts(lines[0]!);
  const body = lines.slice(1);
  const rows: string[][][] = [];
  for (const line of body) {
    if (rows.length === records && !line.startsWith(' ')) break;
    if (line === '') continue;
    const cells = columns.map((column, i) => slice(line, column.start, columns[i + 1]?.start));
    if (cells[0] !== '' || !rows.length) rows.push(cells.map((cell) => (cell ? [cell] : [])));
    else cells.forEach((cell, i) => cell && rows.at(-1)![i]!.push(cell));
  }
  return { columns, rows };
}

describe('tables on a terminal', () => {
  describe.each(LISTS)('crisis %s', (...argv) => {
    it.each(WIDTHS)('at %i columns: no line wider, a line a record, each cell whole or cut at a word ending in …', async (columns) => {
      const { lines, fields, records } = await tableAndValues(argv, columns);
      for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(columns);
      const { columns: shown, rows } = cellsOf(lines, records.length);
      expect(rows).toHaveLength(records.length);
      expect(lines[records.length + 1]).toMatch(/^\d+ records?/);
      expect(shown.map((column) => column.name)).toContain('id');
      rows.forEach((row, r) => {
        shown.forEach(({ name }, c) => {
          expect(row[c]!.length, `${name} of ${records[r]![0]}`).toBeLessThanOrEqual(1);
          const cell = row[c]![0] ?? '';
          const whole = records[r]![fields.indexOf(name)]!.trim();
          if (cell === whole) return;
          expect(cell, `${name} of ${records[r]![0]}: ${whole}`).toMatch(/…$/);
          const kept = cell.slice(0, -1);
          expect(whole.startsWith(kept), `${cell} is not the start of ${whole}`).toBe(true);
          // Cut at the end of a word, or inside the first word, when that alone is wider than the column.
          const atWord = /^[\s,;:]/.test(whole.slice(kept.length));
          expect(atWord || !kept.includes(' '), `${cell} breaks a word of ${whole}`).toBe(true);
          expect(['id', 'date', 'published']).not.toContain(name);
        });
      });
    });

    it('with --wide, shows every column and every word of every cell', async () => {
      const { lines, fields, records } = await tableAndValues(argv, 120, true);
      const { columns: shown, rows } = cellsOf(lines, records.length);
      expect(shown.map((column) => column.name)).toEqual(fields);
      expect(rows).toHaveLength(records.length);
      rows.forEach((row, r) =>
        shown.forEach(({ name }, c) => {
          const whole = records[r]![c]!;
          expect(row[c]!.join('').replace(/\s+/g, ''), `${name} of ${records[r]![0]}`).toBe(whole.replace(/\s+/g, ''));
        }),
      );
    });
  });

  it.each([
    { argv: ['events'], columns: 120 },
    { argv: ['statements'], columns: 120 },
    { argv: ['measures'], columns: 120 },
    { argv: ['agreements'], columns: 120 },
  ])('prints $argv a line a record at $columns columns', async ({ argv, columns }) => {
    const { lines, records } = await tableAndValues(argv, columns);
    expect(lines.slice(1).findIndex((line) => /^\d+ records?/.test(line))).toBe(records.length);
  });
});

describe('fitting a table', () => {
  const column = (header: string, cut: boolean, priority: number): TableColumn => ({ header, cut, priority });
  const drawn = (columns: TableColumn[], rows: string[][], width: number, wide = false) =>
    [...renderTable(fitTable(columns, rows, width, wide), rows, plain)].join('');

  it('leaves out the columns of lowest priority before it cuts an id, and cuts an id only when it alone is too wide', () => {
    const columns = [column('ID', false, 5), column('WHO', true, 1), column('TITLE', true, 3)];
    const rows = [['a-rather-long-record-id', 'Vladimir Putin (initiator)', 'Putin calls Modi about the attack']];
    expect(drawn(columns, rows, 75)).toBe(
      ['ID                       WHO               TITLE', 'a-rather-long-record-id  Vladimir Putin…   Putin calls Modi about the…', ''].join('\n'),
    );
    expect(fitTable(columns, rows, 60).leftOut).toEqual(['WHO']);
    expect(drawn(columns, rows, 60)).toBe(['ID                       TITLE', 'a-rather-long-record-id  Putin calls Modi about the attack', ''].join('\n'));
    expect(fitTable(columns, rows, 30).leftOut).toEqual(['WHO', 'TITLE']);
    expect(drawn(columns, rows, 12)).toBe(['ID', 'a-rather-lo…', ''].join('\n'));
  });

  it('gives short columns their whole width and the long ones the rest, the higher priority first', () => {
    const columns = [column('ID', false, 5), column('TYPE', true, 2), column('TITLE', true, 3), column('ACTORS', true, 1)];
    const rows = [['x', 'call', 'a '.repeat(40).trim(), 'b '.repeat(40).trim()]];
    expect(fitTable(columns, rows, 80).widths).toEqual([2, 4, 52, 16]);
    expect(fitTable(columns, rows, 200).widths).toEqual([2, 4, 79, 79]);
  });

  it('with --wide, wraps the long columns in equal shares and keeps every column', () => {
    const columns = [column('ID', false, 5), column('TITLE', true, 3), column('QUOTE', true, 1)];
    const rows = [['one', 'Putin calls Modi about the attack', 'word '.repeat(20).trim()], ['two', 'Short', 'Short']];
    expect(drawn(columns, rows, 40, true)).toBe(
      [
        'ID   TITLE             QUOTE',
        'one  Putin calls Modi  word word word',
        '     about the attack  word word word',
        '                       word word word',
        '                       word word word',
        '                       word word word',
        '                       word word word',
        '                       word word',
        '',
        'two  Short             Short',
        '',
      ].join('\n'),
    );
  });
});

describe('cutting text', () => {
  it.each([
    { text: 'Putin calls Modi', width: 16, cut: 'Putin calls Modi' },
    { text: 'Putin calls Modi', width: 15, cut: 'Putin calls…' },
    { text: 'Putin calls Modi', width: 12, cut: 'Putin calls…' },
    { text: 'Putin calls Modi', width: 11, cut: 'Putin…' },
    { text: 'Vladimir Putin (initiator); Narendra Modi', width: 30, cut: 'Vladimir Putin (initiator)…' },
    { text: 'Bunyan-um-Marsoos', width: 8, cut: 'Bunyan-…' },
    { text: '印度和巴基斯坦 停火', width: 10, cut: '印度和巴…' },
    { text: '停火 印度和巴基斯坦', width: 10, cut: '停火…' },
    { text: '印度和巴基斯坦', width: 6, cut: '印度…' },
    { text: `the ${MATCH_START}ceasefire${MATCH_END} holds`, width: 14, cut: `the ${MATCH_START}ceasefire${MATCH_END}…` },
  ])('cuts $text to $width columns as $cut', ({ text, width, cut }) => {
    expect(cutText(text, width)).toBe(cut);
  });

  it('never makes a text wider than asked, and cuts inside a word only when it is the first', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9()'.-]{1,14}$/);
    const wide = fc.constantFrom('印度', 'パキスタン', 'é', '—');
    const text = fc.array(fc.oneof(word, wide), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (text, width) => {
        const cut = cutText(text, width);
        expect(textWidth(cut)).toBeLessThanOrEqual(width);
        if (cut === text) return;
        expect(cut.endsWith('…')).toBe(true);
        const kept = cut.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        expect(kept === '' || !kept.includes(' ') || /^[\s,;:]/.test(text.slice(kept.length))).toBe(true);
      }),
    );
  });
});

describe('the fixture at several widths', () => {
  let db: string;
  beforeAll(() => {
    db = fixtureDatabase();
  });
  const run = (argv: string[], columns: number) => runCli(['--db', db, ...argv], { tty: true, columns, env: { NO_COLOR: '1' } });

  it('gives a measure its actors and category once there is room, and names what it left out until then', async () => {
    expect((await run(['measures'], 60)).stdout).toBe(
      [
        'ID                        DATE        TITLE',
        'india-suspends-treaty     2025-04-23  India suspends the…',
        'pakistan-closes-airspace  2025-04-24  Pakistan closes its…',
        '2 records; BY, AGAINST, CATEGORY left out to fit 60 columns',
        '(--wide shows them)',
        '',
      ].join('\n'),
    );
    expect((await run(['measures'], 100)).stdout).toBe(
      [
        'ID                        DATE        BY        AGAINST   CATEGORY  TITLE',
        'india-suspends-treaty     2025-04-23  India     Pakistan  water     India suspends the treaty',
        'pakistan-closes-airspace  2025-04-24  Pakistan  India     airspace  Pakistan closes its airspace',
        '2 records',
        '',
      ].join('\n'),
    );
  });

  it('highlights a match in a snippet it cuts', async () => {
    const { stdout } = await runCli(['--db', db, 'search', 'condemned'], { tty: true, columns: 100, env: {} });
    expect(stdout).toContain('\u001b[36mputin-condemns-attack\u001b[39m  statement  2025-05-05  Putin condemns the attack  strongly \u001b[1m\u001b[33mcondemned\u001b[39m\u001b[22m the…\n');
    for (const line of stdout.replace(/\u001b\[\d*m/g, '').split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(100);
  });
});
