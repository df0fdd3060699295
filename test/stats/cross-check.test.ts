/**
 * Our statistics against a second, independent implementation (simple-statistics) on many
 * seeded random samples of varied size and spread.
 */
import { describe, expect, it } from 'vitest';
import * as ss from 'simple-statistics';
import { mean, quantileSorted, standardDeviation } from '../../src/stats/index.js';
import { makeRng, normal } from '../../src/engine/rng.js';

describe('statistics agree with simple-statistics', () => {
  const rng = makeRng('cross-check');
  const samples = Array.from({ length: 200 }, (_, k) => {
    const n = 2 + Math.floor(rng() * 300);
    const scale = 10 ** (Math.floor(rng() * 7) - 3);
    return Array.from({ length: n }, () => scale * (k % 2 ? normal(rng) : rng()));
  });

  it('mean and sample standard deviation', () => {
    for (const xs of samples) {
      expect(mean(xs)).toBeCloseTo(ss.mean(xs), 9);
      const relative = Math.abs(standardDeviation(xs) - ss.sampleStandardDeviation(xs)) / ss.sampleStandardDeviation(xs);
      expect(relative).toBeLessThan(1e-12);
    }
  });

  it('type-7 quantiles', () => {
    for (const xs of samples) {
      const sorted = [...xs].sort((a, b) => a - b);
      for (const p of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) {
        expect(quantileSorted(sorted, p)).toBeCloseTo(ss.quantileSorted(sorted, p), 12);
      }
    }
  });
});
