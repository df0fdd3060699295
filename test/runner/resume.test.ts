/**
 * Going on with a Monte Carlo run: replications simulated before (`done`) are collected as
 * given and not simulated again, each new one is handed to `onReplication` before it is
 * collected, and a replication that throws does not stop the others.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../dist/engine/result.js';
import { createWorkerPool, ReplicationError, runMonteCarlo } from '../../dist/runner/index.js';
import { scenarioSchema } from '../../dist/scenario/schema.js';

const scenario = scenarioSchema.parse({ weeks: 12, organisation: { employees: 80 }, cops: [{ id: 'a' }] });
const scripted = new URL('./fixtures/scripted-worker.mjs', import.meta.url);
const scriptedScenario = (name: string) => scenarioSchema.parse({ name, weeks: 6, organisation: { employees: 100 }, cops: [{}] });

const bytes = (array: Float64Array | Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('runMonteCarlo with replications done before', () => {
  for (const workers of [0, 2]) {
    it(`simulates only the missing indices and ends bit-identical to a whole run (${workers} workers)`, async () => {
      const saved = new Map<number, RunResult>();
      const whole = await runMonteCarlo(scenario, {
        runs: 9,
        masterSeed: 5,
        workers,
        onReplication: (index, result) => {
          if (index % 3 !== 1) saved.set(index, { ...result, weekly: result.weekly.slice(), figures: result.figures.slice() });
        },
      });
      expect([...saved.keys()].sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 6, 8]);
      const simulated: number[] = [];
      const progress: number[] = [];
      const resumed = await runMonteCarlo(scenario, {
        runs: 9,
        masterSeed: 5,
        workers,
        done: saved,
        onReplication: (index) => simulated.push(index),
        onProgress: (done) => progress.push(done),
      });
      expect(simulated.sort((a, b) => a - b)).toEqual([1, 4, 7]);
      expect(progress[0]).toBe(6);
      expect(progress.at(-1)).toBe(9);
      expect(bytes(resumed.weekly).equals(bytes(whole.weekly))).toBe(true);
      expect(bytes(resumed.figures).equals(bytes(whole.figures))).toBe(true);
      expect(bytes(resumed.seeds).equals(bytes(whole.seeds))).toBe(true);
    });
  }

  it('simulates nothing when every replication is done', async () => {
    const saved = new Map<number, RunResult>();
    await runMonteCarlo(scenario, { runs: 3, masterSeed: 2, workers: 0, onReplication: (i, r) => saved.set(i, r) });
    let simulated = 0;
    const resumed = await runMonteCarlo(scenario, { runs: 3, masterSeed: 2, workers: 2, done: saved, onReplication: () => simulated++ });
    expect(simulated).toBe(0);
    expect(resumed.runs).toBe(3);
  });
});

describe('a replication that throws', () => {
  it('is reported with its index and seed once the others are done, and a second pass retries it alone', async () => {
    const saved = new Map<number, RunResult>();
    const pool = createWorkerPool({ workers: 2, workerUrl: scripted });
    try {
      const error = await runMonteCarlo(scriptedScenario('fail-at-3'), {
        runs: 10,
        masterSeed: 1,
        workers: 2,
        pool,
        onReplication: (index, result) => saved.set(index, result),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplicationError);
      expect(error).toMatchObject({ index: 3, seed: 1003, others: [] });
      expect([...saved.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
      // The same data, from a script that does not fail: only replication 3 is simulated.
      const retried: number[] = [];
      const resumed = await runMonteCarlo(scriptedScenario('reverse'), {
        runs: 10,
        masterSeed: 1,
        workers: 2,
        pool,
        done: saved,
        onReplication: (index) => retried.push(index),
      });
      const whole = await runMonteCarlo(scriptedScenario('reverse'), { runs: 10, masterSeed: 1, workers: 2, pool });
      expect(retried).toEqual([3]);
      expect(bytes(resumed.weekly).equals(bytes(whole.weekly))).toBe(true);
      expect(bytes(resumed.figures).equals(bytes(whole.figures))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('names the other failures in its message', () => {
    const error = ReplicationError.of([new ReplicationError(7, 70, 'late'), new ReplicationError(2, 20, 'boom'), new ReplicationError(9, 90, 'x')]);
    expect(error.message).toBe('replication 2 (seed 20) failed: boom (2 more failed: replication 7 (seed 70), replication 9 (seed 90))');
    expect(error.others).toEqual([{ index: 7, seed: 70 }, { index: 9, seed: 90 }]);
  });
});
