/**
 * keyFiguresFromTables: the key figures of a run rebuilt from its tidy tables, for a report
 * made from an output folder (`copsim plot`), where the replications themselves are gone.
 */
import { copKeyFigures, type CopKeyFigures, type Estimate } from '../aggregate/key-figures.js';
import type { ReplicationTable } from '../aggregate/replication-table.js';
import type { SummaryRow } from '../aggregate/types.js';
import type { RunFigure, WeeklyMetric } from '../engine/result.js';

/**
 * The same numbers as `keyFigures(collected)`, one entry per CoP in `copIds` order, computed
 * from summary.csv and replications.csv rows:
 *
 * - per-run figures (members, attendance, contributions, reuse, hours, death week) from the
 *   replication rows, read in replication order, with the same estimators;
 * - final-week participation and reuse rates from the summary row of the last week, whose
 *   mean and 95% interval `summarize` computed from the same values in the same order.
 *
 * Because the CSV files hold every number in its shortest round-trip form, the result is
 * bit-identical to `keyFigures` on the collected replications. Throws when a CoP has no rows.
 *
 * @example keyFiguresFromTables(summary, replications, ['scrum-masters'])[0].finalMembers
 * // → { n: 200, mean: 113.4, low: 109.3, high: 117.5 }
 */
export function keyFiguresFromTables(
  summary: readonly SummaryRow[],
  replications: ReplicationTable,
  copIds: readonly string[],
): CopKeyFigures[] {
  const finalWeek = finalWeekByCop(summary);

  return copIds.map((cop) => {
    const last = finalWeek.get(cop);
    if (!replications.copIds.includes(cop)) throw new Error(`keyFiguresFromTables: no replication rows for CoP ${cop}`);
    if (last === undefined) throw new Error(`keyFiguresFromTables: no summary rows for CoP ${cop}`);
    const figure = (name: RunFigure): Float64Array => replications.values(cop, name) as Float64Array;
    const rate = (name: WeeklyMetric): Estimate => {
      const row = last.get(name);
      if (row === undefined) throw new Error(`keyFiguresFromTables: no ${name} summary rows for CoP ${cop}`);
      return { n: row.n, mean: row.mean, low: row.ci_low, high: row.ci_high };
    };
    return copKeyFigures(cop, figure, rate);
  });
}

/** Per CoP and weekly metric, the summary row of its last week. */
function finalWeekByCop(rows: readonly SummaryRow[]): Map<string, Map<WeeklyMetric, SummaryRow>> {
  const out = new Map<string, Map<WeeklyMetric, SummaryRow>>();
  for (const row of rows) {
    let byMetric = out.get(row.cop);
    if (byMetric === undefined) out.set(row.cop, (byMetric = new Map()));
    const current = byMetric.get(row.metric);
    if (current === undefined || row.week > current.week) byMetric.set(row.metric, row);
  }
  return out;
}

