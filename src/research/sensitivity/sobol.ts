/**
 * A global, variance-based sensitivity analysis: Sobol indices of many settings on one or
 * more measures, from a Saltelli design of N · (k + 2) points, each simulated with the same
 * replication seeds (common random numbers). See docs/SENSITIVITY.md.
 *
 *   Factor[] ──saltelliDesign (scrambled Sobol points, seeded)──▶ unit points ──sobolValues──▶ settings
 *            ──load (every point, before any simulation)──▶ scenarios
 *            ──simulate──▶ mean of each measure per point ──sobolIndices──▶ SobolRow[] per measure
 */
import type { Collected } from '../../aggregate/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { copIds } from '../../scenario/vocabulary.js';
import { countFinite } from '../../stats/count-finite.js';
import { mean } from '../../stats/mean.js';
import { saltelliDesign, saltelliRole, sobolIndices, type SaltelliDesign } from '../../stats/saltelli.js';
import { measureValues, type Measure } from '../measure.js';
import { DesignError } from '../errors.js';
import type { Factor } from './params.js';
import { loadDesignPoint } from './run.js';

/** The columns of sobol.csv. */
export const SOBOL_COLUMNS = ['metric', 'parameter', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'rank'] as const;

/** One row of sobol.csv: the indices of one parameter on one measure. */
export interface SobolRow {
  /** The measure's metric. */
  readonly metric: string;
  readonly parameter: string;
  /** First-order index and its bootstrap percentile interval. */
  readonly S1: number;
  readonly S1_low: number;
  readonly S1_high: number;
  /** Total-order index and its bootstrap percentile interval. */
  readonly ST: number;
  readonly ST_low: number;
  readonly ST_high: number;
  /** Within the metric: 1 for the largest ST; a parameter whose ST is NaN comes last. */
  readonly rank: number;
}

/** Bootstrap resamples of the intervals. */
export const SOBOL_RESAMPLES = 1000;

/** What `planSobol` needs. */
export interface SobolInput {
  readonly factors: readonly Factor[];
  /** One or more measures, all read from the same simulations. */
  readonly measures: readonly Measure[];
  /** Base samples N, a power of two. */
  readonly samples: number;
  /** Seed of the design's scramble and of the bootstrap. */
  readonly seed: number;
  /** The scenario of a design point, from its overrides (`path=value`, applied last). */
  readonly load: (sets: readonly string[]) => Scenario;
}

/** A global analysis ready to simulate. */
export interface SobolPlan {
  readonly factors: readonly Factor[];
  readonly measures: readonly Measure[];
  /** The design in the unit cube. */
  readonly design: SaltelliDesign;
  /** One row per design point: one value per factor, in factor order. */
  readonly values: number[][];
  /** One scenario per design point. */
  readonly scenarios: readonly Scenario[];
  /** The CoP measured (the first measure's, else the scenario's first). */
  readonly cop: string;
  readonly seed: number;
}

/** The indices of one measure. */
export interface SobolMeasureResult {
  readonly measure: Measure;
  /** The measure at each design point: the mean over its replications (NaN when none has a value). */
  readonly outputs: Float64Array;
  /** Replications with a value at each design point. */
  readonly counts: number[];
  /** The variance of the design points' outputs over A and B, which the indices divide. */
  readonly variance: number;
  /** Base samples whose k + 2 outputs all had a value. */
  readonly samples: number;
  /** Ranked by ST, most influential first. */
  readonly rows: SobolRow[];
}

/** A finished global analysis. */
export interface SobolResult {
  readonly plan: SobolPlan;
  readonly results: readonly SobolMeasureResult[];
  /** Every measure's rows, measure by measure: sobol.csv. */
  readonly rows: SobolRow[];
}

/**
 * The value of each factor at each unit point: min + u · (max − min), and for a whole-number
 * setting min + ⌊u · (max − min + 1)⌋ (capped at max), so each of its whole values is equally
 * likely.
 *
 * @example sobolValues([[0.5, 0.99]], [{ path: 'a', min: 0, max: 8, integer: false }, { path: 'b', min: 2, max: 5, integer: true }])
 * // → [[4, 5]]
 */
export function sobolValues(points: readonly (readonly number[])[], factors: readonly Factor[]): number[][] {
  return points.map((point) =>
    point.map((u, i) => {
      const { min, max, integer } = factors[i] as Factor;
      return integer ? Math.min(max, min + Math.floor(u * (max - min + 1))) : min + u * (max - min);
    }),
  );
}

/**
 * The design and every design point's scenario, loaded and checked before anything is
 * simulated.
 *
 * @throws DesignError; ScenarioError naming the design point for a value the scenario refuses
 */
export function planSobol(input: SobolInput): SobolPlan {
  if (input.factors.length === 0) throw new DesignError('a Sobol analysis needs at least one parameter');
  if (input.measures.length === 0) throw new DesignError('a Sobol analysis needs at least one measure');
  const { design, values } = sobolDesignPlan({ ...input, cop: '' });
  const scenarios = values.map((row, point) =>
    loadDesignPoint(
      input.load,
      row.map((x, i) => `${(input.factors[i] as Factor).path}=${String(x)}`),
      point,
      input.measures,
    ),
  );
  const cop = input.measures[0]?.cop ?? (copIds(scenarios[0] as Scenario)[0] as string);
  return { factors: input.factors, measures: input.measures, design, values, scenarios, cop, seed: input.seed };
}

/**
 * Simulates every design point and computes the indices of every measure. `simulate` may be
 * called for several points at once (up to `concurrency`); each point's outputs land at its
 * index, so the result does not depend on the order the points finish in.
 */
export async function simulateSobol(
  plan: SobolPlan,
  simulate: (scenario: Scenario, point: number) => Promise<Collected>,
  concurrency = 1,
): Promise<SobolResult> {
  const points = plan.scenarios.length;
  const outputs = plan.measures.map(() => new Float64Array(points));
  const counts = plan.measures.map(() => new Array<number>(points).fill(0));
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let point = next++; point < points; point = next++) {
      const collected = await simulate(plan.scenarios[point] as Scenario, point);
      plan.measures.forEach((measure, m) => {
        const values = measureValues(collected, measure);
        (outputs[m] as Float64Array)[point] = mean(values);
        (counts[m] as number[])[point] = countFinite(values);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, points)) }, lane));
  return sobolResult(plan, outputs, counts);
}

/**
 * The indices of every measure from the design points' outputs (per measure, the mean at each
 * point) and counts (replications with a value): what `simulateSobol` computes once every point
 * is simulated, and what a merge of shards computes from the shards' values.
 */
export function sobolResult(plan: SobolPlan, outputs: readonly Float64Array[], counts: readonly number[][]): SobolResult {
  const results = plan.measures.map((measure, m) => sobolMeasure(plan, measure, outputs[m] as Float64Array, counts[m] as number[]));
  return { plan, results, rows: results.flatMap((result) => result.rows) };
}

/**
 * The plan of a Sobol analysis without its scenarios (`scenarios` empty): the design and its
 * values, as a merge of shards redraws them from the seed; `cop` is the CoP measured.
 */
export function sobolDesignPlan(input: Omit<SobolInput, 'load'> & { readonly cop: string }): SobolPlan {
  const design = saltelliDesign({ factors: input.factors.length, samples: input.samples, seed: `sobol-design/${input.seed}` });
  return { factors: input.factors, measures: input.measures, design, values: sobolValues(design.points, input.factors), scenarios: [], cop: input.cop, seed: input.seed };
}

/** One measure's indices, ranked by ST. */
function sobolMeasure(plan: SobolPlan, measure: Measure, outputs: Float64Array, counts: number[]): SobolMeasureResult {
  const k = plan.factors.length;
  const { indices, variance, samples } = sobolIndices(outputs, k, { seed: `sobol-bootstrap/${plan.seed}/${measure.metric}`, resamples: SOBOL_RESAMPLES });
  const order = indices
    .map((index, i) => ({ i, key: Number.isFinite(index.ST) ? index.ST : Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map(({ i }) => i);
  const rows = order.map((i, position): SobolRow => {
    const index = indices[i] as (typeof indices)[number];
    return {
      metric: measure.metric,
      parameter: (plan.factors[i] as Factor).path,
      S1: index.S1,
      S1_low: index.S1_low,
      S1_high: index.S1_high,
      ST: index.ST,
      ST_low: index.ST_low,
      ST_high: index.ST_high,
      rank: position + 1,
    };
  });
  return { measure, outputs, counts, variance, samples, rows };
}

/**
 * sobol-design.csv's rows: each design point with its base sample (`block`), the matrix it
 * comes from (`A`, `B` or `AB`, with the parameter taken from B in `from_B`), the value of every
 * parameter, and for each measure its mean over the replications and how many had a value.
 */
export function sobolDesignRows(result: SobolResult): Record<string, number | string>[] {
  const { factors, values } = result.plan;
  return values.map((row, point) => {
    const role = saltelliRole(point, factors.length);
    const out: Record<string, number | string> = {
      point,
      block: role.block,
      matrix: role.matrix,
      from_B: role.matrix === 'AB' ? (factors[role.factor] as Factor).path : '',
    };
    factors.forEach((factor, i) => (out[factor.path] = row[i] as number));
    for (const measure of result.results) {
      out[measure.measure.metric] = measure.outputs[point] as number;
      out[`${measure.measure.metric}_n`] = measure.counts[point] as number;
    }
    return out;
  });
}

/** The columns of sobol-design.csv. */
export function sobolDesignColumns(factors: readonly Factor[], measures: readonly Measure[]): string[] {
  return ['point', 'block', 'matrix', 'from_B', ...factors.map((f) => f.path), ...measures.flatMap((m) => [m.metric, `${m.metric}_n`])];
}
