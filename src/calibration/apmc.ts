/**
 * Adaptive population Monte Carlo ABC (APMC; Lenormand, Jabot & Deffuant 2013, Computational
 * Statistics 28:2777, as OpenMOLE runs it), as pure functions over a simulator
 * `(theta, particleIndex, generation) => summary statistics` and a distance.
 *
 *   generation 1: N particles from the prior ─simulate─▶ distances ─keep the Nα = ⌊αN⌋ best─▶ ε₁
 *   generation t: N − Nα particles, each from a kept particle (chosen by weight) moved by the
 *     normal kernel of twice the weighted covariance ─simulate─▶ distances; weight
 *     π(θ)·c / Σⱼ w̄ⱼ K(θ | θⱼ) ─▶ old and new together, keep the Nα best ─▶ εₜ, and
 *     p_acc = share of the new particles among those kept
 *   stop when p_acc ≤ p_acc_min (or after the maximum number of generations)
 *
 * Proposals outside the priors' bounds are drawn again (ancestor and move), so the kernel
 * mixture is truncated to the bounds; c, the share of draws that fell inside, is that
 * truncation's normalising constant (estimated from the draws), which keeps the weights of
 * particles from different generations on one scale. Without bounds in reach c = 1 and the
 * weight is the paper's.
 *
 * Every random draw comes from a stream of its own, seeded from the master seed, the
 * generation and the particle's index, so the result is bit-identical however the particles
 * are spread over workers; a state after any generation can be saved and resumed to the same
 * end (`runApmc`'s `state`).
 */
import { makeRng, type Rng } from '../engine/rng.js';
import { drawKernel, kernelLogDensity, normalKernel, type NormalKernel } from './kernel.js';
import { jointPriorDensity, samplePrior, withinBounds, type Prior } from './priors.js';
import { effectiveSampleSize, weightedCovariance } from './weighted.js';

/** The settings of one calibration. */
export interface AbcSettings {
  /** N, particles simulated in the first generation (N − Nα in each later one). */
  readonly particles: number;
  /** α: the share of particles kept each generation, Nα = ⌊αN⌋. Default in OpenMOLE: 0.5. */
  readonly alpha: number;
  /** p_acc_min: stop once the share of new particles kept falls to this. Default 0.01. */
  readonly minAcceptance: number;
  /** Stop after this many generations at the latest (the first, from the prior, counts). */
  readonly maxGenerations?: number | undefined;
  /** Master seed of every stream. */
  readonly seed: number;
}

/** One particle: a parameter vector with its weight, its simulated statistics and distance. */
export interface Particle {
  readonly theta: readonly number[];
  /** Importance weight, not normalised (see `normalisedWeights`). */
  readonly weight: number;
  /** Distance of `stats` to the targets; +Infinity when a statistic could not be measured. */
  readonly distance: number;
  readonly stats: readonly number[];
  /** The generation that simulated it (1: from the prior). */
  readonly generation: number;
  /** Its index among that generation's proposals. */
  readonly index: number;
}

/** What one generation did. */
export interface GenerationRecord {
  readonly generation: number;
  /** εₜ: the largest distance kept. */
  readonly epsilon: number;
  /** p_acc: the share of this generation's new particles that were kept (1 for the first). */
  readonly acceptance: number;
  /** Particles simulated in this generation. */
  readonly simulations: number;
  /** Kernel draws made, those outside the bounds included (equal to `simulations` for the first). */
  readonly draws: number;
  /** Kish's effective sample size of the kept particles. */
  readonly effectiveSampleSize: number;
}

/** Why a calibration stopped. */
export type StopReason = 'min-acceptance' | 'max-generations';

/** The state after a generation: everything needed to go on. Plain data (JSON-safe but for non-finite numbers). */
export interface AbcState {
  readonly generations: readonly GenerationRecord[];
  /** The Nα kept particles, by distance (ties in the order they were simulated). */
  readonly population: readonly Particle[];
  /** Undefined while the calibration goes on. */
  readonly stopped: StopReason | undefined;
}

/** A parameter vector to simulate. */
export interface Proposal {
  readonly theta: readonly number[];
  readonly generation: number;
  readonly index: number;
  /** Kernel draws it took (1 from the prior). */
  readonly draws: number;
}

/** The simulator: the summary statistics of one parameter vector. */
export type AbcSimulator = (theta: readonly number[], particleIndex: number, generation: number) => readonly number[] | Promise<readonly number[]>;

/** What is calibrated: priors, the simulator and the distance of its statistics to the targets. */
export interface AbcProblem {
  readonly priors: readonly Prior[];
  readonly simulate: AbcSimulator;
  readonly distance: (stats: readonly number[]) => number;
}

/** Draws that a proposal may take before the kernel is judged to miss the priors' bounds. */
export const MAX_DRAWS = 10_000;

/**
 * Nα = ⌊αN⌋, the particles kept each generation.
 *
 * @throws RangeError unless 1 ≤ Nα < N
 * @example keptParticles({ particles: 64, alpha: 0.5 }) // → 32
 */
export function keptParticles(settings: Pick<AbcSettings, 'particles' | 'alpha'>): number {
  const kept = Math.floor(settings.alpha * settings.particles);
  if (!(kept >= 1 && kept < settings.particles)) {
    throw new RangeError(`alpha × particles must keep at least 1 and fewer than all particles, got ⌊${settings.alpha} × ${settings.particles}⌋ = ${kept}`);
  }
  return kept;
}

/** The stream of particle `index` of `generation`. */
export function particleStream(seed: number, generation: number, index: number): Rng {
  return makeRng(`abc/${seed}/${generation}/${index}`);
}

/** The N proposals of the first generation, drawn from the priors. */
export function priorProposals(priors: readonly Prior[], settings: AbcSettings): Proposal[] {
  return Array.from({ length: settings.particles }, (_, index) => {
    const rng = particleStream(settings.seed, 1, index);
    return { theta: priors.map((prior) => samplePrior(prior, rng)), generation: 1, index, draws: 1 };
  });
}

/** The population's weights divided by their sum. */
export function normalisedWeights(population: readonly Particle[]): number[] {
  const total = population.reduce((sum, p) => sum + p.weight, 0);
  return population.map((p) => p.weight / total);
}

/** The kernel of the next generation: N(·, 2 × weighted covariance of the population). */
export function populationKernel(population: readonly Particle[]): NormalKernel {
  const cov = weightedCovariance(
    population.map((p) => p.theta),
    population.map((p) => p.weight),
  );
  return normalKernel(cov.map((row) => row.map((x) => 2 * x)));
}

/**
 * The N − Nα proposals of generation `generation` (≥ 2) from `state`'s population: each picks
 * an ancestor with probability proportional to its weight and moves it by the kernel, both
 * drawn again until the move lands within the priors' bounds.
 *
 * @throws RangeError when a proposal misses the bounds `MAX_DRAWS` times
 */
export function kernelProposals(priors: readonly Prior[], state: AbcState, settings: AbcSettings, generation: number): Proposal[] {
  const { population } = state;
  const kernel = populationKernel(population);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of normalisedWeights(population)) cumulative.push((sum += w));
  const count = settings.particles - keptParticles(settings);
  return Array.from({ length: count }, (_, index) => {
    const rng = particleStream(settings.seed, generation, index);
    for (let draws = 1; draws <= MAX_DRAWS; draws++) {
      const ancestor = population[pick(cumulative, rng())] as Particle;
      const theta = drawKernel(kernel, ancestor.theta, rng);
      if (withinBounds(priors, theta)) return { theta, generation, index, draws };
    }
    throw new RangeError(`generation ${generation}, particle ${index}: ${MAX_DRAWS} kernel draws all fell outside the priors' bounds`);
  });
}

/** The index whose cumulative weight first exceeds u (the last one for rounding at the top). */
function pick(cumulative: readonly number[], u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (cumulative[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Distances compared with NaN as +Infinity, so an unmeasured particle is never preferred. */
function byDistance(a: Particle, b: Particle): number {
  return a.distance < b.distance ? -1 : a.distance > b.distance ? 1 : 0;
}

/** A distance as kept: NaN (a statistic without a value) becomes +Infinity. */
export function keptDistance(distance: number): number {
  return Number.isNaN(distance) ? Number.POSITIVE_INFINITY : distance;
}

/**
 * The state after the first generation: of N particles from the prior (weight 1 each), the Nα
 * nearest are kept, and ε₁ is the largest distance among them.
 */
export function firstGeneration(settings: AbcSettings, proposals: readonly Proposal[], results: readonly (readonly number[])[], distance: AbcProblem['distance']): AbcState {
  const simulated = proposals.map((p, i) => particle(p, 1, results[i] as readonly number[], distance));
  const population = [...simulated].sort(byDistance).slice(0, keptParticles(settings));
  const record = generationRecord(1, population, 1, proposals.length, proposals.length);
  return { generations: [record], population, stopped: stopReason(settings, record, 1) };
}

/**
 * The state after generation t ≥ 2: the new particles are weighted
 * π(θ)·c / Σⱼ w̄ⱼ K(θ | θⱼ) (w̄, the previous population's normalised weights; c, the share of
 * kernel draws within the bounds), then the Nα nearest of old and new are kept.
 */
export function nextGeneration(
  priors: readonly Prior[],
  state: AbcState,
  settings: AbcSettings,
  proposals: readonly Proposal[],
  results: readonly (readonly number[])[],
  distance: AbcProblem['distance'],
): AbcState {
  const { population } = state;
  const kernel = populationKernel(population);
  const weights = normalisedWeights(population);
  const draws = proposals.reduce((sum, p) => sum + p.draws, 0);
  const inside = proposals.length / draws;
  const fresh = proposals.map((p, i) => {
    let mixture = 0;
    population.forEach((q, j) => {
      mixture += (weights[j] as number) * Math.exp(kernelLogDensity(kernel, q.theta, p.theta));
    });
    const weight = (jointPriorDensity(priors, p.theta) * inside) / mixture;
    return particle(p, weight, results[i] as readonly number[], distance);
  });
  const kept = [...population, ...fresh].sort(byDistance).slice(0, keptParticles(settings));
  const generation = (state.generations.at(-1)?.generation ?? 0) + 1;
  const acceptance = kept.filter((p) => p.generation === generation).length / proposals.length;
  const record = generationRecord(generation, kept, acceptance, proposals.length, draws);
  return { generations: [...state.generations, record], population: kept, stopped: stopReason(settings, record, generation) };
}

function particle(p: Proposal, weight: number, stats: readonly number[], distance: AbcProblem['distance']): Particle {
  return { theta: p.theta, weight, distance: keptDistance(distance(stats)), stats: [...stats], generation: p.generation, index: p.index };
}

function generationRecord(generation: number, kept: readonly Particle[], acceptance: number, simulations: number, draws: number): GenerationRecord {
  return {
    generation,
    epsilon: (kept.at(-1) as Particle).distance,
    acceptance,
    simulations,
    draws,
    effectiveSampleSize: effectiveSampleSize(kept.map((p) => p.weight)),
  };
}

function stopReason(settings: AbcSettings, record: GenerationRecord, generation: number): StopReason | undefined {
  if (generation > 1 && record.acceptance <= settings.minAcceptance) return 'min-acceptance';
  if (settings.maxGenerations !== undefined && generation >= settings.maxGenerations) return 'max-generations';
  return undefined;
}

/** Options of `runApmc`. */
export interface RunApmcOptions {
  /** A state to go on from (saved after a generation); default: start from the prior. */
  readonly state?: AbcState | undefined;
  /** Called after every generation with the new state, e.g. to save it; awaited. */
  readonly onGeneration?: ((state: AbcState) => void | Promise<void>) | undefined;
  /** Called with each proposal just before it is simulated. */
  readonly onProposal?: ((proposal: Proposal) => void) | undefined;
}

/**
 * Runs APMC until its stopping rule: from the prior, or on from `options.state`. Particles are
 * simulated one after another in index order; any parallelism belongs to the simulator.
 *
 * @throws RangeError for settings out of range; SingularKernelError when the particles collapse
 * @example
 * const state = await runApmc({ priors: [{ kind: 'uniform', lo: 0, hi: 1 }], simulate, distance }, { particles: 1000, alpha: 0.5, minAcceptance: 0.01, seed: 1 });
 * state.population // → the Nα particles of the last generation, with their weights
 */
export async function runApmc(problem: AbcProblem, settings: AbcSettings, options: RunApmcOptions = {}): Promise<AbcState> {
  checkSettings(settings);
  let state = options.state;
  while (state === undefined || state.stopped === undefined) {
    const generation = (state?.generations.at(-1)?.generation ?? 0) + 1;
    const proposals = state === undefined ? priorProposals(problem.priors, settings) : kernelProposals(problem.priors, state, settings, generation);
    const results: (readonly number[])[] = [];
    for (const proposal of proposals) {
      options.onProposal?.(proposal);
      results.push(await problem.simulate(proposal.theta, proposal.index, proposal.generation));
    }
    state =
      state === undefined
        ? firstGeneration(settings, proposals, results, problem.distance)
        : nextGeneration(problem.priors, state, settings, proposals, results, problem.distance);
    await options.onGeneration?.(state);
  }
  return state;
}

/**
 * Checks the settings as `runApmc` needs them.
 *
 * @throws RangeError naming the setting and what was expected
 */
export function checkSettings(settings: AbcSettings): void {
  if (!Number.isInteger(settings.particles) || settings.particles < 2) throw new RangeError(`particles must be a whole number of at least 2, got ${settings.particles}`);
  if (!(settings.alpha > 0 && settings.alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${settings.alpha}`);
  keptParticles(settings);
  if (!(settings.minAcceptance >= 0 && settings.minAcceptance < 1)) throw new RangeError(`min acceptance must lie in [0, 1), got ${settings.minAcceptance}`);
  const max = settings.maxGenerations;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new RangeError(`max generations must be a whole number of at least 1, got ${max}`);
}
