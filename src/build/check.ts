import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate, type DateSpan } from '../dates.js';
import { foldName, foldWhitespace } from '../text.js';
import type { Dataset } from './load.js';
import type { Problem } from './problems.js';
import { factFiles, type CitationInput, type RecordKind, type SourceInput } from './schema.js';

/** The kinds that state a dated fact and so must cite a source. */
const FACT_KINDS = ['agreement', 'event', 'statement', 'measure'] as const;

/**
 * Checks what a schema cannot: ids unique across the database, dates real and of the stated
 * precision, references that resolve to the right kind, and every quote found word for word in
 * the text its source bundles.
 */
export function checkDataset(dataset: Dataset, dataDir: string): Problem[] {
  const problems: Problem[] = [];
  const kindOf = new Map<string, RecordKind>();
  const spanOf = new Map<string, DateSpan>();

  const report = (kind: RecordKind, record: string, message: string) =>
    problems.push({ file: factFiles[kind].file, record, message });

  for (const kind of Object.keys(factFiles) as RecordKind[]) {
    for (const record of dataset[kind]) {
      const earlier = kindOf.get(record.id);
      if (earlier) report(kind, record.id, `id is already used by ${withArticle(earlier)} in ${factFiles[earlier].file}`);
      else kindOf.set(record.id, kind);
    }
  }

  for (const kind of FACT_KINDS) {
    for (const record of dataset[kind]) {
      const span = parseDate(record.date);
      if (!span) report(kind, record.id, `date '${record.date}' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`);
      else if (span.precision !== record.date_precision)
        report(kind, record.id, `date '${record.date}' has ${span.precision} precision but date_precision says ${record.date_precision}`);
      else spanOf.set(record.id, span);
    }
  }
  for (const source of dataset.source) {
    if (source.published !== undefined && !parseDate(source.published))
      report('source', source.id, `published '${source.published}' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`);
  }

  const expect = (kind: RecordKind, record: string, field: string, target: string | undefined, wanted: RecordKind[]) => {
    if (target === undefined) return;
    const found = kindOf.get(target);
    if (!found) report(kind, record, `${field}: no record '${target}'`);
    else if (!wanted.includes(found)) report(kind, record, `${field}: '${target}' is ${withArticle(found)}, expected ${wanted.join(' or ')}`);
  };

  const actorKind = new Map(dataset.actor.map((actor) => [actor.id, actor.kind]));
  for (const actor of dataset.actor) {
    expect('actor', actor.id, 'country', actor.country, ['actor']);
    if (actor.country && actorKind.has(actor.country) && actorKind.get(actor.country) !== 'state')
      report('actor', actor.id, `country: '${actor.country}' is not a state`);
    if (actor.kind === 'state' && actor.country) report('actor', actor.id, 'country: a state does not belong to another state');
  }
  checkNamesAreUnambiguous('actor', dataset.actor, report);
  checkNamesAreUnambiguous('agreement', dataset.agreement, report);

  for (const agreement of dataset.agreement) {
    agreement.parties.forEach((party, i) => expect('agreement', agreement.id, `parties.${i}`, party, ['actor']));
  }
  for (const event of dataset.event) {
    event.actors.forEach((entry, i) => expect('event', event.id, `actors.${i}.actor`, entry.actor, ['actor']));
  }
  for (const statement of dataset.statement) {
    expect('statement', statement.id, 'speaker', statement.speaker, ['actor']);
    expect('statement', statement.id, 'on_behalf_of', statement.on_behalf_of, ['actor']);
    statement.addressees.forEach((addressee, i) => expect('statement', statement.id, `addressees.${i}`, addressee, ['actor']));
    expect('statement', statement.id, 'event', statement.event, ['event']);
    statement.agreements.forEach((agreement, i) => expect('statement', statement.id, `agreements.${i}`, agreement, ['agreement']));
    if (statement.event && !spansOverlap(spanOf.get(statement.id), spanOf.get(statement.event)))
      report('statement', statement.id, `date ${statement.date} does not fall within the date of its event '${statement.event}'`);
  }
  for (const measure of dataset.measure) {
    expect('measure', measure.id, 'by', measure.by, ['actor']);
    expect('measure', measure.id, 'against', measure.against, ['actor']);
    expect('measure', measure.id, 'in_response_to', measure.in_response_to, ['event', 'measure']);
    measure.agreements.forEach((agreement, i) => expect('measure', measure.id, `agreements.${i}`, agreement, ['agreement']));
    const answered = measure.in_response_to && spanOf.get(measure.in_response_to);
    const own = spanOf.get(measure.id);
    if (answered && own && answered.start > own.end)
      report('measure', measure.id, `in_response_to: '${measure.in_response_to}' (${answered.date}) is dated after the measure (${own.date})`);
  }

  const checkers = new Map(dataset.source.map((source) => [source.id, quoteChecker(source, dataDir, (message) => report('source', source.id, message))]));
  const checkCitations = (kind: RecordKind, record: string, citations: CitationInput[]) => {
    citations.forEach((citation, i) => {
      const found = checkers.get(citation.source);
      if (found === undefined) report(kind, record, `sources.${i}.source: no source '${citation.source}'`);
      else if (found && !found(citation.quote)) report(kind, record, `sources.${i}.quote is not found word for word in source '${citation.source}': "${citation.quote}"`);
    });
  };
  for (const kind of FACT_KINDS) {
    for (const record of dataset[kind]) {
      if (record.sources.length === 0) report(kind, record.id, 'sources: cites no source; every fact needs at least one citation with a verbatim quote');
      checkCitations(kind, record.id, record.sources);
    }
  }
  for (const actor of dataset.actor) checkCitations('actor', actor.id, actor.sources);

  for (const statement of dataset.statement) {
    if (statement.quote === undefined) continue;
    const quote = statement.quote;
    const inCitedSource = statement.sources.some((citation) => checkers.get(citation.source)?.(quote));
    if (!inCitedSource) report('statement', statement.id, `quote is not found word for word in any source it cites: "${quote}"`);
  }
  return problems;
}

function withArticle(kind: RecordKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

type QuoteCheck = (quote: string) => boolean;

/** Returns a function telling whether a quote stands in the source's bundled text, or null if the text cannot be read. */
function quoteChecker(source: SourceInput, dataDir: string, problem: (message: string) => void): QuoteCheck | null {
  if (source.text !== undefined) {
    const path = join(dataDir, source.text);
    if (!existsSync(path)) {
      problem(`text: no file '${source.text}' under the data folder`);
      return null;
    }
    const text = foldWhitespace(readFileSync(path, 'utf8'));
    return (quote) => text.includes(foldWhitespace(quote));
  }
  if (source.excerpts !== undefined) {
    const path = join(dataDir, source.excerpts);
    if (!existsSync(path)) {
      problem(`excerpts: no file '${source.excerpts}' under the data folder`);
      return null;
    }
    const excerpts = readExcerpts(path).filter((excerpt) => excerpt.source_url === source.url).map((excerpt) => foldWhitespace(excerpt.quote));
    if (excerpts.length === 0) {
      problem(`excerpts: '${source.excerpts}' has no excerpt from url '${source.url ?? '(none)'}'`);
      return null;
    }
    return (quote) => excerpts.some((excerpt) => excerpt.includes(foldWhitespace(quote)));
  }
  problem('bundles no text: give text (the whole source) or excerpts (verbatim extracts) so its quotes can be checked');
  return null;
}

interface Excerpt {
  source_url: string;
  quote: string;
}

function readExcerpts(path: string): Excerpt[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Excerpt];
      } catch {
        return []; // a malformed line cannot vouch for a quote; quotes that need it are reported
      }
    });
}

function spansOverlap(a: DateSpan | undefined, b: DateSpan | undefined): boolean {
  if (!a || !b) return true; // a bad date is reported on its own
  return a.start <= b.end && b.start <= a.end;
}

/** A typed name must lead to one record: no name or alias may be shared by two of a kind. */
function checkNamesAreUnambiguous(
  kind: 'actor' | 'agreement',
  records: { id: string; name: string; aliases: string[] }[],
  report: (kind: RecordKind, record: string, message: string) => void,
) {
  const owner = new Map<string, string>();
  for (const record of records) {
    for (const name of new Set([record.id, record.name, ...record.aliases].map(foldName))) {
      const other = owner.get(name);
      if (other && other !== record.id) report(kind, record.id, `name or alias '${name}' also names '${other}'`);
      else owner.set(name, record.id);
    }
  }
}
