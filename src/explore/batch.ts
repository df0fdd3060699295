/**
 * A batch of replications as they stream back from the page's workers, in any order: what has
 * arrived is kept by replication index, and the statistics are taken over the first k
 * replications that have all arrived (0 … k−1). That prefix is exactly what `copsim run --runs k`
 * simulates, so the curves converge to the command line's summary.csv and, once every
 * replication is in, are bit-identical to it.
 *
 *   RunResult (index i, any order) ──add──▶ Batch ──collected()──▶ Collected over 0 … k−1
 */
import { createCollector } from '../aggregate/collect.js';
import type { Collected } from '../aggregate/types.js';
import { headcount } from '../engine/organisation.js';
import type { RunResult } from '../engine/result.js';
import type { Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/vocabulary.js';

/** The replications of one scenario under one master seed. */
export interface Batch {
  readonly scenario: Scenario;
  readonly masterSeed: number;
  /** Replications wanted. */
  readonly runs: number;
  /** Stores replication `index`; a second result for the same index is ignored. */
  add(index: number, result: RunResult): void;
  has(index: number): boolean;
  /** How many have arrived. */
  readonly received: number;
  /** k: replications 0 … k−1 have all arrived. */
  readonly prefix: number;
  /** The first `count` replications (default `prefix`) collected; undefined when none has arrived. */
  collected(count?: number): Collected | undefined;
}

/**
 * An empty batch of `runs` replications of `scenario`.
 *
 * @example const batch = createBatch(scenario, 1, 200); batch.add(0, simulateReplication(scenario, 1, 0)); batch.prefix // → 1
 */
export function createBatch(scenario: Scenario, masterSeed: number, runs: number): Batch {
  const results: (RunResult | undefined)[] = new Array(runs);
  let received = 0;
  let prefix = 0;
  return {
    scenario,
    masterSeed,
    runs,
    add(index, result) {
      if (!Number.isInteger(index) || index < 0 || index >= runs || results[index] !== undefined) return;
      results[index] = result;
      received++;
      while (prefix < runs && results[prefix] !== undefined) prefix++;
    },
    has: (index) => results[index] !== undefined,
    get received() {
      return received;
    },
    get prefix() {
      return prefix;
    },
    collected(count = prefix) {
      const k = Math.min(count, prefix);
      if (k < 1) return undefined;
      const collector = createCollector(copIds(scenario), scenario.weeks, k, headcount(scenario.organisation));
      for (let i = 0; i < k; i++) collector.add(i, results[i] as RunResult);
      return collector.finish();
    },
  };
}
