/**
 * Contracts of the aggregation stage: replications are collected by replication index (never
 * arrival order) and summarised into the tidy tables of the output contract.
 *
 *   RunResult (per replication, any order) ──collect──▶ Collected ──summarize──▶ SummaryRow[]
 *                                                                 └─replicationRows─▶ ReplicationRow[]
 */
import type { RunFigure, WeeklyMetric } from '../engine/result.js';

/** All replications of one scenario, stored by replication index. */
export interface Collected {
  readonly copIds: readonly string[];
  readonly weeks: number;
  readonly runs: number;
  /** Seed of each replication, by index. */
  readonly seeds: Uint32Array;
  /**
   * Weekly values: index `((cop * N_WEEKLY + metric) * weeks + week) * runs + replication`.
   * Empty when the values are kept on disk (`store`); read them with `weeklyCell`.
   */
  readonly weekly: Float64Array;
  /** Where the weekly values are when a batch is too large to keep them in memory (then `weekly` is empty). */
  readonly store?: WeeklyStore;
  /** Per-run figures: index `(cop * N_FIGURES + figure) * runs + replication`. */
  readonly figures: Float64Array;
  /** Employees simulated per week (for member-weeks). */
  readonly employees: number;
  /** Agent-level state at the end of the first replications, when asked for (`runMonteCarlo`'s `agents`). */
  readonly agents?: readonly import('../engine/agents.js').AgentSnapshot[];
}

/**
 * Weekly values kept outside the heap (on disk), for batches whose values would not fit in a
 * bounded amount of memory. A series is one CoP's metric: index `cop × N_WEEKLY + metric`.
 */
export interface WeeklyStore {
  readonly runs: number;
  readonly series: number;
  readonly weeks: number;
  /** Keeps replication r's weekly values, in a run's own layout (series, then week). Any order. */
  put(replication: number, values: Float64Array): void;
  /** Replication r's weekly values, in a run's own layout, into `into` (series × weeks values). */
  replication(replication: number, into: Float64Array): Float64Array;
  /**
   * Series `series` over weeks [from, to), replication innermost (index (week − from) × runs +
   * replication), into `into`. The first read closes the store to new replications.
   */
  read(series: number, from: number, to: number, into: Float64Array): Float64Array;
  /** Frees the store's files; reading afterwards throws. */
  dispose(): void;
}

/** Receives replications in any order; `finish` fails if any index is missing. */
export interface Collector {
  add(replication: number, result: import('../engine/result.js').RunResult): void;
  /** How many replications have arrived. */
  readonly received: number;
  finish(): Collected;
}

/** One row of summary.csv. Statistics of empty cells (no finite values) are NaN. */
export interface SummaryRow {
  scenario: string;
  cop: string;
  week: number;
  metric: WeeklyMetric;
  n: number;
  mean: number;
  sd: number;
  ci_low: number;
  ci_high: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** One row of replications.csv. `value` is NaN for an empty figure (written as empty). */
export interface ReplicationRow {
  scenario: string;
  replication: number;
  seed: number;
  cop: string;
  metric: RunFigure;
  value: number;
}

export const SUMMARY_COLUMNS = [
  'scenario',
  'cop',
  'week',
  'metric',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'p05',
  'p25',
  'p50',
  'p75',
  'p95',
] as const;

export const REPLICATION_COLUMNS = ['scenario', 'replication', 'seed', 'cop', 'metric', 'value'] as const;
