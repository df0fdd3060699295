import { logGamma } from './log-gamma.js';
import { normalQuantile } from './normal-quantile.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';
import { exp, log, log1p, tan } from '../engine/math.js';

/** Above this many degrees of freedom the Cornish–Fisher expansion alone is exact to ~1e-20. */
const LARGE_DF = 1e5;
const MAX_ITERATIONS = 100;

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom (df > 0, real):
 * the inverse of `studentTCdf`.
 *
 * Method: a start from the exact forms for df = 1 and 2, else from the Cornish–Fisher
 * expansion in the normal quantile (Abramowitz & Stegun 26.7.5, four terms), polished by
 * Newton's method on the tail probability ½ I_{df/(df+t²)}(df/2, ½) inside a bisection
 * bracket, so it always converges. For df ≥ 1e5 the expansion is used as is (its error is far
 * below double precision there, while the incomplete beta loses digits); df = Infinity gives
 * the normal quantile.
 *
 * @param p probability in [0, 1]; 0 and 1 give −∞ and +∞
 * @param df degrees of freedom, > 0
 * @example tQuantile(0.975, 9) // → 2.262157162798205
 * @example tQuantile(0.975, 1) // → 12.706204736174694
 * @example tQuantile(0.025, 29) // → -2.045229642132703
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df must be positive, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve on the upper tail q = P(T > t), t > 0, and mirror: keeps small tails accurate.
  const q = p < 0.5 ? p : 1 - p;
  const t = upperTailQuantile(q, df);
  return p < 0.5 ? -t : t;
}

/** The t > 0 with P(T > t) = q, for 0 < q < ½. */
function upperTailQuantile(q: number, df: number): number {
  if (df === Infinity) return -normalQuantile(q);
  if (df >= LARGE_DF) return cornishFisher(-normalQuantile(q), df);

  const tail = (t: number): number => 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  const logDensityConstant = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * log(df * Math.PI);
  const density = (t: number): number =>
    exp(logDensityConstant - ((df + 1) / 2) * log1p((t * t) / df));

  let t: number;
  if (df === 1) t = 1 / tan(Math.PI * q);
  else if (df === 2) t = (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  else t = cornishFisher(-normalQuantile(q), df);

  // Bracket [lo, hi] with tail(lo) ≥ q > tail(hi); tail falls as t grows.
  let lo = 0;
  let hi = Math.max(1, t);
  while (tail(hi) >= q) {
    lo = hi;
    hi *= 2;
  }
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;

  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = tail(t) - q;
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / density(t);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}

/** Cornish–Fisher expansion of the t quantile in the normal quantile z (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}
