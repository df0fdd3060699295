/**
 * The page's Web Workers, started from a Blob URL of the inlined worker script (a page opened
 * from a file may not start a worker from a file). Each worker is handed one replication at a
 * time; the batches wanted are set with `want`, the first one first, and several interleaved
 * by index so that paired batches grow together. Asking for other batches cancels the old ones:
 * nothing more of them is handed out, and a worker running one of their replications is asked
 * to give it up (it stops within a few simulated weeks), so the new settings do not wait for
 * it. A replication given up is handed out again if its batch is wanted again.
 */
import type { Batch } from '../batch.js';
import type { WorkerMessage, WorkerReply } from './protocol.js';

/** The workers and what they are asked for. */
export interface Pool {
  /** Batches to fill, in order of priority; replaces the previous wish. */
  want(batches: readonly Batch[]): void;
  /** Workers running. */
  readonly size: number;
  /** Replications given up so far because their settings were no longer wanted. */
  readonly cancelled: number;
}

interface Running {
  readonly batch: Batch;
  readonly index: number;
}

/**
 * Starts `size` workers running `source`. `arrived` is called after each replication is added
 * to its batch; `failed` when one cannot be simulated.
 */
export function createPool(
  source: string,
  size: number,
  arrived: (batch: Batch, index: number) => void,
  failed: (batch: Batch, index: number, message: string) => void,
): Pool {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const ids = new WeakMap<Batch, number>();
  const byId = new Map<number, Batch>();
  /** The next index to hand out per batch (earlier ones are done or running). */
  const cursor = new WeakMap<Batch, number>();
  const running = new Map<Worker, Running>();
  let wanted: readonly Batch[] = [];
  let nextId = 1;
  let cancelled = 0;

  const idOf = (batch: Batch): number => {
    let id = ids.get(batch);
    if (id === undefined) {
      id = nextId++;
      ids.set(batch, id);
      byId.set(id, batch);
    }
    return id;
  };

  const nextTask = (): Running | undefined => {
    let best: Running | undefined;
    for (const batch of wanted) {
      let index = cursor.get(batch) ?? 0;
      while (index < batch.runs && batch.has(index)) index++;
      cursor.set(batch, index);
      if (index < batch.runs && (best === undefined || index < best.index)) best = { batch, index };
    }
    return best;
  };

  const dispatch = (worker: Worker): void => {
    const task = nextTask();
    if (task === undefined) {
      running.delete(worker);
      return;
    }
    cursor.set(task.batch, task.index + 1);
    running.set(worker, task);
    const message: WorkerMessage = { job: idOf(task.batch), scenario: task.batch.scenario, masterSeed: task.batch.masterSeed, index: task.index };
    worker.postMessage(message);
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(url);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const batch = byId.get(reply.job);
      running.delete(worker);
      if ('cancelled' in reply) {
        cancelled++;
        // Not done: handed out again, from its index, if the batch is wanted again.
        if (batch !== undefined) cursor.set(batch, Math.min(cursor.get(batch) ?? 0, reply.index));
      } else if (batch !== undefined) {
        if ('result' in reply) {
          batch.add(reply.index, reply.result);
          arrived(batch, reply.index);
        } else failed(batch, reply.index, reply.error);
      }
      dispatch(worker);
    };
    worker.onerror = (event) => {
      const task = running.get(worker);
      running.delete(worker);
      if (task !== undefined) failed(task.batch, task.index, event.message);
      event.preventDefault();
    };
    return worker;
  });

  return {
    want(batches) {
      wanted = batches;
      for (const worker of workers) {
        const task = running.get(worker);
        if (task === undefined) dispatch(worker);
        else if (!batches.includes(task.batch)) {
          const message: WorkerMessage = { cancel: idOf(task.batch) };
          worker.postMessage(message);
        }
      }
    },
    size,
    get cancelled() {
      return cancelled;
    },
  };
}
