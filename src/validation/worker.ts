/**
 * The worker-thread side of the validation: computes the measure of a fact at a point for a
 * chunk of replications and posts the values back, tagged with their replication indices.
 */
import { parentPort } from 'node:worker_threads';
import type { Point } from './design.js';
import { armScenarios, factById, measureReplication } from './evaluate.js';

export interface ValidationJob {
  readonly job: number;
  readonly fact: string;
  readonly point: Point;
  readonly masterSeed: number;
  readonly replications: readonly number[];
  readonly sets: readonly string[];
}

export interface ValidationReply {
  readonly job: number;
  readonly values?: readonly Record<string, number>[];
  readonly error?: string;
}

if (parentPort === null) throw new Error('validation/worker.js is a worker thread script');
const port = parentPort;
port.on('message', (job: ValidationJob | 'close') => {
  // No more jobs: closing the port lets the thread end on its own.
  if (job === 'close') {
    port.close();
    return;
  }
  try {
    const fact = factById(job.fact);
    const scenarios = armScenarios(fact, job.point, job.sets);
    const values = job.replications.map((r) => measureReplication(fact, job.point, scenarios, job.masterSeed, r));
    port.postMessage({ job: job.job, values } satisfies ValidationReply);
  } catch (error) {
    port.postMessage({ job: job.job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ValidationReply);
  }
});
