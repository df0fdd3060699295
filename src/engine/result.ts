/**
 * What one simulated run returns: weekly metrics per CoP and per-run figures per CoP, as flat
 * Float64Arrays so they cross worker threads without copying object graphs.
 */

import type { AgentSnapshot } from './agents.js';

/**
 * Weekly metrics, per CoP and week. Stocks (members, roles, motivation, ...) are read at the
 * end of the week; flows (contributions, reuse_events, hours) are totals for that week;
 * `cumulative_reuse` is the running total of reuse_events up to and including the week.
 * `attendance` and `participation_rate` are those of the most recent meeting held at or before
 * the week (0 before the first meeting), so curves of CoPs that meet every few weeks stay
 * readable; `meetings` says whether one was held in the week itself. docs/ODD.md
 * (Observation) defines each.
 */
export const WEEKLY_METRICS = [
  'members',
  'attendance',
  'participation_rate',
  'core',
  'active',
  'peripheral',
  'newcomers',
  'dormant',
  'contributions',
  'reuse_events',
  'cumulative_reuse',
  'reinventions',
  'reuse_rate',
  'hours_saved',
  'hours_invested',
  'motivation',
  'safety',
  'habit',
  'topic_fit',
  'repertoire',
  'solutions_shared',
  'density',
  'cross_team_ties',
  'joins',
  'joins_word_of_mouth',
  'meetings',
  'alive',
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];
export const N_WEEKLY = WEEKLY_METRICS.length;
export const WEEKLY_INDEX = Object.fromEntries(WEEKLY_METRICS.map((m, i) => [m, i])) as Record<
  WeeklyMetric,
  number
>;

/**
 * Per-run figures, per CoP. NaN means "empty" (e.g. `death_week` of a CoP that lived, or a
 * return rate with no newcomers).
 */
export const RUN_FIGURES = [
  'death_week',
  'peak_members',
  'final_members',
  'total_contributions',
  'total_reuse_events',
  'total_reinventions',
  'total_hours_saved',
  'total_hours_invested',
  'meetings_held',
  'mean_attendance',
  'newcomer_return_rate',
  'core_share',
  'active_share',
  'contributions_per_attendee',
  'teams_covered',
  'contribution_gini',
  'top10_share',
  'established_return_rate',
  'median_tenure',
  'retention_4',
  'retention_13',
  'retention_26',
  'retention_52',
  'retention_104',
  'competence_gain',
  'net_hours_saved',
  'total_cross_team_ties',
  'reach',
  'total_solutions_shared',
  'exchange_share',
  'word_of_mouth_share',
] as const;
export type RunFigure = (typeof RUN_FIGURES)[number];
export const N_FIGURES = RUN_FIGURES.length;
export const FIGURE_INDEX = Object.fromEntries(RUN_FIGURES.map((m, i) => [m, i])) as Record<
  RunFigure,
  number
>;

/**
 * What one replication's value of a metric can be, which decides the confidence interval of
 * its mean over replications (docs/STATISTICS.md, "Intervals of means"):
 * - `indicator`: 0 or 1 (a CoP alive, a meeting held): the Wilson score interval;
 * - `unit`: a continuous value in [0, 1] by its definition (a rate, a share, a mean of
 *   0 … 1 states): the t interval clipped to [0, 1];
 * - `unbounded`: anything else (counts, hours, weeks, differences): the t interval.
 */
export type MetricKind = 'indicator' | 'unit' | 'unbounded';

/**
 * The kind of every weekly metric and per-run figure, from its definition in docs/ODD.md
 * (Outputs), never from the data. Read with `metricKind`.
 */
export const METRIC_KINDS: Readonly<Record<WeeklyMetric | RunFigure, MetricKind>> = {
  // Weekly metrics.
  members: 'unbounded',
  attendance: 'unbounded',
  participation_rate: 'unit',
  core: 'unbounded',
  active: 'unbounded',
  peripheral: 'unbounded',
  newcomers: 'unbounded',
  dormant: 'unbounded',
  contributions: 'unbounded',
  reuse_events: 'unbounded',
  cumulative_reuse: 'unbounded',
  reinventions: 'unbounded',
  reuse_rate: 'unit',
  hours_saved: 'unbounded',
  hours_invested: 'unbounded',
  motivation: 'unit',
  safety: 'unit',
  habit: 'unit',
  topic_fit: 'unit',
  repertoire: 'unbounded',
  solutions_shared: 'unbounded',
  density: 'unit',
  cross_team_ties: 'unbounded',
  joins: 'unbounded',
  joins_word_of_mouth: 'unbounded',
  meetings: 'indicator',
  alive: 'indicator',
  // Per-run figures.
  death_week: 'unbounded',
  peak_members: 'unbounded',
  final_members: 'unbounded',
  total_contributions: 'unbounded',
  total_reuse_events: 'unbounded',
  total_reinventions: 'unbounded',
  total_hours_saved: 'unbounded',
  total_hours_invested: 'unbounded',
  meetings_held: 'unbounded',
  mean_attendance: 'unbounded',
  newcomer_return_rate: 'unit',
  core_share: 'unit',
  active_share: 'unit',
  contributions_per_attendee: 'unbounded',
  teams_covered: 'unit',
  contribution_gini: 'unit',
  top10_share: 'unit',
  established_return_rate: 'unit',
  median_tenure: 'unbounded',
  retention_4: 'unit',
  retention_13: 'unit',
  retention_26: 'unit',
  retention_52: 'unit',
  retention_104: 'unit',
  competence_gain: 'unbounded',
  net_hours_saved: 'unbounded',
  total_cross_team_ties: 'unbounded',
  reach: 'unit',
  total_solutions_shared: 'unbounded',
  exchange_share: 'unit',
  word_of_mouth_share: 'unit',
};

/**
 * The kind of a weekly metric or per-run figure.
 *
 * @example metricKind('alive') // → 'indicator'
 * @example metricKind('reuse_rate') // → 'unit'
 */
export function metricKind(metric: WeeklyMetric | RunFigure): MetricKind {
  return METRIC_KINDS[metric];
}

export interface RunResult {
  /** The replication's seed (derived from the master seed and the replication index). */
  readonly seed: number;
  readonly weeks: number;
  /** CoP ids in scenario order. */
  readonly copIds: readonly string[];
  /** Weekly metrics: index `(cop * N_WEEKLY + metric) * weeks + week`. */
  readonly weekly: Float64Array;
  /** Per-run figures: index `cop * N_FIGURES + figure`. */
  readonly figures: Float64Array;
  /** Employees simulated each week (the organisation's headcount, constant under turnover). */
  readonly employees: number;
  /** Everyone's state and the network at the end, when asked for (`simulate(…, { agents: true })`). */
  readonly agents?: AgentSnapshot;
}

/** Reads one weekly series out of a run result (a view, not a copy). */
export function weeklySeries(result: RunResult, cop: number, metric: WeeklyMetric): Float64Array {
  const start = (cop * N_WEEKLY + WEEKLY_INDEX[metric]) * result.weeks;
  return result.weekly.subarray(start, start + result.weeks);
}

/** Reads one per-run figure (NaN when empty). */
export function runFigure(result: RunResult, cop: number, figure: RunFigure): number {
  return result.figures[cop * N_FIGURES + FIGURE_INDEX[figure]] as number;
}
