/** The finite differences of paired observations, and how many pairs were left out. */
export interface PairedDifferences {
  /** b[i] − a[i] for every pair where both values are finite, in pair order. */
  readonly differences: number[];
  /** Pairs left out because a value was NaN or ±Infinity. */
  readonly dropped: number;
  /** The values of `a` in the pairs kept, in pair order. */
  readonly a: number[];
  /** The values of `b` in the pairs kept, in pair order. */
  readonly b: number[];
}

/**
 * The per-pair differences b − a of two equally long samples, the input of every paired test
 * here. A pair where either value is not finite (a replication that produced no value) is
 * dropped as a whole, so the pairing of the others is kept.
 *
 * @param a the reference sample (e.g. the baseline scenario, replication by replication)
 * @param b the compared sample, paired with `a` by position
 * @example pairedDifferences([1, 2, NaN], [3, 5, 4]) // → { differences: [2, 3], dropped: 1, a: [1, 2], b: [3, 5] }
 */
export function pairedDifferences(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifferences {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifferences: the samples must pair up, got lengths ${a.length} and ${b.length}`);
  }
  const differences: number[] = [];
  const keptA: number[] = [];
  const keptB: number[] = [];
  let dropped = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      differences.push(y - x);
      keptA.push(x);
      keptB.push(y);
    } else dropped++;
  }
  return { differences, dropped, a: keptA, b: keptB };
}
