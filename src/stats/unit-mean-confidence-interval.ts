import { meanConfidenceInterval, type MeanConfidenceInterval } from './mean-confidence-interval.js';

/**
 * The t interval of the mean (`meanConfidenceInterval`) of values that lie in [0, 1] by their
 * definition (a rate, a share of members, a Gini coefficient), clipped to [0, 1].
 *
 * The mean of such values lies in [0, 1] too, so clipping removes only impossible values: the
 * clipped interval covers the true mean exactly when the t interval does, and its coverage is
 * the t interval's. (The logit or Wilson intervals would not do here: the values are not 0/1
 * counts, and many runs give exactly 0 or 1, where the logit is infinite.) Each bound is kept
 * on its side of the mean, so the interval holds the mean even for a value outside [0, 1].
 *
 * @example unitMeanConfidenceInterval([1, 1, 1, 0.9]) // → { n: 4, mean: 0.975, sd: 0.05, low: 0.8954..., high: 1 }
 * //   the t interval is [0.8954, 1.0546]
 */
export function unitMeanConfidenceInterval(values: ArrayLike<number>, level = 0.95): MeanConfidenceInterval {
  const ci = meanConfidenceInterval(values, level);
  if (Number.isNaN(ci.low)) return ci;
  return { ...ci, low: Math.min(ci.mean, Math.max(0, ci.low)), high: Math.max(ci.mean, Math.min(1, ci.high)) };
}
