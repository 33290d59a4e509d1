import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Problem } from './problems.js';

/** The file naming the data's release, beside the fact files; a folder of one's own facts may leave it out. */
export const RELEASE_FILE = 'release.yaml';

/** `2025.05.31-2`: the last day the facts cover, and which release of that coverage this is. */
export const DATA_VERSION_PATTERN = /^[0-9]{4}\.[0-9]{2}\.[0-9]{2}-[1-9][0-9]*$/;

const releaseSchema = z.strictObject({
  version: z.string().regex(DATA_VERSION_PATTERN, 'must be YYYY.MM.DD-N: the last day the facts cover, then the release of that coverage (1, 2, ...)'),
  released: z.iso.date('must be the day of the release, YYYY-MM-DD'),
});

export type Release = z.infer<typeof releaseSchema>;

/** The data's release, or undefined where the folder names none; a malformed file is a problem of the build. */
export function readRelease(dataDir: string, problems: Problem[]): Release | undefined {
  const path = join(dataDir, RELEASE_FILE);
  if (!existsSync(path)) return undefined;
  let text: unknown;
  try {
    text = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file: RELEASE_FILE, record: '-', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const result = releaseSchema.safeParse(text);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file: RELEASE_FILE, record: '-', message: `${issue.path.join('.') || 'release'}: ${issue.message}` });
  return undefined;
}
