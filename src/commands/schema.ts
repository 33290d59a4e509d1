import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { quoted, UsageError } from '../errors.js';
import { didYouMean } from '../cli/suggest.js';
import { allSchemas, SCHEMA_KINDS, schemaKindNamed, schemaOf } from '../fields/json-schema.js';
import { addExamples } from '../options/declare.js';

export function registerSchema(program: Command, ctx: Context): void {
  const command = program
    .command('schema')
    .description("The JSON Schema (draft 2020-12) of a command's JSON output, with a description of every field")
    .argument('[kind]', `one of ${SCHEMA_KINDS.join(', ')} (or its command's name, e.g. events); all of them, under $defs, if none`);
  addExamples(command, [
    'crisis schema event',
    "crisis schema statements | jq '.items.properties | keys'",
    "crisis schema chain | jq '.properties.edges'",
    "crisis schema | jq '.[\"$defs\"] | keys'",
  ]).action((name: string | undefined) => {
    if (name === undefined) {
      ctx.io.stdout.write(`${JSON.stringify(allSchemas(), null, 2)}\n`);
      return;
    }
    const kind = schemaKindNamed(name);
    if (!kind) throw new UsageError(`unknown kind ${quoted(name)}${didYouMean(name, SCHEMA_KINDS)}; kinds: ${SCHEMA_KINDS.join(', ')}`);
    ctx.io.stdout.write(`${JSON.stringify(schemaOf(kind), null, 2)}\n`);
  });
}
