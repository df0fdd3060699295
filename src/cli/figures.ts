/**
 * The key figures of a run as a compact table for the terminal: one row per CoP, means over
 * replications, with the 95% confidence interval of final membership.
 */
import type { CopKeyFigures } from '../aggregate/index.js';
import { formatNumber, formatTable, type Cell } from './table.js';

const HEADER = [
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
 * Lays out `keyFigures(collected)`; "died" is the share of replications in which the CoP died,
 * "death week" the median week of death among those ("–" when none died).
 *
 * @example keyFiguresTable(keyFigures(collected))
 * // → 'cop   members  95% CI        peak  ...\ncop1     41.3  [39.8, 42.8]  ...\n'
 */
export function keyFiguresTable(figures: readonly CopKeyFigures[]): string {
  const rows = figures.map((f): Cell[] => [
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
  return formatTable(HEADER, rows);
}

/** One decimal is plenty for counts averaged over replications. */
function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : value;
}
