import { describe, expect, it } from 'vitest';
import { countFinite, mean } from '../../src/stats/index.js';

describe('mean', () => {
  it('is the arithmetic mean of known samples', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([-3, 3, 9])).toBe(3);
    expect(mean(new Float64Array([0.5, 1.5]))).toBe(1);
  });

  it('skips non-finite values and counts only finite ones', () => {
    expect(mean([1, Number.NaN, 3])).toBe(2);
    expect(mean([1, Infinity, 3, -Infinity])).toBe(2);
    expect(countFinite([1, Number.NaN, Infinity, 4])).toBe(2);
  });

  it('is NaN for an empty or all-NaN sample', () => {
    expect(mean([])).toBeNaN();
    expect(mean([Number.NaN, Number.NaN])).toBeNaN();
    expect(countFinite([Number.NaN])).toBe(0);
  });
});
