import { describe, expect, it } from 'vitest';
import { indicatorInterval, meanConfidenceInterval, unitMeanConfidenceInterval, wilsonInterval } from '../../src/stats/index.js';
import { makeRng } from '../../src/engine/rng.js';

/**
 * Reference values from R 4.2 (Debian r-base-core):
 *   suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = level)$conf.int)
 * printed with options(digits = 17).
 */
const R_PROP_TEST: readonly (readonly [number, number, number, number, number])[] = [
  // x, n, level, low, high
  [196, 200, 0.95, 0.94971291309417349, 0.9921955735836504],
  [0, 10, 0.95, 0, 0.27753279986288915],
  [10, 10, 0.95, 0.72246720013711085, 1],
  [1, 1, 0.95, 0.2065493143772375, 1],
  [0, 1, 0.95, 0, 0.79345068562276255],
  [7, 23, 0.95, 0.15604024453214027, 0.50865756268759199],
  [50, 100, 0.95, 0.40383153036599567, 0.59616846963400427],
  [199, 200, 0.95, 0.97222629560210694, 0.99911683128439888],
  [3, 4, 0.95, 0.30064184258240201, 0.95441273919029945],
  [1, 2, 0.95, 0.094531205734230739, 0.90546879426576921],
  [7, 23, 0.9, 0.17424907814592944, 0.47563188951102481],
  [196, 200, 0.99, 0.93514462982420943, 0.99403046672650119],
];

describe('wilsonInterval (Wilson 1927 score interval)', () => {
  it.each(R_PROP_TEST)("matches R's prop.test(%i, %i, correct = FALSE) at level %f", (x, n, level, low, high) => {
    const ci = wilsonInterval(x, n, level);
    expect(ci.low).toBeCloseTo(low, 12);
    expect(ci.high).toBeCloseTo(high, 12);
  });

  it('stays within [0, 1], holds p̂ and narrows as n grows', () => {
    const rng = makeRng('wilson');
    for (let k = 0; k < 500; k++) {
      const n = 1 + Math.floor(rng() * 2000);
      const x = Math.floor(rng() * (n + 1));
      const ci = wilsonInterval(x, n);
      expect(ci.low).toBeGreaterThanOrEqual(0);
      expect(ci.high).toBeLessThanOrEqual(1);
      expect(ci.low).toBeLessThanOrEqual(x / n);
      expect(ci.high).toBeGreaterThanOrEqual(x / n);
      const bigger = wilsonInterval(4 * x, 4 * n);
      expect(bigger.high - bigger.low).toBeLessThan(ci.high - ci.low);
    }
  });

  it('has NaN bounds for no trials and refuses impossible counts or levels', () => {
    const none = wilsonInterval(0, 0);
    expect(none.low).toBeNaN();
    expect(none.high).toBeNaN();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(RangeError);
  });
});

describe('indicatorInterval', () => {
  it('counts the ones among the finite values and gives their Wilson interval', () => {
    const ci = indicatorInterval([1, 1, Number.NaN, 0, 1]);
    expect([ci.n, ci.successes, ci.mean]).toEqual([4, 3, 0.75]);
    // R: prop.test(3, 4, correct = FALSE)$conf.int
    expect(ci.low).toBeCloseTo(0.30064184258240201, 12);
    expect(ci.high).toBeCloseTo(0.95441273919029945, 12);
  });

  it('refuses values other than 0 and 1', () => {
    expect(() => indicatorInterval([0, 1, 0.5])).toThrow(/expected 0\/1 values, got 0.5/);
  });
});

describe('unitMeanConfidenceInterval', () => {
  it("is R's t.test interval clipped to [0, 1]", () => {
    // R: t.test(c(1, 1, 1, 0.9))$conf.int → 0.89543884236790738 1.0545611576320926
    const top = unitMeanConfidenceInterval([1, 1, 1, 0.9]);
    expect(top.low).toBeCloseTo(0.89543884236790738, 12);
    expect(top.high).toBe(1);
    // R: t.test(c(0, 0.02, 0, 0.01, 0.5))$conf.int → -0.16767356166401906 0.37967356166401905
    const bottom = unitMeanConfidenceInterval([0, 0.02, 0, 0.01, 0.5]);
    expect(bottom.low).toBe(0);
    expect(bottom.high).toBeCloseTo(0.37967356166401905, 12);
    // R: t.test(c(0.2, 0.4, 0.35, 0.5))$conf.int → 0.16359710591976825 0.5614028940802317 (inside: unchanged)
    const inside = unitMeanConfidenceInterval([0.2, 0.4, 0.35, 0.5]);
    expect([inside.low, inside.high]).toEqual([meanConfidenceInterval([0.2, 0.4, 0.35, 0.5]).low, meanConfidenceInterval([0.2, 0.4, 0.35, 0.5]).high]);
    expect(inside.low).toBeCloseTo(0.16359710591976825, 12);
  });

  it('keeps NaN bounds below two values', () => {
    expect(unitMeanConfidenceInterval([0.4]).low).toBeNaN();
  });
});
