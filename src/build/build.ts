import { checkDataset } from './check.js';
import { inputDigest } from './digest.js';
import { loadDataset } from './load.js';
import { BuildFailed } from './problems.js';
import { writeDatabase } from './write.js';

export interface BuildResult {
  counts: Record<string, number>;
}

/** Validates the fact files under `dataDir` and writes the database to `out`; throws BuildFailed listing every problem. */
export function buildDatabase(dataDir: string, out: string): BuildResult {
  const { dataset, problems, origins } = loadDataset(dataDir);
  problems.push(...checkDataset(dataset, dataDir, origins));
  if (problems.length) throw new BuildFailed(problems);
  writeDatabase(dataset, out, inputDigest(dataDir));
  return { counts: Object.fromEntries(Object.entries(dataset).map(([kind, records]) => [kind, records.length])) };
}
