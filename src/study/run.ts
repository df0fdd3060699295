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
import { seriesSource } from '../output/series-parquet.js';
import { provenanceFields, startClock, type ProvenanceFields } from '../output/provenance.js';
import type { RunOutput } from '../output/write.js';
import type { Scenario } from '../scenario/schema.js';
import { writeShardFolder } from '../shard/folder.js';
import { describeShard, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
import { checkpointPlan, studyCheckpoint, type StudyCheckpoint } from './checkpoint.js';
import { StudyError } from './errors.js';
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
import { writeStudyFiles } from './write.js';

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
  /**
   * The replications a shard computed (`shard` option): then `collected`, `output` and
   * `figures` are of those replications alone, and `out` is a shard folder for `merge`.
   */
  readonly shard?: ShardSlice;
}

/** Replications of `run` when `runs` is not given. */
export const RUN_DEFAULT_RUNS = 200;

/**
 * Simulates a scenario `runs` times and returns its tables, manifest and key figures; with
 * `out`, also writes the run folder (tables, manifest, charts, report.html), as `copsim run`.
 * With `shard`, simulates only that slice of the replications and writes a shard folder,
 * which `merge` combines with the others into the run folder of the whole.
 *
 * @example
 * const result = await run({ scenario: 'top-down-mandatory', runs: 50, seed: 7 });
 * result.figures[0].finalMembers // → { n: 50, mean: …, low: …, high: … }
 * @example await run({ scenario: 'baseline', set: ['cops.0.participation=mandatory'], out: 'out/mandatory' })
 * @example await run({ scenario: 'baseline', runs: 200, shard: { index: 0, count: 4 }, out: 'shards/0' }) // replications 0–49
 */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const settings = checkStudyOptions(options, RUN_DEFAULT_RUNS, { shard: true });
  const agents = options.agents ?? 0;
  wholeNumber('agents', agents, 0, settings.runs + 1);
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, settings.runs);
  if (slice !== undefined && agents > 0) {
    throw new StudyError('agents cannot be combined with shard: agents.csv and ties.csv come from a run of the whole (run --agents K without --shard)');
  }
  const { scenario, source, name } = resolveScenario(options.scenario ?? 'baseline', settings.sets, settings.warn);
  const folderName = slice === undefined ? safeFolderName(name) : shardFolderName(safeFolderName(name), slice);
  const out = await prepareOutputFolder(settings.out, folderName, settings.resume ? () => undefined : settings.warn);
  const replications = slice === undefined ? settings.runs : slice.end - slice.first;
  const checkpoint = await studyCheckpoint(out, settings, 'run', {
    scenario,
    seed: settings.seed,
    runs: settings.runs,
    agents,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const session = createSession(settings, options, replications, checkpoint);
  const what = slice === undefined ? `${settings.runs} runs` : `${describeShard(slice)} of ${settings.runs} runs`;
  options.onStart?.({
    headline:
      `copsim: ${name}${overridden(settings.sets)}, ${what} × ${scenario.weeks} weeks ` +
      `on ${describeWorkers(Math.min(session.workersUsed, replications))}…`,
    replications,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  const batch = slice === undefined ? { agents } : { runs: replications, first: slice.first };
  const collected = await session.closing(() => session.simulate(scenario, batch));
  // A shard records the workers a run of the whole would use, so that merged shards carry a single run's manifest.
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds: collected.seeds });
  if (slice !== undefined) return runShard({ slice, name, source, scenario, collected, fields, out, runs: settings.runs, checkpoint });
  const output = runOutput(collected, { scenario, name, source }, fields);
  const result: RunResult = { kind: 'run', name, source, scenario, collected, output, figures: keyFigures(collected), out };
  await checkpoint?.commit((staging) => writeStudyFiles(staging, result));
  return result;
}

/** A shard of a run: its replications' own tables, and with `out` its shard folder. */
async function runShard(shard: {
  readonly slice: ShardSlice;
  readonly name: string;
  readonly source: string;
  readonly scenario: Scenario;
  readonly collected: Collected;
  readonly fields: ProvenanceFields;
  readonly out: string | undefined;
  readonly runs: number;
  readonly checkpoint: StudyCheckpoint | undefined;
}): Promise<RunResult> {
  const { slice, name, source, scenario, collected, fields, out } = shard;
  const own = runOutput(collected, { scenario, name, source }, fields);
  // The shard's rows carry the replications' own indices, not their slots.
  const output = {
    ...own,
    replications: own.replications.withIndices((r) => r + slice.first),
    series: seriesSource(collected, (r) => r + slice.first),
  };
  // The checkpoint exists exactly when there is a folder to write: the files are staged, then moved in.
  await shard.checkpoint?.commit((staging) =>
    writeShardFolder(staging, collected, { command: 'run', slice, scenario, scenarioName: name, scenarioSource: source, runs: shard.runs, fields }),
  );
  return { kind: 'run', name, source, scenario, collected, output, figures: keyFigures(collected), out, shard: slice };
}

/** The tables and manifest of collected replications, with their provenance. */
function runOutput(
  collected: Collected,
  of: { readonly scenario: Scenario; readonly name: string; readonly source: string },
  fields: ProvenanceFields,
): RunOutput {
  return buildRunOutput(collected, {
    scenario: of.scenario,
    scenarioName: of.name,
    scenarioSource: of.source,
    masterSeed: fields.masterSeed,
    workers: fields.workers,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
  });
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
