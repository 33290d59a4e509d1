import { checkDataset } from './rules.js';
import { inputDigest } from './input-digest.js';
import { loadDataset } from './read-fact-files.js';
import { BuildFailed } from './problems.js';
import { writeDatabase } from './write-database.js';

export interface BuildResult {
  counts: Record<string, number>;
}

/** Validates the fact files under `dataDir` and writes the database to `out`; throws BuildFailed listing every problem. */
export function compileDatabase(dataDir: string, out: string): BuildResult {
  const { dataset, problems, origins, release } = loadDataset(dataDir);
  problems.push(...checkDataset(dataset, dataDir, origins));
  if (problems.length) throw new BuildFailed(problems);
  writeDatabase(dataset, out, { input_digest: inputDigest(dataDir), data_version: release?.version, data_released: release?.released });
  return { counts: Object.fromEntries(Object.entries(dataset).map(([kind, records]) => [kind, records.length])) };
}
