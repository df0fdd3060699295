/**
 * APMC (src/calibration/apmc.ts) against a posterior known exactly, and its bookkeeping:
 * resuming, the stopping rule, the weights.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveSampleSize,
  firstGeneration,
  kernelProposals,
  keptParticles,
  nextGeneration,
  normalisedWeights,
  parseState,
  posteriorSummaries,
  priorProposals,
  runApmc,
  stateText,
  type AbcProblem,
  type AbcSettings,
  type AbcState,
} from '../../src/calibration/index.js';
import { betaDistribution, binomialProblem, SUCCESSES, TRIALS } from './binomial.js';

/** Statistics of the Beta(x + 1, n − x + 1) posterior of x successes. */
function posteriorOf(x: number) {
  return betaDistribution(x + 1, TRIALS - x + 1);
}

describe('APMC recovers a posterior known exactly', () => {
  // 30 successes in 100 trials, prior Beta(1, 1): the posterior is Beta(31, 71).
  const exact = posteriorOf(SUCCESSES);
  const settings: AbcSettings = { particles: 2000, alpha: 0.5, minAcceptance: 0.01, seed: 1 };

  it('the exact posterior is the one the literature gives', () => {
    expect(exact.mean).toBeCloseTo(0.30392, 5);
    expect(exact.sd).toBeCloseTo(0.04532, 5);
    expect(exact.quantile(0.025)).toBeCloseTo(0.219, 3);
    expect(exact.quantile(0.5)).toBeCloseTo(0.3026, 4);
    expect(exact.quantile(0.975)).toBeCloseTo(0.3961, 4);
  });

  it('matches its mean, sd and 2.5/50/97.5% quantiles within the Monte Carlo error and the ABC bias', async () => {
    const state = await runApmc(binomialProblem(1), settings);
    const [summary] = posteriorSummaries(state.population);
    if (summary === undefined) throw new Error('no summary');
    const ess = effectiveSampleSize(state.population.map((p) => p.weight));
    const epsilon = (state.generations.at(-1) as AbcState['generations'][number]).epsilon;

    // Monte Carlo standard errors of weighted estimates from ESS weighted particles: the mean
    // sd/√ESS; the sd sd/√(2·ESS) (its normal-theory error; Beta(31, 71) has excess kurtosis
    // −0.02); a quantile √(p(1 − p)/ESS) / f(x_p), with f the exact density (the asymptotic
    // error of a sample quantile).
    const se = {
      mean: exact.sd / Math.sqrt(ess),
      sd: exact.sd / Math.sqrt(2 * ess),
      q: (p: number) => Math.sqrt((p * (1 - p)) / ess) / exact.density(exact.quantile(p)),
    };
    // ABC bias: the particles kept at ε are draws from θ given a count within ε of 30, a
    // mixture of the exact posteriors Beta(x + 1, 101 − x) for |x − 30| ≤ ε with weights that
    // ties at ε leave open. A mixture's mean and quantiles lie between its components', and its
    // variance is at most the largest component variance plus a quarter of the squared range
    // of the component means; the bias is the largest gap those bounds allow. The count is
    // discrete and sufficient, so once ε = 0 (as here: p_acc falls to p_acc_min only when
    // almost no new particle beats ε = 0) the bias is exactly 0.
    const components: ReturnType<typeof posteriorOf>[] = [];
    for (let x = Math.ceil(SUCCESSES - epsilon); x <= Math.floor(SUCCESSES + epsilon); x++) components.push(posteriorOf(x));
    const gap = (values: number[], exactValue: number): number => Math.max(...values.map((v) => Math.abs(v - exactValue)));
    const means = components.map((c) => c.mean);
    const meanRange = Math.max(...means) - Math.min(...means);
    const bias = {
      mean: gap(means, exact.mean),
      sd: Math.max(
        Math.sqrt(Math.max(...components.map((c) => c.sd ** 2)) + meanRange ** 2 / 4) - exact.sd,
        exact.sd - Math.min(...components.map((c) => c.sd)),
      ),
      q: (p: number) => gap(components.map((c) => c.quantile(p)), exact.quantile(p)),
    };
    expect(epsilon).toBe(0);
    expect(bias.mean).toBe(0);

    // Kish's ESS counts the particles as independent, but they descend from shared ancestors;
    // over seeds 1–30 of this very setting the errors, in units of these standard errors,
    // had a spread of about 1.2 and a largest |z| of 3.2 among 150 (five statistics × 30
    // seeds). Four standard errors leave room for that without letting a real bias pass:
    // 4 × se of the mean is 0.0064, a seventh of the posterior sd.
    const Z = 4;
    expect(Math.abs(summary.mean - exact.mean)).toBeLessThanOrEqual(bias.mean + Z * se.mean);
    expect(Math.abs(summary.sd - exact.sd)).toBeLessThanOrEqual(bias.sd + Z * se.sd);
    for (const [p, value] of [
      [0.025, summary.q025],
      [0.5, summary.q50],
      [0.975, summary.q975],
    ] as const) {
      expect(Math.abs(value - exact.quantile(p)), `quantile ${p}`).toBeLessThanOrEqual(bias.q(p) + Z * se.q(p));
    }
    // The run is large enough for the check to mean something.
    expect(ess).toBeGreaterThan(500);
    expect(Z * se.mean).toBeLessThan(exact.sd / 5);
  });
});

describe('the algorithm', () => {
  const settings: AbcSettings = { particles: 200, alpha: 0.5, minAcceptance: 0.05, seed: 3 };

  it('keeps ⌊αN⌋ particles, sorted by distance, with ε the largest kept', async () => {
    const states: AbcState[] = [];
    await runApmc(binomialProblem(3), settings, { onGeneration: (s) => void states.push(s) });
    for (const state of states) {
      expect(state.population).toHaveLength(keptParticles(settings));
      const distances = state.population.map((p) => p.distance);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(state.generations.at(-1)?.epsilon).toBe(distances.at(-1));
    }
    // ε never grows: the kept particles of one generation compete in the next.
    const epsilons = states.map((s) => s.generations.at(-1)?.epsilon as number);
    for (let t = 1; t < epsilons.length; t++) expect(epsilons[t]).toBeLessThanOrEqual(epsilons[t - 1] as number);
  });

  it('stops once the share of new particles kept falls to p_acc_min, not before', async () => {
    const state = await runApmc(binomialProblem(3), settings);
    expect(state.stopped).toBe('min-acceptance');
    const acceptances = state.generations.map((g) => g.acceptance);
    expect(acceptances[0]).toBe(1);
    expect(acceptances.at(-1)).toBeLessThanOrEqual(settings.minAcceptance);
    for (const a of acceptances.slice(0, -1)) expect(a).toBeGreaterThan(settings.minAcceptance);
  });

  it('stops after the maximum number of generations', async () => {
    const state = await runApmc(binomialProblem(3), { ...settings, minAcceptance: 0, maxGenerations: 3 });
    expect(state.generations.map((g) => g.generation)).toEqual([1, 2, 3]);
    expect(state.stopped).toBe('max-generations');
  });

  it('simulates N particles first, then N − Nα per generation', async () => {
    const state = await runApmc(binomialProblem(3), settings);
    expect(state.generations[0]?.simulations).toBe(200);
    for (const g of state.generations.slice(1)) expect(g.simulations).toBe(100);
  });

  it('weights are positive and finite and sum to 1 once normalised', async () => {
    const state = await runApmc(binomialProblem(3), settings);
    for (const p of state.population) {
      expect(p.weight).toBeGreaterThan(0);
      expect(Number.isFinite(p.weight)).toBe(true);
    }
    const sum = normalisedWeights(state.population).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('a resumed state ends where the uninterrupted run ends, bit for bit', async () => {
    const saved: string[] = [];
    const whole = await runApmc(binomialProblem(3), settings, { onGeneration: (s) => void saved.push(stateText(s)) });
    expect(saved.length).toBeGreaterThan(3);
    const resumed = await runApmc(binomialProblem(3), settings, { state: parseState(saved[2] as string) });
    expect(stateText(resumed)).toBe(stateText(whole));
    expect(resumed).toEqual(whole);
  });

  it('the result does not depend on the order in which particles are simulated', async () => {
    const problem = binomialProblem(3);
    const inOrder = await runApmc(problem, { ...settings, maxGenerations: 4 });
    // The same generations, each particle simulated in reverse order (as workers might finish).
    const simulateAll = (proposals: ReturnType<typeof priorProposals>) => {
      const results = new Array<readonly number[]>(proposals.length);
      for (let i = proposals.length - 1; i >= 0; i--) {
        const p = proposals[i] as (typeof proposals)[number];
        results[i] = problem.simulate(p.theta, p.index, p.generation) as readonly number[];
      }
      return results;
    };
    const first = priorProposals(problem.priors, settings);
    let state = firstGeneration({ ...settings, maxGenerations: 4 }, first, simulateAll(first), problem.distance);
    for (let g = 2; g <= 4; g++) {
      const proposals = kernelProposals(problem.priors, state, settings, g);
      state = nextGeneration(problem.priors, state, { ...settings, maxGenerations: 4 }, proposals, simulateAll(proposals), problem.distance);
    }
    expect(stateText(state)).toBe(stateText(inOrder));
  });

  it('a particle whose statistic has no value is kept last, at an infinite distance', async () => {
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', lo: 0, hi: 1 }],
      simulate: (theta) => [(theta[0] as number) < 0.6 ? Number.NaN : (theta[0] as number)],
      distance: (stats) => Math.abs((stats[0] as number) - 0.5),
    };
    const state = await runApmc(problem, { particles: 20, alpha: 0.9, minAcceptance: 0, seed: 1, maxGenerations: 1 });
    expect(state.population.at(-1)?.distance).toBe(Number.POSITIVE_INFINITY);
    expect(parseState(stateText(state))).toEqual(state);
  });

  it('refuses settings out of range, naming them', async () => {
    const problem = binomialProblem(1);
    await expect(runApmc(problem, { ...settings, particles: 1 })).rejects.toThrow(/particles must be a whole number of at least 2/);
    await expect(runApmc(problem, { ...settings, alpha: 1 })).rejects.toThrow(/alpha must lie strictly between 0 and 1/);
    await expect(runApmc(problem, { ...settings, particles: 3, alpha: 0.2 })).rejects.toThrow(/keep at least 1/);
    await expect(runApmc(problem, { ...settings, minAcceptance: 1 })).rejects.toThrow(/min acceptance/);
  });
});
