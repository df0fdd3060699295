/**
 * Variance-based (Sobol) sensitivity indices from a Saltelli design: first-order indices by
 * Saltelli et al. (2010), total-order indices by Jansen (1999), and bootstrap confidence
 * intervals over the design's base samples.
 *
 *   saltelliDesign (a 2k-dimensional scrambled Sobol sequence: A | B) ──▶ N blocks of
 *   [A_j, AB_j^(1), …, AB_j^(k), B_j] ──model──▶ outputs ──sobolIndices──▶ S1, ST with intervals
 */
import { makeRng } from '../engine/rng.js';
import { quantileSorted } from './quantile-sorted.js';
import { sobolSequence, SOBOL_MAX_DIMENSIONS } from './sobol-sequence.js';
import { standardDeviation } from './standard-deviation.js';

/** A Saltelli design in the unit hypercube. */
export interface SaltelliDesign {
  /** Factors k. */
  readonly factors: number;
  /** Base samples N (rows of A and of B). */
  readonly samples: number;
  /**
   * N · (k + 2) points in [0, 1)^k, block by block: block j is A_j, then AB_j^(i) for each
   * factor i (A_j with coordinate i taken from B_j), then B_j.
   */
  readonly points: number[][];
}

/** Options of `saltelliDesign`. */
export interface SaltelliDesignOptions {
  /** Factors k ≥ 1, at most half the Sobol table's dimensions. */
  readonly factors: number;
  /** Base samples N, a power of two (the Sobol points are balanced at powers of two). */
  readonly samples: number;
  /** Seed of the scramble; omitted, the plain sequence (skipping its first point, the origin). */
  readonly seed?: number | string | undefined;
}

/**
 * The number of model evaluations of a Saltelli design: N · (k + 2), the rows of A, of B and
 * of the k matrices AB^(i).
 *
 * @example saltelliCost(64, 10) // → 768
 */
export function saltelliCost(samples: number, factors: number): number {
  return samples * (factors + 2);
}

/** Where a design point of block j comes from: `A`, `B`, or AB^(i) for factor i. */
export type SaltelliRole = { readonly matrix: 'A' | 'B' } | { readonly matrix: 'AB'; readonly factor: number };

/**
 * The role of design point `point` in a design of `factors` factors.
 *
 * @example saltelliRole(5, 3) // → { block: 1, matrix: 'AB', factor: 2 } (block 1 starts at point 5)
 */
export function saltelliRole(point: number, factors: number): SaltelliRole & { readonly block: number } {
  const block = Math.floor(point / (factors + 2));
  const within = point % (factors + 2);
  if (within === 0) return { block, matrix: 'A' };
  if (within === factors + 1) return { block, matrix: 'B' };
  return { block, matrix: 'AB', factor: within - 1 };
}

/**
 * The Saltelli (2002; Saltelli et al. 2010) sampling design: A and B are the first and last k
 * coordinates of N points of a 2k-dimensional scrambled Sobol sequence (so A and B are
 * independent of each other and each well spread), and AB^(i) is A with column i from B. The
 * design has `saltelliCost(N, k)` = N · (k + 2) points.
 *
 * @throws RangeError for factors or samples out of range
 * @example saltelliDesign({ factors: 3, samples: 1024, seed: 1 }).points.length // → 5120
 */
export function saltelliDesign(options: SaltelliDesignOptions): SaltelliDesign {
  const { factors: k, samples: n } = options;
  const maxFactors = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
  if (!(Number.isInteger(k) && k >= 1 && k <= maxFactors)) {
    throw new RangeError(`saltelliDesign: factors must be a whole number from 1 to ${maxFactors} (two Sobol dimensions each), got ${k}`);
  }
  if (!isPowerOfTwo(n)) throw new RangeError(`saltelliDesign: samples must be a power of two (2, 4, 8, …), got ${n}`);
  const plain = options.seed === undefined;
  const base = sobolSequence(plain ? n + 1 : n, 2 * k, plain ? {} : { scramble: options.seed }).slice(plain ? 1 : 0);
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    points.push(a);
    for (let i = 0; i < k; i++) points.push(a.map((x, c) => (c === i ? (b[i] as number) : x)));
    points.push(b);
  }
  return { factors: k, samples: n, points };
}

/** True for 1, 2, 4, 8, … */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 2 ** 32 && Math.log2(n) % 1 === 0;
}

/** Sobol indices of one factor with their bootstrap intervals and standard errors. */
export interface SobolIndex {
  /** The factor's index (its column in the design). */
  readonly factor: number;
  /** First-order index S_i: the share of the output variance due to factor i alone. */
  readonly S1: number;
  readonly S1_low: number;
  readonly S1_high: number;
  /** Bootstrap standard error of S_i. */
  readonly S1_se: number;
  /** Total-order index ST_i: the share due to factor i with all its interactions. */
  readonly ST: number;
  readonly ST_low: number;
  readonly ST_high: number;
  readonly ST_se: number;
}

/** The result of `sobolIndices`. */
export interface SobolIndices {
  readonly indices: SobolIndex[];
  /** The output variance V, over the outputs of A and B. */
  readonly variance: number;
  /** Blocks used: those whose k + 2 outputs are all finite. */
  readonly samples: number;
}

/** Options of `sobolIndices`. */
export interface SobolIndicesOptions {
  /** Bootstrap resamples of the blocks; default 1000 (0: no intervals, they are NaN). */
  readonly resamples?: number;
  /** Coverage of the percentile intervals; default 0.95. */
  readonly confidence?: number;
  /** Seed of the resampling. */
  readonly seed: number | string;
}

/**
 * First- and total-order Sobol indices from the outputs of a Saltelli design, with V the
 * variance (divisor n) of the outputs of A and B together:
 *
 *   S_i  = mean_j( f(B_j) · (f(AB_j^(i)) − f(A_j)) ) / V         (Saltelli et al. 2010)
 *   ST_i = mean_j( (f(A_j) − f(AB_j^(i)))² ) / (2V)               (Jansen 1999)
 *
 * f(B_j) enters S_i centred on the mean of the outputs of A and B, which leaves its expected
 * value unchanged (f(AB^(i)) − f(A) has mean 0) and keeps a large mean from inflating its
 * variance (as SALib centres the outputs).
 *
 * Blocks with a non-finite output are left out (`samples` counts those kept). The intervals
 * are bootstrap percentile intervals: `resamples` times, N blocks are drawn with replacement
 * (a seeded xor4096 stream) and both indices recomputed; the standard errors are the standard
 * deviations of the resampled indices. With a constant output (V = 0) every index is NaN; a
 * resample whose outputs happen to be constant (likely only with very few samples) is left out
 * of the intervals.
 *
 * Estimates carry sampling error: S_i can come out slightly negative, or ST_i slightly below
 * S_i, when the true values are near 0 or equal. Read them with their intervals.
 *
 * @param outputs one model output per design point, in the design's order
 * @param factors k, the design's factors
 * @example
 * const design = saltelliDesign({ factors: 2, samples: 1024, seed: 1 });
 * sobolIndices(design.points.map(([x, y]) => x + 0.1 * y), 2, { seed: 1 }).indices[0].S1 // → ≈ 0.99
 */
export function sobolIndices(outputs: ArrayLike<number>, factors: number, options: SobolIndicesOptions): SobolIndices {
  const k = factors;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`sobolIndices: factors must be a whole number of at least 1, got ${k}`);
  if (outputs.length % (k + 2) !== 0) {
    throw new RangeError(`sobolIndices: expected a multiple of k + 2 = ${k + 2} outputs (one per design point), got ${outputs.length}`);
  }
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!(Number.isInteger(resamples) && resamples >= 0)) throw new RangeError(`sobolIndices: resamples must be a whole number, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`sobolIndices: confidence must lie in (0, 1), got ${confidence}`);
  const blocks: number[] = [];
  for (let j = 0; j < outputs.length / (k + 2); j++) {
    let finite = true;
    for (let c = 0; c < k + 2; c++) if (!Number.isFinite(outputs[j * (k + 2) + c] as number)) finite = false;
    if (finite) blocks.push(j);
  }
  const estimate = (chosen: readonly number[]): { variance: number; s1: Float64Array; st: Float64Array } =>
    indicesOf(outputs, k, chosen);
  const point = estimate(blocks);
  const s1Draws: Float64Array[] = Array.from({ length: k }, () => new Float64Array(resamples));
  const stDraws: Float64Array[] = Array.from({ length: k }, () => new Float64Array(resamples));
  if (blocks.length > 0) {
    const rng = makeRng(`saltelli-bootstrap/${String(options.seed)}`);
    const chosen = new Array<number>(blocks.length);
    for (let b = 0; b < resamples; b++) {
      for (let j = 0; j < blocks.length; j++) chosen[j] = blocks[Math.floor(rng() * blocks.length)] as number;
      const draw = estimate(chosen);
      for (let i = 0; i < k; i++) {
        (s1Draws[i] as Float64Array)[b] = draw.s1[i] as number;
        (stDraws[i] as Float64Array)[b] = draw.st[i] as number;
      }
    }
  }
  const alpha = (1 - confidence) / 2;
  const interval = (draws: Float64Array): { low: number; high: number; se: number } => {
    const finite = Float64Array.from(draws.filter(Number.isFinite)).sort();
    if (finite.length === 0) return { low: Number.NaN, high: Number.NaN, se: Number.NaN };
    return { low: quantileSorted(finite, alpha), high: quantileSorted(finite, 1 - alpha), se: standardDeviation(finite) };
  };
  const indices = Array.from({ length: k }, (_, i): SobolIndex => {
    const s1 = interval(s1Draws[i] as Float64Array);
    const st = interval(stDraws[i] as Float64Array);
    return {
      factor: i,
      S1: point.s1[i] as number,
      S1_low: s1.low,
      S1_high: s1.high,
      S1_se: s1.se,
      ST: point.st[i] as number,
      ST_low: st.low,
      ST_high: st.high,
      ST_se: st.se,
    };
  });
  return { indices, variance: point.variance, samples: blocks.length };
}

/** Both estimators over the chosen blocks (a block may repeat, as in a bootstrap resample). */
function indicesOf(outputs: ArrayLike<number>, k: number, chosen: readonly number[]): { variance: number; s1: Float64Array; st: Float64Array } {
  const n = chosen.length;
  const s1 = new Float64Array(k).fill(Number.NaN);
  const st = new Float64Array(k).fill(Number.NaN);
  if (n === 0) return { variance: Number.NaN, s1, st };
  let sum = 0;
  for (const j of chosen) sum += (outputs[j * (k + 2)] as number) + (outputs[j * (k + 2) + k + 1] as number);
  const mean = sum / (2 * n);
  let ss = 0;
  for (const j of chosen) {
    const a = (outputs[j * (k + 2)] as number) - mean;
    const b = (outputs[j * (k + 2) + k + 1] as number) - mean;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * n);
  if (!(variance > 0)) return { variance, s1, st };
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (const j of chosen) {
      const fA = outputs[j * (k + 2)] as number;
      const fAB = outputs[j * (k + 2) + 1 + i] as number;
      const fB = outputs[j * (k + 2) + k + 1] as number;
      first += (fB - mean) * (fAB - fA);
      total += (fA - fAB) * (fA - fAB);
    }
    s1[i] = first / n / variance;
    st[i] = total / n / (2 * variance);
  }
  return { variance, s1, st };
}
