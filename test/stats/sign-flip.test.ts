import { describe, expect, it } from 'vitest';
import { signFlipTest } from '../../src/stats/index.js';
import { makeRng } from '../../src/engine/rng.js';

/** A second implementation: every sign assignment by bit mask, each sum recomputed in full. */
function bruteForceP(d: number[]): number {
  const observed = Math.abs(d.reduce((s, x) => s + x, 0));
  let hits = 0;
  for (let mask = 0; mask < 2 ** d.length; mask++) {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += mask & (1 << i) ? -(d[i] as number) : (d[i] as number);
    if (Math.abs(s) >= observed - 1e-9) hits++;
  }
  return hits / 2 ** d.length;
}

describe('signFlipTest', () => {
  it('gives 2/2ⁿ when every difference is positive and distinct sums cannot tie', () => {
    const r = signFlipTest([1, 2, 4, 8, 16]);
    expect(r.method).toBe('exact');
    expect(r.resamples).toBe(32);
    expect(r.pValue).toBe(2 / 32);
    expect(r.statistic).toBe(31 / 5);
  });

  it('counts assignments that tie with the observed one exactly', () => {
    // |sum| = 15 only for all + or all −: p = 2/32. For [1, 1], |±1 ± 1| = 2 in 2 of 4
    // assignments; for [1, −1] every assignment has |sum| ≥ 0 = the observed one.
    expect(signFlipTest([1, 2, 3, 4, 5]).pValue).toBe(2 / 32);
    expect(signFlipTest([1, 1]).pValue).toBe(2 / 4);
    expect(signFlipTest([1, -1]).pValue).toBe(1);
  });

  it('agrees with brute-force enumeration on random samples', () => {
    const rng = makeRng('sign-flip-brute-force');
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + Math.floor(rng() * 12);
      const d = Array.from({ length: n }, () => Math.round((rng() - 0.3) * 100) / 10);
      expect(signFlipTest(d).pValue).toBeCloseTo(bruteForceP(d), 14);
    }
  });

  it("is exact on Hollander & Wolfe's depression data", () => {
    const d = [0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01];
    const r = signFlipTest(d);
    expect(r.pValue).toBeCloseTo(bruteForceP(d), 14);
    expect(r.pValue).toBeGreaterThan(0.005);
    expect(r.pValue).toBeLessThan(0.05);
  });

  it('approaches the exact p-value by seeded resampling, reproducibly', () => {
    const rng = makeRng('sign-flip-monte-carlo');
    const d = Array.from({ length: 14 }, () => rng() - 0.2);
    const exact = signFlipTest(d).pValue;
    const sampled = signFlipTest(d, { exactUpTo: 0, resamples: 20_000, seed: 7 });
    expect(sampled.method).toBe('monte-carlo');
    expect(sampled.resamples).toBe(20_000);
    const se = Math.sqrt((exact * (1 - exact)) / 20_000);
    expect(Math.abs(sampled.pValue - exact)).toBeLessThan(4 * se + 1 / 20_001);
    expect(signFlipTest(d, { exactUpTo: 0, resamples: 20_000, seed: 7 })).toEqual(sampled);
    expect(signFlipTest(d, { exactUpTo: 0, resamples: 20_000, seed: 8 }).pValue).not.toBe(sampled.pValue);
  });

  it('never reports a zero p-value when resampling', () => {
    const d = Array.from({ length: 40 }, (_, i) => 1 + i);
    expect(signFlipTest(d, { resamples: 999 }).pValue).toBe(1 / 1000);
  });

  it('drops non-finite differences and refuses a bad resample count', () => {
    expect(signFlipTest([NaN, 1, 2]).dropped).toBe(1);
    expect(signFlipTest([NaN]).pValue).toBeNaN();
    expect(() => signFlipTest([1], { resamples: 0 })).toThrow(/resamples/);
  });
});
