import type { Link } from '../queries/links.js';
import type { Citation, Claim, Figure } from '../fields/shared.js';
import { amountText, cellText } from './cells.js';
import type { Paint } from './paint.js';
import { wrapText } from './wrap.js';
import { visibleStrings } from '../text.js';

/** Fields the heading already shows, or that get a section of their own. */
const SHOWN_ELSEWHERE = new Set(['id', 'sources', 'figures', 'claims']);
const LABEL_WIDTH = 16;
/** The span of a date: shown where it says more than the date, for a month or a year. */
const SAID_BY_DATE = new Set(['date_start', 'date_end']);

/**
 * One record in full as text: heading, every field under its contract name, each page it rests on with what the
 * page reports and the party's words it quotes, and the records linked to it.
 */
export function renderRecordText(stored: Record<string, unknown>, recordKind: string, storedLinks: Link[], paint: Paint, width: number): string {
  const [record, links] = [visibleStrings(stored), visibleStrings(storedLinks)];
  const lines: string[] = [];
  // Actors and agreements are headed by their name (an actor's title is its office), the rest by their title.
  const headingField = 'name' in record ? 'name' : 'title';
  lines.push(paint.bold(String(record[headingField])));
  lines.push(`${recordKind} ${paint.cyan(String(record.id))}`, '');

  const textWidth = Math.max(20, width - LABEL_WIDTH - 2);
  for (const [field, value] of Object.entries(record)) {
    if (SHOWN_ELSEWHERE.has(field) || field === headingField || (field === 'kind' && value === recordKind)) continue;
    if (SAID_BY_DATE.has(field) && record.date_precision === 'day') continue;
    const text = cellText(value);
    if (!text) continue;
    wrapText(text, textWidth).forEach((line, i) =>
      lines.push(`  ${(i === 0 ? field : '').padEnd(LABEL_WIDTH)}${line}`),
    );
  }

  lines.push(...reportedSection('Figures', (record.figures as Figure[] | undefined) ?? [], (f) => f.figure, amountText, paint, width));
  lines.push(...reportedSection('Claims', (record.claims as Claim[] | undefined) ?? [], (c) => c.about, (c) => c.claim, paint, width));

  const sources = (record.sources as Citation[] | undefined) ?? [];
  if (sources.length) {
    lines.push('', paint.bold('Sources'));
    sources.forEach((source, i) => {
      const label = `${i + 1}. `;
      const indent = ' '.repeat(2 + label.length);
      const byline = [source.publisher, source.published].filter(Boolean).join(', ');
      lines.push(`  ${label}${source.title}${byline ? ` — ${byline}` : ''} ${paint.dim(`[${source.id}]`)}`);
      if (source.url) lines.push(`${indent}${paint.dim(source.url)}`);
      lines.push(...citedLines(source, indent, width, paint));
    });
  }

  if (links.length) {
    lines.push('', paint.bold('Linked'));
    for (const link of links) {
      const role = link.role ? ` as ${link.role}` : link.basis ? `, ${link.basis}` : '';
      lines.push(`  ${link.relation.padEnd(LABEL_WIDTH + 3)} ${(link.date ?? '').padEnd(10)}  ${paint.cyan(link.id)} (${link.kind}${role})`);
      lines.push(`  ${''.padEnd(LABEL_WIDTH + 3)} ${''.padEnd(10)}  ${link.title}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Figures or claims grouped by what they are about, each with its claimant, source and quote. Where
 * reports of one thing differ, the group says so: the disagreement is shown, never resolved.
 */
function reportedSection<T extends Figure | Claim>(
  heading: string,
  items: T[],
  topicOf: (item: T) => string,
  statementOf: (item: T) => string,
  paint: Paint,
  width: number,
): string[] {
  if (items.length === 0) return [];
  const lines = ['', paint.bold(heading)];
  const topics = new Map<string, T[]>();
  for (const item of items) topics.set(topicOf(item), [...(topics.get(topicOf(item)) ?? []), item]);
  for (const [topic, reports] of topics) {
    const differ = new Set(reports.map(statementOf)).size > 1;
    lines.push(`  ${topic}${differ ? ` ${paint.bold('— reports differ')}` : ''}`);
    for (const report of reports) {
      const by = report.claimed_by ? ` — per ${report.claimed_by.name}` : '';
      wrapText(`${statementOf(report)}${by} [${report.source}]`, width - 4).forEach((line) => lines.push(`    ${line}`));
      lines.push(...citedLines(report, '      ', width, paint));
    }
  }
  return lines;
}

/** What a page reports, then the party's words it gives, if any, in quotation marks: ours plain, theirs in italics. */
function citedLines(cited: { reports: string; quote: string | null }, indent: string, width: number, paint: Paint): string[] {
  const lines = wrapText(`Reports: ${cited.reports}`, width - indent.length).map((line) => `${indent}${line}`);
  if (cited.quote !== null) for (const line of wrapText(`“${cited.quote}”`, width - indent.length)) lines.push(`${indent}${paint.italic(line)}`);
  return lines;
}
