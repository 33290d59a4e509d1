import type { DataRelease } from '../queries/release.js';
import { visible } from '../text.js';

/** How much of the fact files' digest to print: enough to tell two builds apart by eye. */
const DIGEST_SHOWN = 12;

/** `crisis --version`'s first line: the program's version. */
export const programVersionLine = (programVersion: string) => `crisis ${programVersion}\n`;

/** `crisis --version`'s second line: the data's release and the digest of its fact files. */
export function dataVersionLine(release: DataRelease): string {
  const data = [
    release.version ?? 'unversioned',
    release.released && `released ${release.released}`,
    release.digest && `digest ${release.digest.slice(0, DIGEST_SHOWN)}`,
  ].filter(Boolean);
  return `data ${visible(data.join(', '))}\n`;
}
