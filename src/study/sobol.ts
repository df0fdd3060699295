/**
 * `sensitivity` with `method: 'sobol'`: a global, variance-based analysis of many settings on
 * one or more measures. The library verb behind `copsim sensitivity --method sobol`.
 *
 *   params (or every model parameter) ──resolveFactors / modelParameterFactors──▶ factors
 *          ──planSobol (Saltelli design, every point validated)──▶ plan
 *          ──simulateSobol(session.simulate)──▶ S1, ST per measure ──chart, manifest──▶ writeStudy
 */
import type { Collected } from '../aggregate/types.js';
import { provenanceFields, startClock, studyManifestText } from '../output/provenance.js';
import { writeDesignShard } from '../shard/design.js';
import { rangeText, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
import { describeMeasure, measureTimeText, measureValues, type Measure } from '../research/measure.js';
import { sobolCharts } from '../research/sobol-chart.js';
import type { Scenario } from '../scenario/schema.js';
import {
  modelParameterFactors,
  ORDERED_PARAMETERS,
  parseParams,
  planSobol,
  resolveFactors,
  schemaRangeWarning,
  simulateSobol,
  SOBOL_COLUMNS,
  SOBOL_RESAMPLES,
  sobolDesignColumns,
  sobolDesignRows,
  type Factor,
  type SobolResult,
} from '../research/sensitivity/index.js';
import { isPowerOfTwo, saltelliCost } from '../stats/saltelli.js';
import { SOBOL_MAX_DIMENSIONS } from '../stats/sobol-sequence.js';
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
  type StudyProvenance,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { checkMeasure } from './sweep.js';
import { writeStudyFiles } from './write.js';

/** Options of `sensitivity` with `method: 'sobol'`. */
export interface SobolOptions extends StudyOptions {
  readonly method: 'sobol';
  readonly scenario: ScenarioRef;
  /**
   * Settings to vary, as `--params`: `path=min:max` or `path` (the schema's range). Omitted or
   * empty: every model parameter over its documented range (see `modelParameterFactors`).
   */
  readonly params?: readonly string[];
  /** Base samples N, a power of two; the design has N · (parameters + 2) points. Default 64. */
  readonly samples?: number;
  /**
   * What to measure, each read from the same simulations. Default: members, cumulative reuse
   * and whether the CoP is alive, in the final week, of the first CoP.
   */
  readonly measures?: readonly Measure[];
}

/** A finished Sobol analysis. */
export interface SobolStudy extends SobolResult, MeasuredStudy {
  readonly kind: 'sobol';
  readonly factors: readonly Factor[];
  /** Each measure in words, in the order of `measures`. */
  readonly measureTexts: readonly string[];
  /** Base samples N. */
  readonly samples: number;
  /** Design points: N · (parameters + 2). */
  readonly designPoints: number;
  /**
   * The design points a shard simulated (`shard` option): then it has no indices (`results`
   * and `rows` empty) until the shards are merged, and `out` is a shard folder for `merge`.
   */
  readonly shard?: ShardSlice;
}

/** Replications per design point of a Sobol analysis when `runs` is not given. */
export const SOBOL_DEFAULT_RUNS = 4;

/** Base samples N of a Sobol analysis when `samples` is not given. */
export const SOBOL_DEFAULT_SAMPLES = 64;

/** The measures of a Sobol analysis when none is given: participation, knowledge reuse, survival. */
export const SOBOL_DEFAULT_MEASURES: readonly Measure[] = [{ metric: 'members' }, { metric: 'cumulative_reuse' }, { metric: 'alive' }];

/**
 * Sobol indices (S1 and ST with 95% bootstrap intervals) of `params`, or of every model
 * parameter, on each measure; with `out`, also writes sobol.csv, sobol-design.csv, the chart
 * and manifest.json.
 */
export async function sobolSensitivity(options: SobolOptions): Promise<SobolStudy> {
  const settings = checkStudyOptions(options, SOBOL_DEFAULT_RUNS, { shard: true });
  const samples = options.samples ?? SOBOL_DEFAULT_SAMPLES;
  if (!isPowerOfTwo(samples) || samples < 2) {
    throw new StudyError(`samples must be a power of two of at least 2 (2, 4, 8, …, 64, …), got ${String(samples)} (the Sobol points are balanced at powers of two)`);
  }
  const measures = options.measures ?? SOBOL_DEFAULT_MEASURES;
  if (measures.length === 0) throw new StudyError('measures must name at least one measure');
  const metrics = measures.map((m) => m.metric);
  const twice = metrics.find((m, i) => metrics.indexOf(m) !== i);
  if (twice !== undefined) throw new StudyError(`--metric names ${twice} twice; give each metric once`);
  const base = resolveScenario(options.scenario, settings.sets, settings.warn);
  for (const measure of measures) checkMeasure(measure, base.scenario);
  const given = someParams(options.params);
  const factors = designFactors(options.params, base.scenario, 2, settings.warn);
  const maxFactors = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
  if (factors.length > maxFactors) throw new StudyError(`--params: a Sobol analysis varies at most ${maxFactors} parameters, got ${factors.length}`);
  const plan = planSobol({
    factors,
    measures,
    samples,
    seed: settings.seed,
    load: (sets) => resolveScenario(options.scenario, [...settings.sets, ...sets], settings.warn).scenario,
  });
  const designPoints = saltelliCost(samples, factors.length);
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, designPoints, 'design points');
  const folder = `${safeFolderName(base.name)}-sobol`;
  const out = await prepareOutputFolder(settings.out, slice === undefined ? folder : shardFolderName(folder, slice), settings.resume ? () => undefined : settings.warn);
  const checkpoint = await studyCheckpoint(out, settings, 'sensitivity', {
    method: 'sobol',
    scenario: base.scenario,
    params: factors,
    samples,
    measures,
    seed: settings.seed,
    runs: settings.runs,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const total = (slice === undefined ? designPoints : slice.end - slice.first) * settings.runs;
  const measureTexts = measures.map((measure) => describeMeasure({ ...measure, cop: measure.cop ?? plan.cop }));
  const measureText = measureTexts.join('; ');
  // Progress is reported point by point.
  const { onProgress, ...quiet } = options;
  const session = createSession(settings, quiet, total, checkpoint);
  // The session's one pool of threads simulates the points one after another, each on
  // min(workers, runs) threads, so a point's batch never waits for threads to start.
  options.onStart?.({
    headline:
      `copsim: ${base.name} Sobol analysis of ${measureText}: ${factors.length} parameters, ${samples} samples × ` +
      `(${factors.length} + 2) = ${designPoints} design points${slice === undefined ? '' : ` (this shard: ${rangeText(slice.first, slice.end)})`} × ${settings.runs} runs = ${total} runs of ${base.scenario.weeks} weeks ` +
      `on ${describeWorkers(session.workersUsed)}…`,
    replications: total,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  let seeds: ArrayLike<number> = [];
  let done = 0;
  const simulate = async (scenario: Scenario): Promise<Collected> => {
    const collected = await session.simulate(scenario);
    seeds = collected.seeds;
    done += settings.runs;
    onProgress?.(done, total);
    return collected;
  };
  const of = { base, factors, measures, measureTexts, samples, designPoints, runs: settings.runs, paramsFrom: given ? 'given' : 'every model parameter' } as const;
  if (slice !== undefined) {
    // A shard simulates its slice of the design points and keeps every measure in every replication.
    const values: Float64Array[] = [];
    await session.closing(async () => {
      for (let point = slice.first; point < slice.end; point++) {
        const collected = await simulate(plan.scenarios[point] as Scenario);
        const all = new Float64Array(measures.length * settings.runs);
        plan.measures.forEach((measure, m) => all.set(measureValues(collected, measure), m * settings.runs));
        values.push(all);
      }
    });
    const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
    const study = { method: 'sobol', factors, measures, cop: plan.cop, samples, designSeed: settings.seed, paramsFrom: of.paramsFrom };
    await checkpoint?.commit((staging) =>
      writeDesignShard(staging, { command: 'sensitivity', slice, points: designPoints, base, fields, study, values, measures: measures.length }),
    );
    const own = sobolStudy({ ...of, result: { plan, results: [], rows: [] }, fields, out });
    return { ...own, tables: [], charts: [], shard: slice };
  }
  const result = await session.closing(() => simulateSobol(plan, simulate));
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const study = sobolStudy({ ...of, result, fields, out });
  await checkpoint?.commit((staging) => writeStudyFiles(staging, study));
  return study;
}

/**
 * A Sobol analysis's study from its result and provenance: the tables (sobol.csv,
 * sobol-design.csv), charts and manifest. Pure; what `sensitivity` and `merge` write.
 */
export function sobolStudy(input: StudyProvenance & {
  readonly base: NamedScenario;
  readonly factors: readonly Factor[];
  readonly measures: readonly Measure[];
  readonly measureTexts: readonly string[];
  readonly samples: number;
  readonly designPoints: number;
  readonly runs: number;
  readonly paramsFrom: string;
  readonly result: SobolResult;
}): SobolStudy {
  const { base, factors, measures, measureTexts, samples, designPoints, runs, result } = input;
  const plan = result.plan;
  const manifest = studyManifestText(
    'sensitivity',
    { scenario: base.scenario, scenarioName: base.name, scenarioSource: base.source },
    input.fields,
    {
      method:
        'Sobol indices (Sobol 1993): Saltelli sampling (Saltelli et al. 2010) on a scrambled Sobol sequence (Joe & Kuo 2008 ' +
        'direction numbers, linear matrix scramble and digital shift); first order by Saltelli et al. 2010, total order by ' +
        `Jansen 1999; 95% bootstrap percentile intervals over ${SOBOL_RESAMPLES} resamples of the base samples`,
      measures: result.results.map((r, i) => ({
        metric: r.measure.metric,
        cop: r.measure.cop ?? plan.cop,
        week: measureTimeText(r.measure.at),
        text: measureTexts[i],
        variance: r.variance,
        samplesUsed: r.samples,
      })),
      params: factors,
      paramsFrom: input.paramsFrom,
      samples,
      designSeed: plan.seed,
      designPoints,
      totalRuns: designPoints * runs,
      ...(input.extra ?? {}),
    },
  );
  return {
    ...result,
    kind: 'sobol',
    name: base.name,
    factors,
    measureText: measureTexts.join('; '),
    measureTexts,
    runs,
    samples,
    designPoints,
    tables: [
      { file: 'sobol.csv', rows: result.rows, columns: SOBOL_COLUMNS },
      { file: 'sobol-design.csv', rows: sobolDesignRows(result), columns: sobolDesignColumns(factors, measures) },
    ],
    charts: sobolCharts({ results: result.results, measureTexts, scenarioName: base.name, samples, runs, scenario: base.scenario }),
    manifest,
    out: input.out,
  };
}

/** Whether `params` names any setting (`--params` given and not empty). */
export function someParams(params: readonly string[] | undefined): boolean {
  return (params ?? []).flatMap((item) => item.split(',')).some((text) => text.trim() !== '');
}

/**
 * The factors of a design (Sobol or Morris): those `params` names, each range checked with a
 * warning where it is the schema's validity range; or, with no `params`, every model parameter
 * over its documented range, with one warning that says so.
 */
export function designFactors(params: readonly string[] | undefined, scenario: Scenario, levels: number, warn: (message: string) => void): Factor[] {
  if (!someParams(params)) {
    const factors = modelParameterFactors(scenario, levels);
    warn(defaultDesignWarning(factors));
    return factors;
  }
  const factors = resolveFactors(parseParams(params ?? []), scenario, levels);
  for (const factor of factors) {
    const warning = schemaRangeWarning(factor);
    if (warning !== undefined) warn(warning);
  }
  return factors;
}

/** What a design of every model parameter varies, said once (Sobol and Morris). */
function defaultDesignWarning(factors: readonly Factor[]): string {
  const varied = new Set(factors.map((f) => f.path));
  const chained = new Set(ORDERED_PARAMETERS.flat());
  const held = [...chained].filter((path) => !varied.has(path));
  const low = factors.filter((f) => f.rangeFrom === 'suggested' && !chained.has(f.path));
  const ordered = factors.filter((f) => chained.has(f.path));
  const range = (f: Factor): string => `${f.path}=${f.min}:${f.max}`;
  const parts = [
    `--params not given: varying all ${factors.length} model parameters over their documented ranges (docs/PARAMETERS.md)`,
    ...(low.length === 0 ? [] : [`${low.length} sit in the bottom 1% of theirs and are varied from the minimum to about twice their value: ${low.map(range).join(', ')}`]),
    ...(ordered.length === 0
      ? []
      : [`the role thresholds must stay ordered (activeAttended ≤ coreAttended ≤ window, activeSpeaking ≤ coreSpeaking) and are varied in adjoining ranges: ${ordered.map(range).join(', ')}`]),
    ...(held.length === 0 ? [] : [`held at the scenario's values, as their order leaves no room: ${held.join(', ')}`]),
  ];
  return `${parts.join('; ')}. Give --params path=min:max to vary plausible ranges instead`;
}
