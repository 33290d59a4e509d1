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

/** Folds runs of whitespace so a quote matches its source however the lines were wrapped. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
