/**
 * simulate: one replication of a scenario, from its seed to its weekly metrics and per-run
 * figures. Pure: no I/O, randomness only from the streams derived from `seed`.
 *
 *   createSimulation(scenario, seed) → step(sim) × weeks (recording each week) → RunResult
 *
 * @example
 *   const result = simulate(scenario, replicationSeed(1, 0));
 *   weeklySeries(result, 0, 'members'); // Float64Array of weeks values
 */
import type { Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/vocabulary.js';
import { createCommunity } from './community.js';
import { createProblemSpace } from './mechanisms/knowledge.js';
import { recordFigures, recordWeek } from './metrics.js';
import { buildPeople } from './organisation.js';
import { N_FIGURES, N_WEEKLY, type RunResult } from './result.js';
import { communityStream, makeStreams } from './rng.js';
import type { Simulation } from './state.js';
import { step } from './step.js';

/** Builds the initial state of replication `seed`: the organisation and its (unlaunched) CoPs. */
export function createSimulation(scenario: Scenario, seed: number): Simulation {
  const streams = makeStreams(seed);
  const parameters = scenario.parameters;
  const people = buildPeople(scenario.organisation, streams.org);
  const ids = copIds(scenario);
  const cops = scenario.cops.map((cop, index) =>
    createCommunity(cop, ids[index] as string, index, people, parameters, communityStream(seed, index)),
  );
  return {
    scenario,
    parameters,
    streams,
    seed,
    people,
    cops,
    problems: createProblemSpace(parameters.knowledge.problemClasses, parameters.knowledge.zipfExponent),
    projectLoad: { ...scenario.organisation.projectLoad },
    turnover: scenario.organisation.turnover,
    week: 0,
    copOrder: Int32Array.from(cops.map((_, i) => i)),
  };
}

/** Runs replication `seed` of `scenario` for `scenario.weeks` weeks. */
export function simulate(scenario: Scenario, seed: number): RunResult {
  const sim = createSimulation(scenario, seed);
  const weeks = scenario.weeks;
  const weekly = new Float64Array(sim.cops.length * N_WEEKLY * weeks);
  const figures = new Float64Array(sim.cops.length * N_FIGURES);
  for (let t = 0; t < weeks; t++) {
    sim.week = t;
    step(sim);
    for (const cop of sim.cops) recordWeek(sim, cop, weekly);
  }
  recordFigures(sim, weekly, figures);
  return {
    seed,
    weeks,
    copIds: sim.cops.map((c) => c.id),
    weekly,
    figures,
    employees: sim.people.n,
  };
}
