import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { findStatements } from '../queries/statements.js';
import { writeRecords } from '../render/output.js';
import { views } from '../render/views.js';
import { addDateOptions, addLimitOption, addOutputOptions, collect, toActorIds, toAgreementId, toDateRange, toLimit, toOutputSettings, toVocabulary, type RawOptions } from './options.js';

export function registerStatements(program: Command, ctx: Context): void {
  const command = program
    .command('statements')
    .description('Statements: who said what, with their words where a source has them; in date order')
    .option('--actor <actor>', 'speaker, on whose behalf, or addressee is this actor or a person or body of it (repeatable)', collect)
    .option('--type <type>', 'only statements of this type, e.g. condemnation, appeal, mediation-offer')
    .option('--about <agreement>', 'only statements invoking this agreement, e.g. simla');
  addDateOptions(command);
  addLimitOption(command);
  addOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ crisis statements --actor putin
  $ crisis statements --about "Simla Agreement"
  $ crisis statements --type mediation-offer --json | jq '.[].summary'
`)
    .action(async (raw: RawOptions) => {
      const db = ctx.db();
      const output = toOutputSettings(raw, views.statement, ctx);
      const rows = findStatements(db, {
        actors: toActorIds(db, raw.actor, '--actor'),
        type: toVocabulary(db, raw.type, 'statement-type', '--type'),
        about: toAgreementId(db, raw.about, '--about'),
        ...toDateRange(raw),
        limit: toLimit(raw.limit),
      });
      await writeRecords(ctx.io.stdout, rows, views.statement, output);
    });
}
