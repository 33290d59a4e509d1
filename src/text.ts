/** Folds a name for matching: case, accents and punctuation do not count ("S. Jaishankar" = "s jaishankar"). */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folds runs of whitespace so a quote matches its source however the lines were wrapped. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
