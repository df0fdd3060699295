/**
 * runMonteCarlo, against the compiled code (worker threads load dist/runner/worker.js):
 * the outcome does not depend on the number of workers.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../dist/engine/rng.js';
import { AbortError, createWorkerPool, ReplicationError, runMonteCarlo } from '../../dist/runner/index.js';
import { scenarioSchema } from '../../dist/scenario/schema.js';

const scenario = scenarioSchema.parse({
  weeks: 40,
  organisation: { employees: 120 },
  cops: [{ id: 'voluntary' }, { id: 'mandated', participation: 'mandatory' }],
});

const bytes = (array: Float64Array | Uint32Array): Buffer =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('runMonteCarlo', () => {
  it('gives bit-identical results in the main thread and on 1, 2 or 3 workers', async () => {
    const runs = 13; // not a multiple of any chunk size, so chunks differ in length
    const [inThread, one, two, three] = await Promise.all(
      [0, 1, 2, 3].map((workers) => runMonteCarlo(scenario, { runs, masterSeed: 42, workers })),
    );
    for (const other of [one, two, three]) {
      expect(bytes(other!.weekly).equals(bytes(inThread!.weekly))).toBe(true);
      expect(bytes(other!.figures).equals(bytes(inThread!.figures))).toBe(true);
      expect(bytes(other!.seeds).equals(bytes(inThread!.seeds))).toBe(true);
    }
    // Identity of all-zero arrays would prove nothing.
    expect(inThread!.weekly.some((value) => value !== 0)).toBe(true);
    expect(inThread!.runs).toBe(runs);
    expect(inThread!.copIds).toEqual(['voluntary', 'mandated']);
  });

  it('gives the same bits on a pool kept across batches of different scenarios and seeds', async () => {
    const other = { ...scenario, weeks: scenario.weeks - 3 };
    const pool = createWorkerPool({ workers: 2 });
    try {
      for (const [s, masterSeed, runs] of [
        [scenario, 5, 7],
        [other, 6, 3],
        [scenario, 5, 11],
      ] as const) {
        const kept = await runMonteCarlo(s, { runs, masterSeed, workers: 2, pool });
        const alone = await runMonteCarlo(s, { runs, masterSeed, workers: 0 });
        expect(bytes(kept.weekly).equals(bytes(alone.weekly))).toBe(true);
        expect(bytes(kept.figures).equals(bytes(alone.figures))).toBe(true);
      }
      expect(pool.threadsStarted).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('gives replication i the seed replicationSeed(masterSeed, i)', async () => {
    const collected = await runMonteCarlo(scenario, { runs: 5, masterSeed: 7, workers: 2 });
    expect(Array.from(collected.seeds)).toEqual([0, 1, 2, 3, 4].map((i) => replicationSeed(7, i)));
  });

  it('reports progress up to the total, once per replication', async () => {
    for (const workers of [0, 2]) {
      const calls: [number, number][] = [];
      await runMonteCarlo(scenario, {
        runs: 9,
        masterSeed: 1,
        workers,
        onProgress: (done, total) => calls.push([done, total]),
      });
      expect(calls.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(calls.every(([, total]) => total === 9)).toBe(true);
    }
  });

  it('rejects with an AbortError when aborted, in the main thread and on workers', async () => {
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      let progressCalls = 0;
      const run = runMonteCarlo(scenario, {
        runs: 200,
        masterSeed: 1,
        workers,
        signal: controller.signal,
        onProgress: () => {
          progressCalls++;
          controller.abort();
        },
      });
      await expect(run).rejects.toBeInstanceOf(AbortError);
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(progressCalls).toBeLessThan(200);
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const signal = AbortSignal.abort();
    await expect(runMonteCarlo(scenario, { runs: 3, masterSeed: 1, workers: 1, signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('leaves no worker running after an abort: the process exits on its own', () => {
    const script = fileURLToPath(new URL('./fixtures/settle-and-exit.mjs', import.meta.url));
    const child = spawnSync(process.execPath, [script, 'abort'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBeNull(); // not killed by the safety timeout
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('AbortError');
  });

  it('refuses invalid options with a RangeError naming the option', async () => {
    await expect(runMonteCarlo(scenario, { runs: 0, masterSeed: 1, workers: 0 })).rejects.toThrow(/runs/);
    await expect(runMonteCarlo(scenario, { runs: 2, masterSeed: 1, workers: -1 })).rejects.toThrow(/workers/);
    await expect(runMonteCarlo(scenario, { runs: 2, masterSeed: 2 ** 32, workers: 0 })).rejects.toThrow(
      /masterSeed/,
    );
    await expect(runMonteCarlo(scenario, { runs: 2.5, masterSeed: 1, workers: 0 })).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe('ReplicationError', () => {
  it('names the replication and its seed', () => {
    const error = new ReplicationError(17, 123456, 'boom', 'Error: boom\n    at x');
    expect(error.message).toBe('replication 17 (seed 123456) failed: boom');
    expect(error).toMatchObject({ name: 'ReplicationError', index: 17, seed: 123456 });
    expect(error.replicationStack).toContain('boom');
  });
});
