/**
 * One replication of a Monte Carlo run, wherever it runs (a worker thread or the calling one):
 * its seed derived from the master seed and its index, and a failure reported with both.
 */
import type { RunResult } from '../engine/result.js';
import { replicationSeed } from '../engine/rng.js';
import { startRun, type SteppedRun } from '../engine/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { ReplicationError } from './errors.js';

/**
 * Simulates replication `index` of `scenario` under `masterSeed`; with `agents`, its result also
 * carries everyone's state and the network at the end.
 *
 * @throws ReplicationError carrying the index, the seed and the original message and stack
 */
export function simulateReplication(scenario: Scenario, masterSeed: number, index: number, agents = false): RunResult {
  const run = startReplication(scenario, masterSeed, index, agents);
  run.advance(scenario.weeks);
  return run.result();
}

/**
 * Replication `index` of `scenario` under `masterSeed`, started but not yet simulated, to be
 * advanced a few weeks at a time (`SteppedRun`); its result is `simulateReplication`'s, and a
 * failure is reported as there, with the index and the seed.
 */
export function startReplication(scenario: Scenario, masterSeed: number, index: number, agents = false): SteppedRun {
  const seed = replicationSeed(masterSeed, index);
  const failed = (error: unknown): ReplicationError => {
    const err = error instanceof Error ? error : new Error(String(error));
    return new ReplicationError(index, seed, err.message, err.stack);
  };
  let run: SteppedRun;
  try {
    run = startRun(scenario, seed, { agents });
  } catch (error) {
    throw failed(error);
  }
  return {
    get week() {
      return run.week;
    },
    advance(weeks) {
      try {
        return run.advance(weeks);
      } catch (error) {
        throw failed(error);
      }
    },
    result: () => run.result(),
  };
}
