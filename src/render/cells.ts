import type { Claim, Figure, ResponseLink } from '../fields/shared.js';
import { visible } from '../text.js';

/**
 * Flattens a field's value to one line of text for tables, CSV and TSV: actor and agreement
 * references by name (with the role where there is one), record references and citations by id, what a
 * record answers by id and basis ("pahalgam-attack (stated)"), figures as "killed at least 26 (per
 * Pakistan)" and claims as "brokered-by: ... (per ...)". Its control characters are made visible, as a value may
 * come from someone else's database.
 */
export function cellText(value: unknown): string {
  return visible(flatText(value), 'text');
}

function flatText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(flatText).join('; ');
  if (isResponseLink(value)) return `${value.id} (${value.basis})`;
  if (isAmendment(value)) return `${value.change} ${value.id}`;
  if (isFigure(value)) return `${value.figure} ${amountText(value)}${claimantText(value)}`;
  if (isClaim(value)) return `${value.about}: ${value.claim}${claimantText(value)}`;
  if (typeof value === 'object') {
    const ref = value as { id?: string; name?: string; role?: string };
    if (ref.name !== undefined) return ref.role ? `${ref.name} (${ref.role})` : String(ref.name);
    return String(ref.id ?? JSON.stringify(value));
  }
  return String(value);
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'figure' in value && 'value' in value;
}

function isResponseLink(value: unknown): value is ResponseLink {
  return typeof value === 'object' && value !== null && 'basis' in value && 'id' in value;
}

function isAmendment(value: unknown): value is { id: string; change: string } {
  return typeof value === 'object' && value !== null && 'change' in value && 'id' in value;
}

function isClaim(value: unknown): value is Claim {
  return typeof value === 'object' && value !== null && 'about' in value && 'claim' in value;
}

const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = { exact: '', 'at-least': 'at least ', 'more-than': 'more than ', about: 'about ', 'up-to': 'up to ' };

/** A figure's amount as a reader says it: "at least 26", "26–28", "about 20". */
export function amountText(figure: Pick<Figure, 'value' | 'max' | 'qualifier'>): string {
  const range = figure.max === null || figure.max === figure.value ? `${figure.value}` : `${figure.value}–${figure.max}`;
  return `${QUALIFIER_WORDS[figure.qualifier]}${range}`;
}

/** " (per Pakistan)" for a claimed figure or claim; nothing when the source reports it in its own voice. */
function claimantText(item: { claimed_by: { name: string } | null }): string {
  return item.claimed_by ? ` (per ${item.claimed_by.name})` : '';
}

export function headerText(field: string): string {
  return field.replace(/_/g, ' ').toUpperCase();
}
