/**
 * Calibration by approximate Bayesian computation: adaptive population Monte Carlo (APMC;
 * Lenormand, Jabot & Deffuant 2013) as pure functions over a simulator, with the priors, the
 * kernel, the distance and the weighted statistics it needs. No I/O: the study verb
 * `calibrate` (src/study/calibrate.ts) simulates the model, saves the state and writes files.
 *
 *   priors ──priorProposals / kernelProposals──▶ θ ──simulate──▶ statistics ──patternDistance──▶ ρ
 *          ──firstGeneration / nextGeneration──▶ AbcState ──posteriorSummaries──▶ mean, sd, quantiles
 */
export {
  runApmc,
  checkSettings,
  keptParticles,
  particleStream,
  priorProposals,
  kernelProposals,
  firstGeneration,
  nextGeneration,
  normalisedWeights,
  populationKernel,
  keptDistance,
  MAX_DRAWS,
  type AbcProblem,
  type AbcSettings,
  type AbcSimulator,
  type AbcState,
  type GenerationRecord,
  type Particle,
  type Proposal,
  type RunApmcOptions,
  type StopReason,
} from './apmc.js';
export { patternDistance, type PatternTarget } from './distance.js';
export { normalKernel, drawKernel, kernelLogDensity, SingularKernelError, type NormalKernel } from './kernel.js';
export { priorDensity, jointPriorDensity, priorQuantile, samplePrior, withinBounds, priorText, parsePrior, type Prior, type ParsedPrior } from './priors.js';
export { posteriorSummaries, type PosteriorSummary } from './summary.js';
export { effectiveSampleSize, weightedMean, weightedSd, weightedQuantile, weightedCovariance } from './weighted.js';
export { exactJson, parseExactJson, stateText, parseState } from './state.js';
