import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * The cumulative distribution function of Student's t with `df` degrees of freedom (df > 0,
 * not necessarily an integer), through the incomplete beta function:
 * P(T ≤ −|t|) = ½ I_{df/(df+t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1 and 26.5.27).
 * The tail is computed directly, so small tail probabilities keep their relative accuracy.
 *
 * @example studentTCdf(2.262157162798205, 9) // → 0.975
 * @example studentTCdf(0, 3) // → 0.5
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: df must be positive, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}
