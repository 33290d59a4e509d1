/**
 * What a field table is made of. Each kind of record crisis prints is declared once, as a table of fields in
 * the query file that selects it (src/queries/<kind>.ts); its SQL select list, its TypeScript type, its JSON
 * Schema (`crisis schema`), its default columns and the digest of its stored JSON are all read from that table,
 * and a test holds the README's field reference to it.
 */

declare const valueType: unique symbol;

/** A JSON Schema (draft 2020-12) object. */
export type JsonSchema = { [keyword: string]: unknown };

/** A JSON Schema that knows, for TypeScript only, the type of the values it describes. */
export type Typed<T> = JsonSchema & { readonly [valueType]?: T };

/** The TypeScript type a Typed schema describes. */
export type ValueOf<S> = S extends Typed<infer T> ? T : never;

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const DATE_PATTERN = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';

export const text = (description: string): Typed<string> => ({ type: 'string', description });
/** Any string, where the list it is in says what it is. */
export const anyText: Typed<string> = { type: 'string' };
export const matching = (pattern: string, description: string): Typed<string> => ({ type: 'string', pattern, description });
export const integer = (description: string, minimum = 0): Typed<number> => ({ type: 'integer', minimum, description });
export const number = (description: string): Typed<number> => ({ type: 'number', description });
export const id = (description: string): Typed<string> => ({ type: 'string', pattern: ID_PATTERN, description });
export const date = (description: string): Typed<string> => ({ type: 'string', pattern: DATE_PATTERN, description });
/** A whole day, YYYY-MM-DD: JSON Schema's `date` format, which pandas, R and spreadsheets read as a date. */
export const day = (description: string): Typed<string> => ({ type: 'string', format: 'date', description });
export const oneOf = <const T extends string>(values: readonly T[], description: string): Typed<T> => ({ enum: [...values], description });
export const constant = <const T extends string>(value: T, description: string): Typed<T> => ({ const: value, description });
export const list = <T>(items: Typed<T>, description: string): Typed<T[]> => ({ type: 'array', items, description });

/** The same values or null; the description is the nullable field's own. */
export function nullable<T>(schema: Typed<T>, description = schema.description as string): Typed<T | null> {
  const { description: _, ...rest } = schema;
  if (Array.isArray(rest.enum)) return { ...rest, enum: [...rest.enum, null], description };
  return { ...rest, type: [rest.type, 'null'], description };
}

/** The same schema with another description (an actor reference is a speaker here, a party there). */
export function described<T>(schema: Typed<T>, description: string): Typed<T> {
  const { description: _, ...rest } = schema;
  return { ...rest, description };
}

/** An object of exactly these properties, each required (a missing value is null). */
export function object<P extends Record<string, Typed<unknown>>>(properties: P, description?: string): Typed<{ [K in keyof P]: ValueOf<P[K]> }> {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    ...(description === undefined ? {} : { description }),
  };
}

/**
 * Which columns a narrow table keeps longest (it leaves out the lowest first): an id, then a date, then a title or
 * name, then a short value such as a type or kind (the default), then who took part and long text (quotes,
 * summaries, aliases).
 */
export const PRIORITY = { id: 5, date: 4, title: 3, short: 2, detail: 1 } as const;

/** How a field shows as a column of a table (by default, or chosen with --fields). */
export interface Column {
  /** Which columns a table too narrow for them all leaves out: the lowest priority first (PRIORITY). */
  priority: number;
  /** Whether its text may be cut or wrapped to fit; ids and dates are kept whole, to be copied. */
  cut: boolean;
}

/** One field of a kind's records. */
export interface Field<Name extends string = string, T = unknown> {
  readonly name: Name;
  /** SQL that gives its value, over the kind's tables as its query aliases them (JSON text where `json`). */
  readonly sql: string;
  /** Whether the SQL gives JSON text (a list or an object), to parse. */
  readonly json: boolean;
  /** Its type and a one-sentence description, as `crisis schema` prints them. */
  readonly schema: Typed<T>;
  readonly column: Column;
  /**
   * For a field naming actors (`{id, name}`, or a list of them): CSV and TSV print their names in its column and
   * their ids in one after it, `<name>_id` for one actor, `<name>_ids` (joined by `;`) for a list.
   */
  readonly ids?: 'one' | 'list';
}

export function field<const Name extends string, T>(
  name: Name,
  sql: string,
  schema: Typed<T>,
  options: { json?: boolean; column?: Partial<Column>; ids?: Field['ids'] } = {},
): Field<Name, T> {
  const declared = { name, sql, json: options.json ?? false, schema, column: { priority: PRIORITY.short, cut: true, ...options.column } };
  return options.ids ? { ...declared, ids: options.ids } : declared;
}

/** A kind of record as crisis prints it: its fields in contract order, and what a table shows of them. */
export interface Kind<Fs extends readonly Field[] = readonly Field[]> {
  /** The kind's name, as `crisis schema` takes it. */
  readonly name: string;
  /** The command that lists it. */
  readonly command: string;
  readonly fields: Fs;
  /** The columns a table, TSV and CSV show by default, in order. */
  readonly columns: readonly Fs[number]['name'][];
  /** Fields whose text marks what a search matched: highlighted in a coloured table, unmarked anywhere else. */
  readonly marked?: readonly Fs[number]['name'][];
  /** For a kind whose JSON the build stores for each record (table record_json): its table and the alias its fields' SQL uses. */
  readonly stored?: { readonly table: string; readonly alias: string };
}

export const kind = <const Fs extends readonly Field[]>(declared: Kind<Fs>): Kind<Fs> => declared;

/** The record type a kind's fields describe. */
export type RecordOf<K extends Kind> = K extends Kind ? { [F in K['fields'][number] as F['name']]: ValueOf<F['schema']> } : never;

export const fieldNames = (kind: Kind): string[] => kind.fields.map((f) => f.name);

/** What `--fields` takes for every field of a kind, in its field table's order. */
export const ALL_FIELDS = 'all';

/** The fields as a select list, each `AS` its name. */
export const selectList = (fields: readonly Field[]) => fields.map((f) => `${f.sql} AS "${f.name}"`).join(', ');

/** The fields as one JSON object, keys in their order: the record as a line of JSON. */
export const jsonObjectOf = (fields: readonly Field[]) =>
  `json_object(${fields.map((f) => `'${f.name}', ${f.json ? `json(${f.sql})` : f.sql}`).join(', ')})`;

/** Parses, in a row a select list gave, the fields whose SQL gave JSON text. */
export function parseJsonFields<T>(row: Record<string, unknown>, fields: readonly Field[]): T {
  for (const f of fields) {
    const value = row[f.name];
    if (f.json && typeof value === 'string') row[f.name] = JSON.parse(value);
  }
  return row as T;
}

declare const CRISIS_FIELD_DIGESTS: Record<string, string> | undefined;

/**
 * A digest of a kind's field table (names, SQL and whether JSON): the build stores it beside the records'
 * JSON, so a database whose stored JSON another field table made is refused rather than printed in its old
 * shape. The bundle has each kind's written in (scripts/bundle.mjs), so a start computes none.
 */
export function fieldsDigest(kind: Kind): string {
  if (typeof CRISIS_FIELD_DIGESTS === 'object' && Object.hasOwn(CRISIS_FIELD_DIGESTS, kind.name)) return CRISIS_FIELD_DIGESTS[kind.name]!;
  // FNV-1a: enough to tell two field tables apart, and no crypto module to load.
  const text = JSON.stringify(kind.fields.map((f) => [f.name, f.sql, f.json]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
