/**
 * Messages between the explorer's page and its workers: the page asks for one replication at a
 * time, and when the settings change it asks a worker to give up the replication it is running
 * for settings no longer wanted (`WorkerCancel`); the worker stops within a few simulated weeks
 * and says so. No worker ever needs to be terminated.
 */
import type { RunResult } from '../../engine/result.js';

/** Simulate replication `index` of `scenario` under `masterSeed`, for the page's job `job`. */
export interface WorkerTask {
  readonly job: number;
  readonly scenario: unknown;
  readonly masterSeed: number;
  readonly index: number;
}

/** Give up the replication of job `cancel` if it is still running. */
export interface WorkerCancel {
  readonly cancel: number;
}

/** A message to a worker. */
export type WorkerMessage = WorkerTask | WorkerCancel;

/** A replication's result, why it failed, or that it was given up. */
export type WorkerReply =
  | { readonly job: number; readonly index: number; readonly result: RunResult }
  | { readonly job: number; readonly index: number; readonly error: string }
  | { readonly job: number; readonly index: number; readonly cancelled: true };
