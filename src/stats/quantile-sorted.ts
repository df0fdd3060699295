/**
 * The p-quantile of values sorted in ascending order, by Hyndman & Fan's (1996) **type 7**
 * definition (linear interpolation between order statistics at h = (n − 1)p; R's and NumPy's
 * default).
 *
 * simple-statistics' `quantileSorted` (7.12) is type 7 as well; this one exists because it
 * reads any `ArrayLike` (notably a prefix view of a reused `Float64Array`) and returns NaN for
 * an empty input instead of throwing, which is what an empty cell of a summary needs. The input
 * must hold finite values only, already sorted.
 *
 * @param sorted finite values in ascending order
 * @param p probability in [0, 1]
 * @example quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05) // → 1.45 (R: quantile(1:10, 0.05))
 * @example quantileSorted([], 0.5) // → NaN
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const xlo = sorted[lo] as number;
  if (lo === h || lo + 1 >= n) return xlo;
  const xhi = sorted[lo + 1] as number;
  return xlo + (h - lo) * (xhi - xlo);
}
