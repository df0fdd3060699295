/**
 * The paired differences a reader looks at first: the headline per-run figures and survival
 * (alive at the end), for the terminal table and `--json`.
 */
import { COMPARED_FIGURES } from './charts.js';
import type { ComparisonRow } from './paired.js';

/** One headline difference: what it is, and its row of comparison.csv. */
export interface HeadlineDifference {
  readonly label: string;
  readonly row: ComparisonRow;
}

/** The label of survival's row: the share of runs in which the CoP is alive in the final week. */
export const SURVIVAL_LABEL = 'Alive at the end (share)';

/**
 * The rows of `comparison` for the headline figures (`COMPARED_FIGURES`) and for `alive` in
 * the final week, `weeks − 1`, in the order of comparison.csv.
 *
 * @example headlineDifferences(result.comparison, 156).map((d) => d.label) // → ['Alive at the end (share)', 'Members at the end', …]
 */
export function headlineDifferences(comparison: readonly ComparisonRow[], weeks: number): HeadlineDifference[] {
  const labels = new Map(COMPARED_FIGURES.map((f) => [f.figure as string, f.label]));
  const out: HeadlineDifference[] = [];
  for (const row of comparison) {
    if (row.metric === 'alive' && row.week === weeks - 1) out.push({ label: SURVIVAL_LABEL, row });
    const label = labels.get(row.metric);
    if (label !== undefined) out.push({ label, row });
  }
  return out;
}
