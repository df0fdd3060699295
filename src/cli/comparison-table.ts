/**
 * A comparison for the terminal: each scenario's key figures, then the paired differences of
 * the headline figures and of survival, B − A with their 95% confidence intervals.
 */
import type { CopKeyFigures } from '../aggregate/index.js';
import { headlineDifferences } from '../compare/headline.js';
import type { ComparisonRow } from '../compare/paired.js';
import { differenceCells, KEY_FIGURE_HEADER, keyFigureCells } from '../report/key-figure-cells.js';
import { formatTable } from './table.js';

/**
 * The key figures of every scenario (CoPs named "scenario · CoP") and a table of differences.
 *
 * @example comparisonTable(rows, 156, [{ name: 'bottom-up', figures }, { name: 'top-down', figures }])
 */
export function comparisonTable(
  comparison: readonly ComparisonRow[],
  weeks: number,
  scenarios: readonly { name: string; figures: readonly CopKeyFigures[] }[],
): string {
  const keyRows = scenarios.flatMap((s) => keyFigureCells(s.figures.map((f) => ({ ...f, cop: `${s.name} · ${f.cop}` }))));
  const differenceRows = headlineDifferences(comparison, weeks).map(({ label, row }) => [`${row.scenario} − ${row.reference}`, ...differenceCells(row, label)]);
  return (
    `${formatTable(KEY_FIGURE_HEADER, keyRows)}\n` +
    'paired differences (same seeds), mean over runs with 95% CI:\n' +
    formatTable(['difference', 'cop', 'figure', 'A', 'B', 'B − A', '95% CI', 'n'], differenceRows)
  );
}
