/**
 * How copsim scales with the batch: the peak memory (resident set) of a whole `copsim run` as
 * a child process at growing replication counts, and the time `merge` takes for 100 shards.
 *
 *   copsim run --runs N (child, short weeks) ──maxRSS at exit──▶ peak MB   (N = 1,000, 10,000, 100,000)
 *   run({ shard: k/100 }) × 100 ──▶ shard folders ──merge(timed)──▶ seconds
 *
 * The child's peak is `process.resourceUsage().maxRSS` read as it exits, which covers its
 * worker threads too (they share the process).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { merge } from '../study/merge.js';
import { run } from '../study/run.js';
import { secondsSince } from './measure.js';

const BIN = fileURLToPath(new URL('../../bin/copsim.js', import.meta.url));

/** Organisation and run length of the memory and merge figures: the smallest of the domain, briefly. */
export const SCALE_RUN = { employees: 300, weeks: 4, workers: 2 } as const;

/** Peak memory of one whole `copsim run` (tables, charts and report written). */
export interface MemoryFigure {
  readonly runs: number;
  readonly employees: number;
  readonly weeks: number;
  readonly workers: number;
  /** Wall time of the child process, seconds. */
  readonly seconds: number;
  /** Its peak resident set, megabytes (2^20 bytes). */
  readonly peakMB: number;
}

/** `merge` of `shards` shard folders of one run into its run folder. */
export interface MergeFigure {
  readonly shards: number;
  readonly runs: number;
  readonly employees: number;
  readonly weeks: number;
  /** The library call `merge`, reading, checking and writing everything, seconds. */
  readonly seconds: number;
}

/** Preloaded into the child: writes its peak resident set (kilobytes) to COPSIM_BENCH_RSS as it exits. */
const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.COPSIM_BENCH_RSS, String(process.resourceUsage().maxRSS)));
`;

/**
 * Runs `copsim run baseline --runs N` in a child process for each N and reads its peak memory.
 *
 * @example await measureMemory([1000, 10000], console.log) // → [{ runs: 1000, peakMB: 180, … }, …]
 */
export async function measureMemory(runs: readonly number[], progress: (message: string) => void): Promise<MemoryFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'copsim-bench-rss-'));
  try {
    const preload = join(dir, 'preload.mjs');
    await writeFile(preload, PRELOAD);
    const figures: MemoryFigure[] = [];
    for (const n of runs) {
      const { employees, weeks, workers } = SCALE_RUN;
      progress(`peak memory of copsim run, ${n} runs × ${employees} employees × ${weeks} weeks`);
      const rss = join(dir, `rss-${n}`);
      const args = ['--import', preload, BIN, 'run', 'baseline', '--runs', String(n), '--weeks', String(weeks), '--workers', String(workers)];
      args.push('--set', `organisation.employees=${employees}`, '--out', join(dir, `run-${n}`), '--quiet');
      const start = process.hrtime.bigint();
      await child(args, { ...process.env, COPSIM_BENCH_RSS: rss });
      const seconds = secondsSince(start);
      const kilobytes = Number(await readFile(rss, 'utf8'));
      figures.push({ runs: n, employees, weeks, workers, seconds, peakMB: kilobytes / 1024 });
      await rm(join(dir, `run-${n}`), { recursive: true, force: true });
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes `shards` shards of a run of `runs` replications (in this thread, untimed), then times
 * their merge into one run folder.
 *
 * @example await measureMerge(100, 200, console.log) // → { shards: 100, seconds: 4.1, … }
 */
export async function measureMerge(shards: number, runs: number, progress: (message: string) => void): Promise<MergeFigure> {
  const { employees, weeks } = SCALE_RUN;
  const dir = await mkdtemp(join(tmpdir(), 'copsim-bench-merge-'));
  try {
    const folders: string[] = [];
    const set = [`organisation.employees=${employees}`];
    for (let k = 0; k < shards; k++) {
      if (k % 10 === 0) progress(`merge: writing shard ${k + 1}/${shards}`);
      const out = join(dir, `shard-${k}`);
      await run({ scenario: 'baseline', runs, weeks, set, workers: 0, shard: { index: k, count: shards }, out });
      folders.push(out);
    }
    progress(`merge of ${shards} shards`);
    const start = process.hrtime.bigint();
    await merge({ shards: folders, out: join(dir, 'merged') });
    return { shards, runs, employees, weeks, seconds: secondsSince(start) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs node with `args`; rejects with its standard error if it fails. */
function child(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`copsim run exited with ${code ?? signal}: ${stderr.trim()}`))));
  });
}
