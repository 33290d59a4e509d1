/** Numbers in the words of a record, so the build can hold each to the quotes and reports that state it. */

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/**
 * What a date or a name holds that is not a count: ISO dates (2025-04-22), a day beside its month (22 April,
 * April 22nd, 7–10 May, 7 to 10 May), years (1972), times (10:30) and digits inside names (G7, JF-17, S-400).
 */
const NOT_COUNTS = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}(-\d{2})?\b`,
    String.raw`\b\d{1,2}(st|nd|rd|th)?(\s*(\u2013|-|to|and)\s*\d{1,2}(st|nd|rd|th)?)?\s+(of\s+)?(${MONTHS})\b`,
    String.raw`\b(${MONTHS})\s+\d{1,2}(st|nd|rd|th)?(\s*(\u2013|-|to|and)\s*\d{1,2}(st|nd|rd|th)?)?\b`,
    String.raw`\b(19|20)\d{2}s?\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    String.raw`\b[A-Za-z]+-?\d+[A-Za-z\d]*\b`,
  ].join('|'),
  'g',
);

/**
 * The counts a title or summary states: numbers in digits (1,376 or 2.5), ordinals (2nd) and the words two to
 * twenty, leaving out the days, months and years of dates and the digits of names. "One" is left out, as
 * more often a pronoun ("one side") than a count, and so is "the two", which names the two sides rather than
 * counting them.
 */
export function countsIn(text: string): number[] {
  const rest = text.replace(NOT_COUNTS, ' ').replace(/\bthe two\b/gi, ' ');
  const counts: number[] = [];
  for (const [digits] of rest.matchAll(/\d[\d,]*(\.\d+)?/g)) counts.push(Number(digits.replace(/,(?=\d{3})/g, '').replace(/[,.]$/, '')));
  for (const [word] of rest.matchAll(/\b[A-Za-z]+\b/g)) {
    const value = NUMBER_WORDS.indexOf(word.toLowerCase());
    if (value >= 2) counts.push(value);
  }
  return counts.filter((count) => Number.isFinite(count));
}

/**
 * Whether a text states a number, in digits (1376 or 1,376) or, up to twenty, in words: a number must come
 * from the words that report it, not from arithmetic or memory, nor from a date or a name ("7 May" does not
 * state 7).
 */
export function mentionsNumber(stating: string, number: number): boolean {
  const text = stating.replace(NOT_COUNTS, ' ');
  const spellings = new Set([String(number), number.toLocaleString('en-US')]);
  const word = Number.isInteger(number) ? NUMBER_WORDS[number] : undefined;
  return (
    [...spellings].some((digits) => new RegExp(`(?<![\\d.,])${digits.replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(text)) ||
    (word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(text))
  );
}

/** Whether every mention of a number in a text says "over" or "more than" it. */
export function onlyMoreThan(text: string, number: number): boolean {
  const spellings = [String(number), number.toLocaleString('en-US'), ...(Number.isInteger(number) && NUMBER_WORDS[number] ? [NUMBER_WORDS[number]!] : [])];
  const mention = new RegExp(`(?<![\\w.,])(${spellings.map((s) => s.replace(/[.,]/g, '\\$&')).join('|')})(?![\\w]|[.,]\\d)`, 'gi');
  const matches = [...text.matchAll(mention)];
  return matches.length > 0 && matches.every((m) => /\b(over|more than|above|in excess of)\s+$/i.test(text.slice(0, m.index)));
}
