/**
 * A calibration's state as JSON text and back, exactly: JSON keeps every finite double as the
 * shortest text that reads back to the same bits, and the non-finite numbers JSON lacks (an
 * infinite distance, a statistic without a value) are written as the strings "Infinity",
 * "-Infinity" and "NaN".
 */
import type { AbcState } from './apmc.js';

const NON_FINITE = new Map<string, number>([
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['NaN', Number.NaN],
]);

/**
 * Any value as JSON text with non-finite numbers spelt out (pretty, two spaces, a trailing newline).
 *
 * @example exactJson({ d: Infinity }) // → '{\n  "d": "Infinity"\n}\n'
 */
export function exactJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
  return `${text}\n`;
}

/** Parses `exactJson`'s text: the strings "Infinity", "-Infinity" and "NaN" become numbers again. */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && NON_FINITE.has(v) ? NON_FINITE.get(v) : v));
}

/** The state as text, for a checkpoint. */
export function stateText(state: AbcState): string {
  return exactJson(state);
}

/**
 * The state back from `stateText`'s text (its shape is trusted: the checkpoint's reader checks
 * it belongs to the same calibration).
 */
export function parseState(text: string): AbcState {
  const data = parseExactJson(text) as AbcState & { stopped: AbcState['stopped'] | null };
  return { generations: data.generations, population: data.population, stopped: data.stopped ?? undefined };
}
