/**
 * The verdict on one hypothesis from the paired values of its two arms: a pure function of
 * the numbers, no simulation.
 *
 *   a[r], b[r] (replication r of both arms, same seed) ──pairedDifference──▶ mean, 95% CI, d_z, p (t)
 *                                                     ──wilcoxonSignedRank──▶ p (Wilcoxon)
 *                                                     ──hypothesisVerdict──▶ verdict, reason
 */
import {
  exceedsSmallestEffect,
  hypothesisVerdict,
  type DifferenceInterval,
  type ExpectedDirection,
  type HypothesisVerdict,
} from '../../stats/verdict.js';
import { pairedDifference } from '../../stats/paired-difference.js';
import { wilcoxonSignedRank } from '../../stats/wilcoxon.js';

/** What a verdict needs to know about the hypothesis. */
export interface VerdictSpec {
  readonly expected: 'increase' | 'decrease';
  /** The smallest difference that matters, in the measure's units (≥ 0; 0 tests the sign alone). */
  readonly smallestEffect: number;
}

/** The paired comparison of two arms and the verdict it gives. */
export interface HypothesisEvaluation {
  /** Pairs used: replications where both values are finite. */
  readonly n: number;
  /** Pairs left out because a value was not finite (e.g. the death week of a CoP that lived). */
  readonly dropped: number;
  /** Mean of arm a over the pairs used. */
  readonly meanA: number;
  /** Mean of arm b over the pairs used. */
  readonly meanB: number;
  /** Mean paired difference b − a. */
  readonly difference: number;
  /** 95% Student t confidence interval of the mean difference. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Cohen's d_z: the mean difference over the standard deviation of the differences. */
  readonly effectSize: number;
  /** Two-sided p-value of the Wilcoxon signed-rank test of the differences. */
  readonly pValue: number;
  /** The test that gave `pValue`, in words. */
  readonly test: string;
  /**
   * Two-sided p-value of the paired t test, the test that agrees in kind with the t interval
   * the verdict is read from.
   */
  readonly pValueT: number;
  readonly verdict: HypothesisVerdict;
  /** Why the verdict, in words, e.g. 'CI wholly above 0 and beyond the smallest effect' (see `verdictReason`). */
  readonly reason: string;
  /** Whether the whole interval lies at or beyond the smallest effect on the predicted side. */
  readonly exceedsSmallestEffect: boolean;
}

/** The confidence level of every interval reported. */
export const CONFIDENCE = 0.95;

/**
 * Compares two arms replication by replication (b − a) and reads the verdict from the 95%
 * interval of the mean difference and the smallest effect that matters (see
 * `hypothesisVerdict`): `supported` when the interval lies wholly on the predicted side of
 * zero, `contradicted` when it lies wholly on the other side or wholly inside
 * ±smallestEffect, `inconclusive` otherwise. `pValue` is the two-sided Wilcoxon signed-rank
 * test (exact below 50 pairs without ties, else the normal approximation), which assumes no
 * normality; `pValueT` is the paired t test, which matches the interval. Both are reported
 * beside the verdict, not used for it.
 *
 * @example evaluateHypothesis({ expected: 'increase', smallestEffect: 1 }, [1, 2, 3], [1, 2, 3])
 * // → { n: 3, difference: 0, ciLow: 0, ciHigh: 0, verdict: 'contradicted', pValue: NaN, ... }
 */
export function evaluateHypothesis(
  spec: VerdictSpec,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): HypothesisEvaluation {
  const paired = pairedDifference(a, b, CONFIDENCE);
  const differences: number[] = [];
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    sumA += x;
    sumB += y;
    differences.push(y - x);
  }
  const wilcoxon = wilcoxonSignedRank(differences);
  const interval = { ciLow: paired.ciLow, ciHigh: paired.ciHigh };
  return {
    n: paired.n,
    dropped: paired.dropped,
    meanA: paired.n === 0 ? Number.NaN : sumA / paired.n,
    meanB: paired.n === 0 ? Number.NaN : sumB / paired.n,
    difference: paired.mean,
    ciLow: paired.ciLow,
    ciHigh: paired.ciHigh,
    effectSize: paired.dz,
    pValue: wilcoxon.pValue,
    test: wilcoxon.method === 'exact' ? 'Wilcoxon signed-rank (exact)' : 'Wilcoxon signed-rank (normal approximation)',
    pValueT: paired.pValue,
    verdict: hypothesisVerdict(interval, spec.expected, spec.smallestEffect),
    reason: verdictReason(interval, spec.expected, spec.smallestEffect),
    exceedsSmallestEffect: exceedsSmallestEffect(interval, spec.expected, spec.smallestEffect),
  };
}

/**
 * Why `hypothesisVerdict` gives its verdict, in words about the interval of b − a, following
 * the same rules in the same order.
 *
 * @example verdictReason({ ciLow: 0.2, ciHigh: 1.4 }, 'increase', 0.5) // → 'CI wholly above 0 but not wholly beyond the smallest effect'
 * @example verdictReason({ ciLow: 0.6, ciHigh: 1.4 }, 'increase', 0.5) // → 'CI wholly above 0 and beyond the smallest effect'
 * @example verdictReason({ ciLow: -0.1, ciHigh: 0.3 }, 'increase', 0.5) // → 'CI within ±smallest effect'
 * @example verdictReason({ ciLow: -0.2, ciHigh: 1.4 }, 'increase', 0.5) // → 'CI includes 0'
 */
export function verdictReason(diff: DifferenceInterval, expected: ExpectedDirection, smallestEffect: number): string {
  const { ciLow, ciHigh } = diff;
  if (Number.isNaN(ciLow) || Number.isNaN(ciHigh)) return 'no interval (fewer than two pairs)';
  const predicted = expected === 'increase' ? 'above' : 'below';
  const opposite = expected === 'increase' ? 'below' : 'above';
  const wrongSide = expected === 'increase' ? ciHigh < 0 : ciLow > 0;
  if (wrongSide) return `CI wholly ${opposite} 0 (against the prediction)`;
  const verdict = hypothesisVerdict(diff, expected, smallestEffect);
  if (verdict === 'contradicted') return 'CI within ±smallest effect';
  if (verdict === 'supported') {
    if (smallestEffect === 0) return `CI wholly ${predicted} 0 (smallest effect 0: the sign alone is tested)`;
    return exceedsSmallestEffect(diff, expected, smallestEffect)
      ? `CI wholly ${predicted} 0 and beyond the smallest effect`
      : `CI wholly ${predicted} 0 but not wholly beyond the smallest effect`;
  }
  return 'CI includes 0';
}
