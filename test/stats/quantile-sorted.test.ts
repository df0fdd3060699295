import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/stats/index.js';

const probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('matches R: quantile(1:10, c(.05, .25, .5, .75, .95))', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const got = probabilities.map((p) => quantileSorted(sorted, p));
    const want = [1.45, 3.25, 5.5, 7.75, 9.55];
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i] as number, 12));
  });

  it('matches R on an uneven sample with ties: quantile(c(3.2, -1, 7, 7, 0.5), ...)', () => {
    const sorted = new Float64Array([-1, 0.5, 3.2, 7, 7]);
    const ps = [0, 0.1, 0.33, 0.5, 0.9, 1];
    const want = [-1, -0.4, 1.364, 3.2, 7, 7];
    ps.forEach((p, i) => expect(quantileSorted(sorted, p)).toBeCloseTo(want[i] as number, 12));
  });

  it('returns the single value of a one-element sample and NaN for an empty one', () => {
    expect(quantileSorted([42], 0.05)).toBe(42);
    expect(quantileSorted([42], 0.95)).toBe(42);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => quantileSorted([1, 2], 1.5)).toThrow(/p must be in \[0, 1\]/);
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrow(RangeError);
  });
});
