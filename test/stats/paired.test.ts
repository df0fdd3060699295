import { describe, expect, it } from 'vitest';
import { pairedDifference, pairedDifferences } from '../../src/stats/index.js';

// R's `sleep` data (Cushny & Peebles 1905, as in Student 1908): extra hours of sleep per patient.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('pairedDifferences', () => {
  it('takes b − a pair by pair and drops a pair where either value is not finite', () => {
    expect(pairedDifferences([1, 2, NaN, 4], [3, Infinity, 5, 4.5])).toEqual({ differences: [2, 0.5], dropped: 2, a: [1, 4], b: [3, 4.5] });
  });

  it('refuses samples that do not pair up', () => {
    expect(() => pairedDifferences([1, 2], [1])).toThrow(/lengths 2 and 1/);
  });
});

describe('pairedDifference', () => {
  it("matches R's paired t test on the sleep data", () => {
    // R: with(sleep, t.test(extra[group == 2], extra[group == 1], paired = TRUE))
    // t = 4.0621, df = 9, p-value = 0.002833; 95 percent CI 0.7001142 2.4598858; mean 1.58
    const r = pairedDifference(drug1, drug2);
    expect(r.n).toBe(10);
    expect(r.dropped).toBe(0);
    expect(r.mean).toBeCloseTo(1.58, 12);
    expect(r.ciLow).toBeCloseTo(0.7001142, 7);
    expect(r.ciHigh).toBeCloseTo(2.4598858, 7);
    expect(r.t).toBeCloseTo(4.0621, 4);
    expect(r.pValue).toBeCloseTo(0.002833, 6);
    expect(r.confidence).toBe(0.95);
  });

  it('gives d_z = mean / sd of the differences and Hedges g_z with the exact correction', () => {
    const r = pairedDifference(drug1, drug2);
    // sd of the differences = 1.2299954832798732, d_z = 1.58 / sd (computed independently)
    expect(r.sd).toBeCloseTo(1.2299954832798732, 12);
    expect(r.dz).toBeCloseTo(1.2845575625910546, 12);
    // J(9) = Γ(4.5) / (√4.5 · Γ(4)) = 0.9138748917925524 (≈ 1 − 3/35 = 0.9143)
    expect(r.hedgesGz / r.dz).toBeCloseTo(0.9138748917925524, 12);
  });

  it('is antisymmetric: swapping the samples negates the difference, its interval and d_z', () => {
    const ab = pairedDifference(drug1, drug2);
    const ba = pairedDifference(drug2, drug1);
    expect(ba.mean).toBeCloseTo(-ab.mean, 12);
    expect(ba.ciLow).toBeCloseTo(-ab.ciHigh, 12);
    expect(ba.dz).toBeCloseTo(-ab.dz, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it('narrows the interval at a lower confidence level', () => {
    const r95 = pairedDifference(drug1, drug2);
    const r80 = pairedDifference(drug1, drug2, 0.8);
    expect(r80.ciHigh - r80.ciLow).toBeLessThan(r95.ciHigh - r95.ciLow);
  });

  it('drops pairs with a missing value and counts them', () => {
    const r = pairedDifference([...drug1, NaN, 1], [...drug2, 2, Infinity]);
    expect(r.n).toBe(10);
    expect(r.dropped).toBe(2);
    expect(r.mean).toBeCloseTo(1.58, 12);
  });

  it('reports an infinite d_z when every pair moves by the same amount, NaN when none moves', () => {
    const shifted = pairedDifference([1, 2, 3], [1.5, 2.5, 3.5]);
    expect(shifted.sd).toBe(0);
    expect(shifted.dz).toBe(Infinity);
    expect(pairedDifference([1, 2, 3], [0.5, 1.5, 2.5]).dz).toBe(-Infinity);
    const same = pairedDifference([1, 2, 3], [1, 2, 3]);
    expect(same.dz).toBeNaN();
    expect(same.pValue).toBeNaN();
  });

  it('gives NaN bounds and effect sizes with fewer than two pairs', () => {
    const r = pairedDifference([1], [2]);
    expect(r.n).toBe(1);
    expect(r.ciLow).toBeNaN();
    expect(r.dz).toBeNaN();
    expect(r.hedgesGz).toBeNaN();
  });
});
