/**
 * What every simulating command shares (`run`, `compare`, `hypotheses`, `sweep`,
 * `sensitivity`): the run options and their checks, and the terminal around a study verb (one
 * progress bar, warnings on stderr, one Ctrl-C handler).
 *
 *   argv ──parseRunOptions──▶ RunSettings ──studyOptions──▶ a study verb's options
 *        ──onTerminal(io, quiet, hooks ⇒ verb({ ...options, ...hooks }))──▶ result
 */
import { availableParallelism } from 'node:os';
import type { Options } from 'yargs';
import { SEED_LIMIT } from '../runner/index.js';
import { dirname } from 'node:path';
import type { CheckpointProgress, ScenarioRef, StudyPlan } from '../study/index.js';
import { UsageError } from './exit.js';
import type { Io } from './io.js';
import { parseInteger } from './numbers.js';
import { createProgress, type Progress } from './progress.js';
import { onInterrupt } from './signals.js';
import { STDIN_ARG, STDIN_NAME, stdinScenarioText } from './stdin.js';

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
  resume: {
    type: 'boolean',
    default: false,
    describe:
      'Go on from the replications saved in --out by an interrupted run of the same command and options (Ctrl-C, a crash, a failed replication); ends with the same files as an uninterrupted run',
  },
  json: {
    type: 'boolean',
    default: false,
    describe: 'Print the key figures (and result tables) as one JSON document on stdout, for scripts; messages stay on stderr',
  },
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
  readonly json?: boolean;
  readonly resume?: boolean;
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
  /** Print a JSON document on stdout instead of the tables. */
  readonly json: boolean;
  /** Go on from the checkpoint in the output folder. */
  readonly resume: boolean;
}

/**
 * Checks the run options; a `UsageError` names the option and what was expected.
 *
 * @example parseRunOptions({ runs: '50', seed: 1, workers: 2, weeks: 104, set: undefined, out: undefined, quiet: false })
 * // → { runs: 50, seed: 1, workers: 2, sets: ['weeks=104'], out: undefined, quiet: false, json: false, resume: false }
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
  if (args.weeks !== undefined) {
    const weeks = parseInteger('weeks', args.weeks, { min: 1, expected: 'a whole number of at least 1' });
    if (sets.some((s) => /^\s*weeks\s*=/.test(s))) {
      throw new UsageError('--weeks and --set weeks=... both set the weeks; give one of them');
    }
    sets.push(`weeks=${weeks}`);
  }
  return { runs, seed, workers, sets, out: outOption(args.out), quiet: args.quiet, json: args.json === true, resume: args.resume === true };
}

/**
 * The `--out` path as given, checked: given once and not empty (an empty path would mean the
 * current folder, which no one asks for by typing `--out ''`).
 *
 * @throws UsageError naming what was wrong
 */
export function outOption(out: unknown): string | undefined {
  if (out === undefined) return undefined;
  if (Array.isArray(out)) throw new UsageError(`--out was given ${out.length} times; give it once`);
  const path = String(out);
  if (path.trim() === '') throw new UsageError(`--out must name a folder or file, got ${JSON.stringify(path)}`);
  return path;
}

/**
 * The `scenario` positional of run, explore, sweep and sensitivity: a built-in name, a file,
 * or `-` for standard input; `baseline` when omitted where the command has a default.
 */
export function scenarioPositional(fallback?: string): { type: 'string'; describe: string; default?: string } {
  const describe = 'A built-in scenario name (see "copsim list"), a scenario file (.yaml, .json), or - to read one from standard input';
  return fallback === undefined ? { type: 'string', describe } : { type: 'string', default: fallback, describe };
}

/**
 * A scenario argument as a study verb takes it: a built-in name or a file path, or for `-`
 * (marked `<stdin>` before parsing) the text read from standard input, named `<stdin>` in
 * messages and "stdin" when it has no `name`.
 */
export function scenarioArgument(nameOrPath: string): ScenarioRef {
  return nameOrPath === STDIN_ARG ? { text: stdinScenarioText(), source: STDIN_ARG, name: STDIN_NAME } : nameOrPath;
}

/** The study options of the run options: what every study verb takes from the command line. */
export function studyOptions(settings: RunSettings): {
  runs: number;
  seed: number;
  workers: number;
  set: readonly string[];
  out: string | true;
  resume: boolean;
} {
  return { runs: settings.runs, seed: settings.seed, workers: settings.workers, set: settings.sets, out: settings.out ?? true, resume: settings.resume };
}

/** What the CLI hands a study verb so that it reports on the terminal and stops on Ctrl-C. */
export interface TerminalHooks {
  readonly signal: AbortSignal;
  readonly onStart: (plan: StudyPlan) => void;
  readonly onProgress: (done: number, total: number) => void;
  readonly onWarning?: (message: string) => void;
}

/**
 * Runs a study verb with a progress bar (started by the verb's `onStart` with its headline),
 * warnings on stderr (unless quiet) and one Ctrl-C handler: the first Ctrl-C aborts the study
 * (the `AbortError` ends the command with exit code 130 before any result file is written; the
 * replications the study saved are counted on stderr, with how to go on with --resume), a second
 * one exits at once.
 *
 * @example const result = await onTerminal(io, settings.quiet, (hooks) => run({ ...studyOptions(settings), ...hooks }));
 */
export async function onTerminal<T>(io: Io, quiet: boolean, call: (hooks: TerminalHooks) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const release = onInterrupt(() => controller.abort());
  let progress: Progress | undefined;
  let checkpoint: CheckpointProgress | undefined;
  const hooks: TerminalHooks = {
    signal: controller.signal,
    onStart: (plan) => {
      checkpoint = plan.checkpoint;
      progress = createProgress(io, { quiet, headline: plan.headline });
      progress.start();
    },
    onProgress: (done, total) => progress?.update(done, total),
    ...(quiet ? {} : { onWarning: (message: string) => io.err(`copsim: warning: ${message}\n`) }),
  };
  try {
    const result = await call(hooks);
    progress?.finish();
    return result;
  } catch (error) {
    progress?.stop();
    const saved = checkpoint?.saved ?? 0;
    const name = error instanceof Error ? error.name : '';
    // What was finished is saved: say how to go on (exit code and error message follow).
    if (checkpoint !== undefined && saved > 0 && (name === 'AbortError' || name === 'ReplicationError')) {
      const folder = dirname(checkpoint.dir);
      const retry = name === 'ReplicationError' ? ' to retry the failed replications' : ' to go on';
      io.err(`copsim: ${saved} finished replication${saved === 1 ? ' is' : 's are'} saved in ${folder}; run the same command with --resume${retry}\n`);
    }
    throw error;
  } finally {
    release();
  }
}
