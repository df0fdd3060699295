/**
 * The distance of simulated summary statistics to their targets: weighted and normalised,
 *
 *     ρ = √( Σₖ wₖ · ((sₖ − yₖ) / τₖ)² )
 *
 * with sₖ the simulated statistic, yₖ its target, τₖ its tolerance (the difference that counts
 * as one unit) and wₖ its weight (default 1). A pattern simulated exactly at its target's
 * tolerance contributes √wₖ; ρ ≤ 1 means every pattern lies within its tolerance on average
 * in the quadratic sense. A statistic without a value (NaN) makes ρ infinite.
 */

/** A target of one summary statistic. */
export interface PatternTarget {
  readonly target: number;
  /** > 0. */
  readonly tolerance: number;
  /** ≥ 0; default 1. */
  readonly weight?: number | undefined;
}

/**
 * ρ of `stats` to `targets` (same order).
 *
 * @example patternDistance([0.15, 0.5], [{ target: 0.12, tolerance: 0.03 }, { target: 0.5, tolerance: 0.1 }]) // → 1
 */
export function patternDistance(stats: readonly number[], targets: readonly PatternTarget[]): number {
  let sum = 0;
  targets.forEach((t, k) => {
    const s = stats[k] as number;
    if (!Number.isFinite(s)) sum = Number.POSITIVE_INFINITY;
    else sum += (t.weight ?? 1) * ((s - t.target) / t.tolerance) ** 2;
  });
  return Math.sqrt(sum);
}
