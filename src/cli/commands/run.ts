/**
 * `copsim run`: simulates a scenario many times and writes summary.csv, replications.csv and
 * manifest.json.
 *
 *   arguments ──loadScenario──▶ scenario ──runMonteCarlo──▶ Collected
 *             ──summarize / replicationRows / createManifest──▶ writeRunOutput (atomic)
 *
 * Nothing is written before every replication has finished, so an interrupted run leaves no
 * file behind.
 */
import { availableParallelism, totalmem } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Argv, Options } from 'yargs';
import { formatBytes, keyFigures, storeBytes } from '../../aggregate/index.js';
import { buildRunOutput, checkWritableDirectory, writeRunOutput } from '../../output/index.js';
import { N_WEEKLY } from '../../engine/result.js';
import { runMonteCarlo, SEED_LIMIT } from '../../runner/index.js';
import { formatIssue, loadScenario } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { asInputError, UsageError } from '../exit.js';
import { keyFiguresTable } from '../figures.js';
import { parseInteger } from '../numbers.js';
import { createProgress } from '../progress.js';
import { onInterrupt } from '../signals.js';

export const command = 'run [scenario]';
export const describe = 'Simulate a scenario many times and write the results';

export interface RunArgs {
  readonly scenario: string;
  readonly runs: unknown;
  readonly weeks: unknown;
  readonly seed: unknown;
  readonly workers: unknown;
  readonly set: string | string[] | undefined;
  readonly out: string | undefined;
  readonly quiet: boolean;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  runs: { requiresArg: true, default: 200, describe: 'Replications to simulate' },
  weeks: {
    requiresArg: true,
    describe: "Weeks to simulate, overriding the scenario's (same as --set weeks=N)",
  },
  seed: { requiresArg: true, default: 1, describe: 'Master seed; replication seeds derive from it' },
  workers: {
    requiresArg: true,
    default: availableParallelism(),
    defaultDescription: 'available CPUs',
    describe: 'Worker threads; 0 simulates in the main thread',
  },
  set: {
    type: 'string',
    requiresArg: true,
    describe: 'Override a setting: path=value (repeatable), e.g. cops.0.participation=mandatory',
  },
  out: {
    type: 'string',
    requiresArg: true,
    defaultDescription: 'copsim-out/<scenario name>',
    describe: 'Folder to write summary.csv, replications.csv and manifest.json to',
  },
  quiet: { type: 'boolean', default: false, describe: 'Print nothing but errors' },
} as const satisfies Record<string, Options>;

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      default: 'baseline',
      describe: 'A built-in scenario name (see "copsim list") or a scenario file (.yaml, .json)',
    })
    .options(options)
    .example('$0 run top-down-mandatory --runs 500', 'a built-in scenario, 500 replications')
    .example('$0 run my.yaml --set cops.0.participation=mandatory', 'a file, with one setting changed') as Argv<RunArgs>;
}

export async function handler(args: RunArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const runs = parseInteger('runs', args.runs, { min: 1, expected: 'a whole number of at least 1' });
  const seed = parseInteger('seed', args.seed, {
    min: 0,
    maxExclusive: SEED_LIMIT,
    expected: 'a whole number from 0 to 4294967295',
  });
  const workers = parseInteger('workers', args.workers, { min: 0, expected: 'a whole number of at least 0' });
  const sets = args.set === undefined ? [] : [args.set].flat();
  if (Array.isArray(args.weeks)) throw new UsageError(`--weeks was given ${args.weeks.length} times; give it once`);
  if (args.weeks !== undefined) {
    if (sets.some((s) => /^\s*weeks\s*=/.test(s))) {
      throw new UsageError('--weeks and --set weeks=... both set the weeks; give one of them');
    }
    sets.push(`weeks=${String(args.weeks)}`);
  }

  const { scenario, source, warnings } = loadScenario(args.scenario, { sets });
  if (!args.quiet) for (const warning of warnings) io.err(`copsim: warning: ${formatIssue(warning)}\n`);
  const scenarioName = scenario.name ?? basename(args.scenario, extname(args.scenario));
  const outDir = args.out ?? join('copsim-out', safeFolderName(scenarioName));
  const workersUsed = Math.min(workers, runs);
  const bytes = storeBytes(scenario.cops.length, scenario.weeks, runs);
  if (bytes > MEMORY_SHARE * totalmem()) {
    throw new UsageError(
      `${runs} runs of ${scenario.weeks} weeks would keep ${formatBytes(bytes)} of results in memory ` +
        `(${scenario.cops.length} CoP(s) × ${N_WEEKLY} metrics × weeks × runs × 8 bytes, for exact quantiles); ` +
        `this machine has ${formatBytes(totalmem())}: use fewer --runs or --weeks`,
    );
  }
  // Fail now, not after the simulation, when the results could not be written.
  await checkWritableDirectory(outDir).catch((error: unknown) => {
    throw asInputError(error, `cannot write the results to ${outDir}`);
  });

  const progress = createProgress(io, {
    quiet: args.quiet,
    headline: `copsim: ${scenarioName}, ${runs} runs × ${scenario.weeks} weeks on ${describeWorkers(workersUsed)}…`,
  });
  const controller = new AbortController();
  const release = onInterrupt(() => controller.abort());
  const startedAt = new Date();
  const t0 = performance.now();
  try {
    progress.start();
    const collected = await runMonteCarlo(scenario, {
      runs,
      masterSeed: seed,
      workers,
      signal: controller.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
    const output = buildRunOutput(collected, {
      scenario,
      scenarioName,
      scenarioSource: source,
      masterSeed: seed,
      workers: workersUsed,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds: (performance.now() - t0) / 1000,
    });
    await writeRunOutput(outDir, output).catch((error: unknown) => {
      throw asInputError(error, `cannot write the results to ${outDir}`);
    });
    progress.finish();
    if (!args.quiet) {
      io.out(keyFiguresTable(keyFigures(collected)));
      io.out(`\nresults in ${outDir}\n`);
    }
  } catch (error) {
    progress.stop();
    throw error;
  } finally {
    release();
  }
}

/**
 * How the run is spread, for the headline.
 *
 * @example describeWorkers(2) // → '2 workers'
 */
export function describeWorkers(workers: number): string {
  if (workers === 0) return 'the main thread';
  return workers === 1 ? '1 worker' : `${workers} workers`;
}

/** Share of the machine's memory a run's results may take before it is refused up front. */
const MEMORY_SHARE = 0.5;

/**
 * A scenario name made safe as one folder name: anything but letters, digits, dots, dashes and
 * underscores becomes a dash, and no leading dot, so a name like "../x" cannot lead the default
 * output folder elsewhere.
 *
 * @example safeFolderName('../../etc') // → 'etc'
 * @example safeFolderName('my scenario') // → 'my-scenario'
 */
export function safeFolderName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '');
  return safe === '' ? 'scenario' : safe;
}

