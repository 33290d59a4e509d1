import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { writeList } from '../cli/list-command.js';
import { quoted, UsageError } from '../errors.js';
import { visible } from '../text.js';
import { addActorOption, addAsOfOption, addDateOptions, addExamples, addOrderOptions, addOutputOptions } from '../options/declare.js';
import { type RawOptions, toActorIds, toChoice, toDateRange } from '../options/parse.js';
import { closeWord, MAX_RAW_SEARCH_LENGTH, MAX_SEARCH_TERMS, SEARCH_HIT, SEARCH_KINDS, type SearchHit, searchRecords, searchTerms } from '../queries/search.js';

const RAW_HINT = 'quote words with "...", combine them with AND, OR, NOT or NEAR(...), end a word with * for a prefix, or leave out --raw';

/** What it prints with --json: its kind's records. */
export const output = SEARCH_HIT;

export function register(program: Command, ctx: Context): void {
  const command = addActorOption(
    program
      .command('search')
      .description('Full-text search over titles, summaries, quotes and actor names: facts before the pages that report them, best match first, each with a snippet')
      .argument('<text...>', "words to find, all of them, in any record (a trailing * finds a prefix: Lavr*)"),
    '--actor',
    "only records this actor or a person or body of it takes part in, as the record shows it (not as a figure's claimant), and those actors themselves",
  )
    .option('--kind <kind>', `only this kind: ${SEARCH_KINDS.join(', ')}`)
    .option('--raw', 'take the text as an SQLite FTS5 query: AND, OR, NOT, NEAR(...), "phrases", prefix*, column:word');
  addDateOptions(command);
  addOrderOptions(command);
  addAsOfOption(command);
  addOutputOptions(command);
  addExamples(command, [
    'crisis search Simla',
    'crisis search Bunyan al Marsoos',
    'crisis search "Russia\'s" mediation offer --kind statement',
    "crisis search 'Lavr*' --since 2025-05",
    "crisis search --raw 'ceasefire NOT trump' --json | jq '.[].id'",
  ]).action(async (words: string[], raw: RawOptions) => {
    const text = words.join(' ');
    const terms = raw.raw ? [] : searchTerms(text);
    if (terms.length > MAX_SEARCH_TERMS) {
      throw new UsageError(`too many words to search for (${terms.length}); give at most ${MAX_SEARCH_TERMS}`);
    }
    if (raw.raw && text.length > MAX_RAW_SEARCH_LENGTH) {
      throw new UsageError(`--raw search text too long (${text.length} characters); give at most ${MAX_RAW_SEARCH_LENGTH}`);
    }
    const match = raw.raw ? text.trim() : terms.join(' ');
    if (!match) throw new UsageError(`nothing to search for in ${quoted(text)}: give a word or a name, e.g. crisis search Simla`);
    const db = ctx.db();
    let found = 0;
    await writeList(ctx, raw, SEARCH_HIT, (limit) => {
      const filters = { match, raw: raw.raw === true, kind: toChoice(raw.kind, SEARCH_KINDS, '--kind'), actors: toActorIds(db, raw.actor, '--actor'), ...toDateRange(raw), limit };
      try {
        return counted(searchRecords(db, filters), () => found++);
      } catch (error) {
        // Only --raw text reaches FTS5 unescaped; any other failure is a bug, not the user's mistake.
        if (raw.raw && (error as { code?: string }).code === 'SQLITE_ERROR') {
          throw new UsageError(`invalid search ${quoted(text)} for --raw (${visible((error as Error).message)}): ${RAW_HINT}`);
        }
        throw error;
      }
    }, undefined, { afterAsOf: renumbered });
    const close = found === 0 && !raw.raw ? closeWord(db, text) : undefined;
    if (close) ctx.io.stderr.write(`crisis: no record holds ${quoted(close.typed)}; did you mean ${quoted(close.close)}?\n`);
  });
}

/** The hits as they come, counting each. */
function* counted<T>(hits: Iterable<T>, count: () => void): Iterable<T> {
  for (const hit of hits) {
    count();
    yield hit;
  }
}

/** Hits numbered again from 1 once --as-of has left some out: the rank is a place in this answer. */
const renumbered = (hits: SearchHit[]) => hits.map((hit, index) => ({ ...hit, rank: index + 1 }));
