/**
 * `sweep`: varies one or two settings over a grid and measures one outcome at every point,
 * with the same replication seeds at every point. The library verb behind `copsim sweep`.
 *
 *   vary ──parseVary──▶ axes ──planSweep (every point validated)──▶ plan
 *        ──simulateSweep(session.simulate)──▶ rows ──sweepCharts, studyManifestText──▶ writeStudy
 */
import { provenanceFields, startClock, studyManifestText } from '../output/provenance.js';
import { sweepCharts } from '../research/charts.js';
import { describeMeasure, measureProblem, measureTimeText, type Measure } from '../research/measure.js';
import { parseVary, planSweep, simulateSweep, sweepColumns, type SweepAxis, type SweepResult } from '../research/sweep/index.js';
import { copIds } from '../scenario/vocabulary.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from './errors.js';
import { checkpointPlan, studyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import {
  checkStudyOptions,
  describeWorkers,
  resolveScenario,
  safeFolderName,
  type MeasuredStudy,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { writeStudy } from './write.js';

/** Options of `sweep`. */
export interface SweepOptions extends StudyOptions {
  readonly scenario: ScenarioRef;
  /** One or two settings and their values: `path=from:to:step` or `path=v1,v2,...` (as `--vary`), or parsed axes. */
  readonly vary: readonly (string | SweepAxis)[];
  /** What to measure. Default: members in the final week, of the first CoP. */
  readonly measure?: Measure;
}

/** A finished sweep. */
export interface SweepStudy extends SweepResult, MeasuredStudy {
  readonly kind: 'sweep';
  readonly measure: Measure;
}

/** Replications per point of `sweep` when `runs` is not given. */
export const SWEEP_DEFAULT_RUNS = 50;

/**
 * Simulates every point of the grid with the same replication seeds and summarises the
 * measure at each; with `out`, also writes sweep.csv, its chart and manifest.json.
 *
 * @throws DesignError for a bad grid or path; ScenarioError naming the point for a bad value
 * @example
 * const study = await sweep({ scenario: 'baseline', vary: ['cops.0.support.fundedHours=0:8:2'], runs: 20 });
 * study.rows.map((row) => row.mean) // → final members at 0, 2, 4, 6 and 8 funded hours
 */
export async function sweep(options: SweepOptions): Promise<SweepStudy> {
  const settings = checkStudyOptions(options, SWEEP_DEFAULT_RUNS);
  const measure = options.measure ?? { metric: 'members' };
  const axes = options.vary.map((v) => (typeof v === 'string' ? parseVary(v) : v));
  const base = resolveScenario(options.scenario, settings.sets, settings.warn);
  checkMeasure(measure, base.scenario);
  const plan = planSweep({ axes, measure, load: (sets) => resolveScenario(options.scenario, [...settings.sets, ...sets], settings.warn).scenario });
  const { points } = plan;
  const varied = axes.map((axis) => axis.path.split('.').pop() ?? axis.path).join('-');
  const out = await prepareOutputFolder(
    settings.out,
    `${safeFolderName(base.name)}-sweep-${safeFolderName(varied)}`,
    settings.resume ? () => undefined : settings.warn,
  );
  const checkpoint = await studyCheckpoint(out, settings, 'sweep', {
    scenario: base.scenario,
    vary: axes.map(({ path, values }) => ({ path, values })),
    measure,
    seed: settings.seed,
    runs: settings.runs,
  });
  const total = points.length * settings.runs;
  const session = createSession(settings, options, total, checkpoint);
  options.onStart?.({
    headline:
      `copsim: ${base.name} sweep, ${points.length} point${points.length === 1 ? '' : 's'} × ${settings.runs} runs = ${total} runs ` +
      `of ${base.scenario.weeks} weeks on ${describeWorkers(session.workersUsed)}…`,
    replications: total,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  let seeds: ArrayLike<number> = [];
  const result = await session.closing(() =>
    simulateSweep(plan, async (scenario) => {
      const collected = await session.simulate(scenario);
      seeds = collected.seeds;
      return collected;
    }),
  );
  const measureText = describeMeasure({ ...measure, cop: plan.cop });
  const manifest = studyManifestText(
    'sweep',
    { scenario: base.scenario, scenarioName: base.name, scenarioSource: base.source },
    provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds }),
    {
      measure: { metric: measure.metric, cop: result.cop, week: measureTimeText(measure.at), text: measureText },
      vary: axes.map(({ path, values }) => ({ path, values })),
      points: result.points.map((point) => ({ index: point.index, sets: point.sets })),
    },
  );
  const study: SweepStudy = {
    ...result,
    kind: 'sweep',
    name: base.name,
    measure,
    measureText,
    runs: settings.runs,
    tables: [{ file: 'sweep.csv', rows: result.rows, columns: sweepColumns(axes) }],
    charts: sweepCharts({ axes, rows: result.rows, measureText, scenarioName: base.name, runs: settings.runs, scenario: base.scenario }),
    manifest,
    out,
  };
  await checkpoint?.commit((staging) => writeStudy(staging, study));
  return study;
}

/**
 * Refuses, before any work, a measure the scenario cannot give, naming the setting to change.
 *
 * @throws StudyError naming the option, e.g. "--metric: unknown metric "memebrs" (did you mean "members"?)"
 */
export function checkMeasure(measure: Measure, scenario: Scenario): void {
  const problem = measureProblem(measure, copIds(scenario), scenario.weeks);
  if (problem === undefined) return;
  const option = problem.startsWith('unknown metric') ? '--metric' : problem.startsWith('unknown CoP') ? '--cop' : '--week';
  throw new StudyError(`${option}: ${problem}`);
}
