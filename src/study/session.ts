/**
 * A study's simulation session: batches of replications, one after another, on the study's
 * workers, with progress that adds up over all of them and one abort signal.
 *
 *   StudySettings ──createSession──▶ session.simulate(scenario, { runs, seed, agents }) ──▶ Collected
 *                                   session.close() once the study is done
 *
 * The session starts its worker threads at the first batch and keeps them for every later one,
 * so a study of many small batches does not pay for starting threads per batch.
 *
 * With a checkpoint, every batch first takes the replications the checkpoint saved for it and
 * simulates only the others, saving each as it finishes.
 */
import { statfsSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { formatBytes, storeBytes } from '../aggregate/index.js';
import type { Collected } from '../aggregate/types.js';
import { N_FIGURES, N_WEEKLY, type RunResult } from '../engine/result.js';
import { createWorkerPool, runMonteCarlo, type WorkerPool } from '../runner/index.js';
import { SPILL_ABOVE } from '../runner/montecarlo.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from './errors.js';
import { batchKey, type StudyCheckpoint } from './checkpoint.js';
import type { StudyOptions, StudySettings } from './options.js';

/** Share of the machine's memory one batch's per-run figures may take before it is refused up front. */
const MEMORY_SHARE = 0.5;

/**
 * Refuses, before anything is simulated, a batch whose results would not fit: its per-run
 * figures in memory, or its weekly values (kept on disk in `dir` when they are large,
 * `SPILL_ABOVE`) on the disk, which needs room for two copies of them (by run and by cell).
 * (Batches are simulated one after another, so each is checked on its own.)
 *
 * @throws StudyError saying how much it would take, where, and what to change
 */
export function checkMemory(scenario: Scenario, runs: number, dir: string = tmpdir()): void {
  const cops = scenario.cops.length;
  const figures = cops * N_FIGURES * runs * 8;
  if (figures > MEMORY_SHARE * totalmem()) {
    throw new StudyError(
      `${runs} runs would keep ${formatBytes(figures)} of per-run figures in memory ` +
        `(${cops} CoP(s) × ${N_FIGURES} figures × runs × 8 bytes); this machine has ${formatBytes(totalmem())}: use fewer runs`,
    );
  }
  const bytes = storeBytes(cops, scenario.weeks, runs);
  if (bytes <= spillAbove()) return;
  const free = freeBytes(dir);
  if (free !== undefined && 2 * bytes > free) {
    throw new StudyError(
      `${runs} runs of ${scenario.weeks} weeks would keep ${formatBytes(2 * bytes)} of weekly results on disk ` +
        `(${cops} CoP(s) × ${N_WEEKLY} metrics × weeks × runs × 8 bytes, twice, for exact quantiles) in ${dir}, ` +
        `which has ${formatBytes(free)} free: use fewer runs or weeks`,
    );
  }
}

/**
 * Bytes of weekly values above which a batch keeps them on disk: `SPILL_ABOVE`, or the
 * environment's `COPSIM_SPILL_ABOVE` (bytes, 0: always), e.g. to hold a run to less memory.
 */
export function spillAbove(): number {
  const text = process.env['COPSIM_SPILL_ABOVE'];
  if (text === undefined || text === '') return SPILL_ABOVE;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new StudyError(`COPSIM_SPILL_ABOVE must be a whole number of bytes (0: always keep weekly results on disk), got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return value;
}

/** Free bytes of the file system holding `dir` (or its nearest existing parent), if the system says. */
function freeBytes(dir: string): number | undefined {
  for (let at = dir; ; at = dirname(at)) {
    try {
      const stats = statfsSync(at);
      return stats.bavail * stats.bsize;
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

/** Simulates batches of replications; progress adds up over all of them. */
export interface Session {
  /**
   * `runs` replications of `scenario` from master seed `seed` (defaults: the study's), from
   * replication index `first` (default 0: a shard starts further on). The same seed gives
   * every scenario the same replication seeds: common random numbers.
   */
  simulate(scenario: Scenario, options?: { runs?: number; seed?: number; agents?: number; first?: number }): Promise<Collected>;
  /** Grows the expected total, for work whose size is known only as it goes. */
  expect(moreReplications: number): void;
  /** Worker threads a batch of the study's runs uses (workers, capped at runs). */
  readonly workersUsed: number;
  /** Stops the session's worker threads (a later batch starts new ones). */
  close(): Promise<void>;
  /** Runs `work` (the study's batches), then closes the session, whether `work` succeeds or throws. */
  closing<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A session for `replications` replications in all (as far as known), saving them to
 * `checkpoint` when given (which it closes when the study fails).
 */
export function createSession(settings: StudySettings, options: StudyOptions, replications: number, checkpoint?: StudyCheckpoint): Session {
  let total = replications;
  let finished = 0;
  const onProgress = options.onProgress;
  let pool: WorkerPool | undefined;
  return {
    workersUsed: Math.min(settings.workers, settings.runs),
    async simulate(scenario, batch = {}) {
      const runs = batch.runs ?? settings.runs;
      const masterSeed = batch.seed ?? settings.seed;
      const agents = batch.agents ?? 0;
      // Large weekly values are kept on disk: beside the checkpoint when there is one, else in the system's temporary folder.
      const scratch = checkpoint?.dir ?? tmpdir();
      checkMemory(scenario, runs, checkpoint?.out ?? scratch);
      const saved = checkpoint?.batch(batchKey(scenario, { runs, seed: masterSeed, agents, ...(batch.first ? { first: batch.first } : {}) }));
      const collected = await runMonteCarlo(scenario, {
        runs,
        masterSeed,
        workers: settings.workers,
        agents,
        spill: { dir: scratch, above: spillAbove() },
        ...(batch.first === undefined ? {} : { first: batch.first }),
        ...(saved === undefined ? {} : { done: saved.done, onReplication: (index: number, result: RunResult) => saved.save(index, result) }),
        ...(settings.workers > 0 ? { pool: (pool ??= createWorkerPool({ workers: settings.workers })) } : {}),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(onProgress === undefined ? {} : { onProgress: (done: number) => onProgress(finished + done, Math.max(total, finished + done)) }),
      });
      finished += runs;
      return collected;
    },
    expect(more) {
      total += more;
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
    async closing(work) {
      try {
        return await work();
      } catch (error) {
        // What was saved stays for a resumed study.
        checkpoint?.close();
        throw error;
      } finally {
        await this.close();
      }
    },
  };
}
