/**
 * The explorer's Web Worker: simulates one replication per task with the same engine as the
 * command line (the seed derived from the master seed and the index) and posts its result back,
 * its arrays transferred rather than copied. It simulates a few weeks at a time and lets its
 * messages in between, so a replication of settings that have changed is given up within a
 * slice (`WorkerCancel`) instead of holding the worker to its end. Slicing does not change the
 * result: the engine takes the same steps in the same order.
 *
 *   { job, scenario, masterSeed, index } ──startReplication, advance × slices──▶ { job, index, result } | { …, error }
 *   { cancel: job } ──▶ { job, index, cancelled: true } (if that job is running)
 */
import type { SteppedRun } from '../../engine/simulate.js';
import { startReplication } from '../../runner/replicate.js';
import type { Scenario } from '../../scenario/schema.js';
import type { WorkerMessage, WorkerReply } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  postMessage(message: WorkerReply, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;

/** Weeks simulated between two looks at the messages: a few milliseconds at 1,000 employees. */
const SLICE_WEEKS = 8;

/** The replication being simulated, if any. */
let running: { readonly job: number; readonly index: number; readonly run: SteppedRun; cancelled: boolean } | undefined;

/** A macrotask after the messages already queued (a message to oneself, not a timer: no clamping). */
const channel = new MessageChannel();
channel.port1.onmessage = () => advance();

function advance(): void {
  const task = running;
  if (task === undefined) return;
  if (task.cancelled) {
    running = undefined;
    scope.postMessage({ job: task.job, index: task.index, cancelled: true });
    return;
  }
  try {
    if (!task.run.advance(SLICE_WEEKS)) {
      channel.port2.postMessage(null);
      return;
    }
    running = undefined;
    const { seed, weeks, copIds, weekly, figures, employees } = task.run.result();
    scope.postMessage({ job: task.job, index: task.index, result: { seed, weeks, copIds, weekly, figures, employees } }, [
      weekly.buffer as ArrayBuffer,
      figures.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    running = undefined;
    scope.postMessage({ job: task.job, index: task.index, error: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if ('cancel' in message) {
    if (running !== undefined && running.job === message.cancel) running.cancelled = true;
    return;
  }
  const { job, scenario, masterSeed, index } = message;
  try {
    running = { job, index, run: startReplication(scenario as Scenario, masterSeed, index), cancelled: false };
  } catch (error) {
    scope.postMessage({ job, index, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  advance();
};
