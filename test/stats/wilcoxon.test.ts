import { describe, expect, it } from 'vitest';
import { signedRankDistribution, wilcoxonSignedRank } from '../../src/stats/index.js';
import { makeRng } from '../../src/engine/rng.js';

/**
 * A second implementation of the exact two-sided p-value, for untied differences: enumerate
 * all 2ⁿ sign assignments of the ranks 1 … n and count those at least as extreme, in the tail
 * R's wilcox.test uses.
 */
function bruteForceExactP(differences: number[]): { v: number; p: number } {
  const n = differences.length;
  const sortedAbs = differences.map(Math.abs).sort((a, b) => a - b);
  const rankOf = (x: number): number => sortedAbs.indexOf(Math.abs(x)) + 1;
  const v = differences.filter((d) => d > 0).reduce((s, d) => s + rankOf(d), 0);
  const centre = (n * (n + 1)) / 4;
  let hits = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += i + 1;
    if (v > centre ? s >= v : s <= v) hits++;
  }
  return { v, p: Math.min(1, (2 * hits) / 2 ** n) };
}

describe('wilcoxonSignedRank', () => {
  it("matches R on Hollander & Wolfe's depression data (exact)", () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    // R: wilcox.test(x, y, paired = TRUE) → V = 40, p-value = 0.03906 (= 2 · 10/512)
    const r = wilcoxonSignedRank(x.map((xi, i) => xi - (y[i] as number)));
    expect(r.method).toBe('exact');
    expect(r.n).toBe(9);
    expect(r.statistic).toBe(40);
    expect(r.pValue).toBe(20 / 512);
    expect(r.z).toBeNaN();
    // The other direction: V = 5, same p.
    const back = wilcoxonSignedRank(y.map((yi, i) => yi - (x[i] as number)));
    expect(back.statistic).toBe(5);
    expect(back.pValue).toBe(20 / 512);
  });

  it('agrees with brute-force enumeration of all sign assignments for small untied samples', () => {
    const rng = makeRng('wilcoxon-brute-force');
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rng() * 13);
      // Distinct magnitudes (untied), random signs, a shift to vary the statistic.
      const d = Array.from({ length: n }, (_, i) => (i + 1 + rng() * 0.5) * (rng() < 0.3 + trial / 120 ? -1 : 1));
      const want = bruteForceExactP(d);
      const got = wilcoxonSignedRank(d);
      expect(got.method).toBe('exact');
      expect(got.statistic).toBe(want.v);
      expect(got.pValue).toBeCloseTo(want.p, 14);
    }
  });

  it('caps the exact p-value at 1 when V sits at the centre of its distribution', () => {
    // n = 3, V = 3 = n(n+1)/4: P(V ≤ 3) = 5/8, doubled and capped.
    expect(wilcoxonSignedRank([-1, -2, 3]).pValue).toBe(1);
    // V = 4 > 3: P(V ≥ 4) = 3/8 → p = 0.75.
    expect(wilcoxonSignedRank([1, -2, 3]).pValue).toBe(0.75);
  });

  it('uses the normal approximation with tie and continuity corrections when ranks tie', () => {
    // d = 1, 1, 2, −2, 3, 3, 3, 0, −4, 5. The zero is dropped: n = 9.
    // |d| ranks: 1,1 → 1.5; 2,2 → 3.5; 3,3,3 → 6; 4 → 8; 5 → 9.
    // V = 1.5 + 1.5 + 3.5 + 6 + 6 + 6 + 9 = 33.5; E[V] = 9·10/4 = 22.5.
    // Var = 9·10·19/24 − ((2³−2) + (2³−2) + (3³−3))/48 = 71.25 − 36/48 = 70.5.
    // z = (33.5 − 22.5 − 0.5)/√70.5 = 1.2505318017683686; p = erfc(z/√2) = 0.21110534568480332
    // (Python's math.erfc). R's wilcox.test(d) reports V = 33.5, p-value = 0.2111.
    const r = wilcoxonSignedRank([1, 1, 2, -2, 3, 3, 3, 0, -4, 5]);
    expect(r.method).toBe('normal');
    expect(r.n).toBe(9);
    expect(r.zeros).toBe(1);
    expect(r.statistic).toBe(33.5);
    expect(r.z).toBeCloseTo(1.2505318017683686, 12);
    expect(r.pValue).toBeCloseTo(0.21110534568480332, 12);
  });

  it('uses the normal approximation when a zero was dropped, even without ties (as R)', () => {
    // n = 5 after the zero, V = 15, E = 7.5, Var = 5·6·11/24 = 13.75,
    // z = 7/√13.75 = 1.8877596148970779, p = 0.05905822909053674.
    const r = wilcoxonSignedRank([0, 1, 2, 3, 4, 5]);
    expect(r.method).toBe('normal');
    expect(r.z).toBeCloseTo(1.8877596148970779, 12);
    expect(r.pValue).toBeCloseTo(0.05905822909053674, 12);
  });

  it('uses the normal approximation from n = 50 on, and exact below when asked', () => {
    // d_i = ±i, i = 1 … 60, negative for i ≤ 20: V = Σ 21…60 = 1620, E = 915,
    // Var = 60·61·121/24 = 18452.5, z = 704.5/√18452.5 = 5.186249314645876,
    // p = 2.1457151868636098e-07.
    const d = Array.from({ length: 60 }, (_, k) => (k < 20 ? -(k + 1) : k + 1));
    const r = wilcoxonSignedRank(d);
    expect(r.method).toBe('normal');
    expect(r.statistic).toBe(1620);
    expect(r.z).toBeCloseTo(5.186249314645876, 12);
    expect(r.pValue / 2.1457151868636098e-7).toBeCloseTo(1, 10);
    const exact = wilcoxonSignedRank(d, { exactBelow: 61 });
    expect(exact.method).toBe('exact');
    // 2 · #{subsets of 1…60 with sum ≤ 210} / 2⁶⁰ = 2 · 11426843858 / 2⁶⁰, counted with exact
    // integers in Python: 1.982241429679399e-08 (the normal tail is ten times too large here).
    expect(exact.pValue / 1.982241429679399e-8).toBeCloseTo(1, 12);
  });

  it('drops non-finite differences and counts them', () => {
    const r = wilcoxonSignedRank([NaN, 1, 2, Infinity, 3]);
    expect(r.dropped).toBe(2);
    expect(r.n).toBe(3);
    expect(r.statistic).toBe(6);
    expect(r.pValue).toBe(0.25);
  });

  it('returns a NaN p-value when every difference is zero', () => {
    const r = wilcoxonSignedRank([0, 0, 0]);
    expect(r.n).toBe(0);
    expect(r.zeros).toBe(3);
    expect(r.pValue).toBeNaN();
  });
});

describe('signedRankDistribution', () => {
  it('is the distribution of the sum of a random subset of 1 … n', () => {
    // n = 4: subset sums of {1,2,3,4}, counted by hand: 0..10 → 1,1,1,2,2,2,2,2,1,1,1.
    expect(Array.from(signedRankDistribution(4), (p) => p * 16)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1]);
  });

  it('sums to 1 and is symmetric for large n', () => {
    const p = signedRankDistribution(200);
    let total = 0;
    for (const x of p) total += x;
    expect(total).toBeCloseTo(1, 12);
    expect(p[100]).toBe(p[p.length - 1 - 100]);
  });
});
