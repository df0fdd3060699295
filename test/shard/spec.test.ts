/**
 * Shard slices and the `--shard` values: k/n, and the task index read from SLURM's or
 * Kubernetes' variables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShardText, shardSlice } from '../../src/shard/spec.js';

describe('shardSlice', () => {
  it('cuts the replications into contiguous slices that cover each index once, sizes within one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (runs, wanted) => {
        const count = Math.min(runs, wanted);
        const slices = Array.from({ length: count }, (_, index) => shardSlice({ index, count }, runs));
        expect(slices[0]?.first).toBe(0);
        expect(slices.at(-1)?.end).toBe(runs);
        for (let k = 1; k < count; k++) expect(slices[k]?.first).toBe(slices[k - 1]?.end);
        const sizes = slices.map((s) => s.end - s.first);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses shards that would be empty and ranges outside the run', () => {
    expect(() => shardSlice({ index: 0, count: 4 }, 3)).toThrow('4 shards of 3 replications would leave some shards empty');
    expect(() => shardSlice({ first: 2, end: 2 }, 3)).toThrow("a shard's replications must be a non-empty range within 0 .. 2");
    expect(() => shardSlice({ first: 0, end: 4 }, 3)).toThrow('got first 0 and end 4');
  });
});

describe('parseShardText', () => {
  it('reads k/n', () => {
    expect(parseShardText('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(() => parseShardText('5/5', {})).toThrow('k must be from 0 to 4');
    expect(() => parseShardText('1/0', {})).toThrow('n must be at least 1');
    expect(() => parseShardText('one/2', {})).toThrow('--shard must be k/n');
    expect(() => parseShardText('0x1/2', {})).toThrow('--shard must be k/n');
  });

  it('reads a SLURM array task: the id from the lowest id, the count of tasks', () => {
    expect(parseShardText('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 2, count: 3 });
    expect(parseShardText('auto', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(parseShardText('auto/6', { SLURM_ARRAY_TASK_ID: '5' })).toEqual({ index: 5, count: 6 });
    expect(() => parseShardText('auto', { SLURM_ARRAY_TASK_ID: '1' })).toThrow('SLURM_ARRAY_TASK_COUNT is not');
    expect(() => parseShardText('auto', { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow('SLURM_ARRAY_TASK_ID must be a whole number');
    expect(() => parseShardText('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3' })).toThrow('task index 3 is not below the number of shards (3)');
  });

  it("reads a Kubernetes Indexed Job's completion index, with the count from the command line", () => {
    expect(parseShardText('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
    // A pod's own index wins over SLURM variables that leaked into its environment.
    expect(parseShardText('auto/4', { JOB_COMPLETION_INDEX: '1', SLURM_ARRAY_TASK_ID: '2' })).toEqual({ index: 1, count: 4 });
    expect(() => parseShardText('auto', { JOB_COMPLETION_INDEX: '0' })).toThrow('give it as --shard auto/N');
    expect(() => parseShardText('auto/2', { JOB_COMPLETION_INDEX: '2' })).toThrow('task index 2 is not below the number of shards (2)');
    expect(() => parseShardText('auto/2', {})).toThrow('neither SLURM_ARRAY_TASK_ID');
  });
});
