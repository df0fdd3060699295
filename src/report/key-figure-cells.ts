/**
 * The key-figure table's columns and cells: one row per CoP, means over replications, with the
 * 95% confidence interval of final membership. The terminal table (`copsim run`) and the HTML
 * report lay out the same cells; a paired difference's cells are shared the same way by the
 * terminal comparison and the explorer.
 */
import type { CopKeyFigures } from '../aggregate/key-figures.js';
import type { ComparisonRow } from '../compare/paired.js';
import { formatNumber } from './format-number.js';

/** A table cell: text, or a number to be shown with `formatNumber`. */
export type Cell = string | number;

/** Column titles of the key-figure table. */
export const KEY_FIGURE_HEADER = [
  'cop',
  'members',
  '95% CI',
  'peak',
  'attendance',
  'contributions',
  'reuse events',
  'saved/invested',
  'died',
  'death week',
] as const;

/**
 * The cells of the key-figure table, one row per CoP in the order given. Counts are rounded
 * to one decimal; "died" is the share of replications in which the CoP died, "death week" the
 * median week of death among those (NaN, shown "–", when none died).
 *
 * @example keyFigureCells(keyFigures(collected))[0]
 * // → ['cop1', 41.3, '[39.8, 42.8]', 45.2, 12.1, 310.4, 120.7, 1.35, 0.01, 20]
 */
export function keyFigureCells(figures: readonly CopKeyFigures[]): Cell[][] {
  return figures.map((f): Cell[] => [
    f.cop,
    round(f.finalMembers.mean),
    `[${formatNumber(round(f.finalMembers.low))}, ${formatNumber(round(f.finalMembers.high))}]`,
    round(f.peakMembers.mean),
    round(f.meanAttendance.mean),
    round(f.totalContributions.mean),
    round(f.totalReuseEvents.mean),
    f.savedPerInvested,
    f.deathShare,
    f.medianDeathWeek,
  ]);
}

/** One decimal is plenty for counts averaged over replications. */
function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : value;
}

/**
 * The cells of one paired difference of figure `label`: the CoP, the figure, both means, the
 * difference, its 95% interval and the pairs it rests on.
 */
export function differenceCells(row: ComparisonRow, label: string): Cell[] {
  return [row.cop, label, row.mean_reference, row.mean_scenario, row.difference, `[${formatNumber(row.ci_low)}, ${formatNumber(row.ci_high)}]`, row.n];
}
