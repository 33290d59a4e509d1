import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The database itself and build leftovers are outputs, not inputs; the folder's documents (its README, the changelog that names this digest) are not facts. */
const NOT_INPUT = /(^|\/)crisis\.db|\.tmp-|\.md$/;

/**
 * A digest of every input file under the data folder (fact files and bundled texts), stored in the
 * database so a test can tell when the bundled file is stale against the text it was built from.
 */
export function inputDigest(dataDir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dataDir).sort()) {
    hash.update(file).update('\0').update(readFileSync(join(dataDir, file))).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const file = relative(root, path).split(sep).join('/');
    if (statSync(path).isDirectory()) return listFiles(path, root);
    return NOT_INPUT.test(file) ? [] : [file];
  });
}
