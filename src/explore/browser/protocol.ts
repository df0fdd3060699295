/**
 * Messages between the explorer's page and its workers: the page asks for one replication at a
 * time, so a change of settings stops a run within one replication (the page asks for no more
 * of the old scenario) and no worker ever needs to be stopped.
 */
import type { RunResult } from '../../engine/result.js';

/** Simulate replication `index` of `scenario` under `masterSeed`, for the page's job `job`. */
export interface WorkerTask {
  readonly job: number;
  readonly scenario: unknown;
  readonly masterSeed: number;
  readonly index: number;
}

/** A replication's result, or why it failed. */
export type WorkerReply =
  | { readonly job: number; readonly index: number; readonly result: RunResult }
  | { readonly job: number; readonly index: number; readonly error: string };
