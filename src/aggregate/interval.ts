/**
 * The confidence interval of a metric's mean over replications, by the metric's kind
 * (`METRIC_KINDS`, src/engine/result.ts): one choice for summary.csv, the key figures and
 * sweep.csv, so they agree.
 */
import type { MetricKind } from '../engine/result.js';
import { meanConfidenceInterval, type MeanConfidenceInterval } from '../stats/mean-confidence-interval.js';
import { unitMeanConfidenceInterval } from '../stats/unit-mean-confidence-interval.js';
import { indicatorInterval } from '../stats/wilson-interval.js';

/**
 * n, mean, sample sd and the confidence interval of the mean of the finite values: Wilson's
 * score interval for an `indicator` (0/1), the t interval clipped to [0, 1] for a `unit`
 * value, the t interval otherwise.
 *
 * @example meanInterval([1, 1, 1, 1], 'indicator') // → { n: 4, mean: 1, sd: 0, low: 0.5101..., high: 1 }
 * @example meanInterval([1, 1, 1, 1], 'unbounded') // → { n: 4, mean: 1, sd: 0, low: 1, high: 1 }
 */
export function meanInterval(values: ArrayLike<number>, kind: MetricKind, level = 0.95): MeanConfidenceInterval {
  if (kind === 'unit') return unitMeanConfidenceInterval(values, level);
  const ci = meanConfidenceInterval(values, level);
  if (kind === 'unbounded') return ci;
  const { low, high } = indicatorInterval(values, level);
  return { ...ci, low, high };
}
