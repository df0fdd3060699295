/**
 * The posterior as numbers: per parameter, the weighted mean, standard deviation and the
 * 2.5%, 50% and 97.5% weighted quantiles of the final particles.
 */
import { normalisedWeights, type Particle } from './apmc.js';
import { weightedMean, weightedQuantile, weightedSd } from './weighted.js';

/** The weighted summary of one parameter over the particles. */
export interface PosteriorSummary {
  readonly mean: number;
  readonly sd: number;
  readonly q025: number;
  readonly q50: number;
  readonly q975: number;
}

/**
 * The summary of every parameter (by its position in θ) over `population`, with its weights.
 *
 * @example posteriorSummaries(state.population)[0].mean // → the first parameter's posterior mean
 */
export function posteriorSummaries(population: readonly Particle[]): PosteriorSummary[] {
  const weights = normalisedWeights(population);
  const d = population[0]?.theta.length ?? 0;
  return Array.from({ length: d }, (_, k) => {
    const values = population.map((p) => p.theta[k] as number);
    return {
      mean: weightedMean(values, weights),
      sd: weightedSd(values, weights),
      q025: weightedQuantile(values, weights, 0.025),
      q50: weightedQuantile(values, weights, 0.5),
      q975: weightedQuantile(values, weights, 0.975),
    };
  });
}
