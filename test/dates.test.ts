import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/dates.js';
import { foldName, foldWhitespace } from '../src/text.js';

describe('parseDate', () => {
  it.each([
    ['2025-04-22', { precision: 'day', start: '2025-04-22', end: '2025-04-22' }],
    ['2025-05', { precision: 'month', start: '2025-05-01', end: '2025-05-31' }],
    ['2024-02', { precision: 'month', start: '2024-02-01', end: '2024-02-29' }],
    ['2025-02', { precision: 'month', start: '2025-02-01', end: '2025-02-28' }],
    ['2025', { precision: 'year', start: '2025-01-01', end: '2025-12-31' }],
  ])('%s spans its days', (text, expected) => {
    expect(parseDate(text)).toEqual({ date: text, ...expected });
  });

  it.each(['2025-13', '2025-00', '2025-02-29', '2025-04-31', '25-04-22', '2025/04/22', '2025-4-2', 'May 2025', ''])(
    'refuses %j',
    (text) => expect(parseDate(text)).toBeNull(),
  );
});

describe('foldName', () => {
  it.each([
    ['RUSSIA', 'russia'],
    ['Russian  Federation', 'russian federation'],
    ['S. Jaishankar', 's jaishankar'],
    ['sergey-lavrov', 'sergey lavrov'],
    ['Pétain', 'petain'],
    ['  Moscow ', 'moscow'],
  ])('%j folds to %j', (text, folded) => expect(foldName(text)).toBe(folded));
});

describe('foldWhitespace', () => {
  it('joins wrapped lines so a quote matches across them', () => {
    expect(foldWhitespace('killed 26\n  people,\tmost')).toBe('killed 26 people, most');
  });
});
