/**
 * simulate: one replication of a scenario, from its seed to its weekly metrics and per-run
 * figures. Pure: no I/O, randomness only from the streams derived from `seed`.
 *
 *   createSimulation(scenario, seed) → (step(sim), recordWeek) × weeks → RunResult
 *
 * @example
 *   const result = simulate(scenario, replicationSeed(1, 0));
 *   weeklySeries(result, 0, 'members'); // Float64Array of weeks values
 */
import type { Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/vocabulary.js';
import { ROLES } from '../scenario/vocabulary.js';
import { snapshotAgents, type AgentSnapshot } from './agents.js';
import { channelFlags } from './channels.js';
import { createCommunity } from './community.js';
import { buildNetwork } from './network.js';
import { buildPeople } from './organisation.js';
import { createProblemSpace } from './problems.js';
import { createRecorder, recordFigures, recordWeek } from './recorder.js';
import type { RunResult } from './result.js';
import { communityStream, makeStreams } from './rng.js';
import type { Simulation } from './state.js';
import { step } from './step.js';

/** Builds the initial state of replication `seed`: the organisation, its network and its (unlaunched) CoPs. */
export function createSimulation(scenario: Scenario, seed: number): Simulation {
  const streams = makeStreams(seed);
  const parameters = scenario.parameters;
  const channels = channelFlags(parameters.knockouts);
  const people = buildPeople(scenario.organisation, parameters, streams.org);
  const network = buildNetwork(people, parameters.network, ROLES.length, streams.net);
  const ids = copIds(scenario);
  const cops = scenario.cops.map((cop, index) =>
    createCommunity(cop, ids[index] as string, index, people, network, parameters, channels, communityStream(seed, index)),
  );
  return {
    scenario,
    parameters,
    channels,
    streams,
    seed,
    people,
    network,
    cops,
    problems: createProblemSpace(parameters.knowledge.problemClasses, parameters.knowledge.zipfExponent),
    projectLoad: { ...scenario.organisation.projectLoad },
    turnover: scenario.organisation.turnover,
    week: 0,
    copOrder: Int32Array.from(cops.map((_, i) => i)),
  };
}

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Also return everyone's state and the network at the end (`RunResult.agents`). Default false. */
  readonly agents?: boolean;
}

/**
 * A replication that advances a few weeks at a time: what `simulate` does in one go, for a
 * caller that must stay responsive between weeks (the explorer's workers, which give up a
 * replication of settings that have changed). The same steps in the same order, so the result
 * is `simulate`'s bit for bit however the weeks are sliced.
 */
export interface SteppedRun {
  /** Weeks simulated so far. */
  readonly week: number;
  /** Simulates up to `weeks` more weeks (at most to the end); true once the run is complete. */
  advance(weeks: number): boolean;
  /** The result, once `advance` has returned true. */
  result(): RunResult;
}

/**
 * Starts replication `seed` of `scenario` without simulating any week yet.
 *
 * @example const run = startRun(scenario, seed); while (!run.advance(8)) {} run.result() // = simulate(scenario, seed)
 */
export function startRun(scenario: Scenario, seed: number, options: SimulateOptions = {}): SteppedRun {
  const sim = createSimulation(scenario, seed);
  const recorder = createRecorder(sim);
  let week = 0;
  let done: RunResult | undefined;
  return {
    get week() {
      return week;
    },
    advance(weeks) {
      const end = Math.min(scenario.weeks, week + Math.max(0, weeks));
      for (; week < end; week++) {
        step(sim);
        recordWeek(recorder, sim, week);
      }
      if (week < scenario.weeks) return false;
      if (done === undefined) {
        const figures = recordFigures(recorder, sim);
        const agents: AgentSnapshot | undefined = options.agents ? snapshotAgents(sim) : undefined;
        done = {
          seed,
          weeks: scenario.weeks,
          copIds: sim.cops.map((c) => c.id),
          weekly: recorder.weekly,
          figures,
          employees: sim.people.n,
          ...(agents ? { agents } : {}),
        };
      }
      return true;
    },
    result() {
      if (done === undefined) throw new Error(`startRun: the run is at week ${week} of ${scenario.weeks}; advance it to the end first`);
      return done;
    },
  };
}

/** Runs replication `seed` of `scenario` for `scenario.weeks` weeks. */
export function simulate(scenario: Scenario, seed: number, options: SimulateOptions = {}): RunResult {
  const run = startRun(scenario, seed, options);
  run.advance(scenario.weeks);
  return run.result();
}
