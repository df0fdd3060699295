/**
 * `copsim explore [scenario]`: writes the scenario's explorer, one self-contained HTML page
 * (it works offline from a file), and opens it in the default browser unless `--no-open`.
 * In the page, changing a setting reruns the scenario with the same seeds.
 */
import type { Argv } from 'yargs';
import { explore } from '../../explore/index.js';
import type { CommandContext } from '../context.js';
import { parseInteger } from '../numbers.js';
import { openInBrowser } from '../open-browser.js';
import { outOption, runOptions, scenarioArgument, scenarioPositional } from '../run-options.js';
import { SEED_LIMIT } from '../../runner/index.js';

export const command = 'explore [scenario]';
export const describe = 'Write an interactive page to change settings and watch the curves move';

export interface ExploreArgs {
  readonly scenario: string;
  readonly runs: unknown;
  readonly seed: unknown;
  readonly set: string | string[] | undefined;
  readonly out: string | undefined;
  readonly open: boolean;
  readonly quiet: boolean;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  runs: { ...runOptions.runs, describe: 'Replications the page simulates per setting' },
  seed: runOptions.seed,
  set: { ...runOptions.set, describe: 'Start from a changed setting: path=value (repeatable), e.g. cops.0.support.fundedHours=4' },
  out: {
    type: 'string',
    requiresArg: true,
    defaultDescription: 'copsim-out/<scenario name>/explore.html',
    describe: 'The page to write: an .html file, or a folder to write explore.html into',
  },
  open: { type: 'boolean', default: true, describe: 'Open the page in the default browser (--no-open: only write it)' },
  quiet: runOptions.quiet,
} as const;

export function builder(yargs: Argv): Argv<ExploreArgs> {
  return yargs
    .positional('scenario', scenarioPositional('baseline'))
    .options(options)
    .example('$0 explore', 'the baseline scenario, opened in the browser')
    .example('$0 explore top-down-mandatory --no-open --out page.html', 'write the page only') as Argv<ExploreArgs>;
}

export async function handler(args: ExploreArgs, context: CommandContext): Promise<void> {
  const runs = parseInteger('runs', args.runs, { min: 1, maxExclusive: 100_001, expected: 'a whole number from 1 to 100000' });
  const seed = parseInteger('seed', args.seed, { min: 0, maxExclusive: SEED_LIMIT, expected: 'a whole number from 0 to 4294967295' });
  const out = outOption(args.out);
  const result = await explore({
    scenario: scenarioArgument(args.scenario),
    set: args.set === undefined ? [] : [args.set].flat().map(String),
    runs,
    seed,
    ...(out === undefined ? {} : { out }),
    onWarning: (message) => context.io.err(`warning: ${message}\n`),
  });
  const path = result.path ?? '';
  const opened = args.open ? await openInBrowser(path) : false;
  if (!args.quiet) context.io.out(`${opened ? 'opened' : 'wrote'} ${path}${opened ? '' : ' (open it in a browser)'}\n`);
}
