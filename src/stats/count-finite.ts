/**
 * How many values are finite: the `n` that every summary of this module reports.
 *
 * @example countFinite([1, NaN, Infinity, 4]) // → 2
 */
export function countFinite(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i] as number)) n++;
  }
  return n;
}
