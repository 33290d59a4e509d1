import type { VocabularyColumn } from '../queries/lookup.js';

/** What a command line takes, as completion needs it: read from commander (src/commands/completion.ts). */

/** What to offer for an option's value, or a command's argument. */
export type ValueCompletion =
  | { kind: 'words'; words: readonly string[] }
  /** A comma-separated list of these words, each completed after the last comma. */
  | { kind: 'list'; words: readonly string[] }
  /** The ids of the database's records of these kinds. */
  | { kind: 'ids'; kinds: readonly string[] }
  /** The values the database holds in a vocabulary (event types, measure categories). */
  | { kind: 'vocabulary'; column: VocabularyColumn }
  /** A path: the shell completes it. */
  | { kind: 'files' }
  /** A value is due, but nothing can be offered (a date, a number). */
  | { kind: 'free' };

export interface CompletedOption {
  flag: string;
  description: string;
  value?: ValueCompletion;
}

export interface CompletedCommand {
  name: string;
  description: string;
  options: CompletedOption[];
  /** What to offer for the command's first argument, if anything can be. */
  argument?: ValueCompletion;
}

export interface CompletionSpec {
  commands: CompletedCommand[];
  /** Options of crisis itself (--db, --no-color), valid before or after the command. */
  globalOptions: CompletedOption[];
}

/** A word to offer, with what it is where the shell shows that (fish). */
export interface Candidate {
  word: string;
  description?: string;
}

/** What the word at the cursor asks for. */
export type CompletionRequest = {
  /** What is typed of the candidate, to match it against. */
  typed: string;
  /** What the word holds before the candidate and keeps: `--sort=`, or a list's items up to its last comma. */
  before: string;
  /** The database the line names with --db, as typed. */
  db?: string;
} & (
  | { kind: 'candidates'; candidates: Candidate[]; list: boolean }
  | { kind: 'ids'; kinds: readonly string[] }
  | { kind: 'vocabulary'; column: VocabularyColumn }
  | { kind: 'files' }
  | { kind: 'nothing' }
);

/**
 * What the last of `words` (the words after `crisis` up to the cursor, as the shell split them) asks to be
 * completed with: a command, an option, or the value of the option or argument it stands in the place of.
 */
export function toCompletionRequest(spec: CompletionSpec, words: readonly string[]): CompletionRequest {
  const typed = words.at(-1) ?? '';
  let command: CompletedCommand | undefined;
  let db: string | undefined;
  let pending: CompletedOption | undefined;
  let operands = 0;
  let optionsEnded = false;
  const optionsHere = () => [...(command?.options ?? []), ...spec.globalOptions];
  for (const word of words.slice(0, -1)) {
    if (pending) {
      if (pending.flag === '--db') db = word;
      pending = undefined;
    } else if (!optionsEnded && word === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && word.startsWith('-')) {
      const [flag, value] = splitOption(word);
      if (flag === '--db' && value !== undefined) db = value;
      const option = optionsHere().find((candidate) => candidate.flag === flag);
      if (option?.value && value === undefined) pending = option;
    } else if (!command) {
      command = spec.commands.find((candidate) => candidate.name === word);
      if (!command) return { kind: 'nothing', typed, before: '', db };
    } else {
      operands++;
    }
  }
  if (pending) return valueRequest(pending.value!, typed, '', db);
  if (!optionsEnded && typed.startsWith('-')) {
    const [flag, value] = splitOption(typed);
    if (value !== undefined) {
      const option = optionsHere().find((candidate) => candidate.flag === flag);
      return option?.value ? valueRequest(option.value, value, `${flag}=`, db) : { kind: 'nothing', typed, before: '', db };
    }
    const own = [{ flag: '--help', description: 'print help' }, ...(command ? [] : [{ flag: '--version', description: 'print the version' }])];
    const candidates = [...optionsHere(), ...own].map((option) => ({ word: option.flag, description: option.description }));
    return { kind: 'candidates', candidates, list: false, typed, before: '', db };
  }
  if (!command) {
    const candidates = spec.commands.map((candidate) => ({ word: candidate.name, description: candidate.description }));
    return { kind: 'candidates', candidates, list: false, typed, before: '', db };
  }
  if (operands === 0 && command.argument) return valueRequest(command.argument, typed, '', db);
  return { kind: 'nothing', typed, before: '', db };
}

/** `--sort=date` as `['--sort', 'date']`; `--sort` as `['--sort', undefined]`. */
function splitOption(word: string): [string, string | undefined] {
  const equals = word.indexOf('=');
  return word.startsWith('--') && equals > 0 ? [word.slice(0, equals), word.slice(equals + 1)] : [word, undefined];
}

function valueRequest(value: ValueCompletion, typed: string, before: string, db: string | undefined): CompletionRequest {
  switch (value.kind) {
    case 'words':
      return { kind: 'candidates', candidates: value.words.map((word) => ({ word })), list: false, typed, before, db };
    case 'list': {
      const items = typed.slice(0, typed.lastIndexOf(',') + 1);
      const chosen = new Set(items.split(','));
      const candidates = value.words.filter((word) => !chosen.has(word)).map((word) => ({ word }));
      return { kind: 'candidates', candidates, list: true, typed: typed.slice(items.length), before: `${before}${items}`, db };
    }
    case 'ids':
      return { kind: 'ids', kinds: value.kinds, typed, before, db };
    case 'vocabulary':
      return { kind: 'vocabulary', column: value.column, typed, before, db };
    case 'files':
      return { kind: 'files', typed, before, db };
    case 'free':
      return { kind: 'nothing', typed, before, db };
  }
}
