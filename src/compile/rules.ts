import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDate, type DateSpan } from '../dates.js';
import { foldName, foldWhitespace } from '../text.js';
import { countsIn, mentionsNumber, onlyMoreThan } from './numbers.js';
import type { Dataset, Origins } from './read-fact-files.js';
import type { Problem } from './problems.js';
import { factFiles, type CitationInput, type ClaimInput, type FigureInput, type RecordKind, type SourceInput } from './fact-shapes.js';

/** The kinds that state a dated fact and so must cite a source; a fact may answer any of them (in_response_to). */
const FACT_KINDS = ['agreement', 'event', 'statement', 'measure'] as const;

interface Identified {
  id: string;
}

type FactRecord = Dataset[(typeof FACT_KINDS)[number]][number];

/**
 * Checks what a schema cannot: ids unique across the database, dates real, of the stated precision and known
 * as they say, references that resolve to the right kind, and that every record says no more than its sources:
 * quotes from a bundled text found in it word for word, every number and claim stated by its party's words or
 * by what its page reports, no two records of one fact.
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

  const sourceById = new Map(dataset.source.map((source) => [source.id, source]));
  for (const kind of FACT_KINDS) {
    for (const record of dataset[kind]) {
      const span = parseDate(record.date);
      if (!span) report(kind, record, `date '${record.date}' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD`);
      else if (span.precision !== record.date_precision)
        report(kind, record, `date '${record.date}' has ${span.precision} precision but date_precision says ${record.date_precision}`);
      else if (!spanOf.has(record.id)) spanOf.set(record.id, span); // a duplicate id is reported above; links use the first
      checkDateBasis(record, sourceById, (message) => report(kind, record, message));
    }
  }
  for (const source of dataset.source) {
    // --as-of counts a page only from its date: one that has none says why, so the gap is known, not forgotten.
    if (source.published === undefined && source.published_note === undefined)
      report('source', source, 'published: give the date the page shows, or a published_note saying why none is known');
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
  // An extension or reversal is a measure of its own, taken after the measure it changes.
  const checkAmendment = (measure: Identified, amended: string) => {
    if (amended === measure.id) return report('measure', measure, 'amends.id: a measure cannot amend itself');
    expect('measure', measure, 'amends.id', amended, ['measure']);
    const [own, earlier] = [spanOf.get(measure.id), spanOf.get(amended)];
    if (own && earlier && earlier.start > own.end)
      report('measure', measure, `amends.id: '${amended}' (${earlier.date}) is dated after the measure that amends it (${own.date})`);
  };
  for (const measure of dataset.measure) {
    expect('measure', measure, 'by', measure.by, ['actor']);
    expect('measure', measure, 'against', measure.against, ['actor']);
    measure.agreements.forEach((agreement, i) => expect('measure', measure, `agreements.${i}`, agreement, ['agreement']));
    if (measure.amends) checkAmendment(measure, measure.amends.id);
  }
  for (const kind of ['event', 'statement', 'measure'] as const) {
    for (const record of dataset[kind]) {
      const own = spanOf.get(record.id);
      const cited = new Set(record.sources.map((citation) => citation.source));
      record.in_response_to.forEach((link, i) => {
        const field = `in_response_to.${i}`;
        if (link.id === record.id) return report(kind, record, `${field}: a record cannot answer itself`);
        expect(kind, record, `${field}.id`, link.id, [...FACT_KINDS]);
        const answeredSpan = spanOf.get(link.id);
        if (answeredSpan && own && answeredSpan.start > own.end)
          report(kind, record, `${field}: '${link.id}' (${answeredSpan.date}) is dated after the ${kind} (${own.date})`);
        if (link.basis === 'stated' && link.source === undefined)
          report(kind, record, `${field}.source: a stated link names the page that says this record answers '${link.id}'`);
        if (link.basis === 'stated' && link.source !== undefined && !cited.has(link.source))
          report(kind, record, `${field}.source: '${link.source}' is not among the record's sources; cite it there too`);
        if (link.basis === 'inferred' && (link.source !== undefined || link.quote !== undefined))
          report(kind, record, `${field}: an inferred link is the editors' reading and has no source or quote; if a page says so, it is stated`);
      });
    }
  }

  const checkers = new Map(dataset.source.map((source) => [source.id, quoteChecker(source, dataDir, (message) => report('source', source, message))]));
  const checkQuote = (kind: RecordKind, record: Identified, field: string, sourceId: string, quote: string | undefined) => {
    const found = checkers.get(sourceId);
    if (found === undefined) report(kind, record, `${field}.source: no source '${sourceId}'`);
    else if (quote !== undefined && found && !found(quote)) report(kind, record, `${field}.quote is not found word for word in source '${sourceId}': "${quote}"`);
  };
  const checkCitations = (kind: RecordKind, record: Identified, citations: CitationInput[]) =>
    citations.forEach((citation, i) => checkQuote(kind, record, `sources.${i}`, citation.source, citation.quote));

  const claimantNames = (id: string) => namesOfActorAndItsState(id, actorById);

  for (const kind of FACT_KINDS) {
    const citedAlike = new Map<string, string>();
    for (const record of dataset[kind]) {
      if (record.sources.length === 0) report(kind, record, 'sources: cites no source; every fact needs at least one citation of a page');
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
        const stating = [figure.quote, figure.reports].filter((text): text is string => text !== undefined);
        for (const number of [figure.value, figure.max]) {
          if (number === undefined || stating.some((text) => mentionsNumber(text, number))) continue;
          report(kind, record, `${field}: neither its quote nor its reports states the number ${number}`);
        }
        if (figure.qualifier !== 'more-than' && stating.some((text) => onlyMoreThan(text, figure.value)))
          report(kind, record, `${field}.qualifier: the page says "over" or "more than" ${figure.value}, which is more-than, not ${figure.qualifier}`);
      });
      record.claims.forEach((claim, i) => {
        const field = `claims.${i}`;
        checkBacked(field, claim);
        const stating = [claim.quote, claim.reports].filter((text): text is string => text !== undefined);
        for (const number of countsIn(claim.claim)) {
          if (!stating.some((text) => mentionsNumber(text, number))) report(kind, record, `${field}.claim: states ${number}, which neither its quote nor its reports states`);
        }
        if (claim.claimed_by !== undefined && actorById.has(claim.claimed_by) && !namesAny(claim.reports, claimantNames(claim.claimed_by)))
          report(kind, record, `${field}.reports: does not name the claimant '${claim.claimed_by}' (or its state): say whose claim it is`);
      });
      checkTitleAndSummary(record, (message) => report(kind, record, message));
      const alike = citationsKey(record.sources);
      const twin = citedAlike.get(alike);
      if (twin) report(kind, record, `sources: rests on exactly the citations '${twin}' rests on; one fact is one record, so merge them`);
      else citedAlike.set(alike, record.id);
    }
  }
  for (const actor of dataset.actor) checkCitations('actor', actor, actor.sources);

  for (const statement of dataset.statement) {
    if (statement.quote === undefined) continue;
    const said = foldWhitespace(statement.quote);
    const inCitation = statement.sources.some((citation) => citation.quote !== undefined && foldWhitespace(citation.quote).includes(said));
    if (!inCitation) report('statement', statement, `quote is not found word for word in the quote of any citation, which names the page it comes from: "${statement.quote}"`);
  }
  return problems;
}

/** A date's basis, checked as far as the facts allow: a note where the date was worked out, the page's own date where only it is known. */
function checkDateBasis(record: FactRecord, sourceById: Map<string, SourceInput>, problem: (message: string) => void): void {
  if ((record.date_basis === 'derived' || record.date_basis === 'inferred') && record.date_note === undefined)
    problem(`date_note: ${record.date_basis === 'derived' ? 'a derived' : 'an inferred'} date says how it was found (the weekday or words the page gives, or what it was inferred from)`);
  if (record.date_basis === 'published') {
    const published = record.sources.map((citation) => sourceById.get(citation.source)?.published);
    if (!published.some((date) => date !== undefined && date.startsWith(record.date)))
      problem(`date_basis: published, but no source it cites was published on ${record.date}`);
  }
}

/** Titles and summaries say no number that none of the record's quotes or reports states. */
function checkTitleAndSummary(record: FactRecord, problem: (message: string) => void): void {
  const stating = [
    'quote' in record ? record.quote : undefined,
    ...record.sources.flatMap((citation) => [citation.quote, citation.reports]),
    ...record.figures.flatMap((figure) => [figure.quote, figure.reports]),
    ...record.claims.flatMap((claim) => [claim.quote, claim.reports]),
  ].filter((text): text is string => text !== undefined);
  const fields = 'title' in record ? { title: record.title, summary: record.summary } : { summary: record.summary };
  for (const [field, text] of Object.entries(fields)) {
    for (const number of new Set(countsIn(text))) {
      if (!stating.some((words) => mentionsNumber(words, number))) problem(`${field}: states ${number}, which none of its quotes or reports states`);
    }
  }
}

/** What makes two records rest on the same citations: each page with its quote, or what it reports where it has none. */
function citationsKey(citations: CitationInput[]): string {
  return citations
    .map((citation) => `${citation.source}\u0000${foldWhitespace(citation.quote ?? citation.reports)}`)
    .sort()
    .join('\u0001');
}

/** The names, aliases and ids of an actor, the bodies it is part of and its state, folded for matching. */
function namesOfActorAndItsState(id: string, actorById: Map<string, { id: string; name: string; aliases: string[]; country?: string; part_of?: string }>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const pending = [id]; pending.length; ) {
    const actor = actorById.get(pending.pop()!);
    if (!actor || seen.has(actor.id)) continue;
    seen.add(actor.id);
    names.push(...[actor.id.replace(/-/g, ' '), actor.name, ...actor.aliases].map(foldName));
    for (const next of [actor.country, actor.part_of]) if (next !== undefined) pending.push(next);
  }
  return names.filter(Boolean);
}

/** Whether a text names one of these folded names, as whole words. */
function namesAny(text: string, names: string[]): boolean {
  const words = ` ${foldName(text)} `;
  return names.some((name) => words.includes(` ${name} `));
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

type QuoteCheck = (quote: string) => boolean;

/**
 * A function telling whether a quote stands in the source's bundled text; true for any quote of a page, whose
 * text the project does not keep; null if the bundled text cannot be read.
 */
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
  if (source.url === undefined) problem('url: a source gives the page it is (url), or bundles its whole text (text)');
  return () => true;
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
