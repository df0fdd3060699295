/**
 * `copsim sweep`: varies one or two settings over a grid, simulates every point with the same
 * replication seeds, and writes the statistics of one measure per point (sweep.csv), a chart
 * and manifest.json.
 *
 *   --vary ──parseVary──▶ axes ──runSweep (points validated first, then simulated in order)──▶ rows
 *          ──sweepCharts / studyManifestText──▶ writeStudyOutput (atomic)
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { Scenario } from '../../scenario/schema.js';
import { copIds } from '../../scenario/vocabulary.js';
import { sweepCharts } from '../../research/charts.js';
import { describeMeasure, measureProblem, measureTimeText, parseMeasureTime, type Measure } from '../../research/measure.js';
import {
  describePoint,
  parseVary,
  planSweep,
  simulateSweep,
  sweepColumns,
  type SweepAxis,
} from '../../research/sweep/index.js';
import { studyManifestText } from '../../research/manifest.js';
import { writeStudyOutput } from '../../research/write.js';
import type { CommandContext } from '../context.js';
import { startClock, studyProvenance } from '../study.js';
import { asInputError, UsageError } from '../exit.js';
import type { Io } from '../io.js';
import {
  checkOutputFolder,
  describeWorkers,
  loadRunScenario,
  parseRunOptions,
  runOptions,
  safeFolderName,
  withSimulation,
  type RunOptionArgs,
} from '../run-options.js';
import { formatTable } from '../table.js';

export const command = 'sweep <scenario>';
export const describe = 'Vary one or two settings and measure the outcome at every value';

/** The measure options shared by `sweep` and `sensitivity`. */
export const measureOptions = {
  metric: {
    type: 'string',
    requiresArg: true,
    default: 'members',
    describe: 'What to measure: a weekly metric (as in summary.csv) or a per-run figure (as in replications.csv)',
  },
  cop: { type: 'string', requiresArg: true, defaultDescription: 'the first CoP', describe: 'Id of the CoP to measure' },
  week: {
    type: 'string',
    requiresArg: true,
    defaultDescription: 'final',
    describe: 'When to read a weekly metric: final, auc (sum over all weeks), a week N (from 0) or a window A-B (mean)',
  },
} as const;

/** The measure options as yargs hands them over. */
export interface MeasureArgs {
  readonly metric: unknown;
  readonly cop: unknown;
  readonly week: unknown;
}

/**
 * The measure the options name; the metric, CoP and week are checked against the scenario
 * later, where its CoPs and weeks are known.
 */
export function parseMeasureOptions(args: MeasureArgs): Measure {
  for (const name of ['metric', 'cop', 'week'] as const) {
    const value = args[name];
    if (Array.isArray(value)) throw new UsageError(`--${name} was given ${value.length} times; give it once`);
  }
  const metric = String(args.metric) as Measure['metric'];
  const cop = args.cop === undefined ? undefined : String(args.cop);
  if (args.week === undefined) return { metric, cop };
  const at = parseMeasureTime(String(args.week));
  if (at === undefined) throw new UsageError(`--week must be final, auc, a week number (e.g. 104) or a window A-B (e.g. 52-103), got "${String(args.week)}"`);
  return { metric, cop, at };
}

/**
 * Refuses, before any work, a measure the scenario cannot give, naming the option to change.
 */
export function checkMeasure(measure: Measure, scenario: Scenario): void {
  const problem = measureProblem(measure, copIds(scenario), scenario.weeks);
  if (problem === undefined) return;
  const option = problem.startsWith('unknown metric') ? '--metric' : problem.startsWith('unknown CoP') ? '--cop' : '--week';
  throw new UsageError(`${option}: ${problem}`);
}

/** Every warning line once: a sweep loads its scenario once per point. */
export function warnOnce(io: Io): Io {
  const seen = new Set<string>();
  return {
    ...io,
    err: (text) => {
      if (seen.has(text)) return;
      seen.add(text);
      io.err(text);
    },
  };
}

export interface SweepArgs extends RunOptionArgs, MeasureArgs {
  readonly scenario: string;
  readonly vary: string | string[] | undefined;
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
    defaultDescription: 'copsim-out/<scenario name>-sweep',
    describe: 'Folder to write sweep.csv, the chart (sweep.vl.json, .svg, .png) and manifest.json to',
  },
} as const;

export function builder(yargs: Argv): Argv<SweepArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      describe: 'A built-in scenario name (see "copsim list") or a scenario file (.yaml, .json)',
    })
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
    .epilogue(`${SWEEP_CSV_HELP} Every point uses the same replication seeds (common random numbers).`) as Argv<SweepArgs>;
}

export async function handler(args: SweepArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const measure = parseMeasureOptions(args);
  const axes: SweepAxis[] = (args.vary === undefined ? [] : [args.vary].flat()).map((v) => parseVary(String(v)));
  const warnings = warnOnce(io);
  const base = loadRunScenario(args.scenario, settings, warnings);
  checkMeasure(measure, base.scenario);
  const plan = planSweep({ axes, measure, load: (sets) => loadRunScenario(args.scenario, settings, warnings, sets).scenario });
  const { points } = plan;
  const outDir = settings.out ?? join('copsim-out', `${safeFolderName(base.name)}-sweep`);
  const workersUsed = Math.min(settings.workers, settings.runs);
  await checkOutputFolder(outDir);

  const total = points.length * settings.runs;
  const headline =
    `copsim: ${base.name} sweep, ${points.length} point${points.length === 1 ? '' : 's'} × ${settings.runs} runs = ${total} runs ` +
    `of ${base.scenario.weeks} weeks on ${describeWorkers(workersUsed)}…`;
  const clock = startClock();
  const measureText = describeMeasure({ ...measure, cop: plan.cop });
  const result = await withSimulation(io, settings, { headline, replications: total }, async (session) => {
    let seeds: ArrayLike<number> = [];
    const result = await simulateSweep(plan, async (scenario) => {
      const collected = await session.simulate(scenario);
      seeds = collected.seeds;
      return collected;
    });
    const manifest = studyManifestText(
      studyProvenance('sweep', base, settings, clock, seeds),
      {
        measure: { metric: measure.metric, cop: result.cop, week: measureTimeText(measure.at), text: measureText },
        vary: axes.map(({ path, values }) => ({ path, values })),
        points: result.points.map((point) => ({ index: point.index, sets: point.sets })),
      },
    );
    const charts = sweepCharts({ axes, rows: result.rows, measureText, scenarioName: base.name, runs: settings.runs, scenario: base.scenario });
    await writeStudyOutput(outDir, { tables: [{ file: 'sweep.csv', rows: result.rows, columns: sweepColumns(axes) }], charts, manifest }).catch(
      (error: unknown) => {
        throw asInputError(error, `cannot write the results to ${outDir}`);
      },
    );
    return result;
  });
  if (!settings.quiet) {
    io.out(`${base.name}: ${measureText}, ${settings.runs} runs per point\n\n`);
    io.out(
      formatTable(
        ['point', 'n', 'mean', 'ci_low', 'ci_high', 'p05', 'p95'],
        result.points.map((point, i) => {
          const row = result.rows[i];
          return [describePoint(point), row?.n ?? 0, row?.mean ?? Number.NaN, row?.ci_low ?? Number.NaN, row?.ci_high ?? Number.NaN, row?.p05 ?? Number.NaN, row?.p95 ?? Number.NaN];
        }),
      ),
    );
    io.out(`\nresults in ${outDir}\n`);
  }
}
