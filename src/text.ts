/** Folds a name for matching: case, accents and punctuation do not count ("S. Jaishankar" = "s jaishankar"). */
export function foldName(text: string): string {
  // Plain ASCII, as nearly everything typed is, folds the same way without a Unicode regular expression,
  // whose compiling a lookup would otherwise wait for.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether the text has a letter or a digit of any script: something a search can find. */
export function hasLetterOrDigit(text: string): boolean {
  // The same fast path as foldName's: ASCII is answered without compiling a Unicode regular expression.
  if (/^[\x20-\x7e]*$/.test(text)) return /[A-Za-z0-9]/.test(text);
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Where `search` found its words: the matched words in a snippet stand between these two characters. Here, not beside
 * the search, as every renderer takes them out or paints them, and no other command need load the search to do so.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Folds runs of whitespace so a quote matches its source however the lines were wrapped. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What `visible` escapes. `message`: one line of a message, so anything that would break the line or disguise it
 * (control characters, line and paragraph separators, bidirectional overrides). `line`: one line of output, so every
 * control character. `text`: output text whose format deals with its newlines, so every control character but the
 * newline.
 */
export type Escaping = 'message' | 'line' | 'text';

const ESCAPED: Record<Escaping, RegExp> = {
  message: /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
  line: /[\u0000-\u001f\u007f-\u009f]/g,
  text: /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g,
};
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The one sanitiser: text with its C0 and C1 control characters and DEL (and, for a message, more) written as
 * escapes, `\u001b` for ESC, so a terminal shows them rather than acts on them. A string from someone else's
 * database cannot set the window title, clear the screen or write the clipboard. The escapes are JSON's own, so in a
 * JSON string they stand for the very same text.
 */
export function visible(text: string, escaping: Escaping = 'message'): string {
  const pattern = ESCAPED[escaping];
  // Most text has nothing to escape: a test is quicker than a replace that replaces nothing, for JSON lines by the million.
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return text;
  return text.replace(pattern, (character) => NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value with every string in it made visible (`text` escaping): a record, as a renderer that prints its fields takes it. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visible(value, 'text') as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visibleStrings(inner)])) as T;
}
