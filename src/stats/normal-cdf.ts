import { exp, log } from '../engine/math.js';
const LOG_SQRT_PI = 0.5723649429247001; // ln Γ(½)
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 1000;

/**
 * The standard normal cumulative distribution function Φ(x), through the regularized upper
 * incomplete gamma function: P(Z ≤ −|x|) = ½ Q(½, x²/2) (Abramowitz & Stegun 26.2.30 with
 * 6.5.17), evaluated by its series or continued fraction (Numerical Recipes, 3rd ed., §6.2).
 * The lower tail is computed directly, so it keeps its relative accuracy far out.
 *
 * @example normalCdf(1.959963984540054) // → 0.975
 * @example normalCdf(0) // → 0.5
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const tail = 0.5 * upperGammaHalf((x * x) / 2);
  return x > 0 ? 1 - tail : tail;
}

/** Q(½, y), the regularized upper incomplete gamma function at shape ½ (= erfc(√y)). */
function upperGammaHalf(y: number): number {
  const a = 0.5;
  if (y === 0) return 1;
  const logFront = -y + a * log(y) - LOG_SQRT_PI;
  if (y < a + 1) {
    // Series for P(a, y); Q = 1 − P.
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 1; n <= MAX_ITERATIONS; n++) {
      ap += 1;
      del *= y / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * exp(logFront);
  }
  // Continued fraction for Q(a, y), modified Lentz.
  let b = y + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return exp(logFront) * h;
}
