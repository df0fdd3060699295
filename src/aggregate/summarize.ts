/**
 * summarize: the across-replication statistics of every weekly metric, as the rows of
 * summary.csv.
 */
import { metricKind, N_WEEKLY, WEEKLY_METRICS } from '../engine/result.js';
import { weeklyBlock } from './cells.js';
import { meanInterval } from './interval.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import type { Collected, SummaryRow } from './types.js';

/** Confidence level of `ci_low` / `ci_high`. */
export const SUMMARY_LEVEL = 0.95;

/** Values read at once from a batch kept on disk (32 MB). */
const BLOCK_VALUES = 2 ** 22;

/**
 * Summarises every CoP × weekly metric × week over the replications: n (finite values), mean,
 * sample sd, the 95% confidence interval of the mean by the metric's kind (`meanInterval`:
 * Wilson's for 0/1 metrics such as `alive`, the t interval clipped to [0, 1] for rates and
 * shares, the t interval otherwise), and the type 7 quantiles p05, p25, p50, p75, p95.
 *
 * Rows come in the order **cop, then metric (WEEKLY_METRICS order), then week**, which is the
 * store's own layout: each metric's curve is one contiguous block of rows.
 * Values are read in replication order, so the result depends only on the collected data,
 * never on the order in which replications arrived. Non-finite values are skipped; a cell with
 * none has n = 0 and NaN statistics.
 *
 * @example summarize(collected, 'mandate-lifted')[0]
 * // → { scenario: 'mandate-lifted', cop: 'cop1', week: 0, metric: 'members', n: 100, mean: ..., ... }
 */
export function summarize(collected: Collected, scenario: string): SummaryRow[] {
  const { copIds, weeks, runs } = collected;
  const rows: SummaryRow[] = [];
  const scratch = new Float64Array(runs);
  // A batch on disk is read a block of weeks at a time, each block at most BLOCK_VALUES values.
  const span = collected.store === undefined ? weeks : Math.max(1, Math.min(weeks, Math.floor(BLOCK_VALUES / runs)));

  for (let c = 0; c < copIds.length; c++) {
    const cop = copIds[c] as string;
    for (let m = 0; m < N_WEEKLY; m++) {
      const metric = WEEKLY_METRICS[m] as SummaryRow['metric'];
      const kind = metricKind(metric);
      let block: Float64Array = new Float64Array(0);
      let from = 0;
      for (let week = 0; week < weeks; week++) {
        if (week === 0 || week - from >= span) {
          from = week;
          block = weeklyBlock(collected, c, m, from, Math.min(weeks, from + span));
        }
        const cell = block.subarray((week - from) * runs, (week - from + 1) * runs);
        let n = 0;
        for (let r = 0; r < runs; r++) {
          const x = cell[r] as number;
          if (Number.isFinite(x)) scratch[n++] = x;
        }
        const finite = scratch.subarray(0, n);
        // Moments from the cell in replication order, before sorting reorders the scratch.
        const ci = meanInterval(finite, kind, SUMMARY_LEVEL);
        finite.sort();
        rows.push({
          scenario,
          cop,
          week,
          metric,
          n,
          mean: ci.mean,
          sd: ci.sd,
          ci_low: ci.low,
          ci_high: ci.high,
          p05: quantileSorted(finite, 0.05),
          p25: quantileSorted(finite, 0.25),
          p50: quantileSorted(finite, 0.5),
          p75: quantileSorted(finite, 0.75),
          p95: quantileSorted(finite, 0.95),
        });
      }
    }
  }
  return rows;
}
