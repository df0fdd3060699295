/**
 * The verdict on one hypothesis from paired values, against known answers.
 */
import { describe, expect, it } from 'vitest';
import { evaluateHypothesis, verdictReason } from '../../../src/research/hypotheses/index.js';

// R's sleep data: extra sleep of ten patients under drug 1 (a) and drug 2 (b).
const A = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2];
const B = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('evaluateHypothesis', () => {
  it("matches R's paired t interval and Wilcoxon signed-rank test on the sleep data", () => {
    // R: t.test(B, A, paired = TRUE): mean 1.58, CI 0.7001142 2.4598858;
    //    wilcox.test(B, A, paired = TRUE): V = 45, p-value = 0.009091 (normal, one zero, ties)
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 0.5 }, A, B);
    expect(e.n).toBe(10);
    expect(e.difference).toBeCloseTo(1.58, 12);
    expect(e.ciLow).toBeCloseTo(0.7001142, 6);
    expect(e.ciHigh).toBeCloseTo(2.4598858, 6);
    expect(e.pValue).toBeCloseTo(0.009091, 5);
    expect(e.test).toBe('Wilcoxon signed-rank (normal approximation)');
    expect(e.effectSize).toBeCloseTo(1.58 / 1.2299955, 5);
    expect(e.meanA).toBeCloseTo(0.75, 12);
    expect(e.meanB).toBeCloseTo(2.33, 12);
    expect(e.verdict).toBe('supported');
    expect(e.exceedsSmallestEffect).toBe(true);
    expect(e.reason).toBe('CI wholly above 0 and beyond the smallest effect');
    // The paired t test's p beside Wilcoxon's: R's t.test gives p-value = 0.002833.
    expect(e.pValueT).toBeCloseTo(0.002833, 6);
  });

  it('contradicts a predicted decrease when the interval lies above zero', () => {
    const e = evaluateHypothesis({ expected: 'decrease', smallestEffect: 0.5 }, A, B);
    expect(e.verdict).toBe('contradicted');
    expect(e.reason).toBe('CI wholly above 0 (against the prediction)');
  });

  it('calls a difference negligible (contradicted) when the interval lies within ± the smallest effect', () => {
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 3 }, A, B);
    expect(e.verdict).toBe('contradicted');
    expect(e.reason).toBe('CI within ±smallest effect');
    expect(e.exceedsSmallestEffect).toBe(false);
  });

  it('is inconclusive when the interval straddles zero and reaches beyond the smallest effect', () => {
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 0.5 }, [0, 0, 0, 0], [2, -1, 1, -1.5]);
    expect(e.ciLow).toBeLessThan(0);
    expect(e.ciHigh).toBeGreaterThan(0.5);
    expect(e.verdict).toBe('inconclusive');
    expect(e.reason).toBe('CI includes 0');
  });

  it('gives a scenario compared with itself a difference of exactly 0: negligible, so contradicted', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 1 }, values, values);
    expect([e.difference, e.ciLow, e.ciHigh]).toEqual([0, 0, 0]);
    expect(e.verdict).toBe('contradicted');
    expect(e.effectSize).toBeNaN();
    expect(e.pValue).toBeNaN();
  });

  it('drops pairs with a missing value from the means and the difference', () => {
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 1 }, [1, Number.NaN, 3, 5], [2, 7, Number.NaN, 8]);
    expect(e.n).toBe(2);
    expect(e.dropped).toBe(2);
    expect([e.meanA, e.meanB, e.difference]).toEqual([3, 5, 2]);
  });
});

describe('verdictReason', () => {
  it('names the side of zero in the terms of the prediction, and no interval', () => {
    expect(verdictReason({ ciLow: -1.4, ciHigh: -0.2 }, 'decrease', 0.5)).toBe('CI wholly below 0 but not wholly beyond the smallest effect');
    expect(verdictReason({ ciLow: -1.4, ciHigh: -0.6 }, 'decrease', 0.5)).toBe('CI wholly below 0 and beyond the smallest effect');
    expect(verdictReason({ ciLow: -1.4, ciHigh: -0.6 }, 'increase', 0.5)).toBe('CI wholly below 0 (against the prediction)');
    expect(verdictReason({ ciLow: Number.NaN, ciHigh: Number.NaN }, 'increase', 0.5)).toBe('no interval (fewer than two pairs)');
  });

  it('says plainly when a supported verdict rests on the sign alone', () => {
    expect(verdictReason({ ciLow: 0.2, ciHigh: 1.4 }, 'increase', 0.5)).toBe('CI wholly above 0 but not wholly beyond the smallest effect');
    expect(verdictReason({ ciLow: 0.2, ciHigh: 1.4 }, 'increase', 0)).toBe('CI wholly above 0 (smallest effect 0: the sign alone is tested)');
  });
});

describe('smallest effect 0: a test of the sign', () => {
  it('supports any interval wholly on the predicted side and never calls an effect negligible', () => {
    const e = evaluateHypothesis({ expected: 'increase', smallestEffect: 0 }, A, B);
    expect(e.verdict).toBe('supported');
    expect(e.exceedsSmallestEffect).toBe(true);
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    // A difference of exactly 0 is no evidence of either sign: inconclusive, not negligible.
    expect(evaluateHypothesis({ expected: 'increase', smallestEffect: 0 }, values, values).verdict).toBe('inconclusive');
    expect(evaluateHypothesis({ expected: 'decrease', smallestEffect: 0 }, A, B).verdict).toBe('contradicted');
  });
});
