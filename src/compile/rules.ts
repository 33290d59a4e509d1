import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate, type DateSpan } from '../dates.js';
import { foldName, foldWhitespace } from '../text.js';
import type { Dataset, Origins } from './read-fact-files.js';
import type { Problem } from './problems.js';
import { factFiles, type CitationInput, type ClaimInput, type FigureInput, type RecordKind, type SourceInput } from './fact-shapes.js';

/** The kinds that state a dated fact and so must cite a source. */
const FACT_KINDS = ['agreement', 'event', 'statement', 'measure'] as const;
/** The kinds a fact may answer (in_response_to). */
const ANSWERABLE: RecordKind[] = ['event', 'statement', 'measure', 'agreement'];

interface Identified {
  id: string;
}

/**
 * Checks what a schema cannot: ids unique across the database, dates real and of the stated
 * precision, references that resolve to the right kind, and every quote found word for word in
 * the text its source bundles.
 */
export function checkDataset(dataset: Dataset, dataDir: string, origins: Origins = new WeakMap()): Problem[] {
  const problems: Problem[] = [];
  const kindOf = new Map<string, RecordKind>();
  const fileOf = new Map<string, string>();
  const spanOf = new Map<string, DateSpan>();

  const report = (kind: RecordKind, record: Identified, message: string) =>
    problems.push({ file: origins.get(record) ?? factFiles[kind].file, record: record.id, message });

  for (const kind of Object.keys(factFiles) as RecordKind[]) {
    for (const record of dataset[kind]) {
      const earlier = kindOf.get(record.id);
      if (earlier) report(kind, record, `id is already used by ${withArticle(earlier)} in ${fileOf.get(record.id)}`);
      else {
        kindOf.set(record.id, kind);
        fileOf.set(record.id, origins.get(record) ?? factFiles[kind].file);
      }
    }
  }

  for (const kind of FACT_KINDS) {
    for (const record of dataset[kind]) {
      const span = parseDate(record.date);
      if (!span) report(kind, record, `date '${record.date}' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`);
      else if (span.precision !== record.date_precision)
        report(kind, record, `date '${record.date}' has ${span.precision} precision but date_precision says ${record.date_precision}`);
      else if (!spanOf.has(record.id)) spanOf.set(record.id, span); // a duplicate id is reported above; links use the first
    }
  }
  for (const source of dataset.source) {
    if (source.published !== undefined && !parseDate(source.published))
      report('source', source, `published '${source.published}' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`);
  }

  const expect = (kind: RecordKind, record: Identified, field: string, target: string | undefined, wanted: RecordKind[]) => {
    if (target === undefined) return;
    const found = kindOf.get(target);
    if (!found) report(kind, record, `${field}: no record '${target}'`);
    else if (!wanted.includes(found)) report(kind, record, `${field}: '${target}' is ${withArticle(found)}, expected ${wanted.join(' or ')}`);
  };

  const actorById = new Map(dataset.actor.map((actor) => [actor.id, actor]));
  for (const actor of dataset.actor) {
    expect('actor', actor, 'country', actor.country, ['actor']);
    if (actor.country && actorById.has(actor.country) && actorById.get(actor.country)!.kind !== 'state')
      report('actor', actor, `country: '${actor.country}' is not a state`);
    if (actor.kind === 'state' && actor.country) report('actor', actor, 'country: a state does not belong to another state');
    expect('actor', actor, 'part_of', actor.part_of, ['actor']);
    const whole = actor.part_of === undefined ? undefined : actorById.get(actor.part_of);
    if (whole && whole.kind !== 'organisation' && whole.kind !== 'group')
      report('actor', actor, `part_of: '${whole.id}' is a ${whole.kind}; a person or body is part of an organisation or group (use country for a state)`);
    if (partOfCycle(actor.id, actorById)) report('actor', actor, 'part_of: leads back to itself');
  }
  checkNamesAreUnambiguous('actor', dataset.actor, report);
  checkNamesAreUnambiguous('agreement', dataset.agreement, report);

  for (const agreement of dataset.agreement) {
    agreement.parties.forEach((party, i) => expect('agreement', agreement, `parties.${i}`, party, ['actor']));
  }
  for (const event of dataset.event) {
    event.actors.forEach((entry, i) => expect('event', event, `actors.${i}.actor`, entry.actor, ['actor']));
    event.agreements.forEach((agreement, i) => expect('event', event, `agreements.${i}`, agreement, ['agreement']));
  }
  for (const statement of dataset.statement) {
    expect('statement', statement, 'speaker', statement.speaker, ['actor']);
    expect('statement', statement, 'on_behalf_of', statement.on_behalf_of, ['actor']);
    statement.addressees.forEach((addressee, i) => expect('statement', statement, `addressees.${i}`, addressee, ['actor']));
    expect('statement', statement, 'event', statement.event, ['event']);
    statement.agreements.forEach((agreement, i) => expect('statement', statement, `agreements.${i}`, agreement, ['agreement']));
    if (statement.event && !spansOverlap(spanOf.get(statement.id), spanOf.get(statement.event)))
      report('statement', statement, `date ${statement.date} does not fall within the date of its event '${statement.event}'`);
  }
  for (const measure of dataset.measure) {
    expect('measure', measure, 'by', measure.by, ['actor']);
    expect('measure', measure, 'against', measure.against, ['actor']);
    measure.agreements.forEach((agreement, i) => expect('measure', measure, `agreements.${i}`, agreement, ['agreement']));
  }
  for (const kind of ['event', 'statement', 'measure'] as const) {
    for (const record of dataset[kind]) {
      const own = spanOf.get(record.id);
      record.in_response_to.forEach((answered, i) => {
        const field = `in_response_to.${i}`;
        if (answered === record.id) return report(kind, record, `${field}: a record cannot answer itself`);
        expect(kind, record, field, answered, ANSWERABLE);
        const answeredSpan = spanOf.get(answered);
        if (answeredSpan && own && answeredSpan.start > own.end)
          report(kind, record, `${field}: '${answered}' (${answeredSpan.date}) is dated after the ${kind} (${own.date})`);
      });
    }
  }

  // Every pack page points at the same excerpts file: read and parse it once.
  const excerptFiles = new Map<string, Excerpt[]>();
  const readOnce = (path: string) => excerptFiles.get(path) ?? excerptFiles.set(path, readExcerpts(path)).get(path)!;
  const checkers = new Map(
    dataset.source.map((source) => [source.id, quoteChecker(source, dataDir, readOnce, (message) => report('source', source, message))]),
  );
  // The numbers the fact pack's curators read on each page (its `figures`), which a quote alone may not show.
  const packFigures = new Map(dataset.source.map((source) => [source.id, excerptFigures(source, dataDir, readOnce)]));
  const checkQuote = (kind: RecordKind, record: Identified, field: string, sourceId: string, quote: string) => {
    const found = checkers.get(sourceId);
    if (found === undefined) report(kind, record, `${field}.source: no source '${sourceId}'`);
    else if (found && !found(quote)) report(kind, record, `${field}.quote is not found word for word in source '${sourceId}': "${quote}"`);
  };
  const checkCitations = (kind: RecordKind, record: Identified, citations: CitationInput[]) =>
    citations.forEach((citation, i) => checkQuote(kind, record, `sources.${i}`, citation.source, citation.quote));

  for (const kind of FACT_KINDS) {
    for (const record of dataset[kind]) {
      if (record.sources.length === 0) report(kind, record, 'sources: cites no source; every fact needs at least one citation with a verbatim quote');
      checkCitations(kind, record, record.sources);
      const cited = new Set(record.sources.map((citation) => citation.source));
      const checkBacked = (field: string, item: FigureInput | ClaimInput) => {
        if (!cited.has(item.source)) report(kind, record, `${field}.source: '${item.source}' is not among the record's sources; cite it there too`);
        checkQuote(kind, record, field, item.source, item.quote);
        expect(kind, record, `${field}.claimed_by`, item.claimed_by, ['actor']);
      };
      record.figures.forEach((figure, i) => {
        const field = `figures.${i}`;
        checkBacked(field, figure);
        if (figure.max !== undefined && figure.max < figure.value) report(kind, record, `${field}.max: ${figure.max} is less than value ${figure.value}`);
        for (const number of [figure.value, figure.max]) {
          if (number === undefined || mentionsNumber(figure.quote, number) || packFigures.get(figure.source)?.has(number)) continue;
          report(kind, record, `${field}: neither the quote nor the fact pack's figures for source '${figure.source}' give the number ${number}`);
        }
      });
      record.claims.forEach((claim, i) => checkBacked(`claims.${i}`, claim));
    }
  }
  for (const actor of dataset.actor) checkCitations('actor', actor, actor.sources);

  for (const statement of dataset.statement) {
    if (statement.quote === undefined) continue;
    const quote = statement.quote;
    const inCitedSource = statement.sources.some((citation) => checkers.get(citation.source)?.(quote));
    if (!inCitedSource) report('statement', statement, `quote is not found word for word in any source it cites: "${quote}"`);
  }
  return problems;
}

function withArticle(kind: RecordKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function partOfCycle(id: string, actorById: Map<string, { part_of?: string }>): boolean {
  const seen = new Set<string>();
  for (let at = actorById.get(id)?.part_of; at !== undefined; at = actorById.get(at)?.part_of) {
    if (at === id) return true;
    if (seen.has(at)) return false; // a cycle further up is reported on its own members
    seen.add(at);
  }
  return false;
}

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/**
 * Whether a quote states a number, in digits (1376 or 1,376) or, up to twenty, in words: a figure
 * must come from the words its source uses, not from arithmetic or memory.
 */
function mentionsNumber(quote: string, number: number): boolean {
  const spellings = new Set([String(number), number.toLocaleString('en-US')]);
  const word = Number.isInteger(number) ? NUMBER_WORDS[number] : undefined;
  return [...spellings].some((digits) => new RegExp(`(?<![\\d.,])${digits.replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(quote)) ||
    (word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(quote));
}

type QuoteCheck = (quote: string) => boolean;

/** Returns a function telling whether a quote stands in the source's bundled text, or null if the text cannot be read. */
function quoteChecker(source: SourceInput, dataDir: string, read: (path: string) => Excerpt[], problem: (message: string) => void): QuoteCheck | null {
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
    const excerpts = read(path).filter((excerpt) => excerpt.source_url === source.url).map((excerpt) => foldWhitespace(excerpt.quote));
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
  figures?: Record<string, unknown>;
}

function excerptFigures(source: SourceInput, dataDir: string, read: (path: string) => Excerpt[]): Set<number> {
  const path = source.excerpts === undefined ? undefined : join(dataDir, source.excerpts);
  if (path === undefined || !existsSync(path)) return new Set();
  const numbers = read(path)
    .filter((excerpt) => excerpt.source_url === source.url)
    .flatMap((excerpt) => Object.values(excerpt.figures ?? {}))
    // The pack writes a range or bound as text ("35-40", ">100"): each number in it counts.
    .flatMap((value) => (typeof value === 'number' ? [value] : typeof value === 'string' ? (value.match(/\d+(?:\.\d+)?/g) ?? []).map(Number) : []));
  return new Set(numbers);
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
  report: (kind: RecordKind, record: Identified, message: string) => void,
) {
  const owner = new Map<string, string>();
  for (const record of records) {
    for (const name of new Set([record.id, record.name, ...record.aliases].map(foldName))) {
      const other = owner.get(name);
      if (other && other !== record.id) report(kind, record, `name or alias '${name}' also names '${other}'`);
      else owner.set(name, record.id);
    }
  }
}
