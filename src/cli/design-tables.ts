/**
 * The terminal tables of the design studies, for `copsim sweep` and `copsim sensitivity`
 * and for `copsim merge` of their shards: a title line, a blank line, then the table.
 */
import { describePoint } from '../research/sweep/index.js';
import type { SensitivityStudy, SobolStudy, SweepStudy } from '../study/index.js';
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

/** A Sobol analysis: per measure, the ten parameters of largest ST with S1, ST and their 95% intervals. */
export function sobolTable(result: Pick<SobolStudy, 'name' | 'measureText' | 'measureTexts' | 'designPoints' | 'runs' | 'results'>): string {
  const parts = [`${result.name}: Sobol indices of ${result.measureText}; ${result.designPoints} design points × ${result.runs} runs\n`];
  for (const [m, text] of result.measureTexts.entries()) {
    const all = result.results[m]?.rows ?? [];
    const rows = all.slice(0, 10);
    parts.push(`\n${text}${all.length > rows.length ? ' (top 10 by ST; all in sobol.csv)' : ''}\n`);
    parts.push(
      formatTable(
        ['rank', 'parameter', 'S1', 'S1 95% CI', 'ST', 'ST 95% CI'],
        rows.map((row) => [row.rank, row.parameter, row.S1, interval(row.S1_low, row.S1_high), row.ST, interval(row.ST_low, row.ST_high)]),
      ),
    );
  }
  return parts.join('');
}

/** A 95% interval as text. */
function interval(low: number, high: number): string {
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
  return `${f(low)} to ${f(high)}`;
}
