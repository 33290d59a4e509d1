import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { addAboutOption, addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions, addValueOption } from '../options/declare.js';
import { type RawOptions, toActorIds, toAgreementId, toDateRange, toVocabulary } from '../options/parse.js';
import { MEASURE, type MeasureFilters, measureJsonTexts, measureRows } from '../queries/measures.js';

/** What it prints with --json: its kind's records. */
export const output = MEASURE;

export function register(program: Command, ctx: Context): void {
  const command = program
    .command('measures')
    .description('Counter-measures one side took against the other; in date order');
  addActorOption(command, '--actor', 'taken by or against this actor or a person or body of it');
  addActorOption(command, '--by', 'taken by this actor or a person or body of it');
  addActorOption(command, '--against', 'aimed at this actor or a person or body of it');
  addValueOption(command, '--category <category>', 'only this category', 'measure-category');
  addAboutOption(command, 'only measures invoking this agreement');
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis measures --by pakistan',
    'crisis measures --against pakistan --category trade',
    'crisis measures --sort category --format csv > measures.csv',
  ]).action(async (raw: RawOptions) => {
    const db = ctx.db();
    const filters = (limit: number | undefined): MeasureFilters => ({
      actors: toActorIds(db, raw.actor, '--actor'),
      by: toActorIds(db, raw.by, '--by'),
      against: toActorIds(db, raw.against, '--against'),
      category: toVocabulary(db, raw.category, 'measure-category', '--category'),
      about: toAgreementId(db, raw.about, '--about'),
      ...toDateRange(raw),
      limit,
    });
    await writeList(ctx, raw, MEASURE, (limit) => measureRows(db, filters(limit)), (limit, layout) => measureJsonTexts(db, filters(limit), layout));
  });
}
