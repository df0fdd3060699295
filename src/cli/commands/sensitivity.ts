/**
 * `copsim sensitivity`: screens many settings for their influence on one measure with Morris
 * elementary effects, and writes sensitivity.csv (μ, μ*, σ per parameter, ranked), design.csv,
 * a chart and manifest.json.
 *
 *   --params ──parseParams / resolveFactors──▶ factors ──planSensitivity (every point validated)──▶ plan
 *            ──simulateSensitivity──▶ ranked rows ──sensitivityCharts / studyManifestText──▶ writeStudyOutput
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { sensitivityCharts } from '../../research/charts.js';
import { describeMeasure } from '../../research/measure.js';
import {
  designColumns,
  designRows,
  parseParams,
  planSensitivity,
  resolveFactors,
  schemaRangeWarning,
  SENSITIVITY_COLUMNS,
  simulateSensitivity,
} from '../../research/sensitivity/index.js';
import { measureTimeText } from '../../research/measure.js';
import { studyManifestText } from '../../research/manifest.js';
import { writeStudyOutput } from '../../research/write.js';
import { morrisCost } from '../../stats/morris.js';
import type { CommandContext } from '../context.js';
import { startClock, studyProvenance } from '../study.js';
import { asInputError, UsageError } from '../exit.js';
import { parseInteger } from '../numbers.js';
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
import { checkMeasure, measureOptions, parseMeasureOptions, warnOnce, type MeasureArgs } from './sweep.js';

export const command = 'sensitivity <scenario>';
export const describe = 'Screen settings for their influence on an outcome (Morris elementary effects)';

export interface SensitivityArgs extends RunOptionArgs, MeasureArgs {
  readonly scenario: string;
  readonly params: string | string[] | undefined;
  readonly trajectories: unknown;
  readonly levels: unknown;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  params: {
    type: 'string',
    requiresArg: true,
    describe:
      'Settings to screen, separated by commas: path=min:max (the plausible range to screen) or path (the schema\'s validity range, with a warning); whole-number settings are rounded',
  },
  trajectories: { requiresArg: true, default: 10, describe: 'Morris trajectories r (each costs parameters + 1 design points)' },
  levels: { requiresArg: true, default: 4, describe: 'Grid levels p per parameter, even' },
  ...measureOptions,
  ...runOptions,
  runs: { ...runOptions.runs, default: 20, describe: 'Replications per design point (their mean is the point\'s output)' },
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/<scenario name>-sensitivity',
    describe: 'Folder to write sensitivity.csv, design.csv, the chart (sensitivity.vl.json, .svg, .png) and manifest.json to',
  },
} as const;

const HELP =
  'Cost: trajectories × (parameters + 1) design points, each simulated --runs times with the same seeds. ' +
  'sensitivity.csv: parameter, min, max (range screened), mu (mean elementary effect), mu_star (mean absolute effect, ' +
  'the ranking measure), sigma (spread of the effects: non-linearity or interactions), r (effects used), rank. ' +
  'Effects are changes of the measure over the whole range screened, so give plausible ranges: a schema range is a ' +
  'validity bound and may saturate the measure (μ* near 0 then hides an effect). See docs/SENSITIVITY.md.';

export function builder(yargs: Argv): Argv<SensitivityArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      describe: 'A built-in scenario name (see "copsim list") or a scenario file (.yaml, .json)',
    })
    .options(options)
    .example(
      '$0 sensitivity baseline --params parameters.attendance.habit,parameters.safety.base,cops.0.support.fundedHours=0:8',
      'three settings, 10 trajectories: 40 design points × 20 runs',
    )
    .example('$0 sensitivity baseline --params cops.0.founders=2:12 --metric attendance --week 52-103', 'attendance in the second year')
    .epilogue(HELP) as Argv<SensitivityArgs>;
}

export async function handler(args: SensitivityArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions(args);
  const measure = parseMeasureOptions(args);
  const trajectories = parseInteger('trajectories', args.trajectories, { min: 2, expected: 'a whole number of at least 2 (σ needs two effects)' });
  const levels = parseInteger('levels', args.levels, { min: 2, expected: 'an even whole number of at least 2' });
  if (levels % 2 !== 0) throw new UsageError(`--levels must be an even whole number of at least 2, got "${levels}" (an even p makes every level equally likely)`);
  const specs = parseParams(args.params === undefined ? [] : [args.params].flat().map(String));
  const warnings = warnOnce(io);
  const base = loadRunScenario(args.scenario, settings, warnings);
  checkMeasure(measure, base.scenario);
  const factors = resolveFactors(specs, base.scenario, levels);
  if (!settings.quiet) {
    for (const factor of factors) {
      const warning = schemaRangeWarning(factor);
      if (warning !== undefined) io.err(`copsim: warning: ${warning}\n`);
    }
  }
  const plan = planSensitivity({
    factors,
    measure,
    trajectories,
    levels,
    seed: settings.seed,
    load: (sets) => loadRunScenario(args.scenario, settings, warnings, sets).scenario,
  });
  const outDir = settings.out ?? join('copsim-out', `${safeFolderName(base.name)}-sensitivity`);
  const workersUsed = Math.min(settings.workers, settings.runs);
  await checkOutputFolder(outDir);

  const points = morrisCost(factors.length, trajectories);
  const total = points * settings.runs;
  const measureText = describeMeasure({ ...measure, cop: plan.cop });
  const headline =
    `copsim: ${base.name} sensitivity of ${measureText}: ${factors.length} parameters, ${trajectories} trajectories × ` +
    `(${factors.length} + 1) = ${points} design points × ${settings.runs} runs = ${total} runs of ${base.scenario.weeks} weeks ` +
    `on ${describeWorkers(workersUsed)}…`;
  const clock = startClock();
  const result = await withSimulation(io, settings, { headline, replications: total }, async (session) => {
    let seeds: ArrayLike<number> = [];
    const result = await simulateSensitivity(plan, async (scenario) => {
      const collected = await session.simulate(scenario);
      seeds = collected.seeds;
      return collected;
    });
    const { design } = plan;
    const manifest = studyManifestText(
      studyProvenance('sensitivity', base, settings, clock, seeds),
      {
        measure: { metric: measure.metric, cop: plan.cop, week: measureTimeText(measure.at), text: measureText },
        method: 'Morris elementary effects (Morris 1991), mu* after Campolongo, Cariboni & Saltelli 2007',
        params: factors,
        trajectories,
        levels,
        delta: design.morris.delta,
        designSeed: settings.seed,
        designPoints: points,
        totalRuns: total,
      },
    );
    const charts = sensitivityCharts({ rows: result.rows, measureText, scenarioName: base.name, trajectories, levels, runs: settings.runs, scenario: base.scenario });
    await writeStudyOutput(outDir, {
      tables: [
        { file: 'sensitivity.csv', rows: result.rows, columns: SENSITIVITY_COLUMNS },
        { file: 'design.csv', rows: designRows(result), columns: designColumns(factors) },
      ],
      charts,
      manifest,
    }).catch((error: unknown) => {
      throw asInputError(error, `cannot write the results to ${outDir}`);
    });
    return result;
  });
  if (!settings.quiet) {
    io.out(`${base.name}: sensitivity of ${measureText}; ${points} design points × ${settings.runs} runs\n\n`);
    io.out(
      formatTable(
        ['rank', 'parameter', 'min', 'max', 'mu_star', 'mu', 'sigma', 'r'],
        result.rows.map((row) => [row.rank, row.parameter, row.min, row.max, row.mu_star, row.mu, row.sigma, row.r]),
      ),
    );
    io.out(`\nresults in ${outDir}\n`);
  }
}
