import { MATCH_END, MATCH_START } from '../queries/search.js';

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');

/** The text without the marks `search` puts around what it matched: for pipes, JSON and uncoloured tables. */
export function stripMatchMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Styles the marked words of lines wrapped from one marked text; a match may run on from one line to the next. */
export function paintMatches(lines: string[], style: (text: string) => string): string[] {
  let inside = false;
  return lines.map((line) => {
    let painted = '';
    for (const part of line.split(/([\u0002\u0003])/)) {
      if (part === MATCH_START) inside = true;
      else if (part === MATCH_END) inside = false;
      else if (part) painted += inside ? style(part) : part;
    }
    return painted;
  });
}
