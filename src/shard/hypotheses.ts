/**
 * A shard of a test of hypotheses: the same slice of replications of every simulation the test
 * makes (each distinct arm, each knock-out, each context), and the measures read from each.
 *
 *   DIR/values.f64      float64 little-endian, no header: per read of the test, in the order the
 *                       test makes them, each measure in turn over the slice's replications, in
 *                       index order
 *   DIR/manifest.json   command "hypotheses", shard (first and end replication), provenance, the
 *                       study's options (`study`: the hypothesis file, its SHA-256, the ids, the
 *                       settings), the reads (`reads`: each one's key and number of measures), and
 *                       the data file's size and SHA-256
 *
 * A test's verdicts, ablations and contexts are made of the measures' values alone, and the
 * reads a test makes do not depend on those values (shards refuse `untilDecided`, whose rounds
 * do), so a merge replays the test on the shards' values and writes a single test's files.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import type { ProvenanceFields } from '../output/provenance.js';
import type { Measure } from '../research/measure.js';
import { scenarioKey } from '../research/hypotheses/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from '../study/errors.js';
import { fromLittleEndian, littleEndianBytes, sha256 } from './folder.js';
import { coverage, firstDifference } from './merge.js';
import { rangeText, type ShardSlice } from './spec.js';

/** The data file of a hypotheses shard. */
export const HYPOTHESES_DATA_FILE = 'values.f64';

/** What a merge needs to test the hypotheses again on the shards' values. */
export interface HypothesesShardStudy {
  /** The hypothesis file as given to the shards. */
  readonly file: string;
  /** SHA-256 of its bytes when the shards read it. */
  readonly fileSha256: string;
  /** `only`'s ids (empty: all of the file's). */
  readonly only: readonly string[];
  /** The overrides applied to every arm (with `weeks` as weeks=N). */
  readonly sets: readonly string[];
  readonly maxRuns: number;
  readonly ablate: boolean;
  readonly contexts: boolean;
}

/** One read of the test: which simulation and which measures (a SHA-256 of both), and how many measures. */
export interface HypothesesShardRead {
  readonly key: string;
  readonly measures: number;
}

/** The manifest of a hypotheses shard folder. */
export interface HypothesesShardManifest extends Omit<ProvenanceFields, 'seeds'> {
  readonly command: 'hypotheses';
  readonly shard: ShardSlice;
  readonly study: HypothesesShardStudy;
  readonly reads: readonly HypothesesShardRead[];
  readonly data: { readonly file: string; readonly format: string; readonly values: number; readonly bytes: number; readonly sha256: string };
}

/** A hypotheses shard read back: its manifest, and per read, each measure's values over the slice. */
export interface HypothesesShardData {
  readonly dir: string;
  readonly manifest: HypothesesShardManifest;
  readonly values: Float64Array[][];
}

/**
 * The key of a read: a SHA-256 of the scenario simulated, the replications and the measures,
 * so that a merge can tell that it replays the reads the shards made.
 */
export function readKey(scenario: Scenario, runs: number, measures: readonly Measure[]): string {
  return sha256(`${scenarioKey(scenario)}\u0000${runs}\u0000${JSON.stringify(measures)}`);
}

/** Writes a hypotheses shard folder: values.f64, then manifest.json (an earlier one removed first). */
export async function writeHypothesesShard(
  dir: string,
  shard: {
    readonly slice: ShardSlice;
    readonly fields: ProvenanceFields;
    readonly study: HypothesesShardStudy;
    /** Per read, in order: its key and each measure's values over the slice. */
    readonly reads: readonly { readonly key: string; readonly values: readonly Float64Array[] }[];
  },
): Promise<string> {
  await makeDirectory(dir);
  const manifestFile = join(dir, 'manifest.json');
  await rm(manifestFile, { force: true });
  const { slice, fields } = shard;
  const count = slice.end - slice.first;
  const total = shard.reads.reduce((n, r) => n + r.values.length * count, 0);
  const all = new Float64Array(total);
  let at = 0;
  for (const read of shard.reads) {
    for (const values of read.values) {
      if (values.length !== count) throw new Error(`hypotheses shard: a read has ${values.length} values, expected ${count}`);
      all.set(values, at);
      at += count;
    }
  }
  const bytes = littleEndianBytes(all);
  await writeFileAtomic(join(dir, HYPOTHESES_DATA_FILE), bytes);
  const manifest: HypothesesShardManifest = {
    copsim: fields.copsim,
    command: 'hypotheses',
    shard: slice,
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    study: shard.study,
    reads: shard.reads.map((r) => ({ key: r.key, measures: r.values.length })),
    data: {
      file: HYPOTHESES_DATA_FILE,
      format: 'float64 little-endian, no header; per read of the test, in order: each measure in turn, in each replication of the shard, in index order',
      values: total,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
    },
  };
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Reads a hypotheses shard folder back, checking its manifest's fields and its data file's
 * size and SHA-256.
 *
 * @throws StudyError naming the folder or file and what is wrong
 */
export async function readHypothesesShard(dir: string, manifest: Record<string, unknown>): Promise<HypothesesShardData> {
  const file = join(dir, 'manifest.json');
  const whole = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  const shard = manifest['shard'] as { first?: unknown; end?: unknown } | null;
  if (shard === null || typeof shard !== 'object' || !whole(shard.first) || !whole(shard.end) || shard.end <= shard.first) {
    throw new StudyError(`${file}, field shard: expected first and end, whole numbers with first < end`);
  }
  for (const key of ['masterSeed', 'runs', 'workers']) {
    if (!whole(manifest[key])) throw new StudyError(`${file}, field ${key}: expected a whole number`);
  }
  if (shard.end > (manifest['runs'] as number)) throw new StudyError(`${file}, field shard: replications ${rangeText(shard.first, shard.end)} lie beyond the runs (${String(manifest['runs'])})`);
  const study = manifest['study'] as Partial<Record<keyof HypothesesShardStudy, unknown>> | null;
  if (
    study === null ||
    typeof study !== 'object' ||
    typeof study.file !== 'string' ||
    typeof study.fileSha256 !== 'string' ||
    !isStrings(study.only) ||
    !isStrings(study.sets) ||
    !whole(study.maxRuns) ||
    typeof study.ablate !== 'boolean' ||
    typeof study.contexts !== 'boolean'
  ) {
    throw new StudyError(`${file}, field study: expected the test's hypothesis file, its SHA-256, ids, settings, ablate and contexts`);
  }
  const reads = manifest['reads'];
  if (!Array.isArray(reads) || !reads.every((r: { key?: unknown; measures?: unknown }) => typeof r?.key === 'string' && whole(r.measures) && r.measures > 0)) {
    throw new StudyError(`${file}, field reads: expected the test's reads, each a key and a number of measures`);
  }
  const data = manifest['data'] as { file?: unknown; bytes?: unknown; sha256?: unknown } | null;
  if (data === null || typeof data !== 'object' || typeof data.file !== 'string' || /[\\/]/.test(data.file) || !whole(data.bytes) || typeof data.sha256 !== 'string') {
    throw new StudyError(`${file}, field data: expected the data file's name, size and SHA-256`);
  }
  const path = join(dir, data.file);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new StudyError(`cannot read ${path}, the shard's values: ${error.code === 'ENOENT' ? 'it is missing' : error.message}`);
  });
  const count = shard.end - shard.first;
  const measures = (reads as HypothesesShardRead[]).reduce((n, r) => n + r.measures, 0);
  if (bytes.byteLength !== data.bytes || bytes.byteLength !== measures * count * 8) {
    throw new StudyError(`${path} has ${bytes.byteLength} bytes, not ${measures} measures of ${count} replications: the shard is damaged or incomplete; compute it again`);
  }
  if (sha256(bytes) !== data.sha256) throw new StudyError(`${path} does not match the SHA-256 in ${file}: the shard is damaged; compute it again`);
  const all = fromLittleEndian(bytes);
  let at = 0;
  const values = (reads as HypothesesShardRead[]).map((r) =>
    Array.from({ length: r.measures }, () => {
      const slice = all.slice(at, at + count);
      at += count;
      return slice;
    }),
  );
  return { dir, manifest: manifest as unknown as HypothesesShardManifest, values };
}

/**
 * Merges hypotheses shards: checks that they are of one test and hold every replication exactly
 * once, and returns, per read, each measure's values over every replication.
 *
 * @throws StudyError naming the folder and the field that differs, the replications two shards
 *   share, or those no shard holds
 */
export function mergeHypothesesShards(shards: readonly HypothesesShardData[]): {
  base: HypothesesShardManifest;
  ordered: HypothesesShardData[];
  values: Float64Array[][];
} {
  const [first, ...rest] = shards;
  if (first === undefined) throw new StudyError('name at least one shard folder to merge');
  const base = first.manifest;
  for (const shard of rest) {
    for (const field of ['copsim', 'masterSeed', 'runs', 'study', 'reads'] as const) {
      const a = JSON.stringify(base[field]);
      const b = JSON.stringify(shard.manifest[field]);
      if (a !== b) {
        const path = field === 'study' || field === 'reads' ? firstDifference(base[field], shard.manifest[field], field) ?? field : field;
        throw new StudyError(`cannot merge: ${shard.dir} and ${first.dir} differ in ${path}; shards of one test of hypotheses agree on it`);
      }
    }
  }
  const { ordered, missing } = coverage(shards, base.runs);
  if (missing.length > 0) {
    throw new StudyError(
      `cannot merge: no shard holds replications ${missing.map((m) => rangeText(m.first, m.end)).join(', ')} (of 0–${base.runs - 1}); ` +
        'merge every shard (a test of hypotheses is merged whole: its verdicts need every pair)',
    );
  }
  const values = base.reads.map((read, r) =>
    Array.from({ length: read.measures }, (_, m) => {
      const whole = new Float64Array(base.runs);
      for (const shard of ordered) whole.set(shard.values[r]?.[m] as Float64Array, shard.manifest.shard.first);
      return whole;
    }),
  );
  return { base, ordered, values };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
