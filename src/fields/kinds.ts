import type { RecordOf } from './define.js';
import { ACTOR } from './actor.js';
import { AGREEMENT } from './agreement.js';
import { EVENT } from './event.js';
import { MEASURE } from './measure.js';
import { SEARCH_HIT } from './search.js';
import { SOURCE } from './source.js';
import { STATEMENT } from './statement.js';
import { TIMELINE } from './timeline.js';

/**
 * Every kind a list command prints, by the name `crisis schema` takes. Importing this loads every field
 * table: a command imports only its own kind's, and this is for what describes them all (schema,
 * completion, the docs).
 */
export const LIST_KINDS = {
  event: EVENT,
  statement: STATEMENT,
  measure: MEASURE,
  actor: ACTOR,
  agreement: AGREEMENT,
  source: SOURCE,
  timeline: TIMELINE,
  search: SEARCH_HIT,
};

export type ListKindName = keyof typeof LIST_KINDS;
export const LIST_KIND_NAMES = Object.keys(LIST_KINDS) as ListKindName[];

/** A list kind as a user may name it: its own name or its command's (event or events). */
export function listKindNamed(name: string): ListKindName | undefined {
  const folded = name.trim().toLowerCase();
  return LIST_KIND_NAMES.find((kind) => kind === folded || LIST_KINDS[kind].command === folded);
}

/** A record of any kind `crisis show` prints. */
export type AnyRecord = RecordOf<typeof EVENT | typeof STATEMENT | typeof MEASURE | typeof ACTOR | typeof AGREEMENT | typeof SOURCE>;
