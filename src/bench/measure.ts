/**
 * Timing helpers of the benchmark: a monotonic stopwatch and the spread of repeated timings.
 * Performance is only ever measured and printed, never asserted.
 */
import { quantileSorted } from '../stats/quantile-sorted.js';

/** Median, minimum and maximum of repeated measurements, and how many there were. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/**
 * The spread of `samples`; the median is the middle value, or the mean of the two middle
 * values for an even count. Throws a `RangeError` for no samples.
 *
 * @example spread([3, 1, 2]) // → { median: 2, min: 1, max: 3, n: 3 }
 */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new RangeError('spread needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  // Type-7 quantile at one half: the middle value, or the mean of the two middle values.
  return { median: quantileSorted(sorted, 0.5), min: sorted[0] as number, max: sorted[sorted.length - 1] as number, n: sorted.length };
}

/**
 * Maps every value of a spread through `f`. For a decreasing `f` (such as work ÷ seconds)
 * the minimum and maximum swap, so the result is still ordered.
 *
 * @example mapSpread({ median: 2, min: 1, max: 4, n: 3 }, (s) => 8 / s) // → { median: 4, min: 2, max: 8, n: 3 }
 */
export function mapSpread(s: Spread, f: (value: number) => number): Spread {
  const a = f(s.min);
  const b = f(s.max);
  return { median: f(s.median), min: Math.min(a, b), max: Math.max(a, b), n: s.n };
}

/**
 * Seconds since `start`, a reading of `process.hrtime.bigint()` (monotonic, nanoseconds).
 *
 * @example const start = process.hrtime.bigint(); work(); secondsSince(start) // → 0.153…
 */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Wall time of each of `repetitions` calls of `work`, in seconds; `work` is called once per
 * repetition with the repetition index, and `onDone` after each.
 *
 * @example timeRepetitions(5, (i) => simulate(scenario, replicationSeed(1, i))) // → [0.15, 0.14, …]
 */
export function timeRepetitions(
  repetitions: number,
  work: (repetition: number) => void,
  onDone?: (done: number, total: number) => void,
): number[] {
  const seconds: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = process.hrtime.bigint();
    work(i);
    seconds.push(secondsSince(start));
    onDone?.(i + 1, repetitions);
  }
  return seconds;
}
