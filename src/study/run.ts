/**
 * `run`: simulates a scenario many times. The library verb behind `copsim run`.
 *
 *   RunOptions ──resolveScenario──▶ scenario ──session.simulate──▶ Collected
 *              ──buildRunOutput──▶ RunOutput (tables + manifest) ──writeStudy──▶ OUT/ (optional)
 *
 * With `out`, every finished replication is saved in OUT/.copsim-checkpoint as it arrives, and
 * `resume` goes on from there (checkpoint.ts).
 */
import { keyFigures, type CopKeyFigures } from '../aggregate/index.js';
import type { Collected } from '../aggregate/types.js';
import { buildRunOutput } from '../output/run-output.js';
import { provenanceFields, startClock } from '../output/provenance.js';
import type { RunOutput } from '../output/write.js';
import type { Scenario } from '../scenario/schema.js';
import { checkpointPlan, studyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import {
  checkStudyOptions,
  describeWorkers,
  resolveScenario,
  safeFolderName,
  wholeNumber,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { writeStudy } from './write.js';

/** Options of `run`. */
export interface RunOptions extends StudyOptions {
  /** The scenario: a built-in name, a file, or scenario data. Default `'baseline'`. */
  readonly scenario?: ScenarioRef;
  /** Also keep everyone's state and the network of the first `agents` replications (agents.csv, ties.csv). Default 0. */
  readonly agents?: number;
}

/** A finished run. */
export interface RunResult {
  readonly kind: 'run';
  /** The name its outputs go by. */
  readonly name: string;
  /** `builtin:NAME`, the file path, or the data's source. */
  readonly source: string;
  /** The scenario as simulated, fully resolved. */
  readonly scenario: Scenario;
  /** Every replication's weekly metrics and per-run figures, by replication index. */
  readonly collected: Collected;
  /** The tables and manifest, as written to summary.csv, replications.csv and manifest.json. */
  readonly output: RunOutput;
  /** The headline numbers of every CoP. */
  readonly figures: CopKeyFigures[];
  /** The folder written, when `out` was given. */
  readonly out: string | undefined;
}

/** Replications of `run` when `runs` is not given. */
export const RUN_DEFAULT_RUNS = 200;

/**
 * Simulates a scenario `runs` times and returns its tables, manifest and key figures; with
 * `out`, also writes the run folder (tables, manifest, charts, report.html), as `copsim run`.
 *
 * @example
 * const result = await run({ scenario: 'top-down-mandatory', runs: 50, seed: 7 });
 * result.figures[0].finalMembers // → { n: 50, mean: …, low: …, high: … }
 * @example await run({ scenario: 'baseline', set: ['cops.0.participation=mandatory'], out: 'out/mandatory' })
 */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const settings = checkStudyOptions(options, RUN_DEFAULT_RUNS);
  const agents = options.agents ?? 0;
  wholeNumber('agents', agents, 0, settings.runs + 1);
  const { scenario, source, name } = resolveScenario(options.scenario ?? 'baseline', settings.sets, settings.warn);
  const out = await prepareOutputFolder(settings.out, safeFolderName(name), settings.resume ? () => undefined : settings.warn);
  const checkpoint = await studyCheckpoint(out, settings, 'run', { scenario, seed: settings.seed, runs: settings.runs, agents });
  const session = createSession(settings, options, settings.runs, checkpoint);
  options.onStart?.({
    headline:
      `copsim: ${name}${overridden(settings.sets)}, ${settings.runs} runs × ${scenario.weeks} weeks ` +
      `on ${describeWorkers(session.workersUsed)}…`,
    replications: settings.runs,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  const collected = await session.closing(() => session.simulate(scenario, { agents }));
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds: collected.seeds });
  const output = buildRunOutput(collected, {
    scenario,
    scenarioName: name,
    scenarioSource: source,
    masterSeed: fields.masterSeed,
    workers: fields.workers,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
  });
  const result: RunResult = { kind: 'run', name, source, scenario, collected, output, figures: keyFigures(collected), out };
  await checkpoint?.commit((staging) => writeStudy(staging, result));
  return result;
}

/**
 * The overrides for the headline, so a run of a changed scenario does not read as the
 * scenario itself ("weeks" is shown by the headline anyway).
 *
 * @example overridden(['cops.0.participation=mandatory', 'weeks=52']) // → ' with cops.0.participation=mandatory'
 */
function overridden(sets: readonly string[]): string {
  const shown = sets.filter((set) => !/^\s*weeks\s*=/.test(set));
  return shown.length === 0 ? '' : ` with ${shown.join(', ')}`;
}
