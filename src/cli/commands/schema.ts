/**
 * `copsim schema`: the JSON Schema of scenario files, for editors and validators.
 */
import { dirname } from 'node:path';
import type { Argv, Options } from 'yargs';
import { makeDirectory, writeFileAtomic } from '../../output/index.js';
import { scenarioJsonSchema } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { asInputError } from '../exit.js';
import { outOption } from '../run-options.js';

export const command = 'schema';
export const describe = 'Print the JSON Schema of scenario files';

export interface SchemaArgs {
  readonly out: string | undefined;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  out: { type: 'string', requiresArg: true, describe: 'Write the schema to this file instead of stdout' },
} as const satisfies Record<string, Options>;

export function builder(yargs: Argv): Argv<SchemaArgs> {
  return yargs
    .options(options)
    .example('$0 schema --out copsim.schema.json', 'save the schema for an editor');
}

export async function handler(args: SchemaArgs, context: CommandContext): Promise<void> {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  const out = outOption(args.out);
  if (out === undefined) context.io.out(text);
  else {
    try {
      await makeDirectory(dirname(out));
      await writeFileAtomic(out, text);
    } catch (error) {
      throw asInputError(error, `cannot write ${out}`);
    }
  }
}
