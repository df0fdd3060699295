import { describe, expect, it } from 'vitest';
import { logGamma, meanConfidenceInterval, regularizedIncompleteBeta } from '../../src/stats/index.js';

describe('meanConfidenceInterval (t-based)', () => {
  it('matches a hand-checked 95% interval of 1..10', () => {
    const ci = meanConfidenceInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ci.n).toBe(10);
    expect(ci.mean).toBe(5.5);
    expect(ci.sd).toBeCloseTo(3.0276503540974917, 14);
    expect(ci.low).toBeCloseTo(3.334149410331831, 12);
    expect(ci.high).toBeCloseTo(7.665850589668169, 12);
  });

  it('honours another level (90%)', () => {
    const ci = meanConfidenceInterval([2.5, 3.1, -0.4, 7.25, 1.0], 0.9);
    expect(ci.mean).toBeCloseTo(2.69, 14);
    expect(ci.low).toBeCloseTo(-0.06503567673669997, 12);
    expect(ci.high).toBeCloseTo(5.445035676736699, 12);
  });

  it('skips NaN values and counts only finite ones', () => {
    const withGaps = meanConfidenceInterval([1, Number.NaN, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN]);
    expect(withGaps.n).toBe(10);
    expect(withGaps.low).toBeCloseTo(3.334149410331831, 12);
  });

  it('gives NaN bounds below two values, and a NaN mean for none', () => {
    const one = meanConfidenceInterval([4, Number.NaN]);
    expect(one.n).toBe(1);
    expect(one.mean).toBe(4);
    expect(one.low).toBeNaN();
    expect(one.high).toBeNaN();
    const none = meanConfidenceInterval([Number.NaN]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.sd).toBeNaN();
  });

  it('collapses to the mean when all values agree', () => {
    const ci = meanConfidenceInterval([3, 3, 3]);
    expect(ci.low).toBe(3);
    expect(ci.high).toBe(3);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => meanConfidenceInterval([1, 2], 95)).toThrow(/level must be in \(0, 1\)/);
  });
});

describe('helpers of the t distribution', () => {
  it('logGamma matches ln((n − 1)!) and ln √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980774, 13);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 10);
  });

  it('regularizedIncompleteBeta matches closed forms and scipy', () => {
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 0.7)).toBeCloseTo(0.029814024845250465, 13);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});
