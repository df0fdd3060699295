import { makeRng } from '../engine/rng.js';

/** The outcome of a paired sign-flip permutation test. */
export interface SignFlipResult {
  /** Finite differences used (zeros included: they flip to themselves). */
  readonly n: number;
  /** Non-finite differences, dropped. */
  readonly dropped: number;
  /** The observed mean difference. */
  readonly statistic: number;
  /** Two-sided p-value: the share of sign assignments whose |mean| reaches the observed one. */
  readonly pValue: number;
  /** All 2ⁿ assignments, or a seeded random sample of them. */
  readonly method: 'exact' | 'monte-carlo';
  /** Sign assignments evaluated (2ⁿ when exact). */
  readonly resamples: number;
}

/** Options of `signFlipTest`. */
export interface SignFlipOptions {
  /** Enumerate all 2ⁿ sign assignments when n ≤ this; default 20 (about a million). */
  readonly exactUpTo?: number;
  /** Random sign assignments drawn otherwise; default 10 000. */
  readonly resamples?: number;
  /** Seed of the xor4096 stream the random assignments come from; default 1. */
  readonly seed?: number | string;
}

/**
 * The paired sign-flip permutation test (Fisher 1935, §21; Good 2005, §3.2) of a zero mean
 * difference, two-sided: under the null hypothesis each difference is as likely to have
 * either sign, so the observed |mean| is compared with its distribution over sign flips.
 *
 * For n ≤ `exactUpTo` every assignment is enumerated (in Gray-code order, one flip per step)
 * and p is the exact share with |mean| ≥ the observed one. Above, `resamples` random
 * assignments from a seeded stream give p = (1 + hits) / (1 + resamples), which never
 * reports 0 and is a valid p-value (Phipson & Smyth 2010). Sums are compared with a tolerance
 * of 1e-10 of Σ|d| so that an assignment equal to the observed one in exact arithmetic is
 * counted despite rounding.
 *
 * @param differences paired differences b − a; non-finite ones are dropped
 * @param options `exactUpTo` (default 20), `resamples` (default 10 000), `seed` (default 1)
 * @example signFlipTest([1, 2, 3, 4, 5]) // → { n: 5, statistic: 3, pValue: 0.0625, method: 'exact', resamples: 32, dropped: 0 }
 */
export function signFlipTest(differences: ArrayLike<number>, options: SignFlipOptions = {}): SignFlipResult {
  const exactUpTo = options.exactUpTo ?? 20;
  const resamples = options.resamples ?? 10_000;
  if (!(Number.isInteger(resamples) && resamples >= 1)) {
    throw new RangeError(`signFlipTest: resamples must be a positive integer, got ${resamples}`);
  }
  const d: number[] = [];
  let dropped = 0;
  for (let i = 0; i < differences.length; i++) {
    const x = differences[i] as number;
    if (Number.isFinite(x)) d.push(x);
    else dropped++;
  }
  const n = d.length;
  if (n === 0) return { n, dropped, statistic: Number.NaN, pValue: Number.NaN, method: 'exact', resamples: 0 };
  let sum = 0;
  let scale = 0;
  for (const x of d) {
    sum += x;
    scale += Math.abs(x);
  }
  const threshold = Math.abs(sum) - 1e-10 * scale;
  const statistic = sum / n;

  if (n <= exactUpTo) {
    // Gray code: assignment g flips exactly one sign relative to assignment g − 1.
    const total = 2 ** n;
    const sign = new Int8Array(n).fill(1);
    let s = sum;
    let hits = Math.abs(s) >= threshold ? 1 : 0;
    for (let g = 1; g < total; g++) {
      const bit = 31 - Math.clz32(g & -g);
      s -= 2 * (sign[bit] as number) * (d[bit] as number);
      sign[bit] = -(sign[bit] as number);
      // Re-add from scratch now and then so rounding cannot drift across a million updates.
      if ((g & 255) === 0) s = signedSum(d, sign);
      if (Math.abs(s) >= threshold) hits++;
    }
    return { n, dropped, statistic, pValue: hits / total, method: 'exact', resamples: total };
  }

  const rng = makeRng(`sign-flip/${options.seed ?? 1}`);
  let hits = 0;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (const x of d) s += rng() < 0.5 ? -x : x;
    if (Math.abs(s) >= threshold) hits++;
  }
  return { n, dropped, statistic, pValue: (1 + hits) / (1 + resamples), method: 'monte-carlo', resamples };
}

function signedSum(d: readonly number[], sign: Int8Array): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += (sign[i] as number) * (d[i] as number);
  return s;
}
