import type { Db } from '../db/open.js';
import { anyText, field, kind, PRIORITY, list, nullable, oneOf, parseJsonFields, type RecordOf, selectList, text } from '../fields/define.js';
import { nullableActorField, recordId, sources } from '../fields/shared.js';
import { actorList } from './filters.js';

export const ACTOR_KINDS = ['state', 'person', 'organisation', 'group'] as const;

/** Actors over `actors a`, in the order `crisis actors` prints their fields. */
export const ACTOR = kind({
  name: 'actor',
  command: 'actors',
  fields: [
    recordId('a'),
    field('kind', 'a.kind', oneOf(ACTOR_KINDS, 'what sort of actor')),
    field('name', 'a.name', text('display name'), { column: { priority: PRIORITY.title } }),
    nullableActorField('country', 'a.country', 'the state a person or body belongs to, or null'),
    nullableActorField('part_of', 'a.part_of', 'the body it is part of, or null'),
    field('title', 'a.title', nullable(text('office held, e.g. "Foreign Minister of Russia", or null')), { column: { priority: PRIORITY.detail } }),
    field('aliases', 'a.aliases', list(anyText, 'other names people type; --actor accepts any of them'), { json: true, column: { priority: PRIORITY.detail } }),
    sources('a', 'the pages naming it, each with what it reports and a party’s words where it gives them (may be empty)'),
  ],
  columns: ['id', 'name', 'kind', 'country', 'title', 'aliases'],
});

export type ActorRecord = RecordOf<typeof ACTOR>;

export interface ActorFilters {
  id?: string;
  kind?: string;
  /** State ids: those states and every person or body that belongs to them. */
  country?: string[];
  limit?: number;
}

export function findActors(db: Db, filters: ActorFilters): ActorRecord[] {
  const rows = db
    .prepare(
      `SELECT ${selectList(ACTOR.fields)}
       FROM actors a
       WHERE (@id IS NULL OR a.id = @id)
         AND (@kind IS NULL OR a.kind = @kind)
         AND (@country IS NULL OR a.id IN (
               SELECT member FROM actor_family WHERE root IN (SELECT value FROM json_each(@country))))
       ORDER BY CASE a.kind WHEN 'state' THEN 0 WHEN 'organisation' THEN 1 WHEN 'group' THEN 2 ELSE 3 END, a.country, a.name
       LIMIT @limit`,
    )
    .all({ id: filters.id ?? null, kind: filters.kind ?? null, country: actorList(filters.country), limit: filters.limit ?? -1 }) as Record<string, unknown>[];
  return rows.map((row) => parseJsonFields<ActorRecord>(row, ACTOR.fields));
}
