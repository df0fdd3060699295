/**
 * The worker pool, driven by a scripted worker (fixtures/scripted-worker.mjs) that speaks the
 * protocol without the engine, so every outcome can be provoked on purpose.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../dist/aggregate/index.js';
import { AbortError, ReplicationError, WorkerError } from '../../dist/runner/index.js';
import { chunkSize, createWorkerPool, planChunks, runPool } from '../../dist/runner/pool.js';
import type { ResultMessage } from '../../dist/runner/protocol.js';
import { scenarioSchema } from '../../dist/scenario/schema.js';

const scripted = new URL('./fixtures/scripted-worker.mjs', import.meta.url);
const scenarioNamed = (name: string) =>
  scenarioSchema.parse({ name, weeks: 6, organisation: { employees: 100 }, cops: [{}] });

function poolRun(name: string, options: { runs?: number; workers?: number; signal?: AbortSignal } = {}) {
  const results: ResultMessage[] = [];
  const done = runPool({
    scenario: scenarioNamed(name),
    runs: options.runs ?? 20,
    masterSeed: 1,
    workers: options.workers ?? 3,
    workerUrl: scripted,
    ...(options.signal ? { signal: options.signal } : {}),
    onResult: (message) => results.push(message),
  });
  return { done, results };
}

describe('chunkSize and planChunks', () => {
  it('cuts about eight chunks per worker, at least one replication each', () => {
    expect(chunkSize(200, 2)).toBe(12);
    expect(chunkSize(5, 4)).toBe(1);
    expect(planChunks(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('covers every replication exactly once', () => {
    const indices = planChunks(103, chunkSize(103, 3)).flat();
    expect(indices).toEqual(Array.from({ length: 103 }, (_, i) => i));
  });
});

describe('runPool', () => {
  it('delivers every replication once, whatever order the workers finish in', async () => {
    const { done, results } = poolRun('reverse', { runs: 37, workers: 3 });
    await done;
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 37 }, (_, i) => i));
  });

  it('fills the collector identically for 1 and 4 workers although arrival order differs', async () => {
    const collect = async (workers: number) => {
      const collector = createCollector(['cop1'], 6, 25, 100);
      await runPool({
        scenario: scenarioNamed('reverse'),
        runs: 25,
        masterSeed: 1,
        workers,
        chunkSize: 4,
        workerUrl: scripted,
        onResult: (m) =>
          collector.add(m.index, { seed: m.seed, weeks: m.weeks, copIds: m.copIds, weekly: m.weekly, figures: m.figures, employees: m.employees }),
      });
      return collector.finish();
    };
    const one = await collect(1);
    const four = await collect(4);
    expect(Buffer.from(four.weekly.buffer).equals(Buffer.from(one.weekly.buffer))).toBe(true);
    expect(Buffer.from(four.figures.buffer).equals(Buffer.from(one.figures.buffer))).toBe(true);
    expect(Array.from(one.seeds)).toEqual(Array.from({ length: 25 }, (_, i) => 1000 + i));
  });

  it('rejects with a ReplicationError carrying the index and seed of a failed replication', async () => {
    const { done } = poolRun('fail-at-3');
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplicationError);
    expect(error).toMatchObject({ index: 3, seed: 1003, message: 'replication 3 (seed 1003) failed: scripted failure' });
  });

  it('rejects with a WorkerError when a worker exits before the run is finished', async () => {
    const { done } = poolRun('exit-at-2');
    await expect(done).rejects.toBeInstanceOf(WorkerError);
    await expect(done).rejects.toThrow(/exited \(code 3\)/);
  });

  it('rejects with a WorkerError when a worker cannot start', async () => {
    const done = runPool({
      scenario: scenarioNamed('reverse'),
      runs: 4,
      masterSeed: 1,
      workers: 2,
      workerUrl: new URL('./fixtures/throwing-worker.mjs', import.meta.url),
      onResult: () => {},
    });
    await expect(done).rejects.toThrow(/worker thread failed: scripted start-up failure/);
  });

  it('rejects with a WorkerError on a message outside the protocol', async () => {
    await expect(poolRun('bad-message').done).rejects.toThrow(/unknown message/);
  });

  it('rejects with an AbortError when the signal fires, even if workers never answer', async () => {
    const controller = new AbortController();
    const { done } = poolRun('silent', { signal: controller.signal });
    setImmediate(() => controller.abort());
    await expect(done).rejects.toBeInstanceOf(AbortError);
  });

  it('rejects when the result handler throws', async () => {
    const done = runPool({
      scenario: scenarioNamed('reverse'),
      runs: 4,
      masterSeed: 1,
      workers: 1,
      workerUrl: scripted,
      onResult: () => {
        throw new Error('collector full');
      },
    });
    await expect(done).rejects.toThrow('collector full');
  });

  it('leaves no worker running after a failure: the process exits on its own', () => {
    const script = fileURLToPath(new URL('./fixtures/settle-and-exit.mjs', import.meta.url));
    const child = spawnSync(process.execPath, [script, 'fail'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('ReplicationError');
  });
});

describe('createWorkerPool', () => {
  const batch = (name: string, runs: number, results: number[]) => ({
    scenario: scenarioNamed(name),
    runs,
    masterSeed: 1,
    onResult: (message: ResultMessage) => results.push(message.index),
  });
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('runs batch after batch on the same threads', async () => {
    const pool = createWorkerPool({ workers: 2, workerUrl: scripted });
    try {
      for (const runs of [7, 1, 12]) {
        const results: number[] = [];
        await pool.run(batch('reverse', runs, results));
        expect(sorted(results)).toEqual(all(runs));
      }
      expect(pool.threadsStarted).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('runs batches one at a time in the order they were asked for', async () => {
    const pool = createWorkerPool({ workers: 2, workerUrl: scripted });
    const order: string[] = [];
    try {
      await Promise.all(
        ['a', 'b', 'c'].map((tag) => pool.run(batch('reverse', 5, [])).then(() => order.push(tag))),
      );
      expect(order).toEqual(['a', 'b', 'c']);
    } finally {
      await pool.close();
    }
  });

  it('starts fresh threads for the next batch after one fails', async () => {
    const pool = createWorkerPool({ workers: 2, workerUrl: scripted });
    try {
      await expect(pool.run(batch('fail-at-3', 10, []))).rejects.toBeInstanceOf(ReplicationError);
      const results: number[] = [];
      await pool.run(batch('reverse', 10, results));
      expect(sorted(results)).toEqual(all(10));
      expect(pool.threadsStarted).toBe(4);
    } finally {
      await pool.close();
    }
  });

  it('refuses a batch once closed', async () => {
    const pool = createWorkerPool({ workers: 1, workerUrl: scripted });
    await pool.run(batch('reverse', 3, []));
    await pool.close();
    await expect(pool.run(batch('reverse', 3, []))).rejects.toThrow(/closed/);
  });

  for (const mode of ['pool', 'idle']) {
    it(`lets the process exit on its own once the batches are done (${mode === 'pool' ? 'closed' : 'left open'})`, () => {
      const script = fileURLToPath(new URL('./fixtures/settle-and-exit.mjs', import.meta.url));
      const child = spawnSync(process.execPath, [script, mode], { encoding: 'utf8', timeout: 60_000 });
      expect(child.signal).toBeNull();
      expect(child.status).toBe(0);
      expect(child.stdout.trim()).toBe('resolved');
    });
  }
});

describe('planGuidedChunks', () => {
  it('covers every index once, in order, with chunks that never grow and end at size 1', async () => {
    const { planGuidedChunks, chunkSize } = await import('../../dist/runner/index.js');
    for (const [runs, workers] of [
      [1, 1],
      [10, 2],
      [200, 2],
      [1000, 2],
      [997, 3],
    ] as const) {
      const chunks = planGuidedChunks(runs, workers);
      expect(chunks.flat()).toEqual(Array.from({ length: runs }, (_, i) => i));
      const sizes = chunks.map((c: number[]) => c.length);
      for (let k = 1; k < sizes.length; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1]!);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(chunkSize(runs, workers));
      expect(sizes.at(-1)).toBe(1);
    }
  });
});
