/**
 * A shard of a design (a sweep's grid): a contiguous slice of its design points, each simulated
 * with every replication, and the measure's value in every replication of each point.
 *
 *   DIR/values.f64      float64 little-endian, no header: per point of the slice, in point order,
 *                       the measure's value in each of the `runs` replications, in index order
 *   DIR/manifest.json   command, shard (first and end point), points, provenance, the study's
 *                       design (`study`: what the merge needs to rebuild the tables and charts),
 *                       the data file's size and SHA-256, and the base scenario
 *
 * The measure's values are all a sweep's tables and charts are made of, so the merge of a
 * design's shards writes a single study's files.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { sortKeys, type ProvenanceFields } from '../output/provenance.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from '../study/errors.js';
import { fromLittleEndian, littleEndianBytes, sha256 } from './folder.js';
import { firstDifference, coverage } from './merge.js';
import { rangeText, type ShardSlice } from './spec.js';

/** The data file of a design's shard. */
export const DESIGN_DATA_FILE = 'values.f64';

/** The manifest of a design's shard folder. */
export interface DesignShardManifest {
  readonly copsim: string;
  readonly command: string;
  /** The design points this shard holds. */
  readonly shard: ShardSlice;
  /** Design points of the whole study. */
  readonly points: number;
  readonly scenarioName: string;
  readonly scenarioSource: string;
  readonly masterSeed: number;
  /** Replications per point. */
  readonly runs: number;
  readonly weeks: number;
  readonly workers: number;
  readonly node: string;
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
  readonly seeds: ProvenanceFields['seeds'];
  /** What the verb needs to rebuild its tables and charts (axes, measure, ...), as JSON. */
  readonly study: Record<string, unknown>;
  readonly data: { readonly file: string; readonly format: string; readonly valuesPerPoint: number; readonly bytes: number; readonly sha256: string };
  readonly scenario: Scenario;
}

/** A design's shard read back. */
export interface DesignShardRead {
  readonly dir: string;
  readonly manifest: DesignShardManifest;
  /** The measure's values, one array of `runs` per point of the slice. */
  readonly values: Float64Array[];
}

/** Writes a design's shard folder: values.f64, then manifest.json (an earlier one removed first). */
export async function writeDesignShard(
  dir: string,
  shard: {
    readonly command: string;
    readonly slice: ShardSlice;
    readonly points: number;
    readonly base: { readonly scenario: Scenario; readonly name: string; readonly source: string };
    readonly fields: ProvenanceFields;
    readonly study: Record<string, unknown>;
    /** One array of `measures × fields.runs` values per point of the slice. */
    readonly values: readonly Float64Array[];
    /** Measures read at each point (a Sobol analysis's several), each over the runs; default 1. */
    readonly measures?: number;
  },
): Promise<string> {
  await makeDirectory(dir);
  const manifestFile = join(dir, 'manifest.json');
  await rm(manifestFile, { force: true });
  const runs = shard.fields.runs;
  const per = (shard.measures ?? 1) * runs;
  const all = new Float64Array(shard.values.length * per);
  shard.values.forEach((values, i) => {
    if (values.length !== per) throw new Error(`design shard: point ${shard.slice.first + i} has ${values.length} values, expected ${per}`);
    all.set(values, i * per);
  });
  const bytes = littleEndianBytes(all);
  await writeFileAtomic(join(dir, DESIGN_DATA_FILE), bytes);
  const { fields } = shard;
  const manifest: DesignShardManifest = {
    copsim: fields.copsim,
    command: shard.command,
    shard: shard.slice,
    points: shard.points,
    scenarioName: shard.base.name,
    scenarioSource: shard.base.source,
    masterSeed: fields.masterSeed,
    runs,
    weeks: shard.base.scenario.weeks,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    seeds: fields.seeds,
    study: shard.study,
    data: {
      file: DESIGN_DATA_FILE,
      format:
        'float64 little-endian, no header; per design point of the shard, in order: each measure in turn (one, or study.measures in order), in each replication, in index order',
      valuesPerPoint: per,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
    },
    scenario: sortKeys(shard.base.scenario) as Scenario,
  };
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Reads a design's shard folder back, checking its data file's size and SHA-256.
 *
 * @throws StudyError naming the folder or file and what is wrong
 */
export async function readDesignShard(dir: string, manifest: Record<string, unknown>): Promise<DesignShardRead> {
  const file = join(dir, 'manifest.json');
  const shard = manifest['shard'] as { first?: unknown; end?: unknown } | null;
  const whole = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (shard === null || typeof shard !== 'object' || !whole(shard.first) || !whole(shard.end) || shard.end <= shard.first) {
    throw new StudyError(`${file}, field shard: expected first and end, whole numbers with first < end`);
  }
  for (const key of ['points', 'masterSeed', 'runs', 'weeks', 'workers']) {
    if (!whole(manifest[key])) throw new StudyError(`${file}, field ${key}: expected a whole number`);
  }
  const data = manifest['data'] as { file?: unknown; bytes?: unknown; sha256?: unknown; valuesPerPoint?: unknown } | null;
  if (data === null || typeof data !== 'object' || typeof data.file !== 'string' || /[\\/]/.test(data.file) || !whole(data.bytes) || typeof data.sha256 !== 'string') {
    throw new StudyError(`${file}, field data: expected the data file's name, size and SHA-256`);
  }
  if (manifest['study'] === null || typeof manifest['study'] !== 'object') throw new StudyError(`${file}, field study: expected the study's design`);
  const path = join(dir, data.file);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new StudyError(`cannot read ${path}, the shard's values: ${error.code === 'ENOENT' ? 'it is missing' : error.message}`);
  });
  const runs = manifest['runs'] as number;
  const per = data.valuesPerPoint === undefined ? runs : data.valuesPerPoint;
  if (!whole(per) || per === 0 || per % runs !== 0) throw new StudyError(`${file}, field data.valuesPerPoint: expected a whole multiple of runs (${runs})`);
  const count = shard.end - shard.first;
  if (bytes.byteLength !== data.bytes || bytes.byteLength !== count * per * 8) {
    throw new StudyError(`${path} has ${bytes.byteLength} bytes, not ${count} points of ${per} values: the shard is damaged or incomplete; compute it again`);
  }
  if (sha256(bytes) !== data.sha256) {
    throw new StudyError(`${path} does not match the SHA-256 in ${file}: the shard is damaged; compute it again`);
  }
  const all = fromLittleEndian(bytes);
  const values = Array.from({ length: count }, (_, i) => all.slice(i * per, (i + 1) * per));
  return { dir, manifest: manifest as unknown as DesignShardManifest, values };
}

/**
 * Merges a design's shards: checks that they are of one study and hold every point exactly
 * once, and returns every point's values in point order. With `partial`, points no shard holds
 * are allowed: `values` are those of the points there are, and `missing` names the others.
 *
 * @throws StudyError naming the folder and the field that differs, the points two shards share,
 *   or the points no shard holds
 */
export function mergeDesignShards(
  shards: readonly DesignShardRead[],
  options: { readonly partial?: boolean } = {},
): { base: DesignShardManifest; ordered: DesignShardRead[]; values: Float64Array[]; missing: { first: number; end: number }[] } {
  const [first, ...rest] = shards;
  if (first === undefined) throw new StudyError('name at least one shard folder to merge');
  const base = first.manifest;
  for (const shard of rest) {
    for (const field of ['copsim', 'command', 'masterSeed', 'runs', 'weeks', 'points', 'scenarioName', 'scenarioSource', 'study'] as const) {
      const a = JSON.stringify(base[field]);
      const b = JSON.stringify(shard.manifest[field]);
      if (a !== b) {
        const path = field === 'study' ? firstDifference(base.study, shard.manifest.study, 'study') ?? 'study' : field;
        throw new StudyError(`cannot merge: ${shard.dir} and ${first.dir} differ in ${path}; shards of one ${base.command} agree on it`);
      }
    }
    const path = firstDifference(base.scenario, shard.manifest.scenario, 'scenario');
    if (path !== undefined) throw new StudyError(`cannot merge: ${shard.dir} and ${first.dir} simulated different scenarios: field ${path} differs`);
  }
  const { ordered, missing } = coverage(shards, base.points, 'design points');
  if (missing.length > 0 && options.partial !== true) {
    throw new StudyError(
      `cannot merge: no shard holds design point${missing.length === 1 && missing[0]?.end === (missing[0]?.first ?? 0) + 1 ? '' : 's'} ${missing.map((m) => rangeText(m.first, m.end)).join(', ')} (of 0–${base.points - 1}); ${base.command === 'sweep' ? 'merge every shard, or give --partial to merge the points there are (the output then says it is partial)' : `merge every shard (a ${base.command} is merged whole)`}`,
    );
  }
  return { base, ordered, values: ordered.flatMap((s) => s.values), missing };
}
