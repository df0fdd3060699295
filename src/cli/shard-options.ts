/**
 * The `--shard` option of the commands that can compute a slice of their replications: its
 * yargs definition and its reading (`k/n`, or `auto` / `auto/n` from the scheduler's variables).
 *
 *   --shard 1/4 ──parseShardOption──▶ { index: 1, count: 4 } ──▶ the verb's `shard`
 */
import type { Options } from 'yargs';
import { parseShardText, type ShardSpec } from '../shard/spec.js';
import { StudyError } from '../study/errors.js';
import { UsageError } from './exit.js';

/** `--shard`, for the commands that take it. */
export const shardOption = {
  shard: {
    type: 'string',
    requiresArg: true,
    describe:
      'Compute only shard k of n (numbered from 0) of the replications and write a shard folder for "copsim merge"; ' +
      'auto reads a SLURM array task (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT), auto/n takes n shards and the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or SLURM',
  },
} as const satisfies Record<string, Options>;

/**
 * The shard `--shard` names, or undefined when it was not given.
 *
 * @throws UsageError naming the option or the variable and what was expected
 * @example parseShardOption('1/4') // → { index: 1, count: 4 }
 * @example parseShardOption('auto', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3' }) // → { index: 0, count: 3 }
 */
export function parseShardOption(value: unknown, env: NodeJS.ProcessEnv = process.env): ShardSpec | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new UsageError(`--shard was given ${value.length} times; give it once`);
  try {
    return parseShardText(String(value), env);
  } catch (error) {
    if (error instanceof StudyError) throw new UsageError(error.message);
    throw error;
  }
}
