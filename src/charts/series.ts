/**
 * Chart data from the tidy tables: the rows of one metric as `SeriesDatum`s, and CoPs'
 * display names.
 */
import type { SummaryRow } from '../aggregate/types.js';
import type { WeeklyMetric } from '../engine/result.js';
import type { Scenario } from '../scenario/schema.js';
import type { SeriesDatum } from './types.js';

/**
 * Display names of CoPs by id, in the order the summary lists them: the scenario's `name`,
 * else the id (also when two CoPs share a name, so that series stay apart).
 *
 * @example copLabels(summary, scenario) // → Map { 'scrum-masters' → 'Scrum Master CoP' }
 */
export function copLabels(
  summary: readonly Pick<SummaryRow, 'cop'>[],
  scenario: Pick<Scenario, 'cops'>,
): Map<string, string> {
  const names = new Map<string, string>();
  scenario.cops.forEach((cop, i) => {
    if (cop.name !== undefined) names.set(cop.id ?? `cop${i + 1}`, cop.name);
  });
  const ids = [...new Set(summary.map((row) => row.cop))];
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(names.get(id) ?? id, (counts.get(names.get(id) ?? id) ?? 0) + 1);
  return new Map(
    ids.map((id) => {
      const name = names.get(id);
      return [id, name !== undefined && counts.get(name) === 1 ? name : id];
    }),
  );
}

/**
 * The rows of weeks in which their CoP existed: a CoP launched in week L has no rows before
 * week L, so that a chart leaves those weeks empty instead of drawing the zeros its summary
 * holds for them. Rows of CoPs the scenario does not list are kept.
 *
 * @example fromLaunch(summary, twoCopsCompeting).some((r) => r.cop === 'ways-of-working' && r.week < 26) // → false
 */
export function fromLaunch<Row extends { cop: string; week: number }>(
  rows: readonly Row[],
  scenario: Pick<Scenario, 'cops'>,
): Row[] {
  const launches = new Map(scenario.cops.map((cop, i) => [cop.id ?? `cop${i + 1}`, cop.launchWeek ?? 0]));
  return rows.filter((row) => row.week >= (launches.get(row.cop) ?? 0));
}

/**
 * The summary rows of one metric as chart data, in the summary's order, each named by its
 * CoP's label. Statistics that are NaN (no finite value that week) become null.
 *
 * @example seriesValues(summary, 'attendance', labels)[0]
 * // → { series: 'Scrum Master CoP', week: 0, mean: 2.85, ci_low: 2.15, ci_high: 3.55, p05: 0, p95: 5 }
 */
export function seriesValues(
  summary: readonly SummaryRow[],
  metric: WeeklyMetric,
  labels: ReadonlyMap<string, string>,
): SeriesDatum[] {
  return summary
    .filter((row) => row.metric === metric)
    .map((row) => ({
      series: labels.get(row.cop) ?? row.cop,
      week: row.week,
      mean: finiteOrNull(row.mean),
      ci_low: finiteOrNull(row.ci_low),
      ci_high: finiteOrNull(row.ci_high),
      p05: finiteOrNull(row.p05),
      p95: finiteOrNull(row.p95),
    }));
}

/**
 * `value`, or null when it is not finite (JSON has no NaN).
 *
 * @example finiteOrNull(Number.NaN) // → null
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
