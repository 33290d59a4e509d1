import type { Db } from '../db/open.js';

/** A record linked to the one shown, and how. */
export interface Link {
  /** How the linked record relates to the shown one, read as "<shown> <relation> <linked>". */
  relation: string;
  id: string;
  kind: string;
  date: string | null;
  title: string;
  /** For an actor: the roles it, or a person or body of it (named in brackets), plays in the linked record. */
  role?: string;
  /** For what a record answers or is answered by: stated by a page, or inferred by the editors; for a measure
   * amending another: extends or reverses. */
  basis?: string;
}

/** Every record linked to `id`: what it answers and what answers it, its event, agreements, members, citing records. */
export function findLinks(db: Db, id: string): Link[] {
  const rows = db
    .prepare(
      `SELECT l.relation, r.id, r.kind, r.date, r.title, l.role, l.basis
       FROM (
         SELECT 0 AS rank, 'responds-to' AS relation, answers_id AS other, NULL AS role, basis FROM responses WHERE record_id = @id
         UNION ALL SELECT 1, 'answered-by', record_id, NULL, basis FROM responses WHERE answers_id = @id
         UNION ALL SELECT 1, 'amends', amends_id, NULL, amends_change FROM measures WHERE id = @id AND amends_id IS NOT NULL
         UNION ALL SELECT 1, 'amended-by', id, NULL, amends_change FROM measures WHERE amends_id = @id
         UNION ALL SELECT 2, 'made-at', event_id, NULL, NULL FROM statements WHERE id = @id AND event_id IS NOT NULL
         UNION ALL SELECT 3, 'statement-made-here', id, NULL, NULL FROM statements WHERE event_id = @id
         UNION ALL SELECT 4, 'invokes', agreement_id, NULL, NULL FROM record_agreements WHERE record_id = @id
         UNION ALL SELECT 5, 'invoked-by', record_id, NULL, NULL FROM record_agreements WHERE agreement_id = @id
         UNION ALL SELECT 6, 'has-member', id, NULL, NULL FROM actors WHERE country = @id OR part_of = @id
         UNION ALL SELECT 7, 'involved-in', i.record_id,
                group_concat(i.role || CASE WHEN i.actor_id <> @id THEN ' (' || i.actor_id || ')' ELSE '' END, ', ' ORDER BY i.position), NULL
           FROM involvements i JOIN actor_family f ON f.member = i.actor_id WHERE f.root = @id GROUP BY i.record_id
         UNION ALL SELECT DISTINCT 8, 'cited-by', record_id, NULL, NULL FROM citations WHERE source_id = @id
       ) l JOIN records r ON r.id = l.other
       ORDER BY l.rank, coalesce(r.date_end, '9999'), r.date_start, r.id`,
    )
    .all({ id }) as (Link & { role: string | null; basis: string | null })[];
  return rows.map(({ role, basis, ...link }) => ({ ...link, ...(role ? { role } : {}), ...(basis ? { basis } : {}) }));
}
