/**
 * Building simulation states for mechanism tests: a full scenario from a few settings, a
 * simulation with its CoP already launched (no founders), and members set by hand.
 */
import type { z } from 'zod';
import type { parametersSchema } from '../../src/engine/parameters.js';
import { createSimulation } from '../../src/engine/simulate.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

type Input<K extends keyof ScenarioInput> = NonNullable<ScenarioInput[K]>;
type CoPInput = Input<'cops'>[number];

export interface TestScenario {
  weeks?: number;
  organisation?: Input<'organisation'>;
  cop?: CoPInput;
  cops?: CoPInput[];
  events?: Input<'events'>;
  parameters?: z.input<typeof parametersSchema>;
}

/**
 * A validated scenario with all defaults filled in. The organisation defaults to 2000
 * development employees with no turnover and nobody ever away, so proportions over people are
 * precise.
 */
export function scenarioOf(t: TestScenario = {}): Scenario {
  const parameters = (t.parameters ?? {}) as Record<string, unknown>;
  return scenarioSchema.parse({
    weeks: t.weeks ?? 52,
    organisation: { employees: 2000, turnover: 0, ...t.organisation },
    cops: t.cops ?? [t.cop ?? {}],
    events: t.events ?? [],
    parameters: { ...parameters, population: { absence: 0, ...(parameters['population'] as object | undefined) } },
  });
}

/** A simulation at week 0 whose CoPs are alive but have no members yet. */
export function simulationOf(t: TestScenario = {}, seed = 1): Simulation {
  const sim = createSimulation(scenarioOf(t), seed);
  for (const cop of sim.cops) {
    cop.launched = true;
    cop.alive = true;
  }
  return sim;
}

/** The first CoP of a simulation. */
export function firstCoP(sim: Simulation): CommunityState {
  const cop = sim.cops[0];
  if (!cop) throw new Error('the scenario has no CoP');
  return cop;
}

/** Puts every person in `state` (default active) in `cop`. */
export function enrolEveryone(cop: CommunityState, state: number = MemberState.active): void {
  cop.state.fill(state);
}

/** Share of the entries of `values` for which `test` holds. */
export function shareOf(values: ArrayLike<number>, test: (v: number, i: number) => boolean = (v) => v > 0): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i] as number, i)) k++;
  return k / values.length;
}

/** Mean of `values`. */
export function meanOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

/** Five binomial standard errors of a proportion `p` estimated from `n` trials. */
export function fiveSE(p: number, n: number): number {
  return 5 * Math.sqrt((p * (1 - p)) / n);
}

/** The logistic function. */
export function logistic(u: number): number {
  return 1 / (1 + Math.exp(-u));
}
