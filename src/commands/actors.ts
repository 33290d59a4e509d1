import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { findActors } from '../queries/actors.js';
import { writeRecords } from '../render/output.js';
import { views } from '../render/views.js';
import { addLimitOption, addOutputOptions, collect, toActorIds, toLimit, toOutputSettings, toVocabulary, type RawOptions } from './options.js';

export function registerActors(program: Command, ctx: Context): void {
  const command = program
    .command('actors')
    .description('Actors: states, persons, organisations and groups, with their countries and aliases')
    .option('--kind <kind>', 'only this kind: state, person, organisation or group')
    .option('--country <actor>', 'this state and the persons and bodies that belong to it (repeatable)', collect);
  addLimitOption(command);
  addOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ crisis actors
  $ crisis actors --country russia
  $ crisis actors --kind person --json
`)
    .action(async (raw: RawOptions) => {
      const db = ctx.db();
      const output = toOutputSettings(raw, views.actor, ctx);
      const rows = findActors(db, {
        kind: toVocabulary(db, raw.kind, 'actor-kind', '--kind'),
        country: toActorIds(db, raw.country, '--country'),
        limit: toLimit(raw.limit),
      });
      await writeRecords(ctx.io.stdout, rows, views.actor, output);
    });
}
