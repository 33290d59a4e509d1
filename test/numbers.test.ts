import { describe, expect, it } from 'vitest';
import { countsIn, mentionsNumber, onlyMoreThan } from '../src/compile/numbers.js';

/** The numbers the build holds to the words that report them, and the ones it leaves alone. */
describe('the counts a title or summary states', () => {
  it.each([
    ['Attack at Pahalgam kills 26', [26]],
    ['India expels 2 officials and caps the mission at 30', [2, 30]],
    ['Pakistan says it shot down five jets', [5]],
    ['1,376 people leave', [1376]],
    ['Strikes on 7 May', []],
    ['Fighting of 7–10 May and 7 to 10 May', []],
    ['Talks between 7 May and the 10 May', []],
    ['On April 22nd, and May 7-10', []],
    ['The 1972 Simla Agreement and the 1960s', []],
    ['At 2025-04-22 10:30', []],
    ['G7 ministers and JF-17 jets, an S-400 system', []],
    ['The two countries agree; one side says', []],
    ['Two officers brief the press', [2]],
  ])('%s', (text, counts) => {
    expect(countsIn(text)).toEqual(counts);
  });
});

describe('a number stated by the words that report it', () => {
  it.each([
    ['at least 26 people were killed', 26, true],
    ['1,376 people', 1376, true],
    ['1376 people', 1376, true],
    ['five Indian jets', 5, true],
    ['fifty jets', 50, false],
    ['on 7 May', 7, false],
    ['on 2025-05-01', 5, false],
    ['26.5 km', 26, false],
    ['126 people', 26, false],
  ])('%s states %d: %s', (text, number, stated) => {
    expect(mentionsNumber(text, number)).toBe(stated);
  });

  it.each([
    ['over 20 were injured', true],
    ['more than 20 were injured', true],
    ['at least 20 were injured', false],
    ['over 20 were hurt, 20 of them tourists', false],
    ['20 were injured', false],
  ])('"%s" says more than 20: %s', (text, more) => {
    expect(onlyMoreThan(text, 20)).toBe(more);
  });
});
