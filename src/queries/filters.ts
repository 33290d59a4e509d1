/** Filters every list query understands; each is optional and they combine with AND. */
export interface CommonFilters {
  /** Only the record with this id (what `show` uses). */
  id?: string;
  /** Actor ids: records involving any of them, or a person or body of theirs. */
  actors?: string[];
  /** First day of the range (YYYY-MM-DD). */
  since?: string;
  /** Last day of the range (YYYY-MM-DD). */
  until?: string;
  limit?: number;
}

/** Named parameters for the shared fragments: absent filters become NULL, and no limit is LIMIT -1. */
export function commonParams(filters: CommonFilters) {
  return {
    id: filters.id ?? null,
    actors: actorList(filters.actors),
    since: filters.since ?? null,
    until: filters.until ?? null,
    limit: filters.limit ?? -1,
  };
}

export function actorList(actors: string[] | undefined): string | null {
  return actors && actors.length ? JSON.stringify(actors) : null;
}
