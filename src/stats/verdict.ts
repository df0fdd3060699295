/** The verdict on a directional hypothesis about a difference. */
export type HypothesisVerdict = 'supported' | 'contradicted' | 'inconclusive';

/** The predicted direction of a difference b − a. */
export type ExpectedDirection = 'increase' | 'decrease';

/** A confidence interval of a difference b − a. */
export interface DifferenceInterval {
  readonly ciLow: number;
  readonly ciHigh: number;
}

/**
 * The verdict on the hypothesis "b − a moves in the `expected` direction by an amount that
 * matters", read from the confidence interval of the difference and the smallest effect of
 * interest δ ≥ 0 (in the metric's units), combining a test against zero with an equivalence
 * test (Lakens 2017; Lakens, Scheel & Isager 2018):
 *
 * - **contradicted** when the whole interval lies on the side of zero opposite to the
 *   prediction, or when it lies wholly inside (−δ, +δ): the effect is then negligible even if
 *   its sign is right (the equivalence reading; with a 95% interval this is two one-sided
 *   tests at α = 0.025 each, a stricter version of Lakens's 90% interval);
 * - **supported** when the whole interval lies beyond zero on the predicted side (and, by the
 *   rule above, not wholly inside the negligible band);
 * - **inconclusive** otherwise (the interval straddles zero without ruling out effects that
 *   matter), and whenever a bound is NaN (too few replications).
 *
 * "Supported" asks for the predicted sign, not for the whole interval to clear δ: requiring
 * that (a minimum-effect test) would leave a real, plausibly important effect "inconclusive"
 * until its interval is narrower than the distance between the effect and δ, however many
 * replications confirm its sign. Whether the effect certainly reaches δ is reported separately
 * by `exceedsSmallestEffect`. With δ = 0 only the sign is tested.
 *
 * @param diff the confidence interval of b − a (e.g. from `pairedDifference`)
 * @param expected the predicted direction of b − a
 * @param smallestEffect δ ≥ 0, the smallest difference that matters, in the metric's units
 * @example hypothesisVerdict({ ciLow: 0.2, ciHigh: 1.4 }, 'increase', 0.5) // → 'supported'
 * @example hypothesisVerdict({ ciLow: 0.1, ciHigh: 0.3 }, 'increase', 0.5) // → 'contradicted' (negligible)
 * @example hypothesisVerdict({ ciLow: -0.2, ciHigh: 1.4 }, 'increase', 0.5) // → 'inconclusive'
 */
export function hypothesisVerdict(
  diff: DifferenceInterval,
  expected: ExpectedDirection,
  smallestEffect: number,
): HypothesisVerdict {
  if (!(Number.isFinite(smallestEffect) && smallestEffect >= 0)) {
    throw new RangeError(`hypothesisVerdict: smallestEffect must be a finite number ≥ 0, got ${smallestEffect}`);
  }
  const { low, high } = oriented(diff, expected);
  if (Number.isNaN(low) || Number.isNaN(high)) return 'inconclusive';
  if (high < 0) return 'contradicted';
  if (smallestEffect > 0 && low > -smallestEffect && high < smallestEffect) return 'contradicted';
  if (low > 0) return 'supported';
  return 'inconclusive';
}

/**
 * Whether the whole confidence interval lies at or beyond the smallest effect of interest on
 * the predicted side (a minimum-effect test): the difference not only has the predicted sign
 * but certainly matters.
 *
 * @example exceedsSmallestEffect({ ciLow: -1.4, ciHigh: -0.6 }, 'decrease', 0.5) // → true
 */
export function exceedsSmallestEffect(
  diff: DifferenceInterval,
  expected: ExpectedDirection,
  smallestEffect: number,
): boolean {
  const { low } = oriented(diff, expected);
  return low >= smallestEffect;
}

/**
 * Whether a verdict is final: `supported` or `contradicted`. More replications narrow the
 * interval, so a loop may add replications until this holds or a budget ends. Such optional
 * stopping makes the nominal 95% coverage optimistic (each look is another chance of a false
 * verdict); a loop should therefore cap the replications and report how many it used.
 *
 * @example isDecided('inconclusive') // → false
 */
export function isDecided(verdict: HypothesisVerdict): boolean {
  return verdict !== 'inconclusive';
}

/** The interval turned so that the predicted direction is positive. */
function oriented(diff: DifferenceInterval, expected: ExpectedDirection): { low: number; high: number } {
  return expected === 'increase'
    ? { low: diff.ciLow, high: diff.ciHigh }
    : { low: -diff.ciHigh, high: -diff.ciLow };
}
