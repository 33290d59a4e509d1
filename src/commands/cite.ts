import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import type { Output } from '../cli/io.js';
import { addExamples } from '../options/declare.js';
import { toAccessDate, toChoice, toRecord } from '../options/parse.js';
import { pagesCitedBy } from '../queries/citations.js';
import { dataRelease } from '../queries/release.js';
import type { SourceRecord } from '../queries/sources.js';
import { CITE_FORMATS, type CiteFormat, renderCitation } from '../render/citation.js';

// No `output`: what it prints as JSON is CSL-JSON, whose schema is the Citation Style Language's.

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('cite')
    .description("A citation of records and the pages behind them: crisis's data (its version, digest and the day you read it), then each page")
    .argument('<id...>', 'record ids (any kind), or names or aliases of actors or agreements')
    .option('--format <format>', `${CITE_FORMATS.join(', ')} (default: text, a reference list)`);
  addExamples(command, [
    'crisis cite pahalgam-attack',
    'crisis cite pahalgam-attack putin-modi-call --format bibtex > crisis.bib',
    'crisis cite india-closes-airspace --format csl-json',
  ])
    .addHelpText(
      'after',
      `
The data come first, then the pages, each once: dated ones by date, then undated ones, then by id.
bibtex gives @misc entries keyed by id; csl-json gives the data as a dataset, each page as a
webpage, or a document where it has no URL. The day accessed is today in UTC, or
CRISIS_ACCESS_DATE (YYYY-MM-DD). Exit status 3 for an id that names no record.`,
    )
    .action(async (typed: string[], raw: { format?: string }) => {
    const format = toChoice(raw.format, CITE_FORMATS, '--format') ?? 'text';
    const db = ctx.db();
    const ids = [...new Set(typed.map((id) => toRecord(db, id).id))];
    writeCitation(ctx, ctx.io.stdout, ids, format);
  });
}

/**
 * Writes the citation of these records: `crisis cite`'s, or with the words of a command line after `crisis`, the
 * citation of that command's answer (--cite on a list command), of the pages `keep` takes (--as-of: those out by then).
 */
export function writeCitation(
  ctx: Context,
  out: Output,
  records: readonly string[],
  format: CiteFormat,
  command?: readonly string[],
  keep: (page: SourceRecord) => boolean = () => true,
): void {
  const db = ctx.db();
  const citation = { release: dataRelease(db), accessed: toAccessDate(ctx.io.env), records, command, pages: pagesCitedBy(db, records).filter(keep) };
  out.write(renderCitation(citation, format));
}
