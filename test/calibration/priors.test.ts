/**
 * Priors, the kernel and the weighted statistics of src/calibration.
 */
import { describe, expect, it } from 'vitest';
import {
  drawKernel,
  effectiveSampleSize,
  kernelLogDensity,
  normalKernel,
  parsePrior,
  patternDistance,
  priorDensity,
  priorQuantile,
  priorText,
  samplePrior,
  SingularKernelError,
  weightedCovariance,
  weightedMean,
  weightedQuantile,
  weightedSd,
  type Prior,
} from '../../src/calibration/index.js';
import { makeRng } from '../../src/engine/rng.js';

const PRIORS: Prior[] = [
  { kind: 'uniform', lo: 0.1, hi: 0.5 },
  { kind: 'log-uniform', lo: 0.5, hi: 8 },
  { kind: 'normal', mean: 0.6, sd: 0.15, lo: 0.2, hi: 1 },
];

/** ∫ density over [lo, hi] by Simpson's rule on 2000 intervals. */
function integral(prior: Prior): number {
  const n = 2000;
  const h = (prior.hi - prior.lo) / n;
  let sum = priorDensity(prior, prior.lo) + priorDensity(prior, prior.hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * priorDensity(prior, prior.lo + i * h);
  return (sum * h) / 3;
}

describe('priors', () => {
  it.each(PRIORS)('$kind: the density integrates to 1 over its bounds and is 0 outside', (prior) => {
    expect(integral(prior)).toBeCloseTo(1, 8);
    expect(priorDensity(prior, prior.lo - 1e-9)).toBe(0);
    expect(priorDensity(prior, prior.hi + 1e-9)).toBe(0);
  });

  it('uniform and log-uniform densities are the textbook ones', () => {
    expect(priorDensity({ kind: 'uniform', lo: 0, hi: 4 }, 1)).toBe(0.25);
    expect(priorDensity({ kind: 'log-uniform', lo: 1, hi: Math.E }, 2)).toBeCloseTo(0.5, 14);
    // The normal truncated to ±∞ in effect is the normal density.
    expect(priorDensity({ kind: 'normal', mean: 0, sd: 1, lo: -40, hi: 40 }, 0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 14);
  });

  it.each(PRIORS)('$kind: the quantile function inverts the distribution function', (prior) => {
    for (const u of [0.01, 0.25, 0.5, 0.9]) {
      const x = priorQuantile(prior, u);
      const n = 4000;
      const h = (x - prior.lo) / n;
      let mass = 0;
      for (let i = 0; i < n; i++) mass += priorDensity(prior, prior.lo + (i + 0.5) * h) * h;
      expect(mass).toBeCloseTo(u, 5);
    }
    expect(priorQuantile(prior, 0)).toBeCloseTo(prior.lo, 12);
    expect(priorQuantile(prior, 1)).toBeCloseTo(prior.hi, 12);
  });

  it.each(PRIORS)('$kind: draws stay within the bounds and have the mean of the density', (prior) => {
    const rng = makeRng('priors');
    const n = 20_000;
    const xs = Array.from({ length: n }, () => samplePrior(prior, rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(prior.lo);
    expect(Math.max(...xs)).toBeLessThanOrEqual(prior.hi);
    const sum = xs.reduce((a, b) => a + b, 0);
    const grid = 4000;
    const h = (prior.hi - prior.lo) / grid;
    let mean = 0;
    let second = 0;
    for (let i = 0; i < grid; i++) {
      const x = prior.lo + (i + 0.5) * h;
      mean += x * priorDensity(prior, x) * h;
      second += x * x * priorDensity(prior, x) * h;
    }
    const sd = Math.sqrt(second - mean * mean);
    // Five standard errors of a mean of n draws.
    expect(Math.abs(sum / n - mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
  });

  it('reads its text form and says what was expected', () => {
    expect(parsePrior('uniform(0.1, 0.5)')).toEqual({ ok: true, kind: 'uniform', a: 0.1, b: 0.5 });
    expect(parsePrior(' log-uniform( 1e-1 ,8 ) ')).toEqual({ ok: true, kind: 'log-uniform', a: 0.1, b: 8 });
    expect(parsePrior('normal(-0.5, 2)')).toEqual({ ok: true, kind: 'normal', a: -0.5, b: 2 });
    expect(parsePrior('uniform(1)')).toMatchObject({ ok: false, message: expect.stringMatching(/expected uniform\(lo, hi\)/) });
    expect(parsePrior('uniform(2, 1)')).toMatchObject({ ok: false, message: expect.stringMatching(/lo < hi/) });
    expect(parsePrior('log-uniform(0, 1)')).toMatchObject({ ok: false, message: expect.stringMatching(/0 < lo/) });
    expect(parsePrior('normal(0, 0)')).toMatchObject({ ok: false, message: expect.stringMatching(/sd > 0/) });
    expect(priorText(PRIORS[2] as Prior)).toBe('normal(0.6, 0.15) on [0.2, 1]');
  });
});

describe('the normal kernel', () => {
  it('has the density of N(μ, Σ)', () => {
    const k = normalKernel([[4]]);
    expect(k.factor).toEqual([[2]]);
    expect(Math.exp(kernelLogDensity(k, [1], [3]))).toBeCloseTo(Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), 14);
    // A 2-d density with correlation: 1/(2π√det Σ) · exp(−½ xᵀΣ⁻¹x).
    const sigma = [
      [2, 0.6],
      [0.6, 1],
    ];
    const det = 2 - 0.36;
    const x = [0.5, -0.3];
    const inverse = [
      [1 / det, -0.6 / det],
      [-0.6 / det, 2 / det],
    ];
    const q = x[0]! * (inverse[0]![0]! * x[0]! + inverse[0]![1]! * x[1]!) + x[1]! * (inverse[1]![0]! * x[0]! + inverse[1]![1]! * x[1]!);
    expect(Math.exp(kernelLogDensity(normalKernel(sigma), [0, 0], x))).toBeCloseTo(Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det)), 14);
  });

  it('draws with the covariance it was given', () => {
    const sigma = [
      [2, 0.6],
      [0.6, 1],
    ];
    const k = normalKernel(sigma);
    const rng = makeRng('kernel');
    const draws = Array.from({ length: 40_000 }, () => drawKernel(k, [1, -1], rng));
    const cov = weightedCovariance(draws, draws.map(() => 1));
    expect(weightedMean(draws.map((d) => d[0]!), draws.map(() => 1))).toBeCloseTo(1, 1);
    expect(cov[0]![0]).toBeCloseTo(2, 1);
    expect(cov[0]![1]).toBeCloseTo(0.6, 1);
    expect(cov[1]![1]).toBeCloseTo(1, 1);
  });

  it('refuses a covariance that is not positive definite', () => {
    expect(() =>
      normalKernel([
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(SingularKernelError);
  });
});

describe('weighted statistics and the distance', () => {
  it('give the textbook values', () => {
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBe(1);
    expect(weightedMean([1, 3], [1, 3])).toBe(2.5);
    expect(weightedSd([0, 2], [1, 1])).toBe(1);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5)).toBe(2.5);
    expect(weightedQuantile([4, 1, 3, 2], [1, 1, 1, 1], 0.01)).toBe(1);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.99)).toBe(4);
    // Each value sits at the middle of its weight: 1 at 1/3, 2 at 5/6.
    expect(weightedQuantile([1, 2], [2, 1], 1 / 3)).toBe(1);
    expect(weightedQuantile([1, 2], [2, 1], 7 / 12)).toBeCloseTo(1.5, 14);
  });

  it('the distance is the weighted, normalised Euclidean one, infinite without a value', () => {
    const targets = [
      { target: 0.12, tolerance: 0.03 },
      { target: 0.5, tolerance: 0.1, weight: 4 },
    ];
    expect(patternDistance([0.15, 0.5], targets)).toBeCloseTo(1, 14);
    expect(patternDistance([0.12, 0.55], targets)).toBeCloseTo(1, 14);
    expect(patternDistance([Number.NaN, 0.5], targets)).toBe(Number.POSITIVE_INFINITY);
  });
});
