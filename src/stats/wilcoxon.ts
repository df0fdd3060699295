import { normalCdf } from './normal-cdf.js';

/** The outcome of a Wilcoxon signed-rank test. */
export interface WilcoxonResult {
  /** Non-zero finite differences used (the n of the test). */
  readonly n: number;
  /** Differences exactly 0, dropped (Wilcoxon's method). */
  readonly zeros: number;
  /** Non-finite differences, dropped. */
  readonly dropped: number;
  /** V, the sum of the ranks of |d| over the positive differences (R's statistic). */
  readonly statistic: number;
  /** The standardised statistic with continuity correction; NaN for the exact test. */
  readonly z: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Exact null distribution, or normal approximation with tie and continuity corrections. */
  readonly method: 'exact' | 'normal';
}

/** Options of `wilcoxonSignedRank`. */
export interface WilcoxonOptions {
  /** Use the exact distribution when n is below this (and no ties or zeros); default 50, as R. */
  readonly exactBelow?: number;
}

/**
 * The Wilcoxon (1945) signed-rank test that the differences are symmetric about zero,
 * two-sided, computed as R's `wilcox.test(d)` (equivalently `wilcox.test(b, a, paired = TRUE)`)
 * with its defaults `exact = NULL, correct = TRUE`:
 *
 * - non-finite differences are dropped; zeros are dropped (Wilcoxon's zero method, R's
 *   default) and n counts the rest;
 * - |d| is ranked with mid-ranks for ties (ties are exact equality, as R ≥ 4.0 with
 *   `digits.rank = Inf`); V = Σ ranks of positive differences;
 * - when n < `exactBelow` (default 50) and there were neither ties nor zeros, the p-value is
 *   exact: 2 · min(P(V ≤ v), P(V ≥ v)), capped at 1, from the null distribution of V (each
 *   rank's sign a fair coin) counted by dynamic programming over ranks;
 * - otherwise z = (V − n(n+1)/4 − ½·sign) / σ with
 *   σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie groups of size t, and p = 2 · Φ(−|z|).
 *
 * @param differences paired differences b − a (or one sample tested against 0)
 * @param options `exactBelow` (default 50)
 * @example
 * // Hollander & Wolfe's depression data, d = x − y; R: V = 40, p-value = 0.03906
 * wilcoxonSignedRank([0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01])
 * // → { n: 9, zeros: 0, dropped: 0, statistic: 40, z: NaN, pValue: 0.0390625, method: 'exact' }
 */
export function wilcoxonSignedRank(differences: ArrayLike<number>, options: WilcoxonOptions = {}): WilcoxonResult {
  const exactBelow = options.exactBelow ?? 50;
  const used: number[] = [];
  let zeros = 0;
  let dropped = 0;
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i] as number;
    if (!Number.isFinite(d)) dropped++;
    else if (d === 0) zeros++;
    else used.push(d);
  }
  const n = used.length;
  const { ranks, tieGroups } = midRanks(used.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if ((used[i] as number) > 0) statistic += ranks[i] as number;

  const centre = (n * (n + 1)) / 4;
  if (n > 0 && n < exactBelow && tieGroups.length === 0 && zeros === 0) {
    const p = statistic > centre ? signedRankUpperTail(statistic, n) : signedRankLowerTail(statistic, n);
    return { n, zeros, dropped, statistic, z: Number.NaN, pValue: Math.min(1, 2 * p), method: 'exact' };
  }
  let tieSum = 0;
  for (const t of tieGroups) tieSum += t * t * t - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  const shifted = statistic - centre;
  const z = n === 0 ? Number.NaN : (shifted - Math.sign(shifted) * 0.5) / sigma;
  const pValue = Number.isNaN(z) ? Number.NaN : 2 * normalCdf(-Math.abs(z));
  return { n, zeros, dropped, statistic, z, pValue, method: 'normal' };
}

/**
 * The null probabilities P(V = s), s = 0 … n(n+1)/2, of the signed-rank statistic for n
 * untied ranks: each rank joins the positive sum with probability ½, so
 * P_k(s) = ½ (P_{k−1}(s) + P_{k−1}(s − k)). Halving at each step keeps the values in range for
 * any n (counts would overflow a double beyond n ≈ 1000) and exact for moderate n.
 */
export function signedRankDistribution(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const p = new Float64Array(max + 1);
  p[0] = 1;
  let top = 0;
  for (let k = 1; k <= n; k++) {
    top += k;
    for (let s = top; s >= 0; s--) {
      p[s] = 0.5 * ((p[s] as number) + (s >= k ? (p[s - k] as number) : 0));
    }
  }
  return p;
}

/** P(V ≤ v) for n untied ranks. */
function signedRankLowerTail(v: number, n: number): number {
  const p = signedRankDistribution(n);
  let sum = 0;
  for (let s = 0; s <= v; s++) sum += p[s] as number;
  return sum;
}

/** P(V ≥ v) for n untied ranks. */
function signedRankUpperTail(v: number, n: number): number {
  const p = signedRankDistribution(n);
  let sum = 0;
  for (let s = p.length - 1; s >= v; s--) sum += p[s] as number;
  return sum;
}

/** Mid-ranks (1-based) of the values, and the sizes of the groups of ties (size ≥ 2). */
function midRanks(values: readonly number[]): { ranks: number[]; tieGroups: number[] } {
  const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Array<number>(values.length);
  const tieGroups: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    if (end - start > 1) tieGroups.push(end - start);
    start = end;
  }
  return { ranks, tieGroups };
}
