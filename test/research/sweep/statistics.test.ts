import { describe, expect, it } from 'vitest';
import { pointStatistics } from '../../../src/research/sweep/index.js';

describe('pointStatistics', () => {
  it('gives n, mean, sd, the t interval and type 7 quantiles of 1..10 (R: t.test, quantile)', () => {
    const s = pointStatistics([10, 3, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(s.n).toBe(10);
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(3.0276503540974917, 12);
    // R: t.test(1:10)$conf.int → 3.334149 7.665851
    expect(s.ci_low).toBeCloseTo(3.334149, 5);
    expect(s.ci_high).toBeCloseTo(7.665851, 5);
    // R: quantile(1:10, c(.05, .5, .95)) → 1.45 5.50 9.55
    expect(s.p05).toBeCloseTo(1.45, 12);
    expect(s.p50).toBe(5.5);
    expect(s.p95).toBeCloseTo(9.55, 12);
  });
  it('skips values that are not finite', () => {
    const s = pointStatistics([Number.NaN, 2, 4, Number.POSITIVE_INFINITY]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(3);
    expect(s.p50).toBe(3);
  });
  it('has NaN statistics when no value is finite, and no interval from one value', () => {
    expect(Number.isNaN(pointStatistics([Number.NaN]).mean)).toBe(true);
    const one = pointStatistics([7]);
    expect(one.mean).toBe(7);
    expect(Number.isNaN(one.ci_low)).toBe(true);
  });
});
