/** Lanczos coefficients for g = 7, n = 9 (Godfrey's set; about 15 significant digits). */
import { log, sin } from '../engine/math.js';
const G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * The natural logarithm of the gamma function for x > 0, by the Lanczos (1964) approximation
 * (g = 7, nine terms), with Euler's reflection formula below ½ where the series loses accuracy.
 *
 * @example logGamma(5) // → 3.1780538303479458 (ln 24)
 * @example logGamma(0.5) // → 0.5723649429247001 (ln √π)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i);
  return HALF_LOG_TWO_PI + (z + 0.5) * log(t) - t + log(a);
}
