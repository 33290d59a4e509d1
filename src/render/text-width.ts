import stringWidth from 'string-width';

/**
 * Characters one column wide each, by string-width's own rules: printable ASCII, Latin-1 and the Latin
 * extensions (none a combining mark, control character, wide character or emoji), and the dashes, quotes,
 * dots and spaces of General Punctuation from U+2010 to U+2027.
 */
const NARROW = /^[\x20-\x7e\xa0-\u02ff\u2010-\u2027]*$/;

/**
 * How many columns a line of text takes, as string-width counts them. cli-table3 asks string-width for
 * every cell, and string-width's first call compiles a large emoji regular expression; text made only of
 * narrow characters is as wide as it is long. The bundle gives cli-table3 this function in place of
 * string-width (scripts/bundle.mjs).
 */
export function textWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text`, in whole characters, that takes at most `width` columns. */
export function leadingWidth(text: string, width: number): string {
  if (NARROW.test(text)) return text.slice(0, Math.max(0, width));
  let used = 0;
  let end = 0;
  for (const character of text) {
    used += textWidth(character);
    if (used > width) break;
    end += character.length;
  }
  return text.slice(0, end);
}
