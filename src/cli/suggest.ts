import { distance } from 'fastest-levenshtein';

/** The candidate closest to what was typed, if it is close enough to be a slip. */
function closest(typed: string, candidates: Iterable<string>): string | undefined {
  const needle = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(needle.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** " (did you mean 'x'?)" when something close exists, else "". */
export function didYouMean(typed: string, candidates: Iterable<string>): string {
  const match = closest(typed, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}
