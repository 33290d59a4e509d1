import { describe, expect, it } from 'vitest';
import { OUTPUT_BATCH } from '../src/cli/io.js';
import { SOURCE } from '../src/queries/sources.js';
import { writeRecords } from '../src/render/output.js';

/** An output whose reader has gone: every write fails as a closed pipe's does. */
const closedPipe = () => ({
  writes: 0,
  write(): boolean {
    this.writes++;
    throw Object.assign(new Error('EPIPE: broken pipe, write'), { code: 'EPIPE' });
  },
});

describe('a reader that goes away', () => {
  // Two records whose text is longer than a batch: the last write of each format is itself a batch, whose failure
  // must reach the caller rather than be left to an unawaited promise (Node then prints its stack and exits 1).
  const long = 'x'.repeat(OUTPUT_BATCH + 1);
  const rows = [1, 2].map((n) => ({ id: `page-${n}`, title: long, publisher: 'P', url: null, published: null, cited_by: 1 }));

  it.each(['json', 'jsonl', 'csv', 'tsv'] as const)('fails the %s output with its EPIPE, however the output ends', async (format) => {
    const out = closedPipe();
    await expect(writeRecords(out, rows, SOURCE, { format, color: false, width: 80 })).rejects.toMatchObject({ code: 'EPIPE' });
    expect(out.writes).toBe(1);
  });
});
