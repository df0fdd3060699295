/**
 * The key figures of a run as a compact table for the terminal: one row per CoP, means over
 * replications, with the 95% confidence interval of final membership.
 */
import type { CopKeyFigures } from '../aggregate/index.js';
import { KEY_FIGURE_HEADER, keyFigureCells } from '../report/key-figure-cells.js';
import { formatTable } from './table.js';

/**
 * Lays out `keyFigures(collected)` (the cells of `keyFigureCells`); "died" is the share of
 * replications in which the CoP died, "death week" the median week of death among those ("–"
 * when none died).
 *
 * @example keyFiguresTable(keyFigures(collected))
 * // → 'cop   members  95% CI        peak  ...\ncop1     41.3  [39.8, 42.8]  ...\n'
 */
export function keyFiguresTable(figures: readonly CopKeyFigures[]): string {
  return formatTable(KEY_FIGURE_HEADER, keyFigureCells(figures));
}
