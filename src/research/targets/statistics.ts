/**
 * What a calibration reads from its simulations and reports: each pattern's statistic from
 * the replications of its scenarios, the particles as a table, the posterior summaries and the
 * posterior predictive check. Pure.
 *
 *   Collected per arm ──patternStatistics──▶ one number per pattern (the particle's statistics)
 *   final particles ──posteriorRows──▶ posterior.csv · posteriorTable ──▶ summaries per parameter
 *   predictive draws' statistics ──predictiveRows──▶ predictive.csv
 */
import type { Collected } from '../../aggregate/types.js';
import { normalisedWeights, type Particle } from '../../calibration/apmc.js';
import { makeRng } from '../../engine/rng.js';
import { posteriorSummaries } from '../../calibration/summary.js';
import { mean } from '../../stats/mean.js';
import { quantileSorted } from '../../stats/quantile-sorted.js';
import { measureValues } from '../measure.js';
import type { CalibrationParameter, CalibrationPattern } from './resolve.js';

/**
 * The statistic of every pattern from the replications of the arms (by arm index): for a
 * level, the mean of the measure over the replications with a value; for a difference, the
 * mean of the paired differences b − a over the replications where both arms have one. NaN
 * when no replication has a value.
 *
 * @example patternStatistics(targets.patterns, collectedByArm) // → [0.118, 0.163, …]
 */
export function patternStatistics(patterns: readonly CalibrationPattern[], collected: readonly Collected[]): number[] {
  return patterns.map((p) => {
    const [a, b] = p.arms.map((arm, k) => measureValues(collected[arm] as Collected, p.measures[k] as CalibrationPattern['measures'][number]));
    if (b === undefined) return mean(a as Float64Array);
    const first = a as Float64Array;
    return mean(b.map((x, r) => x - (first[r] as number)));
  });
}

/** One row of posterior.csv: a final particle. */
export type PosteriorRow = Record<string, number | string>;

/** posterior.csv's columns: rank, generation, index, each parameter's path, weight, distance, each pattern's statistic (`stat:ID`). */
export function posteriorColumns(parameters: readonly CalibrationParameter[], patterns: readonly CalibrationPattern[]): string[] {
  return ['rank', 'generation', 'index', ...parameters.map((p) => p.path), 'weight', 'distance', ...patterns.map((p) => `stat:${p.id}`)];
}

/** The final particles, nearest first, with their normalised weights. */
export function posteriorRows(population: readonly Particle[], parameters: readonly CalibrationParameter[], patterns: readonly CalibrationPattern[]): PosteriorRow[] {
  const weights = normalisedWeights(population);
  return population.map((particle, rank) => {
    const row: PosteriorRow = { rank: rank + 1, generation: particle.generation, index: particle.index };
    parameters.forEach((p, k) => (row[p.path] = particle.theta[k] as number));
    row['weight'] = weights[rank] as number;
    row['distance'] = particle.distance;
    patterns.forEach((p, k) => (row[`stat:${p.id}`] = particle.stats[k] as number));
    return row;
  });
}

/** A parameter's prior and posterior summary, as calibration.json and the report give them. */
export interface ParameterPosterior {
  readonly path: string;
  readonly prior: string;
  readonly mean: number;
  readonly sd: number;
  readonly q025: number;
  readonly q50: number;
  readonly q975: number;
}

/** Every parameter's weighted posterior summary. */
export function posteriorTable(population: readonly Particle[], parameters: readonly CalibrationParameter[]): ParameterPosterior[] {
  const summaries = posteriorSummaries(population);
  return parameters.map((p, k) => ({ path: p.path, prior: p.priorText, ...(summaries[k] as (typeof summaries)[number]) }));
}

/**
 * `count` particles drawn from the population by weight with systematic resampling (one
 * uniform offset from the stream `abc/SEED/predictive`, then equal steps over the cumulative
 * weights), in population order: the parameter vectors of the posterior predictive check.
 *
 * @example predictiveDraws(state.population, 16, 1).length // → 16
 */
export function predictiveDraws(population: readonly Particle[], count: number, seed: number): Particle[] {
  const weights = normalisedWeights(population);
  const offset = makeRng(`abc/${seed}/predictive`)();
  const draws: Particle[] = [];
  let cumulative = 0;
  let j = 0;
  for (let k = 0; k < count; k++) {
    const u = (offset + k) / count;
    while (j < population.length - 1 && cumulative + (weights[j] as number) <= u) cumulative += weights[j++] as number;
    draws.push(population[j] as Particle);
  }
  return draws;
}

/** One row of predictive.csv: a pattern against what the posterior predicts. */
export interface PredictiveRow {
  readonly pattern: string;
  readonly statement: string;
  readonly measure: string;
  readonly scenario: string;
  readonly target: number;
  readonly tolerance: number;
  /** Mean of the pattern's statistic over the predictive draws. */
  readonly predicted: number;
  /** 2.5% and 97.5% quantiles (type 7) of the statistic over the draws. */
  readonly low: number;
  readonly high: number;
  /** (predicted − target) / tolerance. */
  readonly error: number;
  /** |predicted − target| ≤ tolerance. */
  readonly within: 'yes' | 'no';
  /** Draws with a value. */
  readonly n: number;
}

export const PREDICTIVE_COLUMNS = ['pattern', 'target', 'tolerance', 'predicted', 'low', 'high', 'error', 'within', 'n', 'measure', 'scenario', 'statement'] as const;

/**
 * The posterior predictive check: per pattern, the mean and 95% range of its statistic over
 * the draws (`stats[d][k]`: draw d, pattern k) and whether the mean lies within the tolerance
 * of the target.
 */
export function predictiveRows(patterns: readonly CalibrationPattern[], stats: readonly (readonly number[])[]): PredictiveRow[] {
  return patterns.map((p, k) => {
    const values = stats.map((s) => s[k] as number).filter(Number.isFinite).sort((x, y) => x - y);
    const predicted = mean(values);
    const error = (predicted - p.target) / p.tolerance;
    return {
      pattern: p.id,
      statement: p.statement,
      measure: p.measureText,
      scenario: p.label,
      target: p.target,
      tolerance: p.tolerance,
      predicted,
      low: quantileSorted(values, 0.025),
      high: quantileSorted(values, 0.975),
      error,
      within: Math.abs(error) <= 1 ? 'yes' : 'no',
      n: values.length,
    };
  });
}
