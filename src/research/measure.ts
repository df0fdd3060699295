/**
 * Measures: one number per replication, read out of a batch of replications, for comparing
 * scenarios (hypotheses), sweeping a setting or screening parameters.
 *
 * A measure names a weekly metric or a per-run figure (src/engine/result.ts), a CoP, and, for
 * a weekly metric, when to read it:
 *
 * | `at`               | value per replication                                           |
 * | ------------------ | --------------------------------------------------------------- |
 * | `final` (default)  | the metric in the last week                                     |
 * | `{ week: w }`      | the metric in week w (0-based, as in summary.csv)                |
 * | `{ from, to }`     | the mean of the metric over weeks from..to, both included        |
 * | `auc`              | the area under the weekly curve: the sum over all weeks          |
 *
 * With `whileAlive`, a weekly metric is read only in weeks in which the CoP is alive (weekly
 * metric `alive` = 1), so that "the CoP died" (members, motivation, attendance ... read 0 after
 * death) is not mixed into the metric: a window averages its alive weeks, `auc` sums them, and
 * a single week or `final` in which the CoP is not alive gives NaN (so does a window without
 * an alive week).
 *
 * A per-run figure (e.g. `total_reuse_events`, `death_week`) has one value per replication and
 * takes no `at` (and ignores `whileAlive`). Values may be NaN (an empty figure, such as the death week of a CoP that
 * lived); paired statistics drop such pairs and say how many.
 */
import { quote } from '../scenario/errors.js';
import { figureCell, weeklyCell } from '../aggregate/cells.js';
import type { Collected } from '../aggregate/types.js';
import {
  metricKind,
  RUN_FIGURES,
  WEEKLY_METRICS,
  type MetricKind,
  type RunFigure,
  type WeeklyMetric,
} from '../engine/result.js';

/** When a weekly metric is read. */
export type MeasureTime = 'final' | 'auc' | { readonly week: number } | { readonly from: number; readonly to: number };

/** What to read from each replication. */
export interface Measure {
  /** A weekly metric or a per-run figure. */
  readonly metric: WeeklyMetric | RunFigure;
  /** CoP id; default the scenario's first CoP. */
  readonly cop?: string | undefined;
  /** For weekly metrics only; default `final`. */
  readonly at?: MeasureTime | undefined;
  /**
   * For weekly metrics only: read only the weeks in which the CoP is alive (`alive` = 1);
   * default false (every week). Per-run figures ignore it.
   */
  readonly whileAlive?: boolean | undefined;
}

/** True when `name` is a weekly metric. */
export function isWeeklyMetric(name: string): name is WeeklyMetric {
  return (WEEKLY_METRICS as readonly string[]).includes(name);
}

/** True when `name` is a per-run figure. */
export function isRunFigure(name: string): name is RunFigure {
  return (RUN_FIGURES as readonly string[]).includes(name);
}

/**
 * Why `measure` cannot be read from replications of `copIds` × `weeks`, or undefined when it
 * can. The message says what was expected, for the caller to place in its own error.
 *
 * @example measureProblem({ metric: 'members', at: { week: 200 } }, ['cop1'], 156)
 * // → 'week 200 is outside the run: expected 0 to 155'
 */
export function measureProblem(measure: Measure, copIds: readonly string[], weeks: number): string | undefined {
  const { metric, cop, at } = measure;
  if (!isWeeklyMetric(metric) && !isRunFigure(metric)) {
    return `unknown metric ${quote(String(metric))}: expected a weekly metric (${WEEKLY_METRICS.join(', ')}) or a per-run figure (${RUN_FIGURES.join(', ')})`;
  }
  if (cop !== undefined && !copIds.includes(cop)) {
    return `unknown CoP ${quote(cop)}: expected one of ${copIds.join(', ')}`;
  }
  if (isRunFigure(metric)) {
    return at === undefined ? undefined : `"${metric}" is a per-run figure: it has one value per run and takes no week`;
  }
  if (at === undefined || at === 'final' || at === 'auc') return undefined;
  const inRun = (w: number): boolean => Number.isInteger(w) && w >= 0 && w < weeks;
  if ('week' in at) {
    return inRun(at.week) ? undefined : `week ${at.week} is outside the run: expected 0 to ${weeks - 1}`;
  }
  if (!inRun(at.from) || !inRun(at.to)) {
    return `window ${at.from}..${at.to} is outside the run: expected weeks 0 to ${weeks - 1}`;
  }
  return at.from <= at.to ? undefined : `window ${at.from}..${at.to} is empty: "from" must not exceed "to"`;
}

/**
 * The measure's value in every replication, in replication order. Throws (an Error with
 * `measureProblem`'s message) when the measure does not fit the batch.
 *
 * @example measureValues(collected, { metric: 'attendance', at: { from: 52, to: 103 } }) // → Float64Array(runs)
 */
export function measureValues(collected: Collected, measure: Measure): Float64Array {
  const { copIds, weeks, runs } = collected;
  const problem = measureProblem(measure, copIds, weeks);
  if (problem !== undefined) throw new Error(problem);
  const c = measure.cop === undefined ? 0 : copIds.indexOf(measure.cop);
  const out = new Float64Array(runs);
  if (isRunFigure(measure.metric)) {
    out.set(figureCell(collected, c, measure.metric));
    return out;
  }
  const metric = measure.metric;
  const whileAlive = measure.whileAlive === true;
  const at = measure.at ?? 'final';
  const [from, to] =
    at === 'final' ? [weeks - 1, weeks - 1] : at === 'auc' ? [0, weeks - 1] : 'week' in at ? [at.week, at.week] : [at.from, at.to];
  const counted = new Float64Array(runs);
  // Sum week by week in week order, so every replication adds its values in the same order.
  for (let week = from; week <= to; week++) {
    const values = weeklyCell(collected, c, metric, week);
    const alive = weeklyCell(collected, c, 'alive', week);
    for (let r = 0; r < runs; r++) {
      if (whileAlive && (alive[r] as number) !== 1) continue;
      out[r] = (out[r] as number) + (values[r] as number);
      counted[r] = (counted[r] as number) + 1;
    }
  }
  for (let r = 0; r < runs; r++) {
    const n = counted[r] as number;
    if (n === 0) out[r] = Number.NaN;
    else if (at !== 'auc' && n > 1) out[r] = (out[r] as number) / n;
  }
  return out;
}

/**
 * The kind of a measure's values (see `MetricKind`), from its metric's declared kind and when it
 * is read: one week keeps the metric's kind; the mean over a window of a 0/1 or [0, 1] metric
 * lies in [0, 1] (`unit`); the area under a curve (`auc`), a sum over weeks, is `unbounded`.
 *
 * @example measureKind({ metric: 'alive' }) // → 'indicator'
 * @example measureKind({ metric: 'alive', at: { from: 52, to: 103 } }) // → 'unit'
 * @example measureKind({ metric: 'alive', at: 'auc' }) // → 'unbounded'
 */
export function measureKind(measure: Measure): MetricKind {
  const kind = metricKind(measure.metric);
  if (isRunFigure(measure.metric) || kind === 'unbounded') return kind;
  const at = measure.at ?? 'final';
  if (at === 'auc') return 'unbounded';
  if (at !== 'final' && 'from' in at && at.from !== at.to) return 'unit';
  return kind;
}

/**
 * A measure in words, for tables and chart titles.
 *
 * @example describeMeasure({ metric: 'attendance', cop: 'cop1', at: { from: 52, to: 103 } })
 * // → 'attendance (cop1), mean of weeks 52–103'
 * @example describeMeasure({ metric: 'habit', at: { from: 52, to: 103 }, whileAlive: true })
 * // → 'habit, mean of weeks 52–103, while alive'
 */
export function describeMeasure(measure: Measure): string {
  const cop = measure.cop === undefined ? '' : ` (${measure.cop})`;
  if (isRunFigure(measure.metric)) return `${measure.metric}${cop}`;
  const at = measure.at ?? 'final';
  const when =
    at === 'final'
      ? 'final week'
      : at === 'auc'
        ? 'area under the curve'
        : 'week' in at
          ? `week ${at.week}`
          : `mean of weeks ${at.from}–${at.to}`;
  return `${measure.metric}${cop}, ${when}${measure.whileAlive === true ? ', while alive' : ''}`;
}

/**
 * Reads a measure's time from its command-line form: `final`, `auc`, a week `104`, or a window
 * `52-103` (or `52..103`). Undefined when the text is none of these.
 *
 * @example parseMeasureTime('52-103') // → { from: 52, to: 103 }
 */
export function parseMeasureTime(text: string): MeasureTime | undefined {
  const t = text.trim();
  if (t === 'final' || t === 'auc') return t;
  if (/^\d+$/.test(t)) return { week: Number(t) };
  const window = /^(\d+)\s*(?:-|\.\.)\s*(\d+)$/.exec(t);
  if (window) return { from: Number(window[1]), to: Number(window[2]) };
  return undefined;
}

/**
 * A measure's time in its command-line form (`--week`): the inverse of `parseMeasureTime`.
 *
 * @example measureTimeText({ from: 52, to: 103 }) // → '52-103'
 */
export function measureTimeText(at: MeasureTime | undefined): string {
  if (at === undefined || at === 'final' || at === 'auc') return at ?? 'final';
  return 'week' in at ? String(at.week) : `${at.from}-${at.to}`;
}
