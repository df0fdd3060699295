/**
 * `sweep`: varies one or two settings over a grid and measures one outcome at every point,
 * with the same replication seeds at every point. The library verb behind `copsim sweep`.
 *
 *   vary ──parseVary──▶ axes ──planSweep (every point validated)──▶ plan
 *        ──simulateSweep(session.simulate)──▶ rows ──sweepCharts, studyManifestText──▶ writeStudy
 */
import { provenanceFields, startClock, studyManifestText, type ProvenanceFields } from '../output/provenance.js';
import { sweepCharts } from '../research/charts.js';
import { describeMeasure, measureProblem, measureTimeText, type Measure } from '../research/measure.js';
import { parseVary, planSweep, simulateSweep, sweepColumns, sweepRows, type SweepAxis, type SweepPoint, type SweepResult } from '../research/sweep/index.js';
import { writeDesignShard } from '../shard/design.js';
import { rangeText, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
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
  type NamedScenario,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { writeStudyFiles } from './write.js';

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
  /** The design points a shard simulated (`shard` option): then rows and values are of those alone, and `out` is a shard folder for `merge`. */
  readonly shard?: ShardSlice;
}

/** Replications per point of `sweep` when `runs` is not given. */
export const SWEEP_DEFAULT_RUNS = 50;

/**
 * Simulates every point of the grid with the same replication seeds and summarises the
 * measure at each; with `out`, also writes sweep.csv, its chart and manifest.json. With
 * `shard`, simulates only that slice of the design points and writes a shard folder for `merge`.
 *
 * @throws DesignError for a bad grid or path; ScenarioError naming the point for a bad value
 * @example
 * const study = await sweep({ scenario: 'baseline', vary: ['cops.0.support.fundedHours=0:8:2'], runs: 20 });
 * study.rows.map((row) => row.mean) // → final members at 0, 2, 4, 6 and 8 funded hours
 */
export async function sweep(options: SweepOptions): Promise<SweepStudy> {
  const settings = checkStudyOptions(options, SWEEP_DEFAULT_RUNS, { shard: true });
  const measure = options.measure ?? { metric: 'members' };
  const axes = options.vary.map((v) => (typeof v === 'string' ? parseVary(v) : v));
  const base = resolveScenario(options.scenario, settings.sets, settings.warn);
  checkMeasure(measure, base.scenario);
  const whole = planSweep({ axes, measure, load: (sets) => resolveScenario(options.scenario, [...settings.sets, ...sets], settings.warn).scenario });
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, whole.points.length, 'design points');
  // A shard simulates its slice of the points, each with every replication.
  const plan = slice === undefined ? whole : { ...whole, points: whole.points.slice(slice.first, slice.end) };
  const { points } = plan;
  const varied = axes.map((axis) => axis.path.split('.').pop() ?? axis.path).join('-');
  const folder = `${safeFolderName(base.name)}-sweep-${safeFolderName(varied)}`;
  const out = await prepareOutputFolder(
    settings.out,
    slice === undefined ? folder : shardFolderName(folder, slice),
    settings.resume ? () => undefined : settings.warn,
  );
  const checkpoint = await studyCheckpoint(out, settings, 'sweep', {
    scenario: base.scenario,
    vary: axes.map(({ path, values }) => ({ path, values })),
    measure,
    seed: settings.seed,
    runs: settings.runs,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const total = points.length * settings.runs;
  const session = createSession(settings, options, total, checkpoint);
  const which = slice === undefined ? '' : `, design points ${rangeText(slice.first, slice.end)} of ${whole.points.length}`;
  options.onStart?.({
    headline:
      `copsim: ${base.name} sweep${which}, ${points.length} point${points.length === 1 ? '' : 's'} × ${settings.runs} runs = ${total} runs ` +
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
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const study = sweepStudy({ base, axes, measure, cop: result.cop, points, values: result.values, fields, out });
  if (slice !== undefined) {
    const own: SweepStudy = { ...study, shard: slice };
    // The checkpoint exists exactly when there is a folder to write: the files are staged, then moved in.
    await checkpoint?.commit((staging) =>
        writeDesignShard(staging, {
          command: 'sweep',
          slice,
          points: whole.points.length,
          base,
          fields,
          study: { axes, measure, cop: result.cop },
          values: result.values,
        }),
    );
    return own;
  }
  await checkpoint?.commit((staging) => writeStudyFiles(staging, study));
  return study;
}

/**
 * A sweep's study from the measure's values at its points (every point, or a shard's): its
 * rows, sweep.csv, chart and manifest. Pure; what `sweep` and `merge` write.
 */
export function sweepStudy(input: {
  readonly base: NamedScenario;
  readonly axes: readonly SweepAxis[];
  readonly measure: Measure;
  readonly cop: string;
  /** The points the values are of (all, for the study's files), in point order, one per values array. */
  readonly points: readonly SweepPoint[];
  readonly values: readonly Float64Array[];
  readonly fields: ProvenanceFields;
  readonly out: string | undefined;
  /** More fields for manifest.json (a merge's shard list). */
  readonly extra?: Record<string, unknown>;
  /** Said after the chart titles (a partial merge). */
  readonly note?: string;
}): SweepStudy {
  const { base, axes, measure, cop, fields, out } = input;
  const { points } = input;
  if (points.length !== input.values.length) throw new Error(`sweepStudy: ${points.length} points but ${input.values.length} value arrays`);
  const rows = sweepRows(axes, points, [...input.values], measure, cop);
  const measureText = describeMeasure({ ...measure, cop });
  const manifest = studyManifestText('sweep', { scenario: base.scenario, scenarioName: base.name, scenarioSource: base.source }, fields, {
    measure: { metric: measure.metric, cop, week: measureTimeText(measure.at), text: measureText },
    vary: axes.map(({ path, values }) => ({ path, values })),
    points: points.map((point) => ({ index: point.index, sets: point.sets })),
    ...input.extra,
  });
  return {
    axes,
    points,
    cop,
    rows,
    values: [...input.values],
    kind: 'sweep',
    name: base.name,
    measure,
    measureText,
    runs: fields.runs,
    tables: [{ file: 'sweep.csv', rows, columns: sweepColumns(axes) }],
    charts: sweepCharts({ axes, rows, measureText, scenarioName: base.name, runs: fields.runs, scenario: base.scenario, ...(input.note === undefined ? {} : { note: input.note }) }),
    manifest,
    out,
  };
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
