/**
 * `merge`: the shards of a run, computed apart (`run` with `shard`, `copsim run --shard k/n`),
 * combined into the run folder a single run of the whole writes. The library verb behind
 * `copsim merge`.
 *
 *   shard folders ──readShardFolder──▶ ShardRead[] ──mergeShards (agree? each replication once?)──▶ Collected
 *                 ──buildRunOutput──▶ RunOutput (+ the shard list) ──writeStudy──▶ OUT/ (optional)
 *
 * The tables, charts and report are byte for byte a single run's; the manifest is too, apart
 * from the wall times (`startedAt`: the earliest shard's start; `wallTimeSeconds`: from then
 * to the last shard's end) and the list of shards (`shards`).
 */
import { resolve } from 'node:path';
import { keyFigures } from '../aggregate/index.js';
import { buildRunOutput } from '../output/run-output.js';
import type { PartialCoverage, ShardRecord } from '../output/provenance.js';
import { scenarioSchema } from '../scenario/schema.js';
import { readShardFolder, type ShardRead } from '../shard/folder.js';
import { mergeShards, span } from '../shard/merge.js';
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

/** A merged run: what `run` returns for the whole, and the shards it came from. */
export interface MergeResult extends RunResult {
  /** The shards merged, by first replication. */
  readonly shards: readonly ShardRecord[];
  /** What a partial merge lacks; undefined when every replication is there. */
  readonly partial: PartialCoverage | undefined;
}

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
  const reads: ShardRead[] = [];
  for (const dir of folders) reads.push(await readShardFolder(dir));
  const merged = mergeShards(reads, { partial: options.partial === true });
  const { base } = merged;
  if (base.command !== 'run') {
    throw new StudyError(`${reads[0]?.dir ?? ''} is a shard of "copsim ${base.command}"; merge combines shards of copsim run`);
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
    replications: partial === undefined ? built.replications : built.replications.map((row) => ({ ...row, replication: merged.indices[row.replication] as number })),
    manifest: { ...built.manifest, node: first.node, ...(partial === undefined ? {} : { partial }), shards: [...merged.shards] },
  };
  const result: MergeResult = {
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
