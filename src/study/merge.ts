/**
 * `merge`: the shards of a study, computed apart (a verb with `shard`, `copsim run --shard
 * k/n`), combined into the folder a single study of the whole writes. The library verb behind
 * `copsim merge`.
 *
 *   shard folders ──readShardFolder──▶ ShardRead[] ──mergeShards (agree? each replication once?)──▶ Collected
 *                 ──buildRunOutput──▶ RunOutput (+ the shard list) ──writeStudy──▶ OUT/ (optional)
 *   comparison shard folders ──each arm merged as a run's──▶ Collected per arm ──compareResult──▶ OUT/
 *   sweep, Morris, Sobol shard folders (slices of the design points) ──values per point──▶ the verb's study ──▶ OUT/
 *   hypotheses shard folders ──values per read──▶ the test replayed on them (runTests) ──hypothesesStudy──▶ OUT/
 *
 * The tables, charts and report are byte for byte a single run's; the manifest is too, apart
 * from the wall times (`startedAt`: the earliest shard's start; `wallTimeSeconds`: from then
 * to the last shard's end) and the list of shards (`shards`).
 */
import { tmpdir } from 'node:os';
import { readBoundedFile, UnreadableFile } from '../scenario/source.js';
import { dirname, join, resolve } from 'node:path';
import { keyFigures } from '../aggregate/index.js';
import { seriesSource } from '../output/series-parquet.js';
import { coverageLabel } from '../output/partial.js';
import { buildRunOutput } from '../output/run-output.js';
import { listedSeeds, MANIFEST_SEEDS, type PartialCoverage, type ProvenanceFields, type ShardRecord } from '../output/provenance.js';
import { scenarioSchema } from '../scenario/schema.js';
import { readShardFolder, type ShardRead } from '../shard/folder.js';
import { spillAbove } from './session.js';
import { mergeShards, shardRecord, span, type MergedShards } from '../shard/merge.js';
import { checkCompareShards, shardCommand } from '../shard/compare.js';
import { mergeDesignShards, readDesignShard, type DesignShardManifest, type DesignShardRead } from '../shard/design.js';
import { sensitivityDesign, sensitivityRows, sobolDesignPlan, sobolResult, type Factor } from '../research/sensitivity/index.js';
import type { Scenario } from '../scenario/schema.js';
import { countFinite } from '../stats/count-finite.js';
import { mean } from '../stats/mean.js';
import { morrisStudy, type SensitivityStudy } from './sensitivity.js';
import { sobolStudy, type SobolStudy } from './sobol.js';
import { sweepPoints, type SweepAxis } from '../research/sweep/index.js';
import { describeMeasure, type Measure } from '../research/measure.js';
import { sweepStudy, type SweepStudy } from './sweep.js';
import { sha256 } from '../shard/folder.js';
import { mergeHypothesesShards, readHypothesesShard, readKey, type HypothesesShardData } from '../shard/hypotheses.js';
import { replicationSeed } from '../engine/rng.js';
import type { ReadMeasures } from '../research/hypotheses/index.js';
import { hypothesesStudy, planHypotheses, runTests, type HypothesesStudy } from './hypotheses.js';
import { compareResult, type ComparedArm, type CompareResult } from './compare.js';
import { StudyError } from './errors.js';
import { prepareOutputFolder } from './folder.js';
import { safeFolderName } from './options.js';
import type { RunResult } from './run.js';
import { writeStudy } from './write.js';

/** Options of `merge`. */
export interface MergeOptions {
  /** The shard folders, in any order (as written by `run` with `shard`). */
  readonly shards: readonly string[];
  /**
   * Where to write the merged run folder: a folder, or `true` for `copsim-out/<scenario name>`
   * (where a single run would go). Omitted: nothing is written.
   */
  readonly out?: string | true;
  /**
   * Merge even when no shard holds some replications: the output covers those there are and
   * says it is partial (manifest `partial`, report title and footer, chart titles). Default
   * false: such a merge is refused.
   */
  readonly partial?: boolean;
  /** Called with each warning (shards run on different Node.js versions, a replaced folder). */
  readonly onWarning?: (message: string) => void;
}

/** A merged run (`kind: 'run'`): what `run` returns for the whole, and the shards it came from. */
export interface MergedRun extends RunResult {
  /** The shards merged, by first replication. */
  readonly shards: readonly ShardRecord[];
  /** What a partial merge lacks; undefined when every replication is there. */
  readonly partial: PartialCoverage | undefined;
}

/** A merged comparison (`kind: 'compare'`): what `compare` returns for the whole, and the shards. */
export interface MergedComparison extends CompareResult {
  readonly shards: readonly ShardRecord[];
  /** What a partial merge lacks (the same replications of every scenario); undefined when every replication is there. */
  readonly partial: PartialCoverage | undefined;
}

/** A merged sweep (`kind: 'sweep'`): what `sweep` returns for every design point, and the shards. */
export interface MergedSweep extends SweepStudy {
  /** The shards merged, by first design point (`first`, `end`: design points). */
  readonly shards: readonly ShardRecord[];
  /** What a partial merge lacks (design points); undefined when every point is there. */
  readonly partial: DesignCoverage | undefined;
}

/** The design points a partial merge of a sweep has, of how many, and which ranges it lacks. */
export interface DesignCoverage {
  readonly points: number;
  readonly of: number;
  readonly missing: readonly { readonly first: number; readonly end: number }[];
}

/** A partial sweep in words, for its chart titles and messages. */
function designPartialLabel(partial: DesignCoverage): string {
  return coverageLabel(partial.points, partial.of, 'design points', partial.missing);
}

/** A merged Morris screening (`kind: 'sensitivity'`): what `sensitivity` returns for every design point (its `plan.scenarios` empty), and the shards. */
export interface MergedSensitivity extends SensitivityStudy {
  /** The shards merged, by first design point (`first`, `end`: design points). */
  readonly shards: readonly ShardRecord[];
  /** Screenings are merged whole only. */
  readonly partial: undefined;
}

/** A merged Sobol analysis (`kind: 'sobol'`): what `sensitivity` with `method: 'sobol'` returns for every design point (its `plan.scenarios` empty), and the shards. */
export interface MergedSobol extends SobolStudy {
  /** The shards merged, by first design point (`first`, `end`: design points). */
  readonly shards: readonly ShardRecord[];
  /** Sobol analyses are merged whole only. */
  readonly partial: undefined;
}

/** A merged test of hypotheses (`kind: 'hypotheses'`): what `hypotheses` returns for every replication, and the shards. */
export interface MergedHypotheses extends HypothesesStudy {
  /** The shards merged, by first replication. */
  readonly shards: readonly ShardRecord[];
  /** Tests of hypotheses are merged whole only. */
  readonly partial: undefined;
}

/** What `merge` returns: a merged run, comparison, sweep, screening, Sobol analysis or test of hypotheses, by the shards' command. */
export type MergeResult = MergedRun | MergedComparison | MergedSweep | MergedSensitivity | MergedSobol | MergedHypotheses;

/**
 * Merges shard folders into one run's output and, with `out`, writes its run folder: the files
 * `run` writes for the whole, byte for byte apart from the manifest's wall times and shard
 * list.
 *
 * @throws StudyError naming the folder and the field when the shards are not of one run, when
 *   two hold the same replication, when replications are missing (unless `partial`), or when a
 *   shard is damaged
 * @example
 * await run({ runs: 200, shard: { index: 0, count: 2 }, out: 'shards/0' });
 * await run({ runs: 200, shard: { index: 1, count: 2 }, out: 'shards/1' });
 * await merge({ shards: ['shards/0', 'shards/1'], out: 'out/baseline' }); // = run({ runs: 200, out: 'out/baseline' })
 */
export async function merge(options: MergeOptions): Promise<MergeResult> {
  const folders = options.shards;
  if (!Array.isArray(folders) || folders.length === 0) throw new StudyError('merge needs at least one shard folder');
  const warned = new Set<string>();
  const warn = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    options.onWarning?.(message);
  };
  const kinds = await Promise.all(folders.map(async (dir) => ({ dir, ...(await shardCommand(dir)) })));
  const commands = [...new Set(kinds.map((k) => k.command))];
  if (commands.length > 1) {
    const other = kinds.find((k) => k.command !== kinds[0]?.command);
    throw new StudyError(`cannot merge: ${other?.dir ?? ''} is a shard of "copsim ${other?.command ?? ''}" but ${kinds[0]?.dir ?? ''} of "copsim ${kinds[0]?.command ?? ''}"`);
  }
  if (commands[0] === 'compare') return mergeComparison(kinds, options, warn);
  if (commands[0] === 'sweep') return mergeSweep(kinds, options, warn);
  if (commands[0] === 'hypotheses') return mergeHypotheses(kinds, options, warn);
  if (commands[0] === 'sensitivity') {
    const methods = new Set(kinds.map((k) => String((k.manifest['study'] as { method?: unknown } | undefined)?.method ?? 'morris')));
    if (methods.size > 1) throw new StudyError(`cannot merge: the shards are of different sensitivity methods (${[...methods].join(', ')})`);
    return methods.has('sobol') ? mergeSobol(kinds, options, warn) : mergeSensitivity(kinds, options, warn);
  }
  const reads: ShardRead[] = [];
  for (const dir of folders) reads.push(await readShardFolder(dir));
  const merged = mergeShards(reads, { partial: options.partial === true, spill: scratch() });
  const { base } = merged;
  if (base.command !== 'run') {
    throw new StudyError(`${reads[0]?.dir ?? ''} is a shard of "copsim ${base.command}"; merge combines shards of copsim run and copsim compare`);
  }
  const nodes = [...new Set(merged.shards.map((s) => s.node))];
  if (nodes.length > 1) warn(`the shards ran on different Node.js versions (${nodes.join(', ')}); the manifest names the first shard's`);
  const name = base.scenarioName;
  const out = await prepareOutputFolder(options.out, safeFolderName(name), warn);
  if (out !== undefined) {
    const inside = reads.find((r) => resolve(r.dir) === resolve(out));
    if (inside !== undefined) throw new StudyError(`cannot write the merge into ${out}: it is one of the shards; name another folder with --out`);
  }
  const parsed = scenarioSchema.safeParse(base.scenario);
  if (!parsed.success) throw new StudyError(`${reads[0]?.dir ?? ''}/manifest.json: its scenario is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  const scenario = parsed.data;
  const first = merged.shards[0] as ShardRecord;
  const { startedAt, wallTimeSeconds } = span(merged.shards);
  const workers = Math.max(...merged.shards.map((s) => s.workers));
  const built = buildRunOutput(merged.collected, {
    scenario,
    scenarioName: name,
    scenarioSource: base.scenarioSource,
    masterSeed: base.masterSeed,
    workers,
    startedAt,
    wallTimeSeconds,
  });
  const partial = merged.partial;
  const output = {
    ...built,
    // Slots are replications in index order; a partial merge names each by its own index.
    replications: partial === undefined ? built.replications : built.replications.withIndices((r) => merged.indices[r] as number),
    series: seriesSource(merged.collected, (r) => merged.indices[r] as number),
    manifest: { ...built.manifest, node: first.node, ...(partial === undefined ? {} : { partial }), shards: [...merged.shards] },
  };
  const result: MergedRun = {
    kind: 'run',
    name,
    source: base.scenarioSource,
    scenario,
    collected: merged.collected,
    output,
    figures: keyFigures(merged.collected),
    out,
    shards: merged.shards,
    partial,
  };
  if (out !== undefined) await writeStudy(out, result);
  return result;
}

/**
 * A merge's provenance: the shards' version, master seed and runs, the most worker threads a
 * shard used, the first shard's Node.js, and the span of the shards' clocks.
 */
function mergedFields(
  base: { readonly copsim: string; readonly masterSeed: number; readonly runs: number },
  records: readonly ShardRecord[],
  seeds: ProvenanceFields['seeds'],
): ProvenanceFields {
  return {
    copsim: base.copsim,
    masterSeed: base.masterSeed,
    runs: base.runs,
    workers: Math.max(...records.map((r) => r.workers)),
    node: (records[0] as ShardRecord).node,
    ...span(records),
    seeds,
  };
}

/** Where a merge keeps large weekly values while it writes: the system's temporary folder, past `spillAbove()`. */
function scratch(): { dir: string; above: number } {
  return { dir: tmpdir(), above: spillAbove() };
}

/** Merges comparison shards: each compared scenario's shards as a run's, then the comparison of the merged scenarios. */
async function mergeComparison(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
): Promise<MergedComparison> {
  const arms = checkCompareShards(kinds);
  const merged: MergedShards[] = [];
  for (const arm of arms) {
    const reads: ShardRead[] = [];
    for (const kind of kinds) reads.push(await readShardFolder(join(kind.dir, arm.folder)));
    merged.push(mergeShards(reads, { partial: options.partial === true, spill: scratch() }));
  }
  // Every scenario's shards are slices of the same comparison shards, so they miss the same replications.
  const partial = (merged[0] as MergedShards).partial;
  const indices = (merged[0] as MergedShards).indices;
  const records: ShardRecord[] = (merged[0] as MergedShards).shards.map((s) => ({ ...s, folder: dirname(s.folder) }));
  const nodes = [...new Set(records.map((s) => s.node))];
  if (nodes.length > 1) warn(`the shards ran on different Node.js versions (${nodes.join(', ')}); the manifests name the first shard's`);
  const named: ComparedArm[] = arms.map((arm, i) => {
    const base = (merged[i] as MergedShards).base;
    const parsed = scenarioSchema.safeParse(base.scenario);
    if (!parsed.success) throw new StudyError(`${join(kinds[0]?.dir ?? '', arm.folder)}/manifest.json: its scenario is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
    return { name: arm.name, source: arm.source, set: arm.set, scenario: parsed.data };
  });
  const out = await prepareOutputFolder(options.out, safeFolderName(`compare-${arms.map((a) => a.name).join('-vs-')}`), warn);
  if (out !== undefined && kinds.some((k) => resolve(k.dir) === resolve(out))) {
    throw new StudyError(`cannot write the merge into ${out}: it is one of the shards; name another folder with --out`);
  }
  const base = (merged[0] as MergedShards).base;
  const fields = mergedFields(base, records, listedSeeds((merged[0] as MergedShards).collected.seeds));
  const result = compareResult(
    named,
    merged.map((m) => m.collected),
    fields,
    out,
    { shards: records, ...(partial === undefined ? {} : { partial, indices }) },
  );
  const comparison: MergedComparison = { ...result, shards: records, partial };
  if (out !== undefined) await writeStudy(out, comparison);
  return comparison;
}

/** What the shards of a design (a sweep's, a screening's) merge into, before the verb builds its study. */
interface MergedDesign {
  readonly base: DesignShardManifest;
  readonly scenario: Scenario;
  /** The measure in every replication, per design point there is, in point order. */
  readonly values: Float64Array[];
  /** The design points no shard holds (a partial merge; empty otherwise). */
  readonly missing: readonly { readonly first: number; readonly end: number }[];
  readonly records: ShardRecord[];
  readonly fields: ProvenanceFields;
  readonly out: string | undefined;
}

/** Reads and merges the shards of a design, and prepares the output folder (`folder` names the default from the base). */
async function mergeDesign(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
  folder: (base: DesignShardManifest) => string,
): Promise<MergedDesign> {
  const command = String(kinds[0]?.manifest['command'] ?? '');
  if (options.partial === true && command !== 'sweep') throw new StudyError(`--partial merges shards of copsim run, compare and sweep only: a ${command} is merged whole`);
  const reads: DesignShardRead[] = [];
  for (const kind of kinds) reads.push(await readDesignShard(kind.dir, kind.manifest));
  const { base, ordered, values, missing } = mergeDesignShards(reads, { partial: options.partial === true });
  const parsed = scenarioSchema.safeParse(base.scenario);
  if (!parsed.success) throw new StudyError(`${ordered[0]?.dir ?? ''}/manifest.json: its scenario is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  const records = ordered.map(({ dir, manifest }) => shardRecord(dir, manifest));
  const nodes = [...new Set(records.map((r) => r.node))];
  if (nodes.length > 1) warn(`the shards ran on different Node.js versions (${nodes.join(', ')}); the manifest names the first shard's`);
  const out = await prepareOutputFolder(options.out, folder(base), warn);
  if (out !== undefined && kinds.some((k) => resolve(k.dir) === resolve(out))) {
    throw new StudyError(`cannot write the merge into ${out}: it is one of the shards; name another folder with --out`);
  }
  const fields = mergedFields(base, records, base.seeds);
  return { base, scenario: parsed.data, values, missing, records, fields, out };
}

/** Merges sweep shards (slices of the design points) into the sweep of every point. */
async function mergeSweep(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
): Promise<MergedSweep> {
  const axesOf = (base: DesignShardManifest) => (base.study as { axes: SweepAxis[] }).axes;
  const merged = await mergeDesign(kinds, options, warn, (base) => {
    const varied = axesOf(base).map((axis) => axis.path.split('.').pop() ?? axis.path).join('-');
    return `${safeFolderName(base.scenarioName)}-sweep-${safeFolderName(varied)}`;
  });
  const { base, records, out } = merged;
  const study = base.study as { axes: SweepAxis[]; measure: Measure; cop: string };
  const all = sweepPoints(study.axes);
  const lacking = (index: number) => merged.missing.some((m) => index >= m.first && index < m.end);
  const points = all.filter((point) => !lacking(point.index));
  const partial = merged.missing.length === 0 ? undefined : { points: points.length, of: all.length, missing: merged.missing.map((m) => ({ ...m })) };
  const sweep = sweepStudy({
    base: { scenario: merged.scenario, name: base.scenarioName, source: base.scenarioSource },
    axes: study.axes,
    measure: study.measure,
    cop: study.cop,
    points,
    values: merged.values,
    fields: merged.fields,
    out,
    extra: { ...(partial === undefined ? {} : { partial }), shards: records },
    ...(partial === undefined ? {} : { note: ` (${designPartialLabel(partial)})` }),
  });
  if (partial !== undefined) warn(`the merge is ${designPartialLabel(partial)}`);
  const result: MergedSweep = { ...sweep, shards: records, partial };
  if (out !== undefined) await writeStudy(out, result);
  return result;
}

/** Merges Sobol shards (slices of the Saltelli design's points) into the analysis of every point. */
async function mergeSobol(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
): Promise<MergedSobol> {
  const merged = await mergeDesign(kinds, options, warn, (base) => `${safeFolderName(base.scenarioName)}-sobol`);
  const { base, records, out } = merged;
  const study = base.study as { factors: Factor[]; measures: Measure[]; cop: string; samples: number; designSeed: number; paramsFrom: string };
  // The design is redrawn from its seed; the design points' scenarios are the shards' to simulate.
  const plan = sobolDesignPlan({ factors: study.factors, measures: study.measures, samples: study.samples, seed: study.designSeed, cop: study.cop });
  const runs = base.runs;
  const slices = (m: number) => merged.values.map((v) => v.subarray(m * runs, (m + 1) * runs));
  const outputs = study.measures.map((_, m) => Float64Array.from(slices(m), (v) => mean(v)));
  const counts = study.measures.map((_, m) => slices(m).map((v) => countFinite(v)));
  const sobol = sobolStudy({
    base: { scenario: merged.scenario, name: base.scenarioName, source: base.scenarioSource },
    factors: study.factors,
    measures: study.measures,
    measureTexts: study.measures.map((measure) => describeMeasure({ ...measure, cop: measure.cop ?? study.cop })),
    samples: study.samples,
    designPoints: base.points,
    runs,
    paramsFrom: study.paramsFrom,
    result: sobolResult(plan, outputs, counts),
    fields: merged.fields,
    out,
    extra: { shards: records },
  });
  const result: MergedSobol = { ...sobol, shards: records, partial: undefined };
  if (out !== undefined) await writeStudy(out, result);
  return result;
}

/** Merges Morris screening shards (slices of the design points) into the screening of every point. */
async function mergeSensitivity(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
): Promise<MergedSensitivity> {
  const merged = await mergeDesign(kinds, options, warn, (base) => `${safeFolderName(base.scenarioName)}-sensitivity`);
  const { base, records, out } = merged;
  const study = base.study as { factors: Factor[]; measure: Measure; cop: string; trajectories: number; levels: number; designSeed: number };
  const design = sensitivityDesign(study.factors, { seed: study.designSeed, trajectories: study.trajectories, levels: study.levels });
  const outputs = Float64Array.from(merged.values, (v) => mean(v));
  const counts = merged.values.map((v) => countFinite(v));
  // The design points' scenarios are the shards' to simulate; a merge has their measures only.
  const plan = { design, measure: study.measure, scenarios: [], cop: study.cop };
  const screening = morrisStudy({
    base: { scenario: merged.scenario, name: base.scenarioName, source: base.scenarioSource },
    factors: study.factors,
    measure: study.measure,
    trajectories: study.trajectories,
    levels: study.levels,
    seed: study.designSeed,
    result: { plan, outputs, counts, rows: sensitivityRows(design, outputs) },
    fields: merged.fields,
    out,
    extra: { shards: records },
  });
  const result: MergedSensitivity = { ...screening, shards: records, partial: undefined };
  if (out !== undefined) await writeStudy(out, result);
  return result;
}

/**
 * Merges the shards of a test of hypotheses: reads the hypothesis file again (checked against
 * the SHA-256 the shards recorded), replays the test on the shards' values, read by read (each
 * checked against the key the shards recorded), and writes the files of a single test.
 */
async function mergeHypotheses(
  kinds: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[],
  options: MergeOptions,
  warn: (message: string) => void,
): Promise<MergedHypotheses> {
  if (options.partial === true) throw new StudyError('--partial merges shards of copsim run, compare and sweep only: a test of hypotheses is merged whole (its verdicts need every pair)');
  const reads: HypothesesShardData[] = [];
  for (const kind of kinds) reads.push(await readHypothesesShard(kind.dir, kind.manifest));
  const { base, ordered, values } = mergeHypothesesShards(reads);
  const { study } = base;
  const from = (ordered[0] as HypothesesShardData).dir;
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(study.file);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw new StudyError(
      `cannot merge: the shards tested the hypothesis file ${study.file}, which a merge reads again, and it cannot be read: ${error.reason}; ` +
        'run the merge from the folder the shards ran in, with the same files',
    );
  }
  if (sha256(bytes) !== study.fileSha256) {
    throw new StudyError(`cannot merge: ${study.file} has changed since the shards tested it (its SHA-256 differs from the one in ${join(from, 'manifest.json')}); compute the shards again`);
  }
  const plan = planHypotheses({
    file: study.file,
    only: study.only.length === 0 ? undefined : study.only,
    sets: study.sets,
    runs: base.runs,
    seed: base.masterSeed,
    untilDecided: false,
    maxRuns: study.maxRuns,
    ablate: study.ablate,
    contexts: study.contexts,
    warn,
  });
  const records = ordered.map(({ dir, manifest }) => shardRecord(dir, manifest));
  const nodes = [...new Set(records.map((r) => r.node))];
  if (nodes.length > 1) warn(`the shards ran on different Node.js versions (${nodes.join(', ')}); the manifest names the first shard's`);
  const out = await prepareOutputFolder(options.out, 'hypotheses', warn);
  if (out !== undefined && kinds.some((k) => resolve(k.dir) === resolve(out))) {
    throw new StudyError(`cannot write the merge into ${out}: it is one of the shards; name another folder with --out`);
  }
  // The test is replayed: each read takes the shards' values, provided it is the read they made.
  let next = 0;
  const measures: ReadMeasures = async (scenario, runs, wanted) => {
    const at = next++;
    const recorded = base.reads[at];
    if (recorded === undefined || recorded.key !== readKey(scenario, runs, wanted)) {
      throw new StudyError(
        `cannot merge: read ${at + 1} of the test is not the one the shards made: a scenario the hypotheses name, or copsim, has changed since the shards ran; compute the shards again`,
      );
    }
    return Promise.resolve((values[at] as Float64Array[]).map((v) => v.slice()));
  };
  const results = await runTests(plan, measures);
  if (next !== base.reads.length) throw new StudyError(`cannot merge: the test made ${next} reads but the shards hold ${base.reads.length}; compute the shards again`);
  const fields = mergedFields(base, records, listedSeeds(Array.from({ length: Math.min(base.runs, MANIFEST_SEEDS) }, (_, i) => replicationSeed(base.masterSeed, i))));
  const merged = hypothesesStudy(plan, results, fields, out, { shards: records });
  const result: MergedHypotheses = { ...merged, shards: records, partial: undefined };
  if (out !== undefined) await writeStudy(out, result);
  return result;
}
