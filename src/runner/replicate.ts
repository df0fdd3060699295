/**
 * One replication of a Monte Carlo run, wherever it runs (a worker thread or the calling one):
 * its seed derived from the master seed and its index, and a failure reported with both.
 */
import type { RunResult } from '../engine/result.js';
import { replicationSeed } from '../engine/rng.js';
import { simulate } from '../engine/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { ReplicationError } from './errors.js';

/**
 * Simulates replication `index` of `scenario` under `masterSeed`; with `agents`, its result also
 * carries everyone's state and the network at the end.
 *
 * @throws ReplicationError carrying the index, the seed and the original message and stack
 */
export function simulateReplication(scenario: Scenario, masterSeed: number, index: number, agents = false): RunResult {
  const seed = replicationSeed(masterSeed, index);
  try {
    return simulate(scenario, seed, { agents });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    throw new ReplicationError(index, seed, err.message, err.stack);
  }
}
