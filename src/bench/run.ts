/**
 * runBench: measures the engine and the Monte Carlo runner and returns the figures as a
 * `BenchReport`. Nothing here prints; progress goes to the caller's `onProgress`.
 *
 *   warm-up ──▶ simulate × repetitions (1,000 and 10,000 employees) ──▶ member-weeks/s
 *           ──▶ runMonteCarlo on 1 and on 2 workers                  ──▶ speed-up
 *           ──▶ runMonteCarlo + summarize + tables + files (1,000 runs) ──▶ end-to-end seconds
 *           ──▶ copsim run as a child at 1,000 … 100,000 runs           ──▶ peak memory
 *           ──▶ 100 shards written, then merged                         ──▶ merge seconds
 */
import { measureExplorer } from './explore.js';
import { measureMemory, measureMerge } from './scale.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { replicationSeed } from '../engine/rng.js';
import { simulate } from '../engine/simulate.js';
import { buildRunOutput } from '../output/index.js';
import { writeRunFolder } from '../publish/run-folder.js';
import { createWorkerPool, runMonteCarlo } from '../runner/index.js';
import { loadScenario, type LoadedScenario, type Scenario } from '../scenario/index.js';
import { mapSpread, secondsSince, spread, timeRepetitions, type Spread } from './measure.js';
import type { BenchReport, EndToEndFigure, EngineFigure, SmallBatchFigure, SpeedupFigure } from './report.js';

/** How much to measure. */
export interface BenchPlan {
  /** Untimed replications (1,000 employees × 520 weeks) before timing, so the JIT has optimised the hot paths. */
  readonly warmups: number;
  /** Timed replications per organisation size. */
  readonly engineRepetitions: number;
  /**
   * Replications in the batch timed on 1 and on 2 workers. Each worker's start-up (spawning,
   * loading modules, a first replication before the JIT has warmed up) costs about 0.15 s
   * whatever the batch, so a small batch understates the speed-up of real runs.
   */
  readonly speedupRuns: number;
  /** Times that batch is run per worker count. */
  readonly speedupRepetitions: number;
  /** Whether to time the 1,000-replication end-to-end batch (about a minute on 2 cores). */
  readonly endToEnd: boolean;
  /** Small batches of 8 replications timed against one batch of as many (see `SmallBatchFigure`). */
  readonly smallBatches: number;
  /** Times the small-batch comparison is repeated. */
  readonly smallBatchRepetitions: number;
  /** Replication counts of the whole `copsim run` whose peak memory is measured (300 employees × 4 weeks). */
  readonly memoryRuns: readonly number[];
  /** Shards of a 200-replication run whose merge is timed. */
  readonly mergeShards: number;
}

/**
 * The default plan: about ten minutes on 2 cores, half of them the peak memory of a
 * 100,000-replication run. The speed-up batch is the CLI's
 * default of 200 replications (here of 520 weeks).
 */
export const FULL_PLAN: BenchPlan = {
  warmups: 3,
  engineRepetitions: 7,
  speedupRuns: 200,
  speedupRepetitions: 2,
  endToEnd: true,
  smallBatches: 16,
  smallBatchRepetitions: 3,
  memoryRuns: [1000, 10_000, 100_000],
  mergeShards: 100,
};

/** `--quick`: fewer repetitions, a smaller batch, no end-to-end batch and memory at 1,000 runs only; about a minute. */
export const QUICK_PLAN: BenchPlan = {
  warmups: 2,
  engineRepetitions: 3,
  speedupRuns: 16,
  speedupRepetitions: 1,
  endToEnd: false,
  smallBatches: 4,
  smallBatchRepetitions: 1,
  memoryRuns: [1000],
  mergeShards: 100,
};

/** Weeks simulated in every timed figure (ten years). */
const BENCH_WEEKS = 520;

/** Replications, employees and workers of the end-to-end batch. */
const END_TO_END = { runs: 1000, employees: 1000, workers: 2 } as const;

/** `copsim run` with no arguments on 2 workers: the built-in baseline as it is. */
const DEFAULT_RUN = { runs: 200, employees: 1000, workers: 2, weeks: 156 } as const;

/** What `runBench` needs besides the plan. */
export interface BenchOptions {
  readonly plan: BenchPlan;
  /** The command line that reproduces the run, recorded in the report. */
  readonly command: string;
  /** Whether the plan is the quick one, recorded in the report. */
  readonly quick: boolean;
  /** Told what is being measured, one short line at a time. Default silent. */
  readonly onProgress?: (message: string) => void;
}

/** The built-in baseline scenario with `employees` employees over `weeks` weeks. */
function benchScenario(employees: number, weeks: number = BENCH_WEEKS): LoadedScenario {
  return loadScenario('baseline', { sets: [`organisation.employees=${employees}`, `weeks=${weeks}`] });
}

/**
 * Measures everything the plan asks for. Takes a minute or two with the full plan.
 *
 * @example const report = await runBench({ plan: QUICK_PLAN, command: 'npm run bench -- --quick', quick: true });
 * report.engine1k.memberWeeksPerSecond.median // → 3.5e6, say
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { plan } = options;
  const progress = options.onProgress ?? (() => {});
  const loadAverage = loadavg();

  progress(`warming up (${plan.warmups} short replications)`);
  warmUp(plan.warmups);

  const engine1k = measureEngine(1000, plan.engineRepetitions, progress);
  const engine10k = measureEngine(10_000, plan.engineRepetitions, progress);
  // 100,000 employees, over one year: the network's and the recorder's cost at the largest
  // organisations a user may try, beyond the validated domain (10,000).
  const engine100k = measureEngine(100_000, Math.min(3, plan.engineRepetitions), progress, LARGE_WEEKS);
  const speedup = await measureSpeedup(plan.speedupRuns, plan.speedupRepetitions, progress);
  const smallBatches = await measureSmallBatches(plan.smallBatches, plan.smallBatchRepetitions, progress);
  const endToEnd = plan.endToEnd ? await measureEndToEnd(END_TO_END, BENCH_WEEKS, progress) : null;
  const defaultRun = await measureEndToEnd(DEFAULT_RUN, DEFAULT_RUN.weeks, progress);
  const explorer = await measureExplorer(progress);
  const memory = await measureMemory(plan.memoryRuns, progress);
  const merged = await measureMerge(plan.mergeShards, MERGE_RUNS, progress);

  return {
    command: options.command,
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: availableParallelism(),
    loadAverage,
    quick: options.quick,
    engine1k,
    engine10k,
    engine100k,
    speedup,
    smallBatches,
    endToEnd,
    defaultRun,
    explorer,
    memory,
    merge: merged,
  };
}

/** Replications of the run whose shards are merged (2 per shard at 100 shards). */
const MERGE_RUNS = 200;

/**
 * Untimed replications (each well under a second) until the JIT has optimised the hot loops;
 * shorter runs left the first timed repetitions at half speed.
 */
function warmUp(count: number): void {
  const small = benchScenario(1000).scenario;
  const large = benchScenario(10_000, 52).scenario;
  for (let i = 0; i < count; i++) simulate(small, replicationSeed(0, i));
  simulate(large, replicationSeed(0, count));
}

/** Weeks of the 100,000-employee engine figure. */
const LARGE_WEEKS = 52;

function measureEngine(
  employees: number,
  repetitions: number,
  progress: (message: string) => void,
  weeks: number = BENCH_WEEKS,
): EngineFigure {
  const { scenario } = benchScenario(employees, weeks);
  let memberWeeks = 0;
  const seconds = timeRepetitions(
    repetitions,
    (i) => {
      const result = simulate(scenario, replicationSeed(1, i));
      // People actually simulated, which is what the engine's cost scales with.
      memberWeeks = result.employees * result.weeks;
    },
    (done, total) => progress(`engine, ${employees} employees × ${weeks} weeks: ${done}/${total}`),
  );
  const timed = spread(seconds);
  return {
    employees,
    weeks,
    seconds: timed,
    memberWeeksPerSecond: mapSpread(timed, (s) => memberWeeks / s),
  };
}

async function timeMonteCarlo(scenario: Scenario, runs: number, workers: number): Promise<number> {
  const start = process.hrtime.bigint();
  await runMonteCarlo(scenario, { runs, masterSeed: 1, workers });
  return secondsSince(start);
}

async function measureSpeedup(
  runs: number,
  repetitions: number,
  progress: (message: string) => void,
): Promise<SpeedupFigure> {
  const employees = 1000;
  const { scenario } = benchScenario(employees);
  const one: number[] = [];
  const two: number[] = [];
  // Alternating the worker counts spreads any change in machine load over both.
  for (let r = 0; r < repetitions; r++) {
    progress(`Monte Carlo, ${runs} runs on 1 worker (${r + 1}/${repetitions})`);
    one.push(await timeMonteCarlo(scenario, runs, 1));
    progress(`Monte Carlo, ${runs} runs on 2 workers (${r + 1}/${repetitions})`);
    two.push(await timeMonteCarlo(scenario, runs, 2));
  }
  const seconds1: Spread = spread(one);
  const seconds2: Spread = spread(two);
  return { runs, employees, weeks: BENCH_WEEKS, seconds1, seconds2, speedup2: seconds1.median / seconds2.median };
}

/** Replications per small batch, employees and weeks of the small-batch comparison. */
const SMALL_BATCH = { size: 8, employees: 1000, weeks: 52, workers: 2 } as const;

/**
 * `batches` batches of 8 replications on one kept pool against as many replications in one
 * batch on it (both after the pool's threads have started), and against small batches that
 * start their own threads. Batch b uses master seed 1 + b: the same kind of work, not the same
 * replications. The three are alternated so that a change of machine load spreads over all.
 */
async function measureSmallBatches(
  batches: number,
  repetitions: number,
  progress: (message: string) => void,
): Promise<SmallBatchFigure> {
  const { size, employees, weeks, workers } = SMALL_BATCH;
  const { scenario } = benchScenario(employees, weeks);
  const one: number[] = [];
  const kept: number[] = [];
  const fresh: number[] = [];
  const pool = createWorkerPool({ workers });
  try {
    // Start the threads and warm them up, so neither timing pays for it.
    await runMonteCarlo(scenario, { runs: workers * 2, masterSeed: 0, workers, pool });
    for (let r = 0; r < repetitions; r++) {
      progress(`small batches: ${batches * size} runs in one batch (${r + 1}/${repetitions})`);
      let start = process.hrtime.bigint();
      await runMonteCarlo(scenario, { runs: batches * size, masterSeed: 1, workers, pool });
      one.push(secondsSince(start));
      progress(`small batches: ${batches} batches of ${size} on one pool (${r + 1}/${repetitions})`);
      start = process.hrtime.bigint();
      for (let b = 0; b < batches; b++) await runMonteCarlo(scenario, { runs: size, masterSeed: 1 + b, workers, pool });
      kept.push(secondsSince(start));
      progress(`small batches: ${batches} batches of ${size}, threads per batch (${r + 1}/${repetitions})`);
      start = process.hrtime.bigint();
      for (let b = 0; b < batches; b++) await runMonteCarlo(scenario, { runs: size, masterSeed: 1 + b, workers });
      fresh.push(secondsSince(start));
    }
  } finally {
    await pool.close();
  }
  const oneBatch = spread(one);
  const keptPool = spread(kept);
  return { batches, size, employees, weeks, oneBatch, keptPool, freshThreads: spread(fresh), ratio: keptPool.median / oneBatch.median };
}

/**
 * The whole `copsim run` pipeline short of the CLI: load, simulate, summarise, write tables,
 * charts and report, into a temporary directory.
 */
async function measureEndToEnd(
  batch: { runs: number; employees: number; workers: number },
  weeks: number,
  progress: (message: string) => void,
): Promise<EndToEndFigure> {
  const { runs, employees, workers } = batch;
  const dir = await mkdtemp(join(tmpdir(), 'copsim-bench-'));
  try {
    const startedAt = new Date();
    const start = process.hrtime.bigint();
    const { scenario, source } = benchScenario(employees, weeks);
    let reported = 0;
    const collected = await runMonteCarlo(scenario, {
      runs,
      masterSeed: 1,
      workers,
      onProgress: (done, total) => {
        if (done === total || done - reported >= total / 10) {
          reported = done;
          progress(`end-to-end ${runs} × ${weeks} weeks, ${done}/${total} replications`);
        }
      },
    });
    // The same output as `copsim run` builds and writes.
    const output = buildRunOutput(collected, {
      scenario,
      scenarioName: scenario.name ?? 'baseline',
      scenarioSource: source,
      masterSeed: 1,
      workers,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds: secondsSince(start),
    });
    const filesStart = process.hrtime.bigint();
    await writeRunFolder(dir, output);
    return { runs, employees, weeks, workers, seconds: secondsSince(start), filesSeconds: secondsSince(filesStart) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
