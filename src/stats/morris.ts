import { makeRng } from '../engine/rng.js';
import { mean } from './mean.js';
import { standardDeviation } from './standard-deviation.js';

/** A Morris screening design in the unit hypercube: r trajectories of k + 1 points each. */
export interface MorrisDesign {
  /** Number of factors k. */
  readonly factors: number;
  /** Number of trajectories r. */
  readonly trajectories: number;
  /** Grid levels p: every coordinate is one of 0, 1/(p − 1), …, 1. */
  readonly levels: number;
  /** The step Δ = p / (2(p − 1)). */
  readonly delta: number;
  /** (k + 1) · r points in [0, 1]^k, trajectory by trajectory. */
  readonly points: number[][];
  /**
   * For each point after the first of a trajectory, the factor that changed from the point
   * before: r · k entries, entry t·k + j for point t·(k + 1) + j + 1.
   */
  readonly factorMoved: number[];
}

/** Options of `morrisDesign`. */
export interface MorrisDesignOptions {
  /** Number of factors k ≥ 1. */
  readonly factors: number;
  /** Number of trajectories r ≥ 1 (σ needs r ≥ 2; 10 to 50 is usual). */
  readonly trajectories: number;
  /** Grid levels p, even and ≥ 2; default 4. */
  readonly levels?: number;
  /** Seed of the xor4096 stream the design is drawn from. */
  readonly seed: number;
}

/** The range of one factor, for scaling the unit design to the parameter's own units. */
export interface FactorRange {
  readonly min: number;
  readonly max: number;
}

/** The elementary effects of one factor, summarised. */
export interface MorrisResult {
  /** The factor's index (its column in the design). */
  readonly factor: number;
  /** μ: mean elementary effect (signed; effects of opposite sign cancel). */
  readonly mu: number;
  /** μ*: mean absolute elementary effect (Campolongo et al. 2007), the ranking measure. */
  readonly muStar: number;
  /** σ: sample standard deviation (r − 1) of the effects: non-linearity or interactions. */
  readonly sigma: number;
  /** Elementary effects used (pairs of points with finite outputs). */
  readonly r: number;
}

/**
 * The number of model evaluations a Morris design needs: r · (k + 1), one base point per
 * trajectory plus one point per factor moved. Each evaluation is one simulation (or the mean
 * of a fixed set of replications) at that point.
 *
 * @example morrisCost(6, 20) // → 140
 */
export function morrisCost(factors: number, trajectories: number): number {
  return trajectories * (factors + 1);
}

/**
 * A Morris (1991) elementary-effects design of `trajectories` random one-factor-at-a-time
 * trajectories on the p-level grid {0, 1/(p − 1), …, 1}^k, with step Δ = p / (2(p − 1))
 * (Morris's recommendation: with even p every level is then visited with equal probability).
 *
 * Each trajectory is Morris's B* = (J·x* + (Δ/2)((2B − J)D* + J))P*, built as the walk it
 * describes: a random base x* with every coordinate on the grid levels ≤ 1 − Δ, a random
 * direction per factor (D*: start at x*_i and step +Δ, or start at x*_i + Δ and step −Δ) and a
 * random factor order (P*); then the factors move one at a time in that order, each exactly
 * once. Every point stays on the grid. The draws come from a seeded xor4096 stream, so the
 * same options give the same design. Cost: `morrisCost(k, r)` = r · (k + 1) evaluations.
 *
 * @param options `factors` k, `trajectories` r, `levels` p (default 4), `seed`
 * @example
 * const design = morrisDesign({ factors: 3, trajectories: 10, seed: 1 });
 * design.points.length // → 40; design.delta // → 2/3
 */
export function morrisDesign(options: MorrisDesignOptions): MorrisDesign {
  const { factors: k, trajectories: r, seed } = options;
  const p = options.levels ?? 4;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`morrisDesign: factors must be an integer ≥ 1, got ${k}`);
  if (!(Number.isInteger(r) && r >= 1)) throw new RangeError(`morrisDesign: trajectories must be an integer ≥ 1, got ${r}`);
  if (!(Number.isInteger(p) && p >= 2 && p % 2 === 0)) {
    throw new RangeError(`morrisDesign: levels must be an even integer ≥ 2, got ${p}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`morrisDesign: seed must be a finite number, got ${seed}`);

  const rng = makeRng(`morris/${seed}`);
  const pick = (m: number): number => Math.floor(rng() * m);
  const step = p / 2; // Δ in grid units: Δ · (p − 1)
  const points: number[][] = [];
  const factorMoved: number[] = [];
  for (let t = 0; t < r; t++) {
    // Work in integer grid units (0 … p − 1) so every coordinate is exactly j / (p − 1).
    const grid: number[] = [];
    const direction: number[] = [];
    for (let i = 0; i < k; i++) {
      const base = pick(p - step); // levels 0 … p − 1 − step, so base + step ≤ p − 1
      const up = rng() < 0.5;
      direction.push(up ? 1 : -1);
      grid.push(up ? base : base + step);
    }
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = pick(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    points.push(grid.map((g) => g / (p - 1)));
    for (const f of order) {
      grid[f] = (grid[f] as number) + (direction[f] as number) * step;
      points.push(grid.map((g) => g / (p - 1)));
      factorMoved.push(f);
    }
  }
  return { factors: k, trajectories: r, levels: p, delta: p / (2 * (p - 1)), points, factorMoved };
}

/**
 * The design's points mapped from [0, 1] to each factor's range: x ↦ min + x · (max − min).
 *
 * @param points unit-cube points, k coordinates each
 * @param ranges one range per factor, min ≤ max
 * @example scaleDesign([[0, 0.5]], [{ min: 10, max: 20 }, { min: 0, max: 1 }]) // → [[10, 0.5]]
 */
export function scaleDesign(points: readonly (readonly number[])[], ranges: readonly FactorRange[]): number[][] {
  ranges.forEach(({ min, max }, i) => {
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
      throw new RangeError(`scaleDesign: range ${i} must have finite min ≤ max, got [${min}, ${max}]`);
    }
  });
  return points.map((x, row) => {
    if (x.length !== ranges.length) {
      throw new RangeError(`scaleDesign: point ${row} has ${x.length} coordinates but there are ${ranges.length} ranges`);
    }
    return x.map((u, i) => {
      const { min, max } = ranges[i] as FactorRange;
      return min + u * (max - min);
    });
  });
}

/**
 * Morris elementary effects and their summaries per factor: for each step of a trajectory,
 * EE_i = (y(after) − y(before)) / (x_i(after) − x_i(before)), so a step of −Δ is divided by
 * −Δ and every effect reads as the change of y per increase of the factor. Per factor:
 * μ = mean EE, μ* = mean |EE| (Campolongo, Cariboni & Saltelli 2007: unlike μ it does not let
 * effects of opposite sign cancel), σ = sample standard deviation (r − 1) of the EE.
 * A step where either output is not finite is skipped, and `r` counts the effects used.
 *
 * Units: without `ranges`, an effect is in output units per unit of the [0, 1] factor, i.e.
 * per full range of the parameter (comparable across factors). With `ranges`, each effect is
 * divided by (max − min) and reads in output units per unit of the parameter itself.
 *
 * @param design the design the outputs were computed on
 * @param outputs one model output per design point, in the design's order
 * @param ranges optional factor ranges, to express effects per unit of each parameter
 * @example
 * const design = morrisDesign({ factors: 2, trajectories: 5, seed: 1 });
 * elementaryEffects(design, design.points.map(([a, b]) => 3 * a - b))
 * // → [{ factor: 0, mu: 3, muStar: 3, sigma: ≈0, r: 5 }, { factor: 1, mu: ≈−1, muStar: ≈1, sigma: ≈0, r: 5 }]
 * // (equal up to rounding: Δ = 2/3 is not exact in binary)
 */
export function elementaryEffects(
  design: MorrisDesign,
  outputs: ArrayLike<number>,
  ranges?: readonly FactorRange[],
): MorrisResult[] {
  const k = design.factors;
  if (outputs.length !== design.points.length) {
    throw new RangeError(`elementaryEffects: expected ${design.points.length} outputs (one per design point), got ${outputs.length}`);
  }
  if (ranges !== undefined && ranges.length !== k) {
    throw new RangeError(`elementaryEffects: expected ${k} ranges (one per factor), got ${ranges.length}`);
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < design.trajectories; t++) {
    for (let j = 0; j < k; j++) {
      const row = t * (k + 1) + j;
      const f = design.factorMoved[t * k + j] as number;
      const before = design.points[row] as number[];
      const after = design.points[row + 1] as number[];
      const y0 = outputs[row] as number;
      const y1 = outputs[row + 1] as number;
      if (!(Number.isFinite(y0) && Number.isFinite(y1))) continue;
      const width = ranges === undefined ? 1 : (ranges[f] as FactorRange).max - (ranges[f] as FactorRange).min;
      const dx = ((after[f] as number) - (before[f] as number)) * width;
      (effects[f] as number[]).push((y1 - y0) / dx);
    }
  }
  return effects.map((ee, factor) => ({
    factor,
    mu: mean(ee),
    muStar: mean(ee.map(Math.abs)),
    sigma: standardDeviation(ee),
    r: ee.length,
  }));
}
