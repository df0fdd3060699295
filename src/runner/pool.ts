/**
 * A pool of worker threads that simulates replications and streams each result back.
 *
 * Scheduling is dynamic: the replication indices are cut into chunks of about
 * runs / (workers × 8), and each worker gets the next chunk as soon as it reports the last one
 * done, so a slow replication holds up one chunk rather than a fixed share of the run. Results
 * arrive in any order; the caller files them by replication index, which is what keeps the
 * outcome independent of the number of workers.
 *
 * Every worker event is handled: a replication that throws (`failed`) is noted and the others go
 * on, and once they are all reported the run rejects with a `ReplicationError` (the lowest
 * failed index, naming the others); a worker `error`, `messageerror` or an exit before the run is finished
 * rejects with a `WorkerError`; the signal rejects with an `AbortError`. After a failure every
 * worker is terminated before the promise settles; after a success the threads stay for the
 * next batch of a `WorkerPool`, or leave on their own (`runPool`).
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import { AbortError, ReplicationError, WorkerError } from './errors.js';
import type { MainToWorker, ResultMessage, WorkerToMain } from './protocol.js';

/** Options of `runPool`. */
export interface PoolOptions {
  readonly scenario: Scenario;
  /** Replications first .. first + runs − 1 are simulated (those in `indices`, when given). */
  readonly runs: number;
  /** Index of the first replication. Default 0. */
  readonly first?: number;
  /**
   * The positions to simulate, each in 0 .. runs − 1 (replication first + position), e.g. those
   * a checkpoint lacks. Default every position. Empty: nothing is simulated.
   */
  readonly indices?: readonly number[];
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

/** One batch of replications for a `WorkerPool`: `PoolOptions` without the pool's own settings. */
export type PoolJob = Omit<PoolOptions, 'workers' | 'workerUrl' | 'chunkSize'> & { readonly chunkSize?: number };

/**
 * Worker threads kept alive across the batches of a study, so that a command that simulates
 * thousands of small batches (a sweep, a calibration, a Sobol design) starts its threads once.
 *
 * Batches run one at a time, in the order `run` is called. Between batches the threads are idle
 * and unreferenced (an idle pool never keeps the process alive). A batch that fails or is
 * aborted terminates the threads; the next batch starts fresh ones. `close` lets each idle
 * thread leave its event loop and exit on its own, which is gentler on the runtime than
 * terminating a thread from outside, and waits for them to be gone.
 */
export interface WorkerPool {
  /** The most threads a batch uses (it uses fewer when it has fewer replications). */
  readonly size: number;
  /** Threads started over the pool's life: `size` while no batch has failed. */
  readonly threadsStarted: number;
  /** Simulates every replication of `job`; resolves once all are reported. */
  run(job: PoolJob): Promise<void>;
  /** Stops every thread; resolves once they have exited. The pool cannot run batches after. */
  close(): Promise<void>;
}

/** How long `close` waits for an idle thread to exit on its own before terminating it. */
const CLOSE_GRACE_MS = 5000;

/** A pool of up to `workers` threads (at least 1) running `workerUrl` (default worker.js). */
export function createWorkerPool(options: { readonly workers: number; readonly workerUrl?: URL }): WorkerPool {
  const size = Math.max(1, Math.floor(options.workers));
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  /** The threads alive now; each has one permanent set of listeners routing to `current`. */
  let threads: Worker[] = [];
  let current: Batch | undefined;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  let threadsStarted = 0;

  interface Batch {
    onMessage(thread: Worker, message: WorkerToMain): void;
    fail(error: Error): void;
  }

  const start = (): Worker => {
    const thread = new Worker(workerUrl);
    thread.on('message', (message: WorkerToMain) => current?.onMessage(thread, message));
    thread.on('error', (error: unknown) => {
      forget(thread);
      current?.fail(new WorkerError(`worker thread failed: ${messageOf(error)}`, error));
    });
    thread.on('messageerror', (error: unknown) =>
      current?.fail(new WorkerError(`a worker thread message could not be read: ${messageOf(error)}`, error)),
    );
    thread.on('exit', (code: number) => {
      if (!threads.includes(thread)) return;
      forget(thread);
      current?.fail(new WorkerError(`worker thread exited (code ${code}) before the run finished`));
    });
    threads.push(thread);
    threadsStarted++;
    return thread;
  };
  const forget = (thread: Worker): void => {
    threads = threads.filter((t) => t !== thread);
  };
  /** Terminates every thread (after a failure or an abort, when some may still be busy). */
  const terminateAll = async (): Promise<void> => {
    const gone = threads;
    threads = [];
    await Promise.allSettled(gone.map((thread) => thread.terminate()));
  };

  const runBatch = (job: PoolJob): Promise<void> => {
    const { scenario, masterSeed, signal, onResult } = job;
    const wanted = job.indices;
    const count = wanted === undefined ? job.runs : wanted.length;
    const used = Math.min(size, count);
    const planned = job.chunkSize === undefined ? planGuidedChunks(count, used) : planChunks(count, job.chunkSize);
    // Chunks are planned over positions; with `indices` each position stands for its index.
    const chunks = wanted === undefined ? planned : planned.map((chunk) => chunk.map((position) => wanted[position] as number));
    const failures: ReplicationError[] = [];
    return new Promise<void>((resolve, reject) => {
      if (closed) {
        reject(new WorkerError('the worker pool is closed'));
        return;
      }
      if (signal?.aborted) {
        reject(new AbortError(signal.reason));
        return;
      }
      if (count === 0) {
        resolve();
        return;
      }
      let nextChunk = 0;
      let chunksDone = 0;
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        current = undefined;
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) {
          for (const thread of threads) thread.unref();
          resolve();
        } else {
          // Busy threads cannot be told to stop between replications: end them all.
          void terminateAll().then(() => reject(error));
        }
      };
      function onAbort(): void {
        settle(new AbortError(signal?.reason));
      }
      const dispatch = (thread: Worker): void => {
        const chunk = chunks[nextChunk];
        if (chunk === undefined) return;
        const first = job.first ?? 0;
        const indices = first === 0 ? chunk : chunk.map((i) => i + first);
        const message: MainToWorker = { type: 'run', jobId: nextChunk, indices, masterSeed, agents: job.agents ?? 0 };
        thread.postMessage(message);
        nextChunk++;
      };
      current = {
        fail: settle,
        onMessage(thread, message) {
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
              failures.push(new ReplicationError(message.index, message.seed, message.message, message.stack));
              return;
            case 'done':
              chunksDone++;
              if (chunksDone === chunks.length) settle(failures.length === 0 ? undefined : ReplicationError.of(failures));
              else dispatch(thread);
              return;
            default:
              settle(new WorkerError(`worker thread sent an unknown message: ${JSON.stringify(message)}`));
          }
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        while (threads.length < used) start();
      } catch (error) {
        settle(new WorkerError(`could not start a worker thread: ${messageOf(error)}`, error));
        return;
      }
      for (const thread of threads.slice(0, used)) {
        if (settled) return;
        thread.ref();
        const init: MainToWorker = { type: 'init', scenario };
        thread.postMessage(init);
        dispatch(thread);
      }
    });
  };

  return {
    size,
    get threadsStarted() {
      return threadsStarted;
    },
    run(job) {
      const batch = queue.then(() => runBatch(job));
      queue = batch.catch(() => undefined);
      return batch;
    },
    async close() {
      if (closed) return queue;
      closed = true;
      await queue;
      const leaving = threads;
      threads = [];
      await Promise.allSettled(
        leaving.map(
          (thread) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => void thread.terminate(), CLOSE_GRACE_MS);
              thread.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              thread.ref();
              const close: MainToWorker = { type: 'close' };
              thread.postMessage(close);
            }),
        ),
      );
    },
  };
}

/**
 * Simulates every replication on worker threads started for this batch alone; resolves once
 * all are reported and the threads have exited. (A study of many batches keeps one
 * `createWorkerPool` instead.)
 */
export async function runPool(options: PoolOptions): Promise<void> {
  const pool = createWorkerPool({
    workers: Math.max(1, Math.min(options.workers, options.indices?.length ?? options.runs)),
    ...(options.workerUrl === undefined ? {} : { workerUrl: options.workerUrl }),
  });
  try {
    await pool.run(options);
  } finally {
    await pool.close();
  }
}

/** A thrown value's message; workers may throw anything, not only Errors. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
