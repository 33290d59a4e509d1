/** One reason a fact file cannot be built, naming the file and record so a reviewer can find it. */
export interface Problem {
  file: string;
  record: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.record}: ${problem.message}`;
}

/** "2 actors, 1 event, …": what a build read, as it and `crisis validate` report it. */
export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(', ');
}

export class BuildFailed extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the fact files`);
  }
}
