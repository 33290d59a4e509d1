/**
 * Breaks text into lines of at most `width` characters at spaces; a word longer than a line
 * (an id in a narrow column) is cut into pieces rather than lost, unless `cut` is false: then it
 * stands whole on a line of its own, wider than the rest, as an id to copy must.
 */
export function wrapText(text: string, width: number, { cut = true } = {}): string[] {
  const lines: string[] = [];
  let line = '';
  for (const whole of text.split(/\s+/).filter(Boolean)) {
    let word = whole;
    while (cut && word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
