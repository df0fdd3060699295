/**
 * sensitivity.csv: the Morris summaries of each parameter, ranked by μ*.
 */
import { elementaryEffects } from '../../stats/morris.js';
import type { SensitivityDesign } from './design.js';

/** The columns of sensitivity.csv. */
export const SENSITIVITY_COLUMNS = ['parameter', 'min', 'max', 'mu', 'mu_star', 'sigma', 'r', 'rank'] as const;

/** One row of sensitivity.csv. */
export interface SensitivityRow {
  readonly parameter: string;
  /** The range screened. */
  readonly min: number;
  readonly max: number;
  /** Mean elementary effect: the change of the measure over the parameter's whole range, signed. */
  readonly mu: number;
  /** Mean absolute elementary effect, the ranking measure. */
  readonly mu_star: number;
  /** Standard deviation of the effects: non-linearity or interactions. */
  readonly sigma: number;
  /** Elementary effects used (steps whose two points both gave a value). */
  readonly r: number;
  /** 1 for the largest μ*; a parameter without effects (μ* NaN) comes last. */
  readonly rank: number;
}

/**
 * The parameters' elementary-effect summaries, most influential first. Effects are in units of
 * the measure per whole range of the parameter (the design's [0, 1] scale), so parameters of
 * different units compare. Ties keep the order the parameters were given in.
 *
 * @param outputs the measure at each design point (the mean over its replications)
 * @example sensitivityRows(design, outputs)[0] // → { parameter: 'cops.0.support.fundedHours', min: 0, max: 40, mu: 12.1, mu_star: 12.4, sigma: 3.2, r: 10, rank: 1 }
 */
export function sensitivityRows(design: SensitivityDesign, outputs: ArrayLike<number>): SensitivityRow[] {
  const results = elementaryEffects(design.morris, outputs);
  const order = results
    .map((result, i) => ({ i, key: Number.isFinite(result.muStar) ? result.muStar : Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map(({ i }) => i);
  return order.map((i, position) => {
    const result = results[i] as (typeof results)[number];
    const factor = design.factors[i] as SensitivityDesign['factors'][number];
    return {
      parameter: factor.path,
      min: factor.min,
      max: factor.max,
      mu: result.mu,
      mu_star: result.muStar,
      sigma: result.sigma,
      r: result.r,
      rank: position + 1,
    };
  });
}
