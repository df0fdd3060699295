/**
 * The verdict on one hypothesis from the paired values of its two arms: a pure function of
 * the numbers, no simulation.
 *
 *   a[r], b[r] (replication r of both arms, same seed) ──pairedDifference──▶ mean, 95% CI, d_z
 *                                                     ──wilcoxonSignedRank──▶ p
 *                                                     ──hypothesisVerdict──▶ verdict
 */
import { exceedsSmallestEffect, hypothesisVerdict, type HypothesisVerdict } from '../../stats/verdict.js';
import { pairedDifference } from '../../stats/paired.js';
import { wilcoxonSignedRank } from '../../stats/wilcoxon.js';

/** What a verdict needs to know about the hypothesis. */
export interface VerdictSpec {
  readonly expected: 'increase' | 'decrease';
  /** The smallest difference that matters, in the measure's units (> 0). */
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
  readonly verdict: HypothesisVerdict;
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
 * ±smallestEffect, `inconclusive` otherwise. The p-value is the two-sided Wilcoxon
 * signed-rank test (exact below 50 pairs without ties, else the normal approximation), which
 * assumes no normality; it is reported beside the verdict, not used for it.
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
    verdict: hypothesisVerdict(interval, spec.expected, spec.smallestEffect),
    exceedsSmallestEffect: exceedsSmallestEffect(interval, spec.expected, spec.smallestEffect),
  };
}
