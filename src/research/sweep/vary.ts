/**
 * `--vary` values: the setting a sweep varies and the values it takes, from
 * `path=from:to:step` (a numeric range, both ends included) or `path=v1,v2,v3` (a list, which
 * may hold choices such as `voluntary,mandatory`).
 */
import { parseSet } from '../../scenario/overrides.js';
import { DesignError } from '../errors.js';

/** A value a swept setting takes: a number, or a word such as a choice. */
export type SweepValue = number | string;

/** One varied setting and its values, in sweep order. */
export interface SweepAxis {
  /** Dotted path of the setting, as in `--set`, e.g. `cops.0.support.fundedHours`. */
  readonly path: string;
  readonly values: readonly SweepValue[];
  /**
   * The `--vary` expression as given, e.g. `cops.0.support.fundedHours=0:8:2`, so messages
   * quote what was typed; absent for an axis built in code.
   */
  readonly text?: string;
}

/** Most values one `--vary` may give (a range is counted before its values are made). */
export const MAX_AXIS_VALUES = 1000;

/**
 * Reads one `--vary` expression. A range `from:to:step` gives from, from + step, … up to `to`
 * (included when it falls on the grid, within a floating tolerance of a millionth of a step),
 * each rounded to the decimals of `from` and `step`, so `0:1:0.1` gives 0, 0.1, 0.2, … exactly
 * as written. A step may be negative for a falling range. A list `v1,v2,…` keeps its values in
 * order; items that read as numbers become numbers.
 *
 * @throws DesignError naming the expression and what was expected
 * @example parseVary('cops.0.support.fundedHours=0:4:2') // → { path: 'cops.0.support.fundedHours', values: [0, 2, 4], text: 'cops.0.support.fundedHours=0:4:2' }
 * @example parseVary('cops.0.participation=voluntary,mandatory') // → { path: 'cops.0.participation', values: ['voluntary', 'mandatory'], text: 'cops.0.participation=voluntary,mandatory' }
 */
export function parseVary(expr: string): SweepAxis {
  const fail = (message: string): never => {
    throw new DesignError(`--vary ${expr}: ${message}`);
  };
  const eq = expr.indexOf('=');
  if (eq < 0) fail('expected path=from:to:step or path=v1,v2,..., e.g. cops.0.support.fundedHours=0:8:2; no "=" found');
  const path = expr.slice(0, eq).trim();
  const text = expr.slice(eq + 1).trim();
  if (path === '') fail('expected a setting path before "=", e.g. cops.0.support.fundedHours=0:8:2');
  try {
    parseSet(`${path}=0`);
  } catch {
    fail(`expected a dotted path like cops.0.support.fundedHours, got "${path}"`);
  }
  if (text === '') fail('expected values after "=": from:to:step or v1,v2,...');
  if (text.includes(':') && !text.includes(',')) return { path, values: parseRange(text, fail), text: expr };
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) fail(`expected a list of values separated by commas, got "${text}" (an empty item)`);
  const values = items.map(asValue);
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(String(value))) fail(`the value ${String(value)} is listed twice`);
    seen.add(String(value));
  }
  if (values.length > MAX_AXIS_VALUES) fail(`${values.length} values are more than ${MAX_AXIS_VALUES}; give fewer`);
  return { path, values, text: expr };
}

/** A list item as a number when it reads as one, else as the word. */
function asValue(item: string): SweepValue {
  const n = Number(item);
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(item) && Number.isFinite(n) ? n : item;
}

/** The values of `from:to:step`. */
function parseRange(text: string, fail: (message: string) => never): number[] {
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length !== 3) fail(`expected a range from:to:step with three numbers, got "${text}"`);
  const [fromText, toText, stepText] = parts as [string, string, string];
  const number = (name: string, t: string): number => {
    const n = asValue(t);
    return typeof n === 'number' ? n : fail(`expected a number as ${name} of from:to:step, got "${t}"`);
  };
  const from = number('from', fromText);
  const to = number('to', toText);
  const step = number('step', stepText);
  if (step === 0) fail('the step must not be 0');
  if ((to - from) * step < 0) {
    fail(`a step of ${stepText} never gets from ${fromText} to ${toText}; use ${to > from ? 'a positive' : 'a negative'} step`);
  }
  const count = Math.floor((to - from) / step + 1e-6) + 1;
  if (count > MAX_AXIS_VALUES) fail(`the range has ${count} values, more than ${MAX_AXIS_VALUES}; use a larger step`);
  const digits = Math.max(decimals(fromText), decimals(stepText));
  return Array.from({ length: count }, (_, i) => roundTo(from + i * step, digits));
}

/**
 * Decimals a number is written with, so grid values can be rounded to them.
 *
 * @example decimals('0.25') // → 2
 * @example decimals('1e-3') // → 3
 */
export function decimals(text: string): number {
  const match = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) return 0;
  const fraction = (match[2] ?? '').length;
  const exponent = Number(match[3] ?? 0);
  return Math.min(15, Math.max(0, fraction - exponent));
}

function roundTo(x: number, digits: number): number {
  const rounded = Number(x.toFixed(digits));
  return Object.is(rounded, -0) ? 0 : rounded;
}

