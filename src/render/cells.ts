/**
 * Flattens a field's value to one line of text for tables, CSV and TSV: actor and agreement
 * references by name (with the role where there is one), record references and citations by id.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') {
    const ref = value as { id?: string; name?: string; role?: string };
    if (ref.name !== undefined) return ref.role ? `${ref.name} (${ref.role})` : ref.name;
    return ref.id ?? JSON.stringify(value);
  }
  return String(value);
}

export function headerText(field: string): string {
  return field.replace(/_/g, ' ').toUpperCase();
}
