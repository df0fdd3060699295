/**
 * A pool of worker threads that simulates replications and streams each result back.
 *
 * Scheduling is dynamic: the replication indices are cut into chunks of about
 * runs / (workers × 8), and each worker gets the next chunk as soon as it reports the last one
 * done, so a slow replication holds up one chunk rather than a fixed share of the run. Results
 * arrive in any order; the caller files them by replication index, which is what keeps the
 * outcome independent of the number of workers.
 *
 * Every worker event is handled: a replication that throws (`failed`) rejects with a
 * `ReplicationError`; a worker `error`, `messageerror` or an exit before the run is finished
 * rejects with a `WorkerError`; the signal rejects with an `AbortError`. Whatever the outcome,
 * every worker is terminated before the promise settles.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import { AbortError, ReplicationError, WorkerError } from './errors.js';
import type { MainToWorker, ResultMessage, WorkerToMain } from './protocol.js';

/** Options of `runPool`. */
export interface PoolOptions {
  readonly scenario: Scenario;
  /** Replications 0 .. runs − 1 are simulated. */
  readonly runs: number;
  readonly masterSeed: number;
  /** Replications below this index also return agent-level state. Default 0. */
  readonly agents?: number;
  /** Worker threads to start, at least 1; capped at `runs`. */
  readonly workers: number;
  /** Replications per chunk. Default: guided chunks (`planGuidedChunks`). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /**
   * The worker script. Default the compiled `worker.js` next to this module; another script
   * must speak the same protocol (protocol.ts).
   */
  readonly workerUrl?: URL;
  /** Called once per replication, in arrival order. A throw here rejects the run. */
  readonly onResult: (message: ResultMessage) => void;
}

/**
 * Replications per chunk handed to a free worker: about eight chunks per worker, at least one
 * replication, so the load balances without a message per replication.
 *
 * @example chunkSize(200, 2) // → 12
 */
export function chunkSize(runs: number, workers: number): number {
  return Math.max(1, Math.floor(runs / (Math.max(1, workers) * 8)));
}

/**
 * Cuts 0 .. runs − 1 into consecutive chunks of `size` indices (the last may be shorter).
 *
 * @example planChunks(5, 2) // → [[0, 1], [2, 3], [4]]
 */
export function planChunks(runs: number, size: number): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < runs; start += size) {
    const chunk: number[] = [];
    for (let i = start; i < Math.min(runs, start + size); i++) chunk.push(i);
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * Cuts 0 .. runs − 1 into consecutive chunks that shrink toward the end (guided
 * self-scheduling, Polychronopoulos & Kuck 1987): each chunk is a 1/(2·workers) share of what
 * is left, at most `chunkSize(runs, workers)` and at least one replication, so workers start
 * with few messages and finish nearly together instead of one waiting out a full last chunk.
 *
 * @example planGuidedChunks(10, 2).map((c) => c.length) // → [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
 * @example planGuidedChunks(200, 2).map((c) => c.length).slice(-4) // → [1, 1, 1, 1]
 */
export function planGuidedChunks(runs: number, workers: number): number[][] {
  const cap = chunkSize(runs, workers);
  const chunks: number[][] = [];
  let start = 0;
  while (start < runs) {
    const size = Math.max(1, Math.min(cap, Math.ceil((runs - start) / (2 * Math.max(1, workers)))));
    const chunk: number[] = [];
    for (let i = start; i < Math.min(runs, start + size); i++) chunk.push(i);
    chunks.push(chunk);
    start += size;
  }
  return chunks;
}

/** Simulates every replication on worker threads; resolves once all are reported. */
export function runPool(options: PoolOptions): Promise<void> {
  const { scenario, runs, masterSeed, signal, onResult } = options;
  const size = Math.max(1, Math.min(options.workers, runs));
  const chunks =
    options.chunkSize === undefined ? planGuidedChunks(runs, size) : planChunks(runs, options.chunkSize);
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);

  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError(signal.reason));
      return;
    }
    const threads: Worker[] = [];
    let nextChunk = 0;
    let chunksDone = 0;
    let settled = false;

    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // Settle only once every thread is gone, so a settled run never leaves a live worker.
      void Promise.allSettled(threads.map((thread) => thread.terminate())).then(() => {
        if (error === undefined) resolve();
        else reject(error);
      });
    };

    function onAbort(): void {
      settle(new AbortError(signal?.reason));
    }

    const send = (thread: Worker, message: MainToWorker): void => {
      thread.postMessage(message);
    };

    const dispatch = (thread: Worker): void => {
      const indices = chunks[nextChunk];
      if (indices === undefined) return;
      send(thread, { type: 'run', jobId: nextChunk, indices, masterSeed, agents: options.agents ?? 0 });
      nextChunk++;
    };

    const onMessage = (thread: Worker, message: WorkerToMain): void => {
      if (settled) return;
      switch (message.type) {
        case 'result':
          try {
            onResult(message);
          } catch (error) {
            settle(error instanceof Error ? error : new Error(messageOf(error)));
          }
          return;
        case 'failed':
          settle(new ReplicationError(message.index, message.seed, message.message, message.stack));
          return;
        case 'done':
          chunksDone++;
          if (chunksDone === chunks.length) settle();
          else dispatch(thread);
          return;
        default:
          settle(new WorkerError(`worker thread sent an unknown message: ${JSON.stringify(message)}`));
      }
    };

    signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < size && !settled; i++) {
      let thread: Worker;
      try {
        thread = new Worker(workerUrl);
      } catch (error) {
        settle(new WorkerError(`could not start a worker thread: ${messageOf(error)}`, error));
        return;
      }
      threads.push(thread);
      thread.on('message', (message: WorkerToMain) => onMessage(thread, message));
      thread.on('error', (error: unknown) =>
        settle(new WorkerError(`worker thread failed: ${messageOf(error)}`, error)),
      );
      thread.on('messageerror', (error: unknown) =>
        settle(new WorkerError(`a worker thread message could not be read: ${messageOf(error)}`, error)),
      );
      thread.on('exit', (code: number) => {
        if (!settled) {
          settle(new WorkerError(`worker thread exited (code ${code}) before the run finished`));
        }
      });
      send(thread, { type: 'init', scenario });
      dispatch(thread);
    }
  });
}

/** A thrown value's message; workers may throw anything, not only Errors. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
