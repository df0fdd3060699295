/**
 * The statistics of a measure at one sweep point, over its replications.
 */
import { meanInterval } from '../../aggregate/interval.js';
import type { MetricKind } from '../../engine/result.js';
import { quantileSorted } from '../../stats/quantile-sorted.js';

/** Confidence level of `ci_low` / `ci_high` in sweep.csv. */
export const SWEEP_LEVEL = 0.95;

/** A measure's values at one point, summarised. NaN where there is no finite value. */
export interface PointStatistics {
  /** Finite values used (an empty figure, such as the death week of a CoP that lived, is not). */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  /**
   * The 95% confidence interval of the mean by the measure's kind (`meanInterval`): Wilson's
   * for a 0/1 measure, the t interval clipped to [0, 1] for a share, else the t interval (NaN
   * when n < 2).
   */
  readonly ci_low: number;
  readonly ci_high: number;
  /** Type 7 quantiles of the values (Hyndman & Fan 1996). */
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
}

/**
 * Summarises the finite values: n, mean, sample sd, the 95% confidence interval of the mean
 * for values of `kind` (`meanInterval`; `measureKind` gives a measure's) and the type 7
 * quantiles p05, p50, p95 (`quantileSorted`), the same estimators as summary.csv.
 *
 * @example pointStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
 * // → { n: 10, mean: 5.5, sd: 3.0277, ci_low: 3.3341, ci_high: 7.6659, p05: 1.45, p50: 5.5, p95: 9.55 }
 * @example pointStatistics([1, 1, 1, 0], 'indicator').ci_low // → 0.3006 (Wilson; the t interval's is −0.0456)
 */
export function pointStatistics(values: ArrayLike<number>, kind: MetricKind = 'unbounded'): PointStatistics {
  const ci = meanInterval(values, kind, SWEEP_LEVEL);
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  return {
    n: ci.n,
    mean: ci.mean,
    sd: ci.sd,
    ci_low: ci.low,
    ci_high: ci.high,
    p05: quantileSorted(finite, 0.05),
    p50: quantileSorted(finite, 0.5),
    p95: quantileSorted(finite, 0.95),
  };
}
