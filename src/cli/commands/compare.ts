/**
 * `copsim compare A B [C...]`: parses the arguments, calls the library verb `compare` (same
 * replication seeds for every scenario: common random numbers) and prints each scenario's key
 * figures and the paired differences against the first. A scenario may carry its own overrides:
 * `bottom-up-unsupported:cops.0.support.fundedHours=2`.
 */
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { compare, studySummaryJson, type CompareArm } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { comparisonTable } from '../comparison-table.js';
import { onTerminal, parseRunOptions, runOptions, scenarioArgument, studyOptions, type RunOptionArgs } from '../run-options.js';
import { parseShardOption, shardOption } from '../shard-options.js';
import { describeShard } from '../../shard/spec.js';

export const command = 'compare <scenarios..>';
export const describe = 'Simulate scenarios with the same seeds and compare them';

export interface CompareArgs extends RunOptionArgs {
  readonly scenarios: string[];
  readonly shard: unknown;
}

/** The command's options: those of `run`. */
export const options = {
  ...runOptions,
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/compare-<A>-vs-<B>',
    describe: "Folder for comparison.csv, the comparison's charts and report.html, and one folder per scenario",
  },
  ...shardOption,
} as const;

export function builder(yargs: Argv): Argv<CompareArgs> {
  return yargs
    .positional('scenarios', {
      type: 'string',
      array: true,
      demandOption: true,
      describe:
        'Two or more built-in scenario names or scenario files (- reads one from standard input), each optionally with its own overrides as SCENARIO:path=value[:path=value...]; the first is the reference A',
    })
    .options(options)
    .example('$0 compare baseline top-down-voluntary', 'B − A: a top-down CoP against the bottom-up baseline, 200 paired runs')
    .example('$0 compare top-down-voluntary top-down-mandatory mandate-lifted --runs 500', 'two scenarios against the first')
    .example(
      '$0 compare bottom-up-unsupported bottom-up-unsupported:cops.0.support.lead=full-time bottom-up-unsupported:cops.0.support.fundedHours=2',
      'three what-ifs of one scenario, without writing files',
    )
    .example('$0 compare baseline top-down-voluntary --shard 1/4 --out shards/1', 'replications 50–99 of both, as a shard folder for "copsim merge"')
    .example('$0 compare baseline top-down-voluntary --out cmp --resume', 'go on with an interrupted comparison in cmp/')
    .epilogue(
      'Every scenario is simulated with the same replication seeds, so replication r of B is compared ' +
        'with replication r of A: the 95% CIs in comparison.csv are those of the paired mean difference B − A.',
    ) as Argv<CompareArgs>;
}

export async function handler(args: CompareArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const names = args.scenarios.map(String);
  if (names.length < 2) throw new UsageError(`compare needs at least two scenarios, got ${names.length}`);
  const settings = parseRunOptions(args);
  const shard = parseShardOption(args.shard);
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    compare({ ...studyOptions(settings), ...hooks, scenarios: names.map(parseArm), ...(shard === undefined ? {} : { shard }) }),
  );
  if (settings.json) io.out(studySummaryJson(result));
  else if (result.shard !== undefined) {
    if (!settings.quiet) io.out(`${describeShard(result.shard)} of ${settings.runs} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
  } else if (!settings.quiet) {
    const weeks = result.scenarios[0]?.scenario.weeks ?? 0;
    io.out(comparisonTable(result.comparison, weeks, result.scenarios));
    io.out(`\nresults in ${result.out} (comparison.csv, report.html; one folder per scenario)\n`);
  }
}

/**
 * A scenario argument with its own overrides: `SCENARIO[:path=value]...`. An argument naming an
 * existing file is taken whole, so a file name with a colon still works.
 *
 * @example parseArm('baseline:cops.0.support.fundedHours=2') // → { scenario: 'baseline', set: ['cops.0.support.fundedHours=2'] }
 */
export function parseArm(text: string): CompareArm {
  if (existsSync(text)) return { scenario: scenarioArgument(text) };
  const parts = text.split(/:(?=[^:=]+=)/);
  const [scenario, ...set] = parts;
  if (scenario === undefined || scenario === '') throw new UsageError(`"${text}": name a scenario before its overrides, e.g. baseline:cops.0.support.fundedHours=2`);
  return set.length === 0 ? { scenario: scenarioArgument(scenario) } : { scenario: scenarioArgument(scenario), set };
}
