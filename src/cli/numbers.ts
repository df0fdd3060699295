/**
 * Checks of the numeric command-line options: whole numbers in a range, with a message that
 * names the option, the range and what was given. A number is written as plain decimal digits
 * and nothing else: `16`, not `0x10`, `1.6e1`, `16.0`, `+16` or ` 16`, so that what runs is
 * what was typed (yargs would read `0x10` as 16 and `1e3` as 1000).
 */
import { UsageError } from './exit.js';

/** Bounds of an integer option; `max` is exclusive. */
export interface IntegerRange {
  readonly min: number;
  readonly maxExclusive?: number;
  /** How the range reads in a message, e.g. "a whole number of at least 1". */
  readonly expected: string;
}

/**
 * The integer an option was given, or a `UsageError` naming the option and the expectation.
 * yargs hands over a number or a string, or an array when the option was repeated.
 *
 * @example parseInteger('runs', '200', { min: 1, expected: 'a whole number of at least 1' }) // → 200
 */
export function parseInteger(option: string, value: unknown, range: IntegerRange): number {
  if (Array.isArray(value)) {
    throw new UsageError(`--${option} was given ${value.length} times; give it once`);
  }
  const text = String(value);
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (
    !Number.isSafeInteger(number) ||
    number < range.min ||
    (range.maxExclusive !== undefined && number >= range.maxExclusive)
  ) {
    const form = /^\d+$/.test(text) ? '' : ', written in plain decimal digits';
    throw new UsageError(`--${option} must be ${range.expected}${form}, got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return number;
}
