/**
 * The points of a sweep: every combination of the varied settings' values (a full grid), each
 * with the overrides that make its scenario.
 */
import { DesignError } from '../errors.js';
import type { SweepAxis, SweepValue } from './vary.js';

/** Most points a sweep may have: its simulations are repeated `--runs` times per point. */
export const MAX_SWEEP_POINTS = 400;

/** One point of a sweep. */
export interface SweepPoint {
  /** Position in the sweep, from 0. */
  readonly index: number;
  /** One value per axis, in axis order. */
  readonly values: readonly SweepValue[];
  /** The overrides that make the point's scenario, `path=value`, one per axis. */
  readonly sets: readonly string[];
}

/**
 * The full grid of one or two axes, the first axis varying slowest.
 *
 * @throws DesignError for no axis, three or more, one path varied twice, or more than
 *   `MAX_SWEEP_POINTS` points
 * @example sweepPoints([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y'] }]).map((p) => p.sets)
 * // → [['a=1', 'b=x'], ['a=1', 'b=y'], ['a=2', 'b=x'], ['a=2', 'b=y']]
 */
export function sweepPoints(axes: readonly SweepAxis[]): SweepPoint[] {
  if (axes.length === 0) throw new DesignError('--vary is required: give the setting to vary, e.g. --vary cops.0.support.fundedHours=0:8:2');
  if (axes.length > 2) {
    throw new DesignError(`--vary was given ${axes.length} times; a sweep varies one or two settings (run several sweeps, or screen many settings with "copsim sensitivity")`);
  }
  const [first, second] = axes as [SweepAxis, SweepAxis | undefined];
  if (second !== undefined && second.path === first.path) throw new DesignError(`--vary names ${first.path} twice; vary two different settings`);
  const count = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (count > MAX_SWEEP_POINTS) {
    throw new DesignError(
      `the sweep has ${axes.map((a) => a.values.length).join(' × ')} = ${count} points, more than ${MAX_SWEEP_POINTS}; use fewer values (a larger step or a shorter list)`,
    );
  }
  const combos: SweepValue[][] =
    second === undefined ? first.values.map((v) => [v]) : first.values.flatMap((a) => second.values.map((b) => [a, b]));
  return combos.map((values, index) => ({
    index,
    values,
    sets: values.map((value, i) => `${(axes[i] as SweepAxis).path}=${String(value)}`),
  }));
}

/**
 * A point in words, for messages and tables.
 *
 * @example describePoint({ index: 0, values: [2, 'mandatory'], sets: ['a=2', 'b=mandatory'] }) // → 'a=2, b=mandatory'
 */
export function describePoint(point: SweepPoint): string {
  return point.sets.join(', ');
}
