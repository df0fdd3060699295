/**
 * Shards: which contiguous slice of a study's replication indices one process computes, so that
 * a study can be spread over the tasks of a scheduler (a SLURM job array, a Kubernetes Indexed
 * Job) and merged back into the files one process would have written.
 *
 *   '--shard 1/3' ──parseShardText──▶ { index: 1, count: 3 } ──shardSlice(spec, 200)──▶ replications 66 .. 132
 *   '--shard auto' + SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT ──▶ { index, count }
 *   '--shard auto/4' + JOB_COMPLETION_INDEX (or SLURM_ARRAY_TASK_ID) ──▶ { index, count: 4 }
 *
 * Shard k of n holds replications floor(k·R/n) .. floor((k+1)·R/n) − 1 of R: every index in
 * exactly one shard, shard sizes differing by at most one. Replication i always uses seed
 * `replicationSeed(masterSeed, i)`, whichever shard simulates it, so the slices are exact.
 */
import { StudyError } from '../study/errors.js';

/**
 * A shard as a study verb takes it: shard `index` of `count` equal slices (both whole numbers,
 * 0 ≤ index < count), or any contiguous range of replications `first` .. `end − 1`.
 */
export type ShardSpec =
  | { readonly index: number; readonly count: number }
  | { readonly first: number; readonly end: number };

/** A shard resolved against a study's size: the replications it holds, and how it was asked for. */
export interface ShardSlice {
  /** First replication index held. */
  readonly first: number;
  /** One past the last replication index held. */
  readonly end: number;
  /** Shard index and count, when the shard was asked for as `k/n`. */
  readonly index?: number;
  readonly count?: number;
}

/**
 * The replications shard `spec` holds of a study of `runs` replications (or, for a design
 * such as a sweep, the design points it holds of `runs` points, `unit` naming them).
 *
 * @throws StudyError naming the shard and what was expected (an index outside the count, more
 *   shards than replications, a range outside the study)
 * @example shardSlice({ index: 1, count: 3 }, 200) // → { index: 1, count: 3, first: 66, end: 133 }
 * @example shardSlice({ first: 10, end: 20 }, 200) // → { first: 10, end: 20 }
 */
export function shardSlice(spec: ShardSpec, runs: number, unit = 'replications'): ShardSlice {
  if ('index' in spec) {
    const { index, count } = spec;
    if (!Number.isSafeInteger(count) || count < 1) throw new StudyError(`shard count must be a whole number of at least 1, got ${String(count)}`);
    if (!Number.isSafeInteger(index) || index < 0 || index >= count) {
      throw new StudyError(`shard index must be a whole number from 0 to ${count - 1} (shards are numbered from 0), got ${String(index)}`);
    }
    if (count > runs) {
      throw new StudyError(`${count} shards of ${runs} ${unit} would leave some shards empty: use at most ${runs} shards${unit === 'replications' ? ', or more runs' : ''}`);
    }
    return { index, count, first: Math.floor((index * runs) / count), end: Math.floor(((index + 1) * runs) / count) };
  }
  const { first, end } = spec;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(end) || first < 0 || end <= first || end > runs) {
    throw new StudyError(
      `a shard's ${unit} must be a non-empty range within 0 .. ${runs - 1} (first < end ≤ ${runs}), got first ${String(first)} and end ${String(end)}`,
    );
  }
  return { first, end };
}

/**
 * A shard in words, for headlines and messages.
 *
 * @example describeShard({ index: 1, count: 3, first: 66, end: 133 }) // → 'shard 1/3 (replications 66–132)'
 * @example describeShard({ first: 10, end: 20 }) // → 'replications 10–19'
 */
export function describeShard(slice: ShardSlice): string {
  const range = `replications ${rangeText(slice.first, slice.end)}`;
  return slice.index === undefined ? range : `shard ${slice.index}/${slice.count} (${range})`;
}

/**
 * A range of indices `first` .. `end − 1` in words.
 *
 * @example rangeText(66, 133) // → '66–132'
 * @example rangeText(5, 6) // → '5'
 */
export function rangeText(first: number, end: number): string {
  return end - first === 1 ? String(first) : `${first}–${end - 1}`;
}

/**
 * The default folder name of a shard of a study named `name`.
 *
 * @example shardFolderName('baseline', { index: 1, count: 3, first: 66, end: 133 }) // → 'baseline.shard-1-of-3'
 * @example shardFolderName('baseline', { first: 10, end: 20 }) // → 'baseline.replications-10-19'
 */
export function shardFolderName(name: string, slice: ShardSlice): string {
  return slice.index === undefined
    ? `${name}.replications-${slice.first}-${slice.end - 1}`
    : `${name}.shard-${slice.index}-of-${slice.count}`;
}

/** The scheduler variables `--shard auto` reads. */
export const SHARD_ENV = {
  /** SLURM job arrays: this task's id, the number of tasks, and the lowest id (`--array=1-4` starts at 1). */
  slurmIndex: 'SLURM_ARRAY_TASK_ID',
  slurmCount: 'SLURM_ARRAY_TASK_COUNT',
  slurmMin: 'SLURM_ARRAY_TASK_MIN',
  /** Kubernetes Indexed Jobs: this pod's completion index (the count is given on the command line). */
  kubernetesIndex: 'JOB_COMPLETION_INDEX',
} as const;

/**
 * The shard a `--shard` value names: `k/n` (shard k of n, numbered from 0), `auto` (the index
 * and count of a SLURM job array task, from `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` and
 * `SLURM_ARRAY_TASK_COUNT`) or `auto/n` (n shards, the index from `JOB_COMPLETION_INDEX`, a
 * Kubernetes Indexed Job's, or else from the SLURM variables).
 *
 * @throws StudyError naming the value or the variable and what was expected
 * @example parseShardText('1/3') // → { index: 1, count: 3 }
 * @example parseShardText('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' }) // → { index: 2, count: 3 }
 * @example parseShardText('auto/4', { JOB_COMPLETION_INDEX: '0' }) // → { index: 0, count: 4 }
 */
export function parseShardText(text: string, env: NodeJS.ProcessEnv = process.env): { index: number; count: number } {
  const value = text.trim();
  const match = /^(\d+|auto)\/(\d+)$/.exec(value);
  if (value === 'auto' || (match !== null && match[1] === 'auto')) {
    const count = match === null ? undefined : wholeText(match[2] as string, '--shard auto/N: N');
    return fromScheduler(env, count);
  }
  if (match === null) {
    throw new StudyError(
      `--shard must be k/n (shard k of n, numbered from 0, e.g. 0/4), auto (a SLURM array task) or auto/n (n shards, e.g. a Kubernetes Indexed Job), got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  const index = wholeText(match[1] as string, '--shard k/n: k');
  const count = wholeText(match[2] as string, '--shard k/n: n');
  if (count < 1) throw new StudyError(`--shard k/n: n must be at least 1, got ${count}`);
  if (index >= count) throw new StudyError(`--shard ${value}: k must be from 0 to ${count - 1} (shards are numbered from 0)`);
  return { index, count };
}

/** The index (and count) of this task from the scheduler's variables. */
function fromScheduler(env: NodeJS.ProcessEnv, count: number | undefined): { index: number; count: number } {
  const kubernetes = env[SHARD_ENV.kubernetesIndex];
  const slurm = env[SHARD_ENV.slurmIndex];
  let index: number;
  let total = count;
  if (count !== undefined && kubernetes !== undefined && kubernetes !== '') {
    index = variable(env, SHARD_ENV.kubernetesIndex);
  } else if (slurm !== undefined && slurm !== '') {
    const min = env[SHARD_ENV.slurmMin] === undefined || env[SHARD_ENV.slurmMin] === '' ? 0 : variable(env, SHARD_ENV.slurmMin);
    index = variable(env, SHARD_ENV.slurmIndex) - min;
    if (index < 0) throw new StudyError(`${SHARD_ENV.slurmIndex} (${slurm}) is below ${SHARD_ENV.slurmMin} (${min})`);
    if (total === undefined) {
      if (env[SHARD_ENV.slurmCount] === undefined || env[SHARD_ENV.slurmCount] === '') {
        throw new StudyError(`--shard auto: ${SHARD_ENV.slurmIndex} is set but ${SHARD_ENV.slurmCount} is not; give the count as --shard auto/N`);
      }
      total = variable(env, SHARD_ENV.slurmCount);
    }
  } else if (count === undefined && kubernetes !== undefined && kubernetes !== '') {
    throw new StudyError(`--shard auto: ${SHARD_ENV.kubernetesIndex} is set but gives no count; give it as --shard auto/N (N = the Job's completions)`);
  } else {
    throw new StudyError(
      `--shard ${count === undefined ? 'auto' : `auto/${count}`} reads the task index from the scheduler, but neither ${SHARD_ENV.slurmIndex} (SLURM job arrays) nor ${SHARD_ENV.kubernetesIndex} (Kubernetes Indexed Jobs) is set; give the shard as k/n`,
    );
  }
  if (total === undefined || total < 1) throw new StudyError(`--shard auto: the number of shards must be at least 1, got ${String(total)}`);
  if (index >= total) {
    throw new StudyError(`--shard auto: task index ${index} is not below the number of shards (${total}); shards are numbered from 0`);
  }
  return { index, count: total };
}

/** A whole number from a scheduler variable. */
function variable(env: NodeJS.ProcessEnv, name: string): number {
  return wholeText(env[name] ?? '', name);
}

/** A whole number written in plain decimal digits. */
function wholeText(text: string, what: string): number {
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw new StudyError(`${what} must be a whole number written in decimal digits, got ${JSON.stringify(text.slice(0, 40))}`);
  return number;
}
