import type { Comparison } from '../queries/diff.js';

/** One JSON object, or a line a record as a table, TSV or CSV: JSON lines would be neither. */
export const DIFF_FORMATS = ['table', 'tsv', 'csv', 'json'] as const;

/** One line saying how two databases differ: "1 added, 0 removed, 2 changed, 14 the same". */
export function diffSummary({ differences: { added, removed, changed }, unchanged }: Comparison): string {
  if (!added.length && !removed.length && !changed.length) return `no differences: ${unchanged} ${unchanged === 1 ? 'record' : 'records'} the same in both`;
  return `${added.length} added, ${removed.length} removed, ${changed.length} changed, ${unchanged} the same`;
}
