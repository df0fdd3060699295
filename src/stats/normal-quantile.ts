import { normalCdf } from './normal-cdf.js';
import { exp, log } from '../engine/math.js';

// Acklam's (2003) rational approximations, relative error below 1.15e-9 before refinement.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239] as const;
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572] as const;
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;
const SQRT_TWO_PI = 2.5066282746310002;

/**
 * The standard normal quantile (probit) Φ⁻¹(p): Acklam's rational approximation, polished by
 * two Halley steps against `normalCdf`, which brings it to about full double precision.
 * Computed on the lower tail and mirrored, so p close to 1 keeps its accuracy as far as
 * 1 − p itself does.
 *
 * @example normalQuantile(0.975) // → 1.959963984540054
 * @example normalQuantile(0.5) // → 0
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

/** Φ⁻¹(q) for 0 < q < ½. */
function lowerQuantile(q: number): number {
  let x: number;
  if (q < P_LOW) {
    const r = Math.sqrt(-2 * log(q));
    x = (((((C[0] * r + C[1]) * r + C[2]) * r + C[3]) * r + C[4]) * r + C[5]) /
      ((((D[0] * r + D[1]) * r + D[2]) * r + D[3]) * r + 1);
  } else {
    const u = q - 0.5;
    const r = u * u;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * u) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - q;
    const u = e * SQRT_TWO_PI * exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}
