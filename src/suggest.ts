import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to what was typed, closest first (the first given first among equals), at most `max`, if
 * close enough to be a slip. Any layer may use it: a command's did-you-mean, search's close word.
 */
export function closest(typed: string, candidates: Iterable<string>, max: number): string[] {
  const needle = typed.toLowerCase();
  // Nothing typed is close to every short word.
  if (!needle.trim()) return [];
  const near = Math.max(2, Math.floor(needle.length / 3));
  const found: { candidate: string; d: number }[] = [];
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d > near || (found.length === max && d >= found.at(-1)!.d)) continue;
    // Kept in order of distance, the first found first among equals: a few, so an insertion is enough.
    const at = found.findIndex((other) => d < other.d);
    found.splice(at < 0 ? found.length : at, 0, { candidate, d });
    if (found.length > max) found.pop();
  }
  return found.map(({ candidate }) => candidate);
}

/** " (did you mean 'x'?)", or with `max` above 1 " (did you mean 'x', 'y' or 'z'?)", when something close exists; else "". */
export function didYouMean(typed: string, candidates: Iterable<string>, max = 1): string {
  const matches = closest(typed, candidates, max).map((match) => `'${match}'`);
  if (!matches.length) return '';
  const last = matches.pop()!;
  return ` (did you mean ${matches.length ? `${matches.join(', ')} or ${last}` : last}?)`;
}
