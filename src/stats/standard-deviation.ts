import { mean } from './mean.js';

/**
 * The sample standard deviation of the finite values (Bessel's n − 1 denominator), by the
 * two-pass algorithm: the mean first, then the sum of squared deviations, both in array order,
 * which is more accurate than the textbook one-pass formula and gives the same bits for the
 * same input order (Chan, Golub & LeVeque 1983).
 *
 * Non-finite values are skipped; with fewer than two finite values the result is NaN.
 *
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // → 2.138089935299395 (√(32/7))
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const m = mean(values);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isFinite(x)) {
      const d = x - m;
      ss += d * d;
      n++;
    }
  }
  return n < 2 ? Number.NaN : Math.sqrt(ss / (n - 1));
}
