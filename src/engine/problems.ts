/**
 * The problem space: recurring problem classes of a CoP's domain with a long-tailed (Zipf)
 * frequency, shared by all CoPs of a run. Members meet problems of these classes (knowledge
 * reuse) and contributions at meetings keep the know-how of classes fresh.
 */
import type { Rng } from './rng.js';
import type { ProblemSpace } from './state.js';
import { pow } from './math.js';

/** The Zipf problem space: P(class k) ∝ 1 / (k + 1)^exponent. */
export function createProblemSpace(classes: number, exponent: number): ProblemSpace {
  const cdf = new Float64Array(classes);
  let total = 0;
  for (let k = 0; k < classes; k++) {
    total += 1 / pow(k + 1, exponent);
    cdf[k] = total;
  }
  for (let k = 0; k < classes; k++) cdf[k] = (cdf[k] as number) / total;
  cdf[classes - 1] = 1;
  return { classes, cdf };
}

/** Draws a problem class by binary search on the cumulative distribution. */
export function drawProblemClass(space: ProblemSpace, rng: Rng): number {
  const u = rng();
  const cdf = space.cdf;
  let lo = 0;
  let hi = space.classes - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < (cdf[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
