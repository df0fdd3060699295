import { logGamma } from './log-gamma.js';
import { meanConfidenceInterval } from './mean-confidence-interval.js';
import { pairedDifferences } from './paired-differences.js';
import { studentTCdf } from './student-t-cdf.js';
import { exp } from '../engine/math.js';

/** The mean paired difference b − a, its t confidence interval, effect sizes and t test. */
export interface PairedDifference {
  /** Pairs used (both values finite). */
  readonly n: number;
  /** Pairs left out because a value was not finite. */
  readonly dropped: number;
  /** The confidence level of [ciLow, ciHigh]. */
  readonly confidence: number;
  /** Mean of the differences b − a. */
  readonly mean: number;
  /** Sample standard deviation (n − 1) of the differences. */
  readonly sd: number;
  /** Student's t interval of the mean difference; NaN with fewer than two pairs. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /**
   * Cohen's d_z = mean / sd of the differences (Cohen 1988, §2.3.5): the standardised effect
   * of a paired design. NaN if sd = 0 and mean = 0 (or n < 2); ±Infinity if sd = 0 and
   * mean ≠ 0 (every pair moved by the same amount).
   */
  readonly dz: number;
  /**
   * Hedges' g_z = J(n − 1) · d_z, d_z with Hedges' (1981) exact small-sample bias correction
   * J(ν) = Γ(ν/2) / (√(ν/2) · Γ((ν − 1)/2)) (≈ 1 − 3/(4ν − 1)). d_z overestimates the
   * population effect by about 3/(4n) in small samples; NaN for n < 3, where J is undefined
   * or zero.
   */
  readonly hedgesGz: number;
  /** The paired t statistic mean / (sd / √n), with n − 1 degrees of freedom. */
  readonly t: number;
  /** Two-sided p-value of the paired t test of a zero mean difference. */
  readonly pValue: number;
}

/**
 * The mean of the paired differences b − a with its Student t confidence interval,
 * Cohen's d_z, Hedges' g_z and the two-sided paired t test; pairs where either value is not
 * finite are dropped (and counted).
 *
 * The paired design is what common random numbers give: replication i of two scenarios shares
 * its seed, so the differences b[i] − a[i] cancel most of the shared noise.
 *
 * @param a the reference sample (the baseline), one value per replication
 * @param b the compared sample, paired with `a` by position
 * @param confidence level of the interval in (0, 1); default 0.95
 * @example
 * // R's sleep data: with(sleep, t.test(extra[group == 2], extra[group == 1], paired = TRUE))
 * pairedDifference([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2],
 *                  [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4])
 * // → { n: 10, mean: 1.58, ciLow: 0.7001142, ciHigh: 2.4598858, t: 4.062128, pValue: 0.0028328902, ... }
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, confidence = 0.95): PairedDifference {
  const { differences, dropped } = pairedDifferences(a, b);
  const ci = meanConfidenceInterval(differences, confidence);
  const { n, mean, sd } = ci;
  const dz = sd === 0 && mean === 0 ? Number.NaN : mean / sd;
  const t = dz * Math.sqrt(n);
  const pValue = n < 2 || Number.isNaN(t) ? Number.NaN : 2 * studentTCdf(-Math.abs(t), n - 1);
  return {
    n,
    dropped,
    confidence,
    mean,
    sd,
    ciLow: ci.low,
    ciHigh: ci.high,
    dz,
    hedgesGz: n < 3 ? Number.NaN : hedgesCorrection(n - 1) * dz,
    t,
    pValue,
  };
}

/** Hedges' (1981) exact bias-correction factor J(ν) for ν ≥ 2 degrees of freedom. */
function hedgesCorrection(df: number): number {
  return exp(logGamma(df / 2) - logGamma((df - 1) / 2)) / Math.sqrt(df / 2);
}
