/**
 * The terminal tables of the design studies, for `copsim sweep` and `copsim sensitivity`
 * and for `copsim merge` of their shards: a title line, a blank line, then the table.
 */
import { describePoint } from '../research/sweep/index.js';
import type { SensitivityStudy, SweepStudy } from '../study/index.js';
import { formatTable } from './table.js';

/** A sweep: one line per design point, its replications' mean with the 95% interval and the 5–95% range. */
export function sweepTable(result: Pick<SweepStudy, 'name' | 'measureText' | 'runs' | 'points' | 'rows'>): string {
  return (
    `${result.name}: ${result.measureText}, ${result.runs} runs per point\n\n` +
    formatTable(
      ['point', 'n', 'mean', 'ci_low', 'ci_high', 'p05', 'p95'],
      result.points.map((point, i) => {
        const row = result.rows[i];
        return [describePoint(point), row?.n ?? 0, row?.mean ?? Number.NaN, row?.ci_low ?? Number.NaN, row?.ci_high ?? Number.NaN, row?.p05 ?? Number.NaN, row?.p95 ?? Number.NaN];
      }),
    )
  );
}

/** A Morris screening: the parameters ranked by μ*, with μ, σ and the trajectories behind them. */
export function morrisTable(result: Pick<SensitivityStudy, 'name' | 'measureText' | 'designPoints' | 'runs' | 'rows'>): string {
  return (
    `${result.name}: sensitivity of ${result.measureText}; ${result.designPoints} design points × ${result.runs} runs\n\n` +
    formatTable(
      ['rank', 'parameter', 'min', 'max', 'mu_star', 'mu', 'sigma', 'r'],
      result.rows.map((row) => [row.rank, row.parameter, row.min, row.max, row.mu_star, row.mu, row.sigma, row.r]),
    )
  );
}
