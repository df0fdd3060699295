import { countFinite } from './count-finite.js';
import { mean } from './mean.js';
import { standardDeviation } from './standard-deviation.js';
import { tQuantile } from './t-quantile.js';

/** A t-based confidence interval of a mean, with the figures it rests on. */
export interface MeanConfidenceInterval {
  /** Finite values used. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The confidence interval of the mean of the finite values, by Student's t:
 * mean ± t(1 − (1 − level)/2, n − 1) · sd / √n. Non-finite values are skipped; with fewer than
 * two finite values the bounds are NaN (and with none, the mean too).
 *
 * @param values the sample, in any order (the sums run in array order)
 * @param level confidence level in (0, 1); default 0.95
 * @example meanConfidenceInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
 * // → { n: 10, mean: 5.5, sd: 3.0276503540974917, low: 3.334149..., high: 7.665850... }
 */
export function meanConfidenceInterval(values: ArrayLike<number>, level = 0.95): MeanConfidenceInterval {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`meanConfidenceInterval: level must be in (0, 1), got ${level}`);
  }
  const n = countFinite(values);
  const m = mean(values);
  const sd = standardDeviation(values);
  if (n < 2) return { n, mean: m, sd, low: Number.NaN, high: Number.NaN };
  const half = (tCritical(level, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, low: m - half, high: m + half };
}

/**
 * The two-sided critical t value, remembered per (level, df): a summary asks for the same
 * one for every cell (about 14 µs each to compute). A cache of a pure function's results, so
 * it changes no value.
 */
function tCritical(level: number, df: number): number {
  const key = `${level}/${df}`;
  let t = criticalValues.get(key);
  if (t === undefined) {
    t = tQuantile(1 - (1 - level) / 2, df);
    if (criticalValues.size > 10_000) criticalValues.clear();
    criticalValues.set(key, t);
  }
  return t;
}
const criticalValues = new Map<string, number>();
