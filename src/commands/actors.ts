import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addActorOption, addAsOfOption, addExamples, addOrderOptions, addOutputOptions } from '../options/declare.js';
import { type RawOptions, toActorIds, toVocabulary } from '../options/parse.js';
import { ACTOR, findActors } from '../queries/actors.js';

/** What it prints with --json: its kind's records. */
export const output = ACTOR;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('actors')
    .description('Actors: states, persons, organisations and groups, with their countries and aliases')
    .option('--kind <kind>', 'only this kind: state, person, organisation or group');
  addActorOption(command, '--country', 'this state and the persons and bodies that belong to it');
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis actors',
    'crisis actors --country russia --sort name',
    'crisis actors --kind person --json',
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    await writeList(ctx, raw, ACTOR, (limit) =>
      findActors(db, {
        kind: toVocabulary(db, raw.kind, 'actor-kind', '--kind'),
        country: toActorIds(db, raw.country, '--country'),
        limit,
      }),
    );
  });
}
