/**
 * runMonteCarlo: every replication of one scenario, collected by replication index.
 *
 *   scenario ──▶ replication i, seed replicationSeed(masterSeed, i) ──simulate──▶ RunResult
 *            ──collector.add(i, …)──▶ Collected
 *
 * Because replication i always gets the same seed and lands in slot i, the outcome is
 * bit-identical whatever the number of workers and whatever order results arrive in, and
 * whether a replication was simulated now or earlier (`done`, e.g. read back from a checkpoint).
 */
import { createCollector, storeBytes } from '../aggregate/index.js';
import { N_WEEKLY } from '../engine/result.js';
import { createSpillStore } from '../output/spill.js';
import type { Collected, Collector } from '../aggregate/types.js';
import type { Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/vocabulary.js';
import { headcount } from '../engine/organisation.js';
import { AbortError } from './errors.js';
import type { RunResult } from '../engine/result.js';
import { ReplicationError } from './errors.js';
import type { ResultMessage } from './protocol.js';
import { simulateReplication } from './replicate.js';
import { runPool, type WorkerPool } from './pool.js';

/**
 * Replications simulated before, by position in the run: which there are, and each in turn
 * (a `Map` will do; a checkpoint reads them from its log one at a time, so that a resumed run
 * does not hold them all in memory).
 */
export interface DoneReplications extends Iterable<readonly [number, RunResult]> {
  readonly size: number;
  has(index: number): boolean;
}

/** Master seeds are integers below this bound (32 bits). */
export const SEED_LIMIT = 2 ** 32;

/** Options of `runMonteCarlo`. */
export interface MonteCarloOptions {
  /** Replications to simulate, an integer ≥ 1. */
  readonly runs: number;
  /**
   * Index of the first replication: replications `first` .. `first + runs − 1` are simulated,
   * each with its own seed, and collected in slots 0 .. runs − 1 (a shard of a larger run).
   * An integer ≥ 0; default 0.
   */
  readonly first?: number;
  /** Master seed, an integer in [0, 2^32); replication i uses `replicationSeed(masterSeed, i)`. */
  readonly masterSeed: number;
  /**
   * Worker threads, an integer ≥ 0 (capped at `runs`). 0 simulates in the calling thread,
   * yielding to the event loop between replications so progress and abort still work.
   */
  readonly workers: number;
  /**
   * The first `agents` replications also keep everyone's state and the network at the end
   * (`Collected.agents`), for agent-level output. An integer in [0, runs]; default 0; only
   * with `first` 0.
   */
  readonly agents?: number;
  /**
   * Replications simulated before, by position in this run (replication first + position; e.g.
   * read back from a checkpoint): collected as given and not simulated again. Each must be the
   * replication of that index and seed.
   */
  readonly done?: DoneReplications;
  /**
   * Called with each replication simulated now and its position in this run (replication
   * first + position), before it is collected (e.g. to save it). A throw rejects the run.
   */
  readonly onReplication?: (index: number, result: RunResult) => void;
  /** Called after each replication with the count done so far (`done` included) and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the run: workers are terminated and the promise rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /**
   * Keeps the weekly values on disk (`createSpillStore`, a scratch folder made below `dir`) when
   * in memory they would take more than `above` bytes (default `SPILL_ABOVE`; 0: always), so that
   * memory does not grow with runs × weeks. The results are the same either way.
   */
  readonly spill?: { readonly dir: string; readonly above?: number };
  /**
   * Threads to run on, kept alive by the caller across batches (`createWorkerPool`); when
   * `workers` is at least 1 they replace the threads this run would start and stop itself.
   */
  readonly pool?: WorkerPool;
}

/**
 * Simulates `runs` replications of `scenario` and collects them by replication index.
 * A replication that throws does not stop the others: once every other one is simulated (and
 * handed to `onReplication`), the run rejects with a `ReplicationError` naming the lowest failed
 * index and seed (and the others that failed). It rejects with an
 * `AbortError` if `signal` fires, and with a `RangeError` for invalid options.
 *
 * @example
 * const collected = await runMonteCarlo(scenario, { runs: 200, masterSeed: 1, workers: 4 });
 * collected.seeds[0] // → replicationSeed(1, 0)
 */
export async function runMonteCarlo(scenario: Scenario, options: MonteCarloOptions): Promise<Collected> {
  checkOptions(options);
  const { runs } = options;
  const ids = copIds(scenario);
  const spill = options.spill;
  const spilled = spill !== undefined && storeBytes(ids.length, scenario.weeks, runs) > (spill.above ?? SPILL_ABOVE);
  const store = spilled ? createSpillStore(spill.dir, ids.length * N_WEEKLY, scenario.weeks, runs) : undefined;
  try {
    return await collectAll(scenario, options, createCollector(ids, scenario.weeks, runs, headcount(scenario.organisation), options.agents ?? 0, store));
  } catch (error) {
    store?.dispose();
    throw error;
  }
}

/** Bytes of weekly values above which a run with `spill` keeps them on disk (64 MB). */
export const SPILL_ABOVE = 64e6;

async function collectAll(scenario: Scenario, options: MonteCarloOptions, collector: Collector): Promise<Collected> {
  const { runs, masterSeed, workers, onProgress, signal } = options;
  const first = options.first ?? 0;
  const earlier = options.done ?? new Map<number, RunResult>();
  for (const [index, result] of earlier) collector.add(index, result);
  const indices: number[] = [];
  for (let index = 0; index < runs; index++) if (!earlier.has(index)) indices.push(index);
  if (earlier.size > 0) onProgress?.(earlier.size, runs);
  if (workers === 0) {
    await runInThread(scenario, collector, indices, options);
  } else if (indices.length > 0) {
    let done = earlier.size;
    const job = {
      scenario,
      runs,
      masterSeed,
      first,
      agents: options.agents ?? 0,
      ...(earlier.size === 0 ? {} : { indices }),
      ...(signal === undefined ? {} : { signal }),
      onResult: (message: ResultMessage) => {
        const slot = message.index - first;
        options.onReplication?.(slot, message);
        collector.add(slot, message);
        done++;
        onProgress?.(done, runs);
      },
    };
    await (options.pool === undefined ? runPool({ ...job, workers }) : options.pool.run(job));
  }
  // An abort that arrived after the last replication still means the caller asked to stop.
  if (signal?.aborted) throw new AbortError(signal.reason);
  return collector.finish();
}

async function runInThread(scenario: Scenario, collector: Collector, indices: readonly number[], options: MonteCarloOptions): Promise<void> {
  const { runs, masterSeed, onProgress, signal } = options;
  const first = options.first ?? 0;
  const failures: ReplicationError[] = [];
  let done = runs - indices.length;
  for (const slot of indices) {
    // Yielding before each replication lets an abort (or a progress redraw) get in.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new AbortError(signal.reason);
    const index = first + slot;
    let result: RunResult;
    try {
      result = simulateReplication(scenario, masterSeed, index, index < (options.agents ?? 0));
    } catch (error) {
      if (!(error instanceof ReplicationError)) throw error;
      failures.push(error);
      continue;
    }
    options.onReplication?.(slot, result);
    collector.add(slot, result);
    done++;
    onProgress?.(done, runs);
  }
  if (failures.length > 0) throw ReplicationError.of(failures);
}

function checkOptions(options: MonteCarloOptions): void {
  const { runs, masterSeed, workers } = options;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new RangeError(`runs must be an integer of at least 1, got ${runs}`);
  }
  if (!Number.isInteger(workers) || workers < 0) {
    throw new RangeError(`workers must be an integer of at least 0, got ${workers}`);
  }
  const first = options.first ?? 0;
  if (!Number.isSafeInteger(first) || first < 0) {
    throw new RangeError(`first must be an integer of at least 0, got ${first}`);
  }
  const agents = options.agents ?? 0;
  if (!Number.isInteger(agents) || agents < 0 || agents > runs) {
    throw new RangeError(`agents must be an integer from 0 to runs (${runs}), got ${agents}`);
  }
  if (agents > 0 && first > 0) throw new RangeError('agents can only be kept from replication 0 (first must be 0)');
  if (!Number.isInteger(masterSeed) || masterSeed < 0 || masterSeed >= SEED_LIMIT) {
    throw new RangeError(`masterSeed must be an integer in [0, 2^32), got ${masterSeed}`);
  }
}
