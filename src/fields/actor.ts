import { anyText, field, kind, list, nullable, oneOf, text, type RecordOf } from './define.js';
import { nullableActorField, recordId, sources } from './shared.js';

export const ACTOR_KINDS = ['state', 'person', 'organisation', 'group'] as const;

/** Actors over `actors a`, in the order `crisis actors` prints their fields. */
export const ACTOR = kind({
  name: 'actor',
  command: 'actors',
  fields: [
    recordId('a'),
    field('kind', 'a.kind', oneOf(ACTOR_KINDS, 'what sort of actor')),
    field('name', 'a.name', text('display name')),
    nullableActorField('country', 'a.country', 'the state a person or body belongs to, or null'),
    nullableActorField('part_of', 'a.part_of', 'the body it is part of, or null'),
    field('title', 'a.title', nullable(text('office held, e.g. "Foreign Minister of Russia", or null'))),
    field('aliases', 'a.aliases', list(anyText, 'other names people type; --actor accepts any of them'), { json: true }),
    sources('a', 'the sources naming it, each with a verbatim quote (may be empty)'),
  ],
  columns: ['id', 'name', 'kind', 'country', 'title', 'aliases'],
});

export type ActorRecord = RecordOf<typeof ACTOR>;
