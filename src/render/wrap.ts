import { leadingWidth, textWidth } from './text-width.js';

/**
 * Breaks text into lines of at most `width` columns at spaces; a word wider than a line
 * (an id in a narrow column) is cut into pieces rather than lost, unless `cut` is false: then it
 * stands whole on a line of its own, wider than the rest, as an id to copy must. Wide characters
 * (CJK) count two columns, or as `measure` counts them.
 */
export function wrapText(text: string, width: number, { cut = true, measure = textWidth } = {}): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const whole of text.split(/\s+/).filter(Boolean)) {
    let word = whole;
    let wordWidth = measure(word);
    while (cut && wordWidth > width) {
      if (line) lines.push(line);
      const piece = leadingWidth(word, width) || word.slice(0, 1);
      lines.push(piece);
      word = word.slice(piece.length);
      wordWidth = measure(word);
      line = '';
      lineWidth = 0;
    }
    if (!word) continue;
    if (line && lineWidth + 1 + wordWidth > width) {
      lines.push(line);
      line = word;
      lineWidth = wordWidth;
    } else {
      lineWidth += (line ? 1 : 0) + wordWidth;
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
