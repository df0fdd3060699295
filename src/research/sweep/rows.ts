/**
 * sweep.csv: one tidy row per sweep point, the varied settings' values first, then the measure
 * and its statistics.
 */
import { isRunFigure, measureKind, measureTimeText, type Measure } from '../measure.js';
import type { SweepPoint } from './grid.js';
import { pointStatistics, type PointStatistics } from './statistics.js';
import type { SweepAxis, SweepValue } from './vary.js';

/** The columns of sweep.csv after the varied settings' paths. */
export const SWEEP_STAT_COLUMNS = ['cop', 'metric', 'week', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95'] as const;

/** One row of sweep.csv: the point's value of each varied path, then the measure's statistics. */
export type SweepRow = Record<string, SweepValue> & PointStatistics & {
  readonly cop: string;
  readonly metric: string;
  /** When the metric was read, as given to --week: `final`, `auc`, `104`, `52-103`; '' for a per-run figure. */
  readonly week: string;
};

/**
 * The columns of sweep.csv: one per varied path (named by the path), then `SWEEP_STAT_COLUMNS`.
 *
 * @example sweepColumns([{ path: 'cops.0.support.fundedHours', values: [0, 2] }])
 * // → ['cops.0.support.fundedHours', 'cop', 'metric', 'week', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95']
 */
export function sweepColumns(axes: readonly SweepAxis[]): string[] {
  return [...axes.map((axis) => axis.path), ...SWEEP_STAT_COLUMNS];
}

/**
 * One row per point, in sweep order, from the measure's values at each point (one value per
 * replication).
 *
 * @param cop the id of the CoP measured, for the `cop` column
 */
export function sweepRows(
  axes: readonly SweepAxis[],
  points: readonly SweepPoint[],
  values: readonly ArrayLike<number>[],
  measure: Measure,
  cop: string,
): SweepRow[] {
  if (values.length !== points.length) throw new RangeError(`sweepRows: ${points.length} points but ${values.length} sets of values`);
  const kind = measureKind(measure);
  return points.map((point, i) => {
    const row: Record<string, SweepValue> = {};
    axes.forEach((axis, a) => (row[axis.path] = point.values[a] as SweepValue));
    return {
      ...row,
      cop,
      metric: measure.metric,
      week: isRunFigure(measure.metric) ? '' : measureTimeText(measure.at),
      ...pointStatistics(values[i] as ArrayLike<number>, kind),
    } as SweepRow;
  });
}
