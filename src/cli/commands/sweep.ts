/**
 * `copsim sweep`: parses the arguments, calls the library verb `sweep` (one or two settings
 * over a grid, every point with the same replication seeds; writes sweep.csv, a chart and
 * manifest.json) and prints the measure at every point.
 */
import type { Argv } from 'yargs';
import { studySummaryJson, sweep } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { measureOptions, parseMeasureOptions, type MeasureArgs } from '../measure-options.js';
import { onTerminal, parseRunOptions, runOptions, scenarioArgument, scenarioPositional, studyOptions, type RunOptionArgs } from '../run-options.js';
import { sweepTable } from '../design-tables.js';
import { parseShardOption, shardOption } from '../shard-options.js';
import { rangeText } from '../../shard/spec.js';

export const command = 'sweep <scenario>';
export const describe = 'Vary one or two settings and measure the outcome at every value';

export interface SweepArgs extends RunOptionArgs, MeasureArgs {
  readonly scenario: string;
  readonly vary: string | string[] | undefined;
  readonly shard: unknown;
}

const SWEEP_CSV_HELP =
  'sweep.csv has one row per point: a column per varied setting (named by its path), then cop, metric, ' +
  'week (when the metric was read; empty for a per-run figure), n (replications with a value), mean, sd, ' +
  'ci_low, ci_high (95% confidence interval of the mean), p05, p50, p95 (quantiles of the replications).';

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  vary: {
    type: 'string',
    requiresArg: true,
    describe: 'A setting and its values: path=from:to:step (both ends included) or path=v1,v2,...; give it once or twice (a grid)',
  },
  ...measureOptions,
  ...runOptions,
  runs: { ...runOptions.runs, default: 50, describe: 'Replications per point' },
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/<scenario name>-sweep-<varied settings>',
    describe: 'Folder to write sweep.csv, the chart (sweep.vl.json, .svg, .png) and manifest.json to',
  },
  shard: {
    ...shardOption.shard,
    describe: 'Compute only shard k of n (numbered from 0) of the design points, each with every replication, and write a shard folder for "copsim merge"; auto and auto/n read the index from SLURM or Kubernetes, as for run',
  },
} as const;

export function builder(yargs: Argv): Argv<SweepArgs> {
  return yargs
    .positional('scenario', scenarioPositional())
    .options(options)
    .example('$0 sweep baseline --vary cops.0.support.fundedHours=0:8:2', 'funded hours 0, 2, 4, 6, 8; final members')
    .example(
      '$0 sweep baseline --vary cops.0.participation=voluntary,expected,mandatory --metric attendance --week 52-103',
      'three choices; mean attendance in the second year',
    )
    .example(
      '$0 sweep baseline --vary cops.0.support.fundedHours=0:4:1 --vary cops.0.meetings.cadence=1,2,4',
      'a grid of two settings, drawn as a heatmap',
    )
    .example('$0 sweep baseline --vary cops.0.support.fundedHours=0:8:2 --shard 0/2 --out shards/0', 'points 0–1 of the five, as a shard folder for "copsim merge"')
    .epilogue(`${SWEEP_CSV_HELP} Every point uses the same replication seeds (common random numbers).`) as Argv<SweepArgs>;
}

export async function handler(args: SweepArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const measure = parseMeasureOptions(args);
  const vary = args.vary === undefined ? [] : [args.vary].flat().map(String);
  const shard = parseShardOption(args.shard);
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    sweep({ ...studyOptions(settings), ...hooks, scenario: scenarioArgument(args.scenario), vary, measure, ...(shard === undefined ? {} : { shard }) }),
  );
  if (settings.json) io.out(studySummaryJson(result));
  else if (result.shard !== undefined) {
    if (!settings.quiet) {
      io.out(`design points ${rangeText(result.shard.first, result.shard.end)} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
    }
  } else if (!settings.quiet) {
    io.out(sweepTable(result));
    io.out(`\nresults in ${result.out}\n`);
  }
}
