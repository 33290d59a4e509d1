import { MATCH_END, MATCH_START, visible } from '../text.js';

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');
const BETWEEN_MARKS = new RegExp(`([${MATCH_START}${MATCH_END}])`);

/** The text without the marks `search` puts around what it matched: for pipes, JSON and uncoloured tables. */
export function stripMatchMarks(text: string): string {
  return text.replace(MARKS, '');
}

/**
 * A marked text made visible but for its marks, which paintMatches then turns into colour. The marks are control
 * characters, so a database's own are taken for marks too: painted or dropped, never printed.
 */
export function visibleKeepingMarks(text: string): string {
  return text
    .split(BETWEEN_MARKS)
    .map((part) => (part === MATCH_START || part === MATCH_END ? part : visible(part, 'text')))
    .join('');
}

/** Styles the marked words of lines wrapped from one marked text; a match may run on from one line to the next. */
export function paintMatches(lines: string[], style: (text: string) => string): string[] {
  let inside = false;
  return lines.map((line) => {
    let painted = '';
    for (const part of line.split(BETWEEN_MARKS)) {
      if (part === MATCH_START) inside = true;
      else if (part === MATCH_END) inside = false;
      else if (part) painted += inside ? style(part) : part;
    }
    return painted;
  });
}
