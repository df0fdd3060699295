/**
 * The known-answer problem of the calibration tests: 30 successes in 100 trials with a
 * Beta(1, 1) prior, whose posterior is Beta(31, 71). Helpers give the exact Beta moments,
 * density and quantiles, and a seeded binomial simulator.
 */
import { particleStream, type AbcProblem } from '../../src/calibration/index.js';
import { logGamma } from '../../src/stats/log-gamma.js';
import { regularizedIncompleteBeta } from '../../src/stats/regularized-incomplete-beta.js';

export const TRIALS = 100;
export const SUCCESSES = 30;

/** Beta(a, b): mean, sd, density and quantile (by bisection on the regularized incomplete beta). */
export function betaDistribution(a: number, b: number) {
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  return {
    mean: a / (a + b),
    sd: Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))),
    density: (x: number) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - logB),
    quantile: (p: number) => {
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    },
  };
}

/**
 * The binomial problem: θ ~ U(0, 1), the statistic a Binomial(100, θ) count drawn from a
 * stream of the particle's own (seed, generation, index), the distance |count − 30|.
 */
export function binomialProblem(seed: number): AbcProblem {
  return {
    priors: [{ kind: 'uniform', lo: 0, hi: 1 }],
    simulate: (theta, index, generation) => {
      const rng = particleStream(seed + 7919, generation, index);
      let count = 0;
      for (let i = 0; i < TRIALS; i++) if (rng() < (theta[0] as number)) count++;
      return [count];
    },
    distance: (stats) => Math.abs((stats[0] as number) - SUCCESSES),
  };
}
