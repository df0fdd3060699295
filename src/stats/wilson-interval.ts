import { normalQuantile } from './normal-quantile.js';

/** A confidence interval of a binomial proportion. */
export interface ProportionInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson (1927) score interval of a binomial proportion: the p with
 * |p̂ − p| ≤ z · √(p(1 − p)/n), z = Φ⁻¹(1 − (1 − level)/2), i.e.
 *
 *   (p̂ + z²/2n ± z · √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),  p̂ = successes / n.
 *
 * It lies within [0, 1], is not degenerate at p̂ = 0 or 1 (unlike the Wald or t interval on 0/1
 * data), and keeps close to its nominal coverage for small n and extreme p (Brown, Cai &
 * DasGupta 2001). The same as R's `prop.test(successes, n, correct = FALSE)$conf.int`. NaN
 * bounds for n = 0.
 *
 * @param successes how many of the n trials succeeded, a whole number from 0 to n
 * @param n trials, a whole number
 * @param level confidence level in (0, 1); default 0.95
 * @example wilsonInterval(196, 200) // → { low: 0.949712913094173, high: 0.99219557358365 }
 * //   R: prop.test(196, 200, correct = FALSE)$conf.int → 0.949712913094173 0.992195573583650
 * @example wilsonInterval(0, 10) // → { low: 0, high: 0.277532799862889 }
 * //   R: prop.test(0, 10, correct = FALSE)$conf.int → 0.000000000000000 0.277532799862889
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`wilsonInterval: level must be in (0, 1), got ${level}`);
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval: expected whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p̂ = 0 or 1 one bound is exactly 0 or 1; rounding must not leave it a hair beyond.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** A confidence interval of the mean of 0/1 values, with the figures it rests on. */
export interface IndicatorInterval extends ProportionInterval {
  /** Finite values used. */
  readonly n: number;
  /** Values equal to 1. */
  readonly successes: number;
  /** The share of ones, successes / n. */
  readonly mean: number;
}

/**
 * The Wilson score interval (`wilsonInterval`) of the share of ones among the finite values of a
 * 0/1 indicator (a CoP alive or not, a meeting held or not). Non-finite values are skipped.
 *
 * @throws RangeError for a finite value other than 0 or 1: the data is not an indicator
 * @example indicatorInterval([1, 1, 0, 1, NaN]) // → { n: 4, successes: 3, mean: 0.75, low: 0.3006..., high: 0.9544... }
 */
export function indicatorInterval(values: ArrayLike<number>, level = 0.95): IndicatorInterval {
  let n = 0;
  let successes = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) continue;
    if (x !== 0 && x !== 1) throw new RangeError(`indicatorInterval: expected 0/1 values, got ${x}`);
    n++;
    if (x === 1) successes++;
  }
  return { n, successes, mean: n === 0 ? Number.NaN : successes / n, ...wilsonInterval(successes, n, level) };
}
