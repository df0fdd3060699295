/**
 * `sensitivity`: screens settings for their influence on one measure with Morris elementary
 * effects, or, with `method: 'sobol'`, measures their shares of the variance of one or more
 * measures (sobol.ts). The library verb behind `copsim sensitivity`.
 *
 *   params ──parseParams / resolveFactors──▶ factors ──planSensitivity (every point validated)──▶ plan
 *          ──simulateSensitivity(session.simulate)──▶ ranked rows ──charts, manifest──▶ writeStudy
 */
import { provenanceFields, startClock, studyManifestText } from '../output/provenance.js';
import { measureValues } from '../research/measure.js';
import type { Scenario } from '../scenario/schema.js';
import { writeDesignShard } from '../shard/design.js';
import { rangeText, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
import { countFinite } from '../stats/count-finite.js';
import { mean } from '../stats/mean.js';
import { sensitivityCharts } from '../research/charts.js';
import { describeMeasure, measureTimeText, type Measure } from '../research/measure.js';
import {
  designColumns,
  designRows,
  parseParams,
  planSensitivity,
  SENSITIVITY_COLUMNS,
  simulateSensitivity,
  type Factor,
  type SensitivityResult,
} from '../research/sensitivity/index.js';
import { morrisCost } from '../stats/morris.js';
import { StudyError } from './errors.js';
import { checkpointPlan, studyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import {
  checkStudyOptions,
  describeWorkers,
  resolveScenario,
  safeFolderName,
  wholeNumber,
  type MeasuredStudy,
  type NamedScenario,
  type ScenarioRef,
  type StudyOptions,
  type StudyProvenance,
} from './options.js';
import { createSession } from './session.js';
import { designFactors, someParams, sobolSensitivity, type SobolOptions, type SobolStudy } from './sobol.js';
import { checkMeasure } from './sweep.js';
import { writeStudyFiles } from './write.js';

/** Options of `sensitivity`. */
export interface SensitivityOptions extends StudyOptions {
  /** `morris` (the default): elementary effects; for `sobol` see `SobolOptions`. */
  readonly method?: 'morris';
  readonly scenario: ScenarioRef;
  /**
   * Settings to screen: `path=min:max` (a plausible range) or `path` (the schema's validity
   * range), as `--params`. Omitted or empty: every model parameter over its documented range
   * (see `modelParameterFactors`), with a warning that says so.
   */
  readonly params?: readonly string[];
  /** Morris trajectories r (each costs parameters + 1 design points). Default 10. */
  readonly trajectories?: number;
  /** Grid levels p per parameter, even. Default 4. */
  readonly levels?: number;
  /** What to measure. Default: members in the final week, of the first CoP. */
  readonly measure?: Measure;
}

/** A finished screening. */
export interface SensitivityStudy extends SensitivityResult, MeasuredStudy {
  readonly kind: 'sensitivity';
  readonly factors: readonly Factor[];
  /** Design points: trajectories × (parameters + 1). */
  readonly designPoints: number;
  /**
   * The design points a shard simulated (`shard` option): then `outputs` and `counts` hold
   * only those (NaN and 0 elsewhere), there is no ranking (`rows`, tables and charts are empty)
   * until the shards are merged, and `out` is a shard folder for `merge`.
   */
  readonly shard?: ShardSlice;
}

/** Replications per design point of `sensitivity` when `runs` is not given. */
export const SENSITIVITY_DEFAULT_RUNS = 20;

/**
 * Screens `params` (default: every model parameter) with Morris elementary effects (μ, μ*, σ per parameter, ranked); with
 * `out`, also writes sensitivity.csv, design.csv, the chart and manifest.json. With `shard`,
 * simulates only that slice of the design points and writes a shard folder for `merge`.
 *
 * With `method: 'sobol'`, a global analysis instead: first- and total-order Sobol indices with
 * bootstrap intervals of `params` (default: every model parameter) on each of `measures`, from
 * a Saltelli design of `samples` · (parameters + 2) points; with `out`, writes sobol.csv,
 * sobol-design.csv, the chart and manifest.json. It costs far more runs than Morris.
 *
 * @example
 * const study = await sensitivity({ scenario: 'baseline', params: ['cops.0.support.fundedHours=0:8', 'cops.0.founders=2:12'], runs: 10 });
 * study.rows[0].parameter // → the most influential of the two
 * @example
 * const global = await sensitivity({ method: 'sobol', scenario: 'baseline', params: ['cops.0.support.fundedHours=0:8', 'cops.0.founders=2:12'], samples: 32, runs: 4 });
 * global.rows[0] // → { metric: 'members', parameter: …, S1: …, S1_low: …, S1_high: …, ST: …, ST_low: …, ST_high: …, rank: 1 }
 */
export function sensitivity(options: SobolOptions): Promise<SobolStudy>;
export function sensitivity(options: SensitivityOptions): Promise<SensitivityStudy>;
export function sensitivity(options: SensitivityOptions | SobolOptions): Promise<SensitivityStudy | SobolStudy> {
  if (options.method === 'sobol') return sobolSensitivity(options);
  if (options.method !== undefined && options.method !== 'morris') {
    return Promise.reject(new StudyError(`method must be morris or sobol, got ${String(options.method)}`));
  }
  return morrisSensitivity(options);
}

async function morrisSensitivity(options: SensitivityOptions): Promise<SensitivityStudy> {
  const settings = checkStudyOptions(options, SENSITIVITY_DEFAULT_RUNS, { shard: true });
  const trajectories = options.trajectories ?? 10;
  wholeNumber('trajectories', trajectories, 2);
  const levels = options.levels ?? 4;
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new StudyError(`levels must be an even whole number of at least 2, got ${String(levels)} (an even p makes every level equally likely)`);
  }
  const measure = options.measure ?? { metric: 'members' };
  // Malformed --params are refused before the scenario is loaded.
  if (someParams(options.params)) parseParams(options.params ?? []);
  const base = resolveScenario(options.scenario, settings.sets, settings.warn);
  checkMeasure(measure, base.scenario);
  const factors = designFactors(options.params, base.scenario, levels, settings.warn);
  const plan = planSensitivity({
    factors,
    measure,
    trajectories,
    levels,
    seed: settings.seed,
    load: (sets) => resolveScenario(options.scenario, [...settings.sets, ...sets], settings.warn).scenario,
  });
  const designPoints = morrisCost(factors.length, trajectories);
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, designPoints, 'design points');
  const folder = `${safeFolderName(base.name)}-sensitivity`;
  const out = await prepareOutputFolder(settings.out, slice === undefined ? folder : shardFolderName(folder, slice), settings.resume ? () => undefined : settings.warn);
  const checkpoint = await studyCheckpoint(out, settings, 'sensitivity', {
    method: 'morris',
    scenario: base.scenario,
    params: factors,
    trajectories,
    levels,
    measure,
    seed: settings.seed,
    runs: settings.runs,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const total = (slice === undefined ? designPoints : slice.end - slice.first) * settings.runs;
  const measureText = describeMeasure({ ...measure, cop: plan.cop });
  const session = createSession(settings, options, total, checkpoint);
  options.onStart?.({
    headline:
      `copsim: ${base.name} sensitivity of ${measureText}: ${factors.length} parameters, ${trajectories} trajectories × ` +
      `(${factors.length} + 1) = ${designPoints} design points${slice === undefined ? '' : ` (this shard: ${rangeText(slice.first, slice.end)})`} × ${settings.runs} runs = ${total} runs of ${base.scenario.weeks} weeks ` +
      `on ${describeWorkers(session.workersUsed)}…`,
    replications: total,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  let seeds: ArrayLike<number> = [];
  if (slice !== undefined) {
    // A shard simulates its slice of the design points and keeps the measure in every replication.
    const values: Float64Array[] = [];
    await session.closing(async () => {
      for (let point = slice.first; point < slice.end; point++) {
        const collected = await session.simulate(plan.scenarios[point] as Scenario);
        seeds = collected.seeds;
        values.push(measureValues(collected, plan.measure));
      }
    });
    const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
    const outputs = new Float64Array(designPoints).fill(Number.NaN);
    const counts = new Array<number>(designPoints).fill(0);
    values.forEach((v, i) => {
      outputs[slice.first + i] = mean(v);
      counts[slice.first + i] = countFinite(v);
    });
    const study = { factors, measure, cop: plan.cop, trajectories, levels, designSeed: settings.seed };
    // The checkpoint exists exactly when there is a folder to write: the files are staged, then moved in.
    await checkpoint?.commit((staging) => writeDesignShard(staging, { command: 'sensitivity', slice, points: designPoints, base, fields, study, values }));
    const own = morrisStudy({ base, factors, measure, trajectories, levels, seed: settings.seed, result: { plan, outputs, counts, rows: [] }, fields, out });
    return { ...own, rows: [], tables: [], charts: [], shard: slice };
  }
  const result = await session.closing(() =>
    simulateSensitivity(plan, async (scenario) => {
      const collected = await session.simulate(scenario);
      seeds = collected.seeds;
      return collected;
    }),
  );
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const study = morrisStudy({ base, factors, measure, trajectories, levels, seed: settings.seed, result, fields, out });
  await checkpoint?.commit((staging) => writeStudyFiles(staging, study));
  return study;
}

/**
 * A Morris screening's study from its result and provenance: the tables (sensitivity.csv,
 * design.csv), charts and manifest. Pure; what `sensitivity` and `merge` write.
 */
export function morrisStudy(input: StudyProvenance & {
  readonly base: NamedScenario;
  readonly factors: readonly Factor[];
  readonly measure: Measure;
  readonly trajectories: number;
  readonly levels: number;
  /** The design's seed (the master seed). */
  readonly seed: number;
  readonly result: SensitivityResult;
}): SensitivityStudy {
  const { base, factors, measure, trajectories, levels, result, fields, out } = input;
  const { plan } = result;
  const designPoints = morrisCost(factors.length, trajectories);
  const total = designPoints * fields.runs;
  const measureText = describeMeasure({ ...measure, cop: plan.cop });
  const manifest = studyManifestText('sensitivity', { scenario: base.scenario, scenarioName: base.name, scenarioSource: base.source }, fields, {
    measure: { metric: measure.metric, cop: plan.cop, week: measureTimeText(measure.at), text: measureText },
    method: 'Morris elementary effects (Morris 1991), mu* after Campolongo, Cariboni & Saltelli 2007',
    params: factors,
    trajectories,
    levels,
    delta: plan.design.morris.delta,
    designSeed: input.seed,
    designPoints,
    totalRuns: total,
    ...input.extra,
  });
  return {
    ...result,
    kind: 'sensitivity',
    name: base.name,
    factors,
    measureText,
    runs: fields.runs,
    designPoints,
    tables: [
      { file: 'sensitivity.csv', rows: result.rows, columns: SENSITIVITY_COLUMNS },
      { file: 'design.csv', rows: designRows(result), columns: designColumns(factors) },
    ],
    charts: sensitivityCharts({ rows: result.rows, measureText, scenarioName: base.name, trajectories, levels, runs: fields.runs, scenario: base.scenario }),
    manifest,
    out,
  };
}
