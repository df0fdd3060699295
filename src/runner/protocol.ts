/**
 * The messages the Monte Carlo pool and its workers exchange, as discriminated unions on
 * `type`. A chunk of work carries a `jobId` (its index), which a worker echoes in its replies,
 * so a reply can be traced to its chunk when debugging; the pool itself knows a worker is free
 * from the `done` message that ends each chunk.
 *
 *   main ──init──▶ worker            before a batch: the scenario its run messages simulate
 *   main ──run───▶ worker            a chunk of replication indices
 *   main ──close─▶ worker            no more batches: the worker closes its port and exits
 *   worker ──result──▶ main          one per replication, weekly and figures transferred
 *   worker ──failed──▶ main          a replication threw; the worker goes on with its chunk
 *   worker ──done────▶ main          the chunk is finished; the worker is free again
 */
import type { RunResult } from '../engine/result.js';
import type { Scenario } from '../scenario/schema.js';

/** Starts a batch: the scenario every later `run` message simulates (until the next `init`). */
export interface InitMessage {
  readonly type: 'init';
  readonly scenario: Scenario;
}

/** Asks a worker to simulate replications `indices` under `masterSeed`, in that order (a failed one does not stop the others). */
export interface RunMessage {
  readonly type: 'run';
  readonly jobId: number;
  readonly indices: readonly number[];
  readonly masterSeed: number;
  /** Replications below this index also return agent-level state (`RunResult.agents`). */
  readonly agents: number;
}

/** The pool has no more work: the worker closes its port, so its thread ends on its own. */
export interface CloseMessage {
  readonly type: 'close';
}

/** Messages from the pool to a worker. */
export type MainToWorker = InitMessage | RunMessage | CloseMessage;

/**
 * One finished replication: the engine's `RunResult` itself, tagged with its job and
 * replication index; the buffers of `weekly` and `figures` are transferred, not copied.
 */
export interface ResultMessage extends RunResult {
  readonly type: 'result';
  readonly jobId: number;
  readonly index: number;
}

/** A replication threw; `message` and `stack` are those of the error. */
export interface FailedMessage {
  readonly type: 'failed';
  readonly jobId: number;
  readonly index: number;
  readonly seed: number;
  readonly message: string;
  readonly stack: string | undefined;
}

/** Every replication of job `jobId` has been reported. */
export interface DoneMessage {
  readonly type: 'done';
  readonly jobId: number;
}

/** Messages from a worker to the pool. */
export type WorkerToMain = ResultMessage | FailedMessage | DoneMessage;
