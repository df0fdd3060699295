/**
 * `copsim sensitivity`: parses the arguments, calls the library verb `sensitivity` (Morris
 * elementary effects, the default; or Sobol indices with --method sobol) and prints the ranking.
 * The verb writes the tables, a chart and manifest.json.
 */
import type { Argv } from 'yargs';
import type { Measure } from '../../research/measure.js';
import { modelParameterPaths } from '../../research/sensitivity/index.js';
import {
  SENSITIVITY_DEFAULT_RUNS,
  sensitivity,
  SOBOL_DEFAULT_MEASURES,
  SOBOL_DEFAULT_RUNS,
  SOBOL_DEFAULT_SAMPLES,
  studySummaryJson,
} from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { measureOptions, parseMeasureOptions, type MeasureArgs } from '../measure-options.js';
import { parseInteger } from '../numbers.js';
import { onTerminal, parseRunOptions, runOptions, scenarioArgument, scenarioPositional, studyOptions, type RunOptionArgs } from '../run-options.js';
import { morrisTable, sobolTable } from '../design-tables.js';
import { parseShardOption, shardOption } from '../shard-options.js';
import { rangeText } from '../../shard/spec.js';

export const command = 'sensitivity <scenario>';
export const describe = 'Which settings move an outcome: Morris screening (default) or Sobol variance shares (--method sobol)';

export interface SensitivityArgs extends RunOptionArgs, MeasureArgs {
  readonly scenario: string;
  readonly method: unknown;
  readonly params: string | string[] | undefined;
  readonly trajectories: unknown;
  readonly levels: unknown;
  readonly samples: unknown;
  readonly shard: unknown;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  method: {
    type: 'string',
    requiresArg: true,
    default: 'morris',
    describe:
      'morris: elementary effects, a cheap screening that ranks (trajectories × (parameters + 1) design points); ' +
      'sobol: first- and total-order shares of the variance with intervals (samples × (parameters + 2) design points, far more runs)',
  },
  params: {
    type: 'string',
    requiresArg: true,
    describe:
      'Settings to vary, separated by commas: path=min:max (the plausible range) or path (the schema\'s validity range, with a warning); ' +
      'whole-number settings get whole values. Omitted: every model parameter over its documented range (docs/PARAMETERS.md), a long run',
  },
  trajectories: { requiresArg: true, default: 10, describe: 'morris: trajectories r (each costs parameters + 1 design points)' },
  levels: { requiresArg: true, default: 4, describe: 'morris: grid levels p per parameter, even' },
  samples: {
    requiresArg: true,
    defaultDescription: String(SOBOL_DEFAULT_SAMPLES),
    describe: 'sobol: base samples N, a power of two (each costs parameters + 2 design points)',
  },
  ...measureOptions,
  metric: {
    ...measureOptions.metric,
    default: undefined,
    defaultDescription: 'members (morris); members,cumulative_reuse,alive (sobol)',
    describe: 'What to measure: a weekly metric (as in summary.csv) or a per-run figure (as in replications.csv); sobol takes several, separated by commas',
  },
  ...runOptions,
  runs: {
    ...runOptions.runs,
    default: undefined,
    defaultDescription: `${SENSITIVITY_DEFAULT_RUNS} (morris), ${SOBOL_DEFAULT_RUNS} (sobol)`,
    describe: 'Replications per design point (their mean is the point\'s output)',
  },
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/<scenario name>-sensitivity (morris), copsim-out/<scenario name>-sobol (sobol)',
    describe: 'Folder to write the tables (sensitivity.csv and design.csv, or sobol.csv and sobol-design.csv), the chart and manifest.json to',
  },
  shard: {
    ...shardOption.shard,
    describe: 'Compute only shard k of n (numbered from 0) of the design points (Morris or Sobol), each with every replication, and write a shard folder for "copsim merge"; auto and auto/n read the index from SLURM or Kubernetes, as for run',
  },
} as const;

const HELP =
  'Two methods. morris (the default, as it is the cheaper): trajectories × (parameters + 1) design points, each simulated ' +
  '--runs times with the same seeds; sensitivity.csv has mu_star (mean absolute effect over the range, the ranking measure), ' +
  'mu (signed) and sigma (spread: non-linearity or interactions). It ranks; it does not say how much of the variance a ' +
  'parameter explains. sobol: samples × (parameters + 2) design points × --runs; sobol.csv has, per metric and parameter, ' +
  'S1 (the share of the variance of the measure due to the parameter alone) and ST (its share with all its interactions), ' +
  'each with a 95% bootstrap interval, ranked by ST. ST near 0: the parameter can be fixed anywhere in its range; ST well ' +
  'above S1: it acts through other parameters. Without --params, both vary every model parameter over its documented ' +
  `range, which costs trajectories × (${modelParameterPaths().length} + 1) × runs (morris) or samples × (${modelParameterPaths().length} + 2) × runs (sobol) ` +
  'replications: give --params to study a few. ' +
  'The worker threads start once for the whole design and simulate the points one after another, each on ' +
  'min(--workers, --runs) threads; results are the same for any --workers. Give plausible ranges: the answer is about the ranges ' +
  'varied. See docs/SENSITIVITY.md.';

export function builder(yargs: Argv): Argv<SensitivityArgs> {
  return yargs
    .positional('scenario', scenarioPositional())
    .options(options)
    .example(
      '$0 sensitivity baseline --params parameters.attendance.habit,parameters.safety.base,cops.0.support.fundedHours=0:8',
      'Morris: three settings, 10 trajectories: 40 design points × 20 runs',
    )
    .example('$0 sensitivity baseline --params cops.0.founders=2:12 --metric attendance --week 52-103', 'Morris: attendance in the second year')
    .example('$0 sensitivity baseline --params cops.0.founders=2:12 --shard 0/2 --out shards/0', 'Morris: design points 0–9 of 20, as a shard folder for "copsim merge"')
    .example(
      '$0 sensitivity baseline --method sobol --params parameters.attendance.habit,parameters.safety.base,cops.0.support.fundedHours=0:8 --samples 32',
      'Sobol: 32 × (3 + 2) = 160 design points × 4 runs; members, cumulative reuse and survival in the final week',
    )
    .example('$0 sensitivity baseline --method sobol --params cops.0.founders=2:12,parameters.safety.base --shard auto --out shards/$SLURM_ARRAY_TASK_ID', 'Sobol: one SLURM array task\'s slice of the design points')
    .epilogue(HELP) as Argv<SensitivityArgs>;
}

export async function handler(args: SensitivityArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  if (Array.isArray(args.method)) throw new UsageError(`--method was given ${args.method.length} times; give it once`);
  const method = String(args.method);
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method must be morris or sobol, got "${method}"`);
  const settings = parseRunOptions({ ...args, runs: args.runs ?? (method === 'sobol' ? SOBOL_DEFAULT_RUNS : SENSITIVITY_DEFAULT_RUNS) });
  const params = args.params === undefined ? [] : [args.params].flat().map(String);
  if (method === 'sobol') {
    const shard = parseShardOption(args.shard);
    const samples =
      args.samples === undefined ? SOBOL_DEFAULT_SAMPLES : parseInteger('samples', args.samples, { min: 2, expected: 'a power of two of at least 2 (2, 4, 8, …, 64, …)' });
    const measures = parseMeasureList(args);
    const result = await onTerminal(io, settings.quiet, (hooks) =>
      sensitivity({ ...studyOptions(settings), ...hooks, method: 'sobol', scenario: scenarioArgument(args.scenario), params, samples, measures, ...(shard === undefined ? {} : { shard }) }),
    );
    if (settings.json) io.out(studySummaryJson(result));
    else if (result.shard !== undefined) {
      if (!settings.quiet) {
        io.out(`design points ${rangeText(result.shard.first, result.shard.end)} of ${result.designPoints} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
      }
    } else if (!settings.quiet) {
      io.out(sobolTable(result));
      io.out(`\nresults in ${result.out}\n`);
    }
    return;
  }
  if (args.samples !== undefined) throw new UsageError('--samples is for --method sobol; morris takes --trajectories and --levels');
  const measure = parseMeasureOptions({ ...args, metric: args.metric ?? 'members' });
  const trajectories = parseInteger('trajectories', args.trajectories, { min: 2, expected: 'a whole number of at least 2 (σ needs two effects)' });
  const levels = parseInteger('levels', args.levels, { min: 2, expected: 'an even whole number of at least 2' });
  if (levels % 2 !== 0) throw new UsageError(`--levels must be an even whole number of at least 2, got "${levels}" (an even p makes every level equally likely)`);
  const shard = parseShardOption(args.shard);
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    sensitivity({ ...studyOptions(settings), ...hooks, scenario: scenarioArgument(args.scenario), params, trajectories, levels, measure, ...(shard === undefined ? {} : { shard }) }),
  );
  if (settings.json) io.out(studySummaryJson(result));
  else if (result.shard !== undefined) {
    if (!settings.quiet) {
      io.out(`design points ${rangeText(result.shard.first, result.shard.end)} of ${result.designPoints} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
    }
  } else if (!settings.quiet) {
    io.out(morrisTable(result));
    io.out(`\nresults in ${result.out}\n`);
  }
}

/** The measures of --method sobol: --metric's names separated by commas, each with --cop and --week; undefined for the defaults. */
function parseMeasureList(args: SensitivityArgs): Measure[] | undefined {
  if (args.metric === undefined) {
    if (args.week === undefined && args.cop === undefined) return undefined;
    return SOBOL_DEFAULT_MEASURES.map(({ metric }) => parseMeasureOptions({ ...args, metric }));
  }
  if (Array.isArray(args.metric)) throw new UsageError(`--metric was given ${args.metric.length} times; give several metrics in one, separated by commas`);
  const names = String(args.metric).split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError('--metric must name at least one metric, e.g. --metric members,alive');
  return names.map((metric) => parseMeasureOptions({ ...args, metric }));
}
