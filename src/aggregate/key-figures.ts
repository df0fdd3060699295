/**
 * keyFigures: a few headline numbers per CoP, for an end-of-run table.
 */
import { metricKind, type RunFigure, type WeeklyMetric } from '../engine/result.js';
import { figureCell, weeklyCell } from './cells.js';
import { meanInterval } from './interval.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import type { Collected } from './types.js';

/** The mean over replications of one quantity, with its 95% confidence interval (`meanInterval`, by the quantity's kind). */
export interface Estimate {
  /** Replications with a finite value. */
  readonly n: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Headline numbers of one CoP across all replications. */
export interface CopKeyFigures {
  readonly cop: string;
  /** Members at the end of the run. */
  readonly finalMembers: Estimate;
  /** Largest membership during the run. */
  readonly peakMembers: Estimate;
  /** Mean attendance per held meeting. */
  readonly meanAttendance: Estimate;
  /** Participation rate of the last meeting held by the final week. */
  readonly finalParticipationRate: Estimate;
  readonly totalContributions: Estimate;
  readonly totalReuseEvents: Estimate;
  /** Reuse rate in the final week. */
  readonly finalReuseRate: Estimate;
  readonly totalHoursSaved: Estimate;
  readonly totalHoursInvested: Estimate;
  /**
   * Hours saved per hour invested: the ratio of the two means over replications (a ratio of
   * means, not a mean of ratios, so runs with little investment do not dominate). NaN when
   * nothing was invested.
   */
  readonly savedPerInvested: number;
  /** Share of replications in which the CoP died (had a death week). */
  readonly deathShare: number;
  /** Median death week (type 7) over the replications in which it died; NaN if none did. */
  readonly medianDeathWeek: number;
}

/**
 * The headline numbers of every CoP (scenario order), from the per-run figures and the final
 * week's weekly metrics, each read in replication order. Typed data only; rendering is the
 * caller's business.
 *
 * @example keyFigures(collected)[0].finalMembers // → { n: 100, mean: 41.3, low: 39.8, high: 42.8 }
 */
export function keyFigures(collected: Collected): CopKeyFigures[] {
  const { copIds, weeks } = collected;
  return copIds.map((cop, c) =>
    copKeyFigures(
      cop,
      (name) => figureCell(collected, c, name),
      (name) => estimate(weeklyCell(collected, c, name, weeks - 1), name),
    ),
  );
}

/**
 * One CoP's key figures from its per-run figures (each in replication order) and its final-week
 * rates: the one assembly `keyFigures` (from replications) and the report (from the tables)
 * share, so both give the same numbers.
 */
export function copKeyFigures(
  cop: string,
  figure: (name: RunFigure) => Float64Array,
  finalRate: (name: WeeklyMetric) => Estimate,
): CopKeyFigures {
  const mean = (name: RunFigure): Estimate => estimate(figure(name), name);
  const deathWeeks = figure('death_week');
  const saved = mean('total_hours_saved');
  const invested = mean('total_hours_invested');
  const deaths = Float64Array.from(deathWeeks.filter(Number.isFinite)).sort();
  return {
    cop,
    finalMembers: mean('final_members'),
    peakMembers: mean('peak_members'),
    meanAttendance: mean('mean_attendance'),
    finalParticipationRate: finalRate('participation_rate'),
    totalContributions: mean('total_contributions'),
    totalReuseEvents: mean('total_reuse_events'),
    finalReuseRate: finalRate('reuse_rate'),
    totalHoursSaved: saved,
    totalHoursInvested: invested,
    savedPerInvested: invested.mean > 0 ? saved.mean / invested.mean : Number.NaN,
    deathShare: deaths.length / deathWeeks.length,
    medianDeathWeek: quantileSorted(deaths, 0.5),
  };
}

/** The mean with its 95% interval by the metric's kind, as summary.csv has it. */
function estimate(values: Float64Array, metric: RunFigure | WeeklyMetric): Estimate {
  const ci = meanInterval(values, metricKind(metric));
  return { n: ci.n, mean: ci.mean, low: ci.low, high: ci.high };
}
