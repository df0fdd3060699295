/**
 * The explorer's Web Worker: simulates one replication per message with the same engine as the
 * command line (`simulateReplication`: the seed derived from the master seed and the index)
 * and posts its result back, its arrays transferred rather than copied.
 *
 *   { job, scenario, masterSeed, index } ──simulateReplication──▶ { job, index, result } | { job, index, error }
 */
import { simulateReplication } from '../../runner/replicate.js';
import type { Scenario } from '../../scenario/schema.js';
import type { WorkerReply, WorkerTask } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: WorkerTask }) => void) | null;
  postMessage(message: WorkerReply, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { job, scenario, masterSeed, index } = event.data;
  try {
    const result = simulateReplication(scenario as Scenario, masterSeed, index);
    const { seed, weeks, copIds, weekly, figures, employees } = result;
    scope.postMessage({ job, index, result: { seed, weeks, copIds, weekly, figures, employees } }, [
      weekly.buffer as ArrayBuffer,
      figures.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    scope.postMessage({ job, index, error: error instanceof Error ? error.message : String(error) });
  }
};
