import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { didYouMean } from '../suggest.js';
import { quoted, UsageError } from '../errors.js';
import { allSchemas, outputNamed, outputsOf, schemaOf } from '../fields/json-schema.js';
import { addExamples } from '../options/declare.js';

export function register(program: Command, ctx: Context): void {
  // Every command is set up beside this one (program.ts), so what each prints can be read from it.
  const outputs = outputsOf(ctx.commands);
  const names = outputs.map((output) => output.name);
  const command = program
    .command('schema')
    .description("The JSON Schema (draft 2020-12) of a command's JSON output, with a description of every field")
    .argument('[kind]', `one of ${names.join(', ')} (or its command's name, e.g. events); all of them, under $defs, if none`);
  addExamples(command, [
    'crisis schema event',
    "crisis schema statements | jq '.items.properties | keys'",
    "crisis schema chain | jq '.properties.edges'",
    "crisis schema | jq '.[\"$defs\"] | keys'",
  ]).action((name: string | undefined) => {
    if (name === undefined) {
      ctx.io.stdout.write(`${JSON.stringify(allSchemas(outputs), null, 2)}\n`);
      return;
    }
    const output = outputNamed(outputs, name);
    if (!output) throw new UsageError(`unknown kind ${quoted(name)}${didYouMean(name, names)}; kinds: ${names.join(', ')}`);
    ctx.io.stdout.write(`${JSON.stringify(schemaOf(output), null, 2)}\n`);
  });
}
