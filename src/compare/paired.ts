/**
 * Paired comparison of scenarios simulated with common random numbers: replication r of every
 * scenario starts from the same seed, so the difference B − A is taken replication by
 * replication, and its confidence interval is that of the mean difference (much narrower than
 * comparing two independent means when the scenarios share most of their randomness).
 *
 *   Collected A, Collected B (same seeds) ──compareBatches──▶ ComparisonRow[] (comparison.csv)
 */
import type { Collected } from '../aggregate/types.js';
import { figureCell, weeklyCell } from '../aggregate/cells.js';
import { RUN_FIGURES, WEEKLY_METRICS } from '../engine/result.js';
import { mean } from '../stats/mean.js';
import { meanConfidenceInterval } from '../stats/mean-confidence-interval.js';
import { pairedDifferences } from '../stats/paired-differences.js';

/** One row of comparison.csv: scenario B against the reference A, for one CoP and metric. */
export interface ComparisonRow {
  /** The reference scenario (the first one named). */
  reference: string;
  scenario: string;
  cop: string;
  metric: string;
  /** The week of a weekly metric; NaN (written empty) for a per-run figure. */
  week: number;
  /** Replications in which both values are finite. */
  n: number;
  mean_reference: number;
  mean_scenario: number;
  /** Mean over replications of (scenario − reference). */
  difference: number;
  ci_low: number;
  ci_high: number;
}

export const COMPARISON_COLUMNS = [
  'reference',
  'scenario',
  'cop',
  'metric',
  'week',
  'n',
  'mean_reference',
  'mean_scenario',
  'difference',
  'ci_low',
  'ci_high',
] as const satisfies readonly (keyof ComparisonRow)[];

/** A named batch of replications. */
export interface NamedBatch {
  readonly name: string;
  readonly collected: Collected;
}

/**
 * Why two batches cannot be compared pair by pair, or undefined when they can: they must have
 * the same replication seeds (the same master seed and runs) and weeks, and share a CoP id.
 */
export function pairingProblem(a: NamedBatch, b: NamedBatch): string | undefined {
  const ca = a.collected;
  const cb = b.collected;
  if (ca.runs !== cb.runs || ca.seeds.some((seed, r) => cb.seeds[r] !== seed)) {
    return `"${a.name}" and "${b.name}" were not simulated with the same replication seeds`;
  }
  if (ca.weeks !== cb.weeks) {
    return `"${a.name}" runs ${ca.weeks} weeks and "${b.name}" ${cb.weeks}: give both the same weeks (e.g. --weeks)`;
  }
  if (!ca.copIds.some((id) => cb.copIds.includes(id))) {
    return `"${a.name}" (CoPs ${ca.copIds.join(', ')}) and "${b.name}" (CoPs ${cb.copIds.join(', ')}) have no CoP id in common`;
  }
  return undefined;
}

/**
 * The paired differences `scenario − reference` for every CoP the two share (reference order),
 * every weekly metric and week, then every per-run figure. Rows come in the order cop, metric
 * (weekly metrics in WEEKLY_METRICS order, then figures in RUN_FIGURES order), week.
 *
 * @example compareBatches({ name: 'baseline', collected: a }, { name: 'top-down', collected: b })
 * // → [{ reference: 'baseline', scenario: 'top-down', cop: 'cop1', metric: 'members', week: 0, ... }, ...]
 */
export function compareBatches(reference: NamedBatch, scenario: NamedBatch): ComparisonRow[] {
  const problem = pairingProblem(reference, scenario);
  if (problem !== undefined) throw new Error(problem);
  const a = reference.collected;
  const b = scenario.collected;
  const { weeks } = a;
  const rows: ComparisonRow[] = [];
  const row = (cop: string, metric: string, week: number, x: Float64Array, y: Float64Array): ComparisonRow => {
    // A pair counts only when both values are finite; the others are left out of all three means.
    const pairs = pairedDifferences(x, y);
    const ci = meanConfidenceInterval(pairs.differences);
    return {
      reference: reference.name,
      scenario: scenario.name,
      cop,
      metric,
      week,
      n: ci.n,
      mean_reference: mean(pairs.a),
      mean_scenario: mean(pairs.b),
      difference: ci.mean,
      ci_low: ci.low,
      ci_high: ci.high,
    };
  };

  for (const [ia, cop] of a.copIds.entries()) {
    const ib = b.copIds.indexOf(cop);
    if (ib < 0) continue;
    for (const metric of WEEKLY_METRICS) {
      for (let week = 0; week < weeks; week++) {
        rows.push(row(cop, metric, week, weeklyCell(a, ia, metric, week), weeklyCell(b, ib, metric, week)));
      }
    }
    for (const figure of RUN_FIGURES) {
      rows.push(row(cop, figure, Number.NaN, figureCell(a, ia, figure), figureCell(b, ib, figure)));
    }
  }
  return rows;
}
