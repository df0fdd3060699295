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
