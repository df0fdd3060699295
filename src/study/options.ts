/**
 * The options every study verb shares (`run`, `compare`, `sweep`, `sensitivity`,
 * `hypotheses`), their defaults and checks, and how a scenario is named to a verb.
 *
 *   StudyOptions ──checkStudyOptions──▶ StudySettings (numbers checked, weeks as a set)
 *   ScenarioRef ──resolveScenario(sets)──▶ NamedScenario (validated, with its name)
 */
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import { SEED_LIMIT } from '../runner/index.js';
import { formatIssue, loadScenario, loadScenarioText, parseScenario } from '../scenario/index.js';
import type { NamedChart } from '../charts/types.js';
import type { StudyTable } from '../research/write.js';
import type { Scenario } from '../scenario/schema.js';
import type { ProvenanceFields } from '../output/provenance.js';
import { StudyError } from './errors.js';
import type { ShardSpec } from '../shard/spec.js';

/**
 * A scenario for a verb: a built-in name (`'baseline'`) or a file path (`'my.yaml'`), its text
 * (YAML or JSON, as read from standard input), or in-memory scenario data (what a YAML file
 * holds, or a `Scenario`), each validated like a file.
 */
export type ScenarioRef =
  | string
  | {
      /** Scenario text, YAML or JSON (e.g. read from standard input). */
      readonly text: string;
      /** How messages and the manifest name its origin. */
      readonly source: string;
      /** The name its outputs go by when the text has no `name`. */
      readonly name?: string;
    }
  | {
      /** Scenario data: may `extend` a built-in, as a file can. */
      readonly data: unknown;
      /** How messages and the manifest name its origin. Default `<input>`. */
      readonly source?: string;
      /** The name its outputs go by when the data has no `name`. Default `scenario`. */
      readonly name?: string;
      /** Folder a relative `extends` resolves against. Default the working directory. */
      readonly baseDir?: string;
    };

/** A validated scenario with the name its outputs go by. */
export interface NamedScenario {
  readonly scenario: Scenario;
  /** `builtin:NAME`, the file path, or the data's `source`. */
  readonly source: string;
  /** The scenario's `name`, else the file's base name (or the data's `name`). */
  readonly name: string;
}

/** What a long study reports as it goes. */
export interface StudyPlan {
  /** One line for people, e.g. "copsim: baseline, 200 runs × 156 weeks on 2 workers…". */
  readonly headline: string;
  /** Replications the study will simulate, as far as known before it starts. */
  readonly replications: number;
  /** The folder the results will be written to, when one was asked for. */
  readonly out: string | undefined;
  /** Where finished replications are saved as they arrive, when the results are written. */
  readonly checkpoint?: CheckpointProgress;
}

/** A study's checkpoint, as reported to whoever started it: after an interruption, say how to go on. */
export interface CheckpointProgress {
  /** The checkpoint's folder, `OUT/.copsim-checkpoint`. */
  readonly dir: string;
  /** Replications saved so far (read back from an interrupted study or finished since). */
  readonly saved: number;
  /** Replications read back from an interrupted study when this one started. */
  readonly resumed: number;
}

/** What a sweep, a screening or a test of hypotheses writes, and where it went. */
export interface StudyFiles {
  /** The CSV tables, each with its file name and columns. */
  readonly tables: readonly StudyTable[];
  readonly charts: readonly NamedChart[];
  /** manifest.json's text. */
  readonly manifest: string;
  /** The folder written, when `out` was given. */
  readonly out: string | undefined;
}

/** What a design study's pure builder (Morris, Sobol) takes besides its result: its provenance, its folder and a merge's extra manifest fields. */
export interface StudyProvenance {
  readonly fields: ProvenanceFields;
  readonly out: string | undefined;
  /** More fields for manifest.json (a merge's shard list). */
  readonly extra?: Record<string, unknown>;
}

/** A study of one measure on a base scenario: a sweep or a screening. */
export interface MeasuredStudy extends StudyFiles {
  /** The base scenario's name. */
  readonly name: string;
  /** The measure in words, e.g. "members in the final week (scrum-masters)". */
  readonly measureText: string;
  /** Replications per point. */
  readonly runs: number;
}

/** Options shared by every study verb. */
export interface StudyOptions {
  /** Replications (per scenario, point or arm). Default: the verb's (200 for `run`). */
  readonly runs?: number;
  /** Master seed in [0, 2^32); replication r's seed derives from it and r. Default 1. */
  readonly seed?: number;
  /** Worker threads; 0 simulates in the calling thread. Default: the available CPUs. */
  readonly workers?: number;
  /** Overrides `path=value`, applied in order to every scenario (as `--set`). */
  readonly set?: readonly string[];
  /** Weeks to simulate, overriding the scenarios' (as `--weeks`, i.e. `set weeks=N`). */
  readonly weeks?: number;
  /**
   * Where to write the results: a folder, or `true` for the verb's default folder under
   * `copsim-out/` (as the CLI does). Omitted: nothing is written (see `writeStudy`). The
   * folder is checked before anything is simulated.
   */
  readonly out?: string | true;
  /**
   * Go on from the checkpoint in `out` (an interrupted study of the same command and options)
   * instead of starting anew: saved replications are not simulated again, and the files end
   * the same as an uninterrupted study's. Without a checkpoint there, the study starts anew.
   * Default false.
   */
  readonly resume?: boolean;
  /** Stops the study: the promise rejects with an `AbortError`; finished replications stay saved in `out`'s checkpoint. */
  readonly signal?: AbortSignal;
  /** Called once, when everything is checked and before the first replication. */
  readonly onStart?: (plan: StudyPlan) => void;
  /** Called as replications finish: done so far and the total as far as known. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with each warning (a setting without effect, a replaced folder...). Default: none. */
  readonly onWarning?: (message: string) => void;
  /**
   * Computes one shard of the study: a contiguous slice of the replication indices (`{ index,
   * count }`: shard index of count equal slices, numbered from 0; `{ first, end }`: replications
   * first .. end − 1), written as a shard folder for `merge` (as `--shard k/n`). Verbs that do
   * not shard refuse it. Default: the whole study.
   */
  readonly shard?: ShardSpec;
}

/** The shared options, checked, with defaults filled in. */
export interface StudySettings {
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  /** `set`, with `weeks` as `weeks=N` at the end. */
  readonly sets: readonly string[];
  readonly out: string | true | undefined;
  readonly resume: boolean;
  readonly warn: (message: string) => void;
}

/**
 * Checks the shared options and fills in their defaults. `shard` is refused unless the verb
 * `takes` it, so a verb that cannot shard never silently computes the whole.
 *
 * @throws StudyError naming the option and what was expected
 * @example checkStudyOptions({ runs: 50, weeks: 104 }, 200).sets // → ['weeks=104']
 */
export function checkStudyOptions(options: StudyOptions, defaultRuns: number, takes: { readonly shard?: boolean } = {}): StudySettings {
  if (options.shard !== undefined && takes.shard !== true) {
    throw new StudyError('shard is taken by run, compare, sweep, sensitivity and hypotheses only: this study does not compute shards (a calibration\'s generations each depend on the last); run it whole');
  }
  const runs = options.runs ?? defaultRuns;
  wholeNumber('runs', runs, 1);
  const seed = options.seed ?? 1;
  wholeNumber('seed', seed, 0, SEED_LIMIT);
  const workers = options.workers ?? availableParallelism();
  wholeNumber('workers', workers, 0);
  const sets = [...(options.set ?? [])];
  if (options.weeks !== undefined) {
    wholeNumber('weeks', options.weeks, 1);
    if (sets.some((s) => /^\s*weeks\s*=/.test(s))) throw new StudyError('weeks and set weeks=... both set the weeks; give one of them');
    sets.push(`weeks=${options.weeks}`);
  }
  const warned = new Set<string>();
  const onWarning = options.onWarning;
  // Every warning once: a study loads its scenario once per point or arm.
  const warn = (message: string): void => {
    if (onWarning === undefined || warned.has(message)) return;
    warned.add(message);
    onWarning(message);
  };
  const resume = options.resume ?? false;
  if (resume && options.out === undefined) throw new StudyError('resume needs the folder of the study to go on with (out, as --out DIR)');
  return { runs, seed, workers, sets, out: options.out, resume, warn };
}

/**
 * Checks that `value` is a whole number in [min, maxExclusive).
 *
 * @throws StudyError, e.g. "runs must be a whole number of at least 1, got 0"
 */
export function wholeNumber(name: string, value: number, min: number, maxExclusive = Number.POSITIVE_INFINITY): void {
  if (Number.isInteger(value) && value >= min && value < maxExclusive) return;
  const range = Number.isFinite(maxExclusive) ? `from ${min} to ${maxExclusive - 1}` : `of at least ${min}`;
  throw new StudyError(`${name} must be a whole number ${range}, got ${String(value)}`);
}

/**
 * Loads and validates a scenario with overrides `sets` (applied in order, after the
 * scenario's own settings), reporting its warnings.
 *
 * @throws ScenarioError naming the file, the setting and what was expected
 */
export function resolveScenario(
  input: ScenarioRef,
  sets: readonly string[],
  warn: (message: string) => void = () => undefined,
): NamedScenario {
  if (typeof input === 'string') {
    const { scenario, source, warnings } = loadScenario(input, { sets });
    for (const warning of warnings) warn(formatIssue(warning));
    return { scenario, source, name: scenario.name ?? basename(input, extname(input)) };
  }
  if ('text' in input) {
    const { scenario, source, warnings } = loadScenarioText(input.text, {
      source: input.source,
      sets,
      ...(input.name === undefined ? {} : { name: input.name }),
    });
    for (const warning of warnings) warn(formatIssue(warning));
    return { scenario, source, name: scenario.name ?? input.name ?? 'scenario' };
  }
  const source = input.source ?? '<input>';
  const scenario = parseScenario(input.data, {
    file: source,
    sets,
    ...(input.baseDir === undefined ? {} : { baseDir: input.baseDir }),
  });
  return { scenario, source, name: scenario.name ?? input.name ?? 'scenario' };
}

/**
 * A name made safe as one folder name: anything but letters, digits, dots, dashes and
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

/**
 * How the work is spread, for headlines.
 *
 * @example describeWorkers(2) // → '2 workers'
 */
export function describeWorkers(workers: number): string {
  if (workers === 0) return 'the main thread';
  return workers === 1 ? '1 worker' : `${workers} workers`;
}
