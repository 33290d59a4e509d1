import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions } from '../options/declare.js';
import { type RawOptions, toActorIds, toDateRange } from '../options/parse.js';
import { AGREEMENT, findAgreements } from '../queries/agreements.js';

/** What it prints with --json: its kind's records. */
export const output = AGREEMENT;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('agreements')
    .description('Treaties and declarations the crisis invokes, with the records that invoke them');
  addActorOption(command, '--actor', 'only agreements this actor is a party to');
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
