import { describe, expect, it } from 'vitest';
import { standardDeviation } from '../../src/stats/index.js';

describe('standardDeviation (sample, n − 1)', () => {
  it('matches known values', () => {
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(standardDeviation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(3.0276503540974917, 14);
    expect(standardDeviation([5, 5, 5])).toBe(0);
  });

  it('uses the n − 1 denominator, not n', () => {
    expect(standardDeviation([0, 2])).toBeCloseTo(Math.SQRT2, 15);
  });

  it('keeps accuracy for a large offset (two-pass, not the naive one-pass formula)', () => {
    const base = 1e9;
    expect(standardDeviation([base + 4, base + 7, base + 13, base + 16])).toBeCloseTo(Math.sqrt(30), 6);
  });

  it('skips non-finite values; fewer than two finite values give NaN', () => {
    expect(standardDeviation([2, Number.NaN, 4, Infinity, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(standardDeviation([3])).toBeNaN();
    expect(standardDeviation([3, Number.NaN])).toBeNaN();
    expect(standardDeviation([])).toBeNaN();
  });
});
