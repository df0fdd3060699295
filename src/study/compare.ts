/**
 * `compare`: simulates scenarios with the same replication seeds (common random numbers) and
 * takes their paired differences against the first. The library verb behind `copsim compare`.
 *
 *   each arm ──resolveScenario (its own sets after the shared ones)──▶ scenario
 *            ──session.simulate (same seeds)──▶ Collected ──buildRunOutput──▶ RunOutput
 *   Collected A, B… ──compareBatches──▶ ComparisonRow[] ──writeStudy──▶ OUT/ (optional)
 */
import { keyFigures, type CopKeyFigures } from '../aggregate/index.js';
import type { Collected } from '../aggregate/types.js';
import { compareBatches, pairingProblem, type ComparisonRow } from '../compare/paired.js';
import { buildRunOutput } from '../output/run-output.js';
import { comparisonManifestText, provenanceFields, startClock, type Manifest, type ProvenanceFields } from '../output/provenance.js';
import type { RunOutput } from '../output/write.js';
import type { Scenario } from '../scenario/schema.js';
import { writeCompareShard } from '../shard/compare.js';
import { describeShard, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
import { StudyError } from './errors.js';
import { checkpointPlan, studyCheckpoint, type StudyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import {
  checkStudyOptions,
  describeWorkers,
  resolveScenario,
  safeFolderName,
  type NamedScenario,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { writeStudyFiles } from './write.js';

/** One compared scenario with its own overrides. */
export interface CompareArm {
  readonly scenario: ScenarioRef;
  /** Overrides for this scenario only, applied after the shared `set`. */
  readonly set?: readonly string[];
  /** The name its outputs go by. Default: the scenario's name and its own overrides, e.g. "baseline fundedHours=2". */
  readonly name?: string;
}

/** Options of `compare`. */
export interface CompareOptions extends StudyOptions {
  /** Two or more scenarios; the first is the reference A. */
  readonly scenarios: readonly (ScenarioRef | CompareArm)[];
}

/** One compared scenario, simulated. */
export interface ComparedScenario {
  readonly name: string;
  readonly source: string;
  /** Its own overrides. */
  readonly set: readonly string[];
  /** Its run folder inside the comparison's folder. */
  readonly folder: string;
  readonly scenario: Scenario;
  readonly collected: Collected;
  readonly output: RunOutput;
  readonly figures: CopKeyFigures[];
}

/** A finished comparison. */
export interface CompareResult {
  readonly kind: 'compare';
  /** The scenarios in the order given; the first is the reference. */
  readonly scenarios: readonly ComparedScenario[];
  /** Paired differences of every other scenario against the reference (comparison.csv). */
  readonly comparison: ComparisonRow[];
  /** comparison.json's text. */
  readonly manifest: string;
  readonly out: string | undefined;
  /** The replications a shard compared (`shard` option): then everything is of those alone, and `out` is a shard folder for `merge`. */
  readonly shard?: ShardSlice;
}

/** Replications per scenario of `compare` when `runs` is not given. */
export const COMPARE_DEFAULT_RUNS = 200;

/**
 * Simulates every scenario with the same replication seeds and compares each with the first,
 * pair by pair; with `out`, also writes comparison.csv, comparison.json, the comparison's
 * charts and report.html, and one run folder per scenario, as `copsim compare`. With `shard`,
 * compares only that slice of the replications and writes a shard folder for `merge`.
 *
 * @throws StudyError for fewer than two scenarios or scenarios of different lengths
 * @example
 * const result = await compare({
 *   scenarios: ['bottom-up-unsupported', { scenario: 'bottom-up-unsupported', set: ['cops.0.support.fundedHours=2'] }],
 *   runs: 100,
 * });
 * result.comparison.find((r) => r.metric === 'alive' && r.week === 155) // → { difference: …, ci_low: …, … }
 */
export async function compare(options: CompareOptions): Promise<CompareResult> {
  const settings = checkStudyOptions(options, COMPARE_DEFAULT_RUNS, { shard: true });
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, settings.runs);
  if (options.scenarios.length < 2) throw new StudyError(`compare needs at least two scenarios, got ${options.scenarios.length}`);
  const arms = uniqueNames(
    options.scenarios.map((given) => {
      const arm: CompareArm = typeof given === 'string' || !('scenario' in given) ? { scenario: given } : given;
      const set = arm.set ?? [];
      const named = resolveScenario(arm.scenario, [...settings.sets, ...set], settings.warn);
      return { ...named, set, name: arm.name ?? armName(named.name, set) };
    }),
  );
  const reference = arms[0] as (typeof arms)[number];
  for (const other of arms.slice(1)) {
    if (other.scenario.weeks !== reference.scenario.weeks) {
      throw new StudyError(
        `"${reference.name}" runs ${reference.scenario.weeks} weeks and "${other.name}" ${other.scenario.weeks}: ` +
          'compared scenarios must run the same weeks; give --weeks N',
      );
    }
  }
  const folder = safeFolderName(`compare-${arms.map((a) => a.name).join('-vs-')}`);
  const out = await prepareOutputFolder(
    settings.out,
    slice === undefined ? folder : shardFolderName(folder, slice),
    settings.resume ? () => undefined : settings.warn,
  );
  const count = slice === undefined ? settings.runs : slice.end - slice.first;
  const checkpoint = await studyCheckpoint(out, settings, 'compare', {
    scenarios: arms.map((a) => ({ name: a.name, set: a.set, scenario: a.scenario })),
    seed: settings.seed,
    runs: settings.runs,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const session = createSession(settings, options, count * arms.length, checkpoint);
  const what = slice === undefined ? `${settings.runs} runs` : `${describeShard(slice)} of ${settings.runs} runs`;
  options.onStart?.({
    headline:
      `copsim: comparing ${arms.map((a) => a.name).join(', ')}: ${what} × ${reference.scenario.weeks} weeks ` +
      `each, same seeds, on ${describeWorkers(Math.min(session.workersUsed, count))}…`,
    replications: count * arms.length,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  const batches: Collected[] = [];
  const batch = slice === undefined ? {} : { runs: count, first: slice.first };
  await session.closing(async () => {
    for (const arm of arms) batches.push(await session.simulate(arm.scenario, batch));
  });
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds: (batches[0] as Collected).seeds });
  if (slice !== undefined) return compareShard({ arms, batches, fields, slice, out, runs: settings.runs, weeks: reference.scenario.weeks, checkpoint });
  const result = compareResult(arms, batches, fields, out);
  await checkpoint?.commit((staging) => writeStudyFiles(staging, result));
  return result;
}

/** A compared scenario before it is simulated: its name, source, own overrides and resolved scenario. */
export type ComparedArm = NamedScenario & { readonly set: readonly string[] };

/**
 * A comparison of simulated arms (the first is the reference): the paired differences, each
 * arm's run output and comparison.json, all from the batches and their provenance; `extra`
 * adds fields to comparison.json and every arm's manifest (a merge's shard list).
 *
 * @throws StudyError when the batches cannot be paired
 */
export function compareResult(
  arms: readonly ComparedArm[],
  batches: readonly Collected[],
  fields: ProvenanceFields,
  out: string | undefined,
  extra: Pick<Manifest, 'shards' | 'partial'> & { readonly indices?: readonly number[] } = {},
): CompareResult {
  const reference = arms[0] as ComparedArm;
  const first = { name: reference.name, collected: batches[0] as Collected };
  const comparison: ComparisonRow[] = [];
  for (const [i, arm] of arms.entries()) {
    if (i === 0) continue;
    const other = { name: arm.name, collected: batches[i] as Collected };
    const problem = pairingProblem(first, other);
    if (problem !== undefined) throw new StudyError(problem);
    comparison.push(...compareBatches(first, other));
  }
  const scenarios: ComparedScenario[] = arms.map((arm, i) => {
    const collected = batches[i] as Collected;
    const output = buildRunOutput(collected, {
      scenario: arm.scenario,
      scenarioName: arm.name,
      scenarioSource: arm.source,
      masterSeed: fields.masterSeed,
      workers: fields.workers,
      startedAt: fields.startedAt,
      wallTimeSeconds: fields.wallTimeSeconds,
    });
    return {
      name: arm.name,
      source: arm.source,
      set: arm.set,
      folder: safeFolderName(arm.name),
      scenario: arm.scenario,
      collected,
      output: merged(output, fields, extra),
      figures: keyFigures(collected),
    };
  });
  const { indices: _, ...recorded } = extra;
  const manifest = comparisonManifestText(
    scenarios.map((s) => ({ name: s.name, source: s.source, folder: s.folder, set: s.set })),
    reference.scenario.weeks,
    extra.partial === undefined ? fields : { ...fields, runs: extra.partial.replications },
    // Partial before the shards, as in a run's manifest.
    extra.partial === undefined ? recorded : { partial: extra.partial, ...recorded },
  );
  return { kind: 'compare', scenarios, comparison, manifest, out };
}

/**
 * A compared scenario's run output as a merge of shards writes it: the shards' Node.js version
 * and list, and for a partial merge what is missing, with each replication under its own index.
 */
function merged(output: RunOutput, fields: ProvenanceFields, extra: Pick<Manifest, 'shards' | 'partial'> & { readonly indices?: readonly number[] }): RunOutput {
  if (extra.shards === undefined) return output;
  const manifest = { ...output.manifest, node: fields.node, ...(extra.partial === undefined ? {} : { partial: extra.partial }), shards: extra.shards };
  const indices = extra.indices;
  if (extra.partial === undefined || indices === undefined || output.series === undefined) return { ...output, manifest };
  const series = output.series;
  return {
    ...output,
    replications: output.replications.withIndices((r) => indices[r] as number),
    series: { ...series, index: (r) => indices[r] as number },
    manifest,
  };
}

/** A shard of a comparison: the slice's own comparison, and with `out` its shard folder. */
async function compareShard(shard: {
  readonly arms: readonly ComparedArm[];
  readonly batches: readonly Collected[];
  readonly fields: ProvenanceFields;
  readonly slice: ShardSlice;
  readonly out: string | undefined;
  readonly runs: number;
  readonly weeks: number;
  readonly checkpoint: StudyCheckpoint | undefined;
}): Promise<CompareResult> {
  const { arms, batches, fields, slice, out } = shard;
  const result = compareResult(arms, batches, fields, out);
  // The checkpoint exists exactly when there is a folder to write: the files are staged, then moved in.
  await shard.checkpoint?.commit((staging) =>
    writeCompareShard(staging, { arms, batches, fields, slice, runs: shard.runs, weeks: shard.weeks }, safeFolderName),
  );
  return { ...result, shard: slice };
}

/**
 * The name of a scenario with its own overrides: each override by the last part of its path.
 *
 * @example armName('baseline', ['cops.0.support.fundedHours=2']) // → 'baseline fundedHours=2'
 */
export function armName(name: string, set: readonly string[]): string {
  if (set.length === 0) return name;
  return [name, ...set.map((s) => s.trim().replace(/^[^=]*\.(?=[^.=]*=)/, ''))].join(' ');
}

/**
 * Scenario names made distinct as folder names: a second scenario that goes by the same name
 * (e.g. a file named like a built-in) becomes `name-2`.
 */
function uniqueNames<T extends NamedScenario>(arms: T[]): T[] {
  const seen = new Set<string>();
  return arms.map((arm) => {
    let name = arm.name;
    for (let k = 2; seen.has(safeFolderName(name)); k++) name = `${arm.name}-${k}`;
    seen.add(safeFolderName(name));
    return name === arm.name ? arm : { ...arm, name };
  });
}
