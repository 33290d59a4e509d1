import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { factFiles, type RecordKind } from './fact-shapes.js';
import type { Problem } from './problems.js';
import { type Release, readRelease } from './release.js';

type Parsed<K extends RecordKind> = z.infer<(typeof factFiles)[K]['schema']>;

/** Every record of every kind, as parsed from the fact files, in file order. */
export type Dataset = { [K in RecordKind]: Parsed<K>[] };

/** The fact file (relative to the data folder) each parsed record came from, so a problem can name it. */
export type Origins = WeakMap<object, string>;

/**
 * Reads and schema-checks every fact file; records that fail their schema are left out and reported.
 * A kind's records live in `<kind>s.yaml`, in files under `<kind>s/` (read in name order, so a day or a
 * topic can have a file of its own), or both. The data's release, if the folder names one, is read beside them.
 */
export function loadDataset(dataDir: string): { dataset: Dataset; problems: Problem[]; origins: Origins; release?: Release } {
  const problems: Problem[] = [];
  const origins: Origins = new WeakMap();
  const dataset = {} as Dataset;
  for (const kind of Object.keys(factFiles) as RecordKind[]) {
    const reported = problems.length;
    const files = kindFiles(dataDir, kind, problems);
    if (files.length === 0 && problems.length === reported) problems.push({ file: factFiles[kind].file, record: '-', message: `file is missing (or give files under ${factFiles[kind].folder}/)` });
    dataset[kind] = files.flatMap((file) => loadFile(dataDir, file, kind, problems, origins)) as never;
  }
  return { dataset, problems, origins, release: readRelease(dataDir, problems) };
}

/** The files holding a kind's records, relative to the data folder. */
function kindFiles(dataDir: string, kind: RecordKind, problems: Problem[]): string[] {
  const { file, folder } = factFiles[kind];
  const files: string[] = existsSync(join(dataDir, file)) ? [file] : [];
  if (files.length && statSync(join(dataDir, file)).isDirectory()) {
    problems.push({ file, record: '-', message: `is a folder; put the records in ${file} as a file, or in files under ${folder}/` });
    files.pop();
  }
  const dir = join(dataDir, folder);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
    files.push(...names.map((name) => `${folder}/${name}`));
  }
  return files;
}

function loadFile(dataDir: string, file: string, kind: RecordKind, problems: Problem[], origins: Origins): unknown[] {
  const { schema } = factFiles[kind];
  let items: unknown;
  try {
    items = parse(readFileSync(join(dataDir, file), 'utf8'));
  } catch (error) {
    problems.push({ file, record: '-', message: `not valid YAML: ${firstLine((error as Error).message)}` });
    return [];
  }
  if (items === null || items === undefined) return [];
  if (!Array.isArray(items)) {
    problems.push({ file, record: '-', message: 'must be a YAML list of records' });
    return [];
  }
  const records: unknown[] = [];
  items.forEach((item, index) => {
    const record = recordName(item, index);
    const result = schema.safeParse(item);
    if (result.success) {
      records.push(result.data);
      origins.set(result.data as object, file);
      return;
    }
    for (const issue of result.error.issues) {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      problems.push({ file, record, message: `${where}${issue.message}` });
    }
  });
  return records;
}

function recordName(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `record #${index + 1}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
