/**
 * The arithmetic mean of the finite values, summed in array order.
 *
 * Non-finite values (NaN, ±Infinity) are skipped, so an empty cell of an output table does not
 * poison its summary; with no finite value the mean is NaN.
 *
 * @example mean([1, 2, 3, 4]) // → 2.5
 * @example mean([1, NaN, 3]) // → 2
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}
