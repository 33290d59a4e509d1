import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { factFiles, type RecordKind } from './schema.js';
import type { Problem } from './problems.js';

type Parsed<K extends RecordKind> = z.infer<(typeof factFiles)[K]['schema']>;

/** Every record of every kind, as parsed from the fact files, in file order. */
export type Dataset = { [K in RecordKind]: Parsed<K>[] };

/** Reads and schema-checks every fact file; records that fail their schema are left out and reported. */
export function loadDataset(dataDir: string): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const dataset = {} as Dataset;
  for (const kind of Object.keys(factFiles) as RecordKind[]) {
    dataset[kind] = loadKind(dataDir, kind, problems) as never;
  }
  return { dataset, problems };
}

function loadKind(dataDir: string, kind: RecordKind, problems: Problem[]): unknown[] {
  const { file, schema } = factFiles[kind];
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    problems.push({ file, record: '-', message: 'file is missing' });
    return [];
  }
  let items: unknown;
  try {
    items = parse(readFileSync(path, 'utf8'));
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
