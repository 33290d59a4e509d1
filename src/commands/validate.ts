import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { checkFactFolder, describeCounts, problemLines, problemsIn, unreadableFacts } from '../compile/problems.js';
import { DataError, quotedPath } from '../errors.js';

export function register(program: Command, ctx: Context): void {
  program
    .command('validate')
    .description('Check a folder of fact files in the data/ format and list every problem: file, record, field and reason')
    .argument('<dir>', 'a folder holding actors.yaml, agreements.yaml, events.yaml, statements.yaml, measures.yaml and sources.yaml')
    .addHelpText('before', `Examples:
  $ crisis validate my-facts
  $ crisis validate my-facts | grep events.yaml
`)
    .addHelpText('after', `
Each problem is one line on stdout; the status is 0 when there is none and 1 otherwise.
`)
    .action(async (dir: string) => {
      checkFactFolder(dir);
      // The build (and with it yaml and zod) loads only here, so other commands start no slower.
      const [{ loadDataset }, { checkDataset }] = await Promise.all([import('../compile/read-fact-files.js'), import('../compile/rules.js')]);
      let loaded;
      try {
        loaded = loadDataset(dir);
        loaded.problems.push(...checkDataset(loaded.dataset, dir, loaded.origins));
      } catch (error) {
        throw unreadableFacts(dir, error) ?? error;
      }
      const { dataset, problems } = loaded;
      if (problems.length) {
        ctx.io.stdout.write(problemLines(dir, problems));
        throw new DataError(problemsIn(dir, problems.length));
      }
      const counts = Object.fromEntries(Object.entries(dataset).map(([kind, records]) => [kind, records.length]));
      ctx.io.stderr.write(`no problems in ${quotedPath(dir)}: ${describeCounts(counts)}\n`);
    });
}
