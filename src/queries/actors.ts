import type { Db } from '../db/open.js';
import { ACTOR, type ActorRecord } from '../fields/actor.js';
import { parseJsonFields, selectList } from '../fields/define.js';
import { actorList } from './filters.js';

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
