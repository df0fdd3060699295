/**
 * What every simulating command shares (`run`, `compare`, `hypotheses`, `sweep`,
 * `sensitivity`): the run options and their checks, loading a scenario with the options'
 * overrides, refusing work too big for memory or an output folder that cannot be written, and a
 * session that simulates one or many batches under one progress bar and one Ctrl-C handler.
 *
 *   argv ──parseRunOptions──▶ RunSettings ──loadRunScenario──▶ scenario
 *        ──withSimulation(io, plan, session ⇒ session.simulate(scenario) …)──▶ Collected per batch
 */
import { availableParallelism, totalmem } from 'node:os';
import { basename, extname } from 'node:path';
import type { Options } from 'yargs';
import { formatBytes, storeBytes } from '../aggregate/index.js';
import type { Collected } from '../aggregate/types.js';
import { N_WEEKLY } from '../engine/result.js';
import { checkWritableDirectory } from '../output/index.js';
import { runMonteCarlo, SEED_LIMIT } from '../runner/index.js';
import { formatIssue } from '../scenario/index.js';
import type { Scenario } from '../scenario/schema.js';
import { asInputError, UsageError } from './exit.js';
import type { Io } from './io.js';
import { parseInteger } from './numbers.js';
import { createProgress } from './progress.js';
import { onInterrupt } from './signals.js';
import { loadScenarioArgument } from './stdin.js';

/**
 * The run options, shared by every simulating command (also the names `main` suggests from
 * when one is misspelt). A command may override a default, e.g. fewer `--runs` per sweep point.
 */
export const runOptions = {
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
    describe: 'Folder to write the results to',
  },
  quiet: { type: 'boolean', default: false, describe: 'Print nothing but errors' },
} as const satisfies Record<string, Options>;

/** The run options as yargs hands them over: unchecked. */
export interface RunOptionArgs {
  readonly runs: unknown;
  readonly weeks: unknown;
  readonly seed: unknown;
  readonly workers: unknown;
  readonly set: string | string[] | undefined;
  readonly out: string | undefined;
  readonly quiet: boolean;
}

/** The run options, checked. */
export interface RunSettings {
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  /** `--set` overrides, with `--weeks` turned into `weeks=N`. */
  readonly sets: readonly string[];
  readonly out: string | undefined;
  readonly quiet: boolean;
}

/**
 * Checks the run options; a `UsageError` names the option and what was expected.
 *
 * @example parseRunOptions({ runs: '50', seed: 1, workers: 2, weeks: 104, set: undefined, out: undefined, quiet: false })
 * // → { runs: 50, seed: 1, workers: 2, sets: ['weeks=104'], out: undefined, quiet: false }
 */
export function parseRunOptions(args: RunOptionArgs): RunSettings {
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
  if (Array.isArray(args.out)) throw new UsageError(`--out was given ${args.out.length} times; give it once`);
  return { runs, seed, workers, sets, out: args.out, quiet: args.quiet };
}

/** A scenario loaded for a command, with the name its outputs go by. */
export interface RunScenario {
  readonly scenario: Scenario;
  /** `builtin:NAME` or the file path. */
  readonly source: string;
  /** The scenario's `name`, else the file's base name. */
  readonly name: string;
}

/**
 * Loads a built-in or a scenario file with the `--set` overrides (plus any `extraSets`, applied
 * after them) and prints its warnings unless quiet.
 */
export function loadRunScenario(
  nameOrPath: string,
  settings: RunSettings,
  io: Io,
  extraSets: readonly string[] = [],
): RunScenario {
  const { scenario, source, warnings } = loadScenarioArgument(nameOrPath, { sets: [...settings.sets, ...extraSets] });
  if (!settings.quiet) for (const warning of warnings) io.err(`copsim: warning: ${formatIssue(warning)}\n`);
  return { scenario, source, name: scenario.name ?? basename(nameOrPath, extname(nameOrPath)) };
}

/** Share of the machine's memory one batch's results may take before it is refused up front. */
const MEMORY_SHARE = 0.5;

/**
 * Refuses, before anything is simulated, a batch whose results would not fit in memory.
 * (Batches are simulated one after another, so each is checked on its own.)
 */
export function checkMemory(scenario: Scenario, runs: number): void {
  const bytes = storeBytes(scenario.cops.length, scenario.weeks, runs);
  if (bytes > MEMORY_SHARE * totalmem()) {
    throw new UsageError(
      `${runs} runs of ${scenario.weeks} weeks would keep ${formatBytes(bytes)} of results in memory ` +
        `(${scenario.cops.length} CoP(s) × ${N_WEEKLY} metrics × weeks × runs × 8 bytes, for exact quantiles); ` +
        `this machine has ${formatBytes(totalmem())}: use fewer --runs or --weeks`,
    );
  }
}

/** Fails now, not after the simulation, when the results could not be written to `dir`. */
export async function checkOutputFolder(dir: string): Promise<void> {
  await checkWritableDirectory(dir).catch((error: unknown) => {
    throw asInputError(error, `cannot write the results to ${dir}`);
  });
}

/** Simulates batches of replications; progress adds up over all of them. */
export interface SimulationSession {
  /**
   * `runs` replications of `scenario` from master seed `seed` (defaults: the settings'), on the
   * settings' workers. The same seed gives every scenario the same replication seeds: common
   * random numbers.
   */
  simulate(scenario: Scenario, options?: { runs?: number; seed?: number; agents?: number }): Promise<Collected>;
  /** Grows the expected total, for work whose size is known only as it goes (`--until-decided`). */
  expect(moreReplications: number): void;
}

/** What a session will do, for its headline and progress bar. */
export interface SimulationPlan {
  /** Printed first, e.g. "copsim: baseline, 200 runs × 156 weeks on 2 workers…". */
  readonly headline: string;
  /** Replications the whole session will simulate, as far as known. */
  readonly replications: number;
}

/**
 * Runs `body` with a session whose batches share one progress bar and one Ctrl-C handler: the
 * first Ctrl-C aborts the current batch (the `AbortError` ends the command with exit code 130
 * before anything is written), a second one exits at once.
 *
 * @example
 *   const collected = await withSimulation(io, settings, { headline, replications: 200 },
 *     (session) => session.simulate(scenario));
 */
export async function withSimulation<T>(
  io: Io,
  settings: RunSettings,
  plan: SimulationPlan,
  body: (session: SimulationSession) => Promise<T>,
): Promise<T> {
  const progress = createProgress(io, { quiet: settings.quiet, headline: plan.headline });
  const controller = new AbortController();
  const release = onInterrupt(() => controller.abort());
  let total = plan.replications;
  let finished = 0;
  const session: SimulationSession = {
    async simulate(scenario, options = {}) {
      const runs = options.runs ?? settings.runs;
      checkMemory(scenario, runs);
      const collected = await runMonteCarlo(scenario, {
        runs,
        masterSeed: options.seed ?? settings.seed,
        workers: settings.workers,
        agents: options.agents ?? 0,
        signal: controller.signal,
        onProgress: (done) => progress.update(finished + done, Math.max(total, finished + done)),
      });
      finished += runs;
      return collected;
    },
    expect(more) {
      total += more;
    },
  };
  try {
    progress.start();
    const result = await body(session);
    progress.finish();
    return result;
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
