/**
 * `copsim validate FILE...`: checks scenario files (`-`: one from standard input) against the
 * schema without simulating.
 * Exits 0 when every file is valid, 2 otherwise.
 */
import type { Argv } from 'yargs';
import { formatIssue, ScenarioError } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit.js';
import { validateScenarioArguments } from '../stdin.js';

export const command = 'validate <files..>';
export const describe = 'Check scenario files without running them';

export interface ValidateArgs {
  readonly files: string[];
}

export function builder(yargs: Argv): Argv<ValidateArgs> {
  return yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Scenario files; - reads one from standard input' })
    .example('$0 validate scenarios/*.yaml', 'check every scenario file in a folder')
    .example('cat my.yaml | $0 validate -', 'check a scenario piped in (YAML or JSON)') as Argv<ValidateArgs>;
}

export function handler(args: ValidateArgs, context: CommandContext): void {
  const results = validateScenarioArguments(args.files.map(String));
  for (const result of results) {
    if (result.ok) context.io.out(`ok  ${result.file}\n`);
    else context.io.err(`${new ScenarioError(result.issues).format()}\n`);
    for (const warning of result.warnings) context.io.err(`warning: ${formatIssue(warning)}\n`);
  }
  context.exitCode = results.every((result) => result.ok) ? EXIT.ok : EXIT.usage;
}
