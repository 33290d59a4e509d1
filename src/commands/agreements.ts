import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions, collect } from '../options/declare.js';
import { type RawOptions, toActorIds, toDateRange } from '../options/parse.js';
import { AGREEMENT, findAgreements } from '../queries/agreements.js';

/** What it prints with --json: its kind's records. */
export const output = AGREEMENT;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('agreements')
    .description('Treaties and declarations the crisis invokes, with the records that invoke them')
    .option('--actor <actor>', 'only agreements this actor is a party to; repeat for any of several', collect);
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis agreements',
    'crisis agreements --until 1970',
    "crisis agreements --json | jq '.[] | {name, date}'",
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    await writeList(ctx, raw, AGREEMENT, (limit) =>
      findAgreements(db, { actors: toActorIds(db, raw.actor, '--actor'), ...toDateRange(raw), limit }),
    );
  });
}
