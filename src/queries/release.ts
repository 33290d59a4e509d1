import { type Db, metaValue } from '../db/open.js';

/** Which data a database holds: its release (absent for one built from facts that name none) and the digest of its fact files. */
export interface DataRelease {
  version?: string;
  released?: string;
  digest?: string;
}

export function dataRelease(db: Db): DataRelease {
  return { version: metaValue(db, 'data_version'), released: metaValue(db, 'data_released'), digest: metaValue(db, 'input_digest') };
}
