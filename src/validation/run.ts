/**
 * runValidation: every fact at every point of a design, spread over worker threads in chunks
 * of replications and merged in replication order (the outcome is the same for any number of
 * workers). Progress goes to the caller's `onProgress`; nothing here prints.
 */
import { Worker } from 'node:worker_threads';
import type { Point } from './design.js';
import { VALIDATION_SEED, rowsOf, type Row } from './evaluate.js';
import { ALL_FACTS, type Fact } from './facts.js';
import type { ValidationJob, ValidationReply } from './worker.js';

export interface ValidationOptions {
  readonly points: readonly Point[];
  /** Facts to evaluate (default all, the model's and the scenarios'). */
  readonly facts?: readonly Fact[];
  readonly workers: number;
  readonly masterSeed?: number;
  /** Replications per chunk handed to a worker. Default 4. */
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Overrides applied to every arm of every fact (e.g. `parameters.churn.welcomeTie=0.5`). Default none. */
  readonly sets?: readonly string[];
  /** Replications per fact instead of each fact's own (a rougher, faster look). Default the fact's. */
  readonly replications?: number;
}

export async function runValidation(options: ValidationOptions): Promise<Row[]> {
  const facts = options.facts ?? ALL_FACTS;
  const masterSeed = options.masterSeed ?? VALIDATION_SEED;
  const chunk = options.chunk ?? 4;
  const reps = (fact: Fact): number => options.replications ?? fact.replications;
  interface Cell {
    fact: Fact;
    point: Point;
    values: Record<string, number>[];
  }
  const cells: Cell[] = [];
  const jobs: ValidationJob[] = [];
  for (const fact of facts) {
    for (const point of options.points) {
      if (fact.applies && !fact.applies(point)) continue;
      const cell: Cell = { fact, point, values: new Array(reps(fact)) };
      cells.push(cell);
      for (let start = 0; start < reps(fact); start += chunk) {
        const replications: number[] = [];
        for (let r = start; r < Math.min(reps(fact), start + chunk); r++) replications.push(r);
        jobs.push({ job: jobs.length, fact: fact.id, point, masterSeed, replications, sets: options.sets ?? [] });
      }
    }
  }
  const owner = new Map<number, Cell>();
  {
    let k = 0;
    for (const cell of cells) {
      for (let start = 0; start < reps(cell.fact); start += chunk) owner.set(k++, cell);
    }
  }
  const url = new URL('./worker.js', import.meta.url);
  const workers = Math.max(1, Math.min(options.workers, jobs.length));
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) {
        failed = true;
        for (const w of pool) void w.terminate();
        reject(error);
        return;
      }
      // Every job is answered, so every thread is idle: let each leave on its own.
      const leaving = pool.map(
        (w) =>
          new Promise((gone) => {
            w.once('exit', gone);
            w.postMessage('close');
          }),
      );
      void Promise.all(leaving).then(() => resolve());
    };
    const feed = (w: Worker): void => {
      if (next < jobs.length) w.postMessage(jobs[next++]);
    };
    for (let k = 0; k < workers; k++) {
      const w = new Worker(url);
      pool.push(w);
      w.on('message', (reply: ValidationReply) => {
        if (reply.error !== undefined) return finish(new Error(reply.error));
        const job = jobs[reply.job] as ValidationJob;
        const cell = owner.get(reply.job) as Cell;
        job.replications.forEach((r, i) => {
          cell.values[r] = (reply.values as Record<string, number>[])[i] as Record<string, number>;
        });
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (!failed && done < jobs.length) finish(new Error(`a validation worker exited with code ${code}`));
      });
      feed(w);
    }
  });
  return cells.flatMap((c) => rowsOf(c.fact, c.point, c.values));
}
