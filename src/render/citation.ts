import { parseDate } from '../dates.js';
import type { DataRelease } from '../queries/release.js';
import type { SourceRecord } from '../queries/sources.js';
import { visible } from '../text.js';
import { jsonText } from './output.js';

/** crisis's data as CITATION.cff names it (a test keeps the two in step). */
export const DATA_TITLE = 'crisis: sourced, quoted facts on the 2025 India–Pakistan crisis after the Pahalgam attack';
export const DATA_AUTHOR = 'The crisis contributors';

export const CITE_FORMATS = ['text', 'bibtex', 'csl-json'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** What a citation names: the data (its release, the day it was read, and which records or which command line), and the pages behind the records. */
export interface Citation {
  release: DataRelease;
  /** The day the data were read, YYYY-MM-DD. */
  accessed: string;
  /** The ids of the records cited: those asked for, or every record of an answer. */
  records: readonly string[];
  /** The words of the command line whose answer is cited (--cite), after `crisis`. */
  command?: readonly string[];
  /** The pages the records cite, in the order they are listed (pagesCitedBy). */
  pages: readonly SourceRecord[];
}

/** The citation as `format` writes it; every value of the database is made visible first. */
export function renderCitation(citation: Citation, format: CiteFormat): string {
  if (format === 'csl-json') return `${jsonText(cslItems(citation), 2)}\n`;
  return format === 'bibtex' ? bibtexEntries(citation) : citationText(citation);
}

/**
 * An item's key, the same in BibTeX and CSL-JSON: the page's id, or `crisis-data-<version>` for the data, made of
 * what a BibTeX key may hold (any other character becomes `-`), and unique in the citation (`-2`, `-3` after a repeat).
 */
function itemKeys(citation: Citation): string[] {
  const taken = new Set<string>();
  return [`crisis-data${citation.release.version ? `-${citation.release.version}` : ''}`, ...citation.pages.map((page) => page.id)].map((id) => {
    const base = id.replace(/[^A-Za-z0-9_:.+/-]/g, '-') || 'page';
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
}

/** What the data item says beyond its title: the release, the digest, and what was cited of it. */
function dataNote(citation: Citation): string {
  const { release, command, records } = citation;
  const version = release.version ? `Data version ${release.version}${release.released ? `, released ${release.released}` : ''}` : 'Unversioned data';
  const digest = release.digest ? `; fact files' SHA-256 digest ${release.digest}` : '';
  const cited = command
    ? `Command line: ${shellLine(['crisis', ...command])} (${records.length} ${records.length === 1 ? 'record' : 'records'})`
    : `Records cited: ${records.join(', ')}`;
  return visible(`${version}${digest}. ${cited}.`, 'line');
}

/** Why a page has the date it has, or has none. */
function pageNote(page: SourceRecord): string | undefined {
  return page.published_note ?? (page.published ? undefined : 'Date of publication not known');
}

/** For --cite, pages beyond this many are counted, with the command line that lists them all. */
const PAGES_LISTED_WITH_AN_ANSWER = 20;

function citationText(citation: Citation): string {
  const line = (text: string) => visible(text, 'line');
  const data = `${DATA_TITLE}. ${DATA_AUTHOR}. ${dataNote(citation)} Accessed ${citation.accessed}.`;
  const pages = citation.pages.map((page) => {
    const published = [page.publisher, page.published].filter(Boolean).join(', ');
    const note = pageNote(page);
    const parts = [`${page.title}.`, published && `${published}.`, page.url, page.url && `Accessed ${citation.accessed}.`, note && `${note}.`, `[${page.id}]`];
    return line(parts.filter(Boolean).join(' '));
  });
  const listed = citation.command ? pages.slice(0, PAGES_LISTED_WITH_AN_ANSWER) : pages;
  const width = String(listed.length).length;
  const lines = [
    ...(citation.command ? ['Cite this answer as:', ''] : []),
    data,
    '',
    pages.length ? `Pages the records cite (${pages.length}):` : 'The records cite no page.',
    ...listed.map((text, i) => `${String(i + 1).padStart(width)}. ${text}`),
  ];
  if (listed.length < pages.length && citation.command) {
    lines.push(`… and ${pages.length - listed.length} more; every page: ${line(everyPageCommand(citation.command))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A date as CSL gives one: its parts, or the text as it is where it is no date crisis reads. */
function cslDate(date: string) {
  const span = parseDate(date);
  return span ? { 'date-parts': [span.date.split('-').map(Number)] } : { literal: date };
}

/** CSL-JSON items, valid against the CSL schema (csl-data.json): the data as a dataset, each page as a webpage, or a document where it has no URL. */
function cslItems(citation: Citation): object[] {
  const [dataKey, ...pageKeys] = itemKeys(citation);
  const { release, accessed } = citation;
  const data = {
    id: dataKey,
    'citation-key': dataKey,
    type: 'dataset',
    title: DATA_TITLE,
    author: [{ literal: DATA_AUTHOR }],
    publisher: DATA_AUTHOR,
    ...(release.version && { version: release.version }),
    ...(release.released && { issued: cslDate(release.released) }),
    accessed: cslDate(accessed),
    note: dataNote(citation),
  };
  const pages = citation.pages.map((page, i) => {
    const note = pageNote(page);
    return {
      id: pageKeys[i],
      'citation-key': pageKeys[i],
      type: page.url ? 'webpage' : 'document',
      title: page.title,
      ...(page.publisher && { 'container-title': page.publisher, publisher: page.publisher }),
      ...(page.url && { URL: page.url, accessed: cslDate(accessed) }),
      ...(page.published && { issued: cslDate(page.published) }),
      ...(note && { note }),
    };
  });
  return [data, ...pages];
}

/**
 * A value of a BibTeX field, in braces. TeX's special characters are escaped, the ligatures TeX would make of `--`,
 * `''`, `<` and a backquote are broken, so the value reads back as the text it is; other characters stay UTF-8,
 * which biblatex and reference managers read.
 */
function bibtexValue(text: string): string {
  const escapes: Record<string, string> = {
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
    '<': '\\textless{}', '>': '\\textgreater{}', '`': '{`}', '-': '-{}', "'": "'{}",
  };
  const escaped = visible(text, 'line').replace(/[\\{}%&#_$~^<>`]|-(?=-)|'(?=')/g, (character) => escapes[character] ?? `\\${character}`);
  return `{${escaped}}`;
}

/** A URL in a BibTeX field, which biblatex takes verbatim: only what would unbalance the braces is percent-encoded. */
function bibtexUrl(url: string): string {
  return `{${visible(url, 'line').replace(/[{}\\\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}}`;
}

/** A name or a publisher BibTeX must take whole, not split at "and" nor as a person's name. */
const bibtexWhole = (text: string) => `{${bibtexValue(text)}}`;

function bibtexEntry(key: string, fields: [string, string | undefined][]): string {
  const lines = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `  ${name} = ${value},`);
  return `@misc{${key},\n${lines.join('\n')}\n}\n`;
}

/** Year and date fields: BibTeX reads the year, biblatex the date. */
function bibtexDates(date: string | null): [string, string | undefined][] {
  if (!date) return [];
  return [['year', bibtexValue(date.slice(0, 4))], ['date', bibtexValue(date)]];
}

/** @misc entries, which BibTeX, biblatex and reference managers all read: the data first, then each page. */
function bibtexEntries(citation: Citation): string {
  const [dataKey, ...pageKeys] = itemKeys(citation);
  const { release, accessed } = citation;
  const data = bibtexEntry(dataKey!, [
    ['author', bibtexWhole(DATA_AUTHOR)],
    ['title', bibtexValue(DATA_TITLE)],
    ['publisher', bibtexWhole(DATA_AUTHOR)],
    ['version', release.version && bibtexValue(release.version)],
    ...bibtexDates(release.released ?? null),
    ['note', bibtexValue(`Dataset. ${dataNote(citation)} Accessed ${accessed}.`)],
  ]);
  const pages = citation.pages.map((page, i) =>
    bibtexEntry(pageKeys[i]!, [
      ['title', bibtexValue(page.title)],
      ['publisher', page.publisher ? bibtexWhole(page.publisher) : undefined],
      ['url', page.url ? bibtexUrl(page.url) : undefined],
      ['urldate', page.url ? bibtexValue(accessed) : undefined],
      ...bibtexDates(page.published),
      ['note', pageNote(page) && bibtexValue(pageNote(page)!)],
    ]),
  );
  return [data, ...pages].join('\n');
}

/** A command line as a POSIX shell takes it back: a word of anything but plain characters in single quotes. */
export function shellLine(words: readonly string[]): string {
  return words.map((word) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/**
 * The command line that cites every page of an answer: the same command printing only the records' ids, piped to
 * crisis cite (with the same --db). Its other output options are left out, and so is --cite.
 */
function everyPageCommand(command: readonly string[]): string {
  const end = command.includes('--') ? command.indexOf('--') : command.length;
  const kept: string[] = [];
  const database: string[] = [];
  for (let i = 0; i < end; i++) {
    const word = command[i]!;
    if (word === '--format' || word === '--fields') i++;
    else if (!['--cite', '--json'].includes(word) && !/^--(format|fields)=/.test(word)) kept.push(word);
    if (word === '--db') database.push(word, command[i + 1] ?? '');
    else if (word.startsWith('--db=')) database.push(word);
  }
  const ids = ['crisis', ...kept, '--fields', 'id', '--format', 'tsv', ...command.slice(end)];
  return `${shellLine(ids)} | tail -n +2 | xargs ${shellLine(['crisis', ...database, 'cite'])}`;
}
