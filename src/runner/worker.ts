/**
 * The worker-thread side of the Monte Carlo pool: receives the scenario once, then simulates
 * the chunks of replication indices it is handed and reports each replication as it finishes.
 * See protocol.ts for the conversation.
 */
import { parentPort } from 'node:worker_threads';
import { ReplicationError } from './errors.js';
import { simulateReplication } from './replicate.js';
import type { Scenario } from '../scenario/schema.js';
import type { MainToWorker, WorkerToMain } from './protocol.js';
import type { RunResult } from '../engine/result.js';

/** The buffers of a result that can move to the main thread rather than be copied. */
function transferables(result: RunResult): ArrayBuffer[] {
  const buffers = [result.weekly.buffer as ArrayBuffer, result.figures.buffer as ArrayBuffer];
  const a = result.agents;
  if (a) {
    for (const array of [a.team, a.group, a.site, a.role, a.level, a.willingness, a.motivationTrait, a.competence, a.hiredWeek]) {
      buffers.push(array.buffer as ArrayBuffer);
    }
    for (const c of a.cops) {
      for (const array of [c.eligible, c.state, c.joinedWeek, c.leftWeek, c.attendedCount, c.contributions, c.motivation, c.safety, c.belonging]) {
        buffers.push(array.buffer as ArrayBuffer);
      }
    }
    for (const array of [a.tieA, a.tieB, a.tieKind, a.tieStrength]) buffers.push(array.buffer as ArrayBuffer);
  }
  return buffers;
}

if (parentPort === null) {
  throw new Error('runner/worker.js is a worker thread script; start it with new Worker()');
}
const port = parentPort;
let scenario: Scenario | undefined;

function post(message: WorkerToMain, transfer?: ArrayBuffer[]): void {
  port.postMessage(message, transfer);
}

port.on('message', (message: MainToWorker) => {
  switch (message.type) {
    case 'init':
      scenario = message.scenario;
      return;
    case 'run': {
      if (scenario === undefined) throw new Error('run received before init');
      const { jobId, masterSeed } = message;
      for (const index of message.indices) {
        try {
          const result = simulateReplication(scenario, masterSeed, index, index < message.agents);
          post(
            { type: 'result', jobId, index, ...result },
            // Moving the buffers keeps each replication's memory owned by one thread at a time;
            // a buffer may back several arrays, and may only be listed once.
            [...new Set(transferables(result))],
          );
        } catch (error) {
          if (!(error instanceof ReplicationError)) throw error;
          // The rest of the chunk goes on: the others are kept, only this one is to be retried.
          post({ type: 'failed', jobId, index, seed: error.seed, message: error.reason, stack: error.replicationStack });
        }
      }
      post({ type: 'done', jobId });
      return;
    }
    case 'close':
      port.close();
      return;
  }
});
