/**
 * The design points of a screening: a Morris design in the unit cube, mapped to each
 * parameter's range, whole-number settings rounded.
 */
import { morrisDesign, scaleDesign, type MorrisDesign } from '../../stats/morris.js';
import type { Factor } from './params.js';

/** A screening design, in the parameters' own units. */
export interface SensitivityDesign {
  readonly factors: readonly Factor[];
  /**
   * The Morris design the effects are computed on. Its points are the values actually simulated,
   * mapped back to [0, 1]: for a rounded whole-number setting they differ slightly from the grid,
   * so each elementary effect divides by the step that was really taken.
   */
  readonly morris: MorrisDesign;
  /** One row per design point: one value per factor, in factor order. */
  readonly values: number[][];
  /** One row per design point: the overrides `path=value` that make its scenario. */
  readonly sets: string[][];
}

/** Options of `sensitivityDesign`. */
export interface SensitivityDesignOptions {
  /** Trajectories r; default 10. */
  readonly trajectories?: number;
  /** Grid levels p, even; default 4. */
  readonly levels?: number;
  /** Seed of the design's random draws (base points, directions, factor orders). */
  readonly seed: number;
}

/**
 * A Morris design over the factors' ranges: r trajectories of k + 1 points each (r · (k + 1)
 * design points; `morrisCost`). A whole-number setting's values are rounded to the nearest
 * whole number; `resolveFactors` makes sure its range spans at least p − 1, so the p levels stay
 * distinct and no step rounds away.
 *
 * @example sensitivityDesign([{ path: 'cops.0.founders', min: 2, max: 8, integer: true }], { trajectories: 2, seed: 1 }).sets[0]
 * // → ['cops.0.founders=4'] (for example; the draws depend on the seed)
 */
export function sensitivityDesign(factors: readonly Factor[], options: SensitivityDesignOptions): SensitivityDesign {
  const grid = morrisDesign({
    factors: factors.length,
    trajectories: options.trajectories ?? 10,
    levels: options.levels ?? 4,
    seed: options.seed,
  });
  const scaled = scaleDesign(grid.points, factors);
  const values = scaled.map((row) => row.map((x, i) => ((factors[i] as Factor).integer ? Math.round(x) : x)));
  const units = values.map((row) => row.map((x, i) => {
    const { min, max } = factors[i] as Factor;
    return (x - min) / (max - min);
  }));
  const sets = values.map((row) => row.map((x, i) => `${(factors[i] as Factor).path}=${String(x)}`));
  return { factors, morris: { ...grid, points: units }, values, sets };
}
