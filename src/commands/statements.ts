import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addAboutOption, addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions, addValueOption } from '../options/declare.js';
import { type RawOptions, toActorIds, toAgreementId, toDateRange, toVocabulary } from '../options/parse.js';
import { STATEMENT, type StatementFilters, statementJsonTexts, statementRows } from '../queries/statements.js';

/** What it prints with --json: its kind's records. */
export const output = STATEMENT;

export function register(program: Command, ctx: Context): void {
  const command = program.command('statements').description('Statements: who said what, with their words where a source has them; in date order');
  addActorOption(command, '--actor', 'the speaker, the one spoken for or an addressee is this actor or a person or body of it');
  addActorOption(command, '--speaker', 'the speaker or the one spoken for is this actor or a person or body of it (not an addressee)');
  addValueOption(command, '--type <type>', 'only statements of this type', 'statement-type');
  addAboutOption(command, 'only statements invoking this agreement');
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis statements --actor putin',
    'crisis statements --speaker russia --speaker china',
    'crisis statements --about "Simla Agreement"',
    "crisis statements --type mediation-offer --json | jq '.[].summary'",
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    const filters = (limit: number | undefined): StatementFilters => ({
      actors: toActorIds(db, raw.actor, '--actor'),
      speakers: toActorIds(db, raw.speaker, '--speaker'),
      type: toVocabulary(db, raw.type, 'statement-type', '--type'),
      about: toAgreementId(db, raw.about, '--about'),
      ...toDateRange(raw),
      limit,
    });
    await writeList(ctx, raw, STATEMENT, (limit) => statementRows(db, filters(limit)), (limit, layout) => statementJsonTexts(db, filters(limit), layout));
  });
}
