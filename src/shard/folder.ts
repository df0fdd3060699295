/**
 * A shard folder: what one shard of a run keeps so that a merge can write, byte for byte, the
 * files a single run of the whole would have written.
 *
 *   Collected (replications first .. end − 1) ──writeShardFolder──▶ DIR/replications.f64, DIR/manifest.json
 *   DIR ──readShardFolder──▶ ShardRead (manifest, the replications' exact values)
 *
 * summary.csv holds means, intervals and quantiles over every replication, so a shard keeps
 * every replication's weekly series and per-run figures, not a summary. They are kept exactly,
 * as the bits of IEEE 754 doubles, in `replications.f64`: no header, one record per replication
 * in index order, each record `1 + C·M·W + C·F` little-endian float64 values —
 *
 *   [0]                      the replication's seed (a uint32, exact as a double)
 *   [1 + (c·M + m)·W + w]    weekly metric m (WEEKLY_METRICS order) of CoP c in week w
 *   [1 + C·M·W + c·F + f]    run figure f (RUN_FIGURES order) of CoP c
 *
 * for C CoPs (`data.copIds`), M = N_WEEKLY metrics, W weeks and F = N_FIGURES figures. The
 * manifest says which replications the file holds (`shard`), its size and SHA-256, and
 * everything a merge checks the shards agree on (version, resolved scenario, master seed,
 * weeks, runs). It is written last, so a manifest marks a complete shard.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { weeklyOfReplication } from '../aggregate/cells.js';
import type { Collected } from '../aggregate/types.js';
import { N_FIGURES, N_WEEKLY } from '../engine/result.js';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { listedSeeds, sortKeys, type ProvenanceFields } from '../output/provenance.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from '../study/errors.js';
import type { ShardSlice } from './spec.js';

/** The file of a shard folder that holds its replications' values. */
export const SHARD_DATA_FILE = 'replications.f64';

/** How the data file is laid out, as its manifest states it. */
export const SHARD_DATA_FORMAT =
  'float64 little-endian, no header; one record per replication in index order: seed, then weekly[(cop*N_WEEKLY+metric)*weeks+week], then figures[cop*N_FIGURES+figure]';

/** The manifest of a shard folder (manifest.json). */
export interface ShardManifest {
  readonly copsim: string;
  readonly command: string;
  /** Which replications this shard holds, and how it was asked for. */
  readonly shard: ShardSlice;
  readonly scenarioName: string;
  readonly scenarioSource: string;
  readonly masterSeed: number;
  /** Replications of the whole run the shard is part of. */
  readonly runs: number;
  readonly weeks: number;
  /** Worker threads a run of the whole would use (the setting, capped at the whole's runs). */
  readonly workers: number;
  readonly agents: number;
  /** Employees × weeks × the shard's replications. */
  readonly memberWeeks: number;
  readonly node: string;
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
  /** The shard's first replication seeds. */
  readonly seeds: { readonly derivation: string; readonly first: number[] };
  readonly data: {
    readonly file: string;
    readonly format: string;
    readonly copIds: readonly string[];
    readonly employees: number;
    /** Values per replication: 1 + copIds × N_WEEKLY × weeks + copIds × N_FIGURES. */
    readonly recordValues: number;
    readonly bytes: number;
    readonly sha256: string;
  };
  /** The scenario as simulated, fully resolved, its keys sorted. */
  readonly scenario: Scenario;
}

/** A shard folder read back: its manifest and its replications' values. */
export interface ShardRead {
  /** The folder, as named. */
  readonly dir: string;
  readonly manifest: ShardManifest;
  /**
   * Reads the shard's `manifest.shard.end − first` records of `manifest.data.recordValues`
   * values, checked against the manifest's size and SHA-256 (each call reads the file anew, so
   * a merge holds one shard's values at a time).
   *
   * @throws StudyError when the file is missing, of another size, or damaged
   */
  load(): Float64Array;
}

/** What `writeShardFolder` needs besides the collected replications. */
export interface ShardProvenance {
  readonly command: string;
  readonly slice: ShardSlice;
  readonly scenario: Scenario;
  readonly scenarioName: string;
  readonly scenarioSource: string;
  /** Replications of the whole run. */
  readonly runs: number;
  readonly fields: ProvenanceFields;
}

/** Values per replication record for `cops` CoPs over `weeks` weeks. */
export function recordValues(cops: number, weeks: number): number {
  return 1 + cops * N_WEEKLY * weeks + cops * N_FIGURES;
}

/**
 * The records of the collected replications (slot order), as `replications.f64` holds them.
 *
 * @example encodeRecords(collected).length // → collected.runs × recordValues(cops, weeks)
 */
export function encodeRecords(collected: Collected): Float64Array {
  const { runs, weeks } = collected;
  const cops = collected.copIds.length;
  const size = recordValues(cops, weeks);
  const series = cops * N_WEEKLY;
  const figures = cops * N_FIGURES;
  const out = new Float64Array(runs * size);
  for (let r = 0; r < runs; r++) {
    let at = r * size;
    out[at++] = collected.seeds[r] as number;
    weeklyOfReplication(collected, r, out.subarray(at, at + series * weeks));
    at += series * weeks;
    for (let f = 0; f < figures; f++) out[at++] = collected.figures[f * runs + r] as number;
  }
  return out;
}

/** The SHA-256 of bytes or text, in hex: what a shard's manifest records of its data file. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The bytes of doubles, little-endian whatever the machine. */
export function littleEndianBytes(values: Float64Array): Uint8Array {
  if (endianness() === 'LE') return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i] as number, true);
  return bytes;
}

/** Doubles from little-endian bytes, whatever the machine. */
export function fromLittleEndian(bytes: Uint8Array): Float64Array {
  const values = new Float64Array(bytes.length / 8);
  if (endianness() === 'LE') {
    new Uint8Array(values.buffer).set(bytes);
    return values;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, true);
  return values;
}

/**
 * Writes a shard folder: `replications.f64` with the collected replications (the shard's
 * slice, in slot order), then `manifest.json` (an earlier one is removed first). Returns `dir`.
 *
 * @example await writeShardFolder('shards/0', collected, { command: 'run', slice, scenario, scenarioName, scenarioSource, runs: 200, fields })
 */
export async function writeShardFolder(dir: string, collected: Collected, provenance: ShardProvenance): Promise<string> {
  await makeDirectory(dir);
  const manifestFile = join(dir, 'manifest.json');
  await rm(manifestFile, { force: true });
  const bytes = littleEndianBytes(encodeRecords(collected));
  await writeFileAtomic(join(dir, SHARD_DATA_FILE), bytes);
  const { fields, slice } = provenance;
  const manifest: ShardManifest = {
    copsim: fields.copsim,
    command: provenance.command,
    shard: slice,
    scenarioName: provenance.scenarioName,
    scenarioSource: provenance.scenarioSource,
    masterSeed: fields.masterSeed,
    runs: provenance.runs,
    weeks: collected.weeks,
    workers: fields.workers,
    agents: 0,
    memberWeeks: collected.employees * collected.weeks * collected.runs,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    seeds: listedSeeds(collected.seeds),
    data: {
      file: SHARD_DATA_FILE,
      format: SHARD_DATA_FORMAT,
      copIds: collected.copIds,
      employees: collected.employees,
      recordValues: recordValues(collected.copIds.length, collected.weeks),
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
    },
    scenario: sortKeys(provenance.scenario) as Scenario,
  };
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Reads a shard folder back, checking its manifest's fields and its data file's size and
 * SHA-256.
 *
 * @throws StudyError naming the folder (or file) and what is wrong with it
 */
export async function readShardFolder(dir: string): Promise<ShardRead> {
  const manifestFile = join(dir, 'manifest.json');
  const text = await readFile(manifestFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new StudyError(`${dir} is not a shard folder: it has no manifest.json (is the shard finished?)`);
    if (error.code === 'ENOTDIR') throw new StudyError(`${dir} is not a folder`);
    throw new StudyError(`cannot read ${manifestFile}: ${error.message}`);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StudyError(`${manifestFile} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifest = checkManifest(data, manifestFile, dir);
  const file = join(dir, manifest.data.file);
  const count = manifest.shard.end - manifest.shard.first;
  const sized = (bytes: number): void => {
    if (bytes !== manifest.data.bytes) {
      throw new StudyError(`${file} has ${bytes} bytes, but ${manifestFile} says ${manifest.data.bytes}: the shard is damaged or incomplete; compute it again`);
    }
    if (bytes !== count * manifest.data.recordValues * 8) {
      throw new StudyError(`${file} has ${bytes} bytes, not ${count} replications of ${manifest.data.recordValues} values`);
    }
  };
  const unreadable = (error: NodeJS.ErrnoException): never => {
    throw new StudyError(`cannot read ${file}, the shard's replications: ${error.code === 'ENOENT' ? 'it is missing' : error.message}`);
  };
  // The size is checked at once; the values and their checksum when the merge takes them.
  sized((await stat(file).catch(unreadable)).size);
  const load = (): Float64Array => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      return unreadable(error as NodeJS.ErrnoException);
    }
    sized(bytes.byteLength);
    if (sha256(bytes) !== manifest.data.sha256) {
      throw new StudyError(`${file} does not match the SHA-256 in ${manifestFile}: the shard is damaged; compute it again`);
    }
    return fromLittleEndian(bytes);
  };
  return { dir, manifest, load };
}

/** The manifest's fields, each of its kind. */
function checkManifest(data: unknown, file: string, dir: string): ShardManifest {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new StudyError(`${file}: expected a JSON object (a copsim manifest)`);
  const record = data as Record<string, unknown>;
  const shard = record['shard'] as Record<string, unknown> | undefined;
  if (shard === undefined) {
    throw new StudyError(`${dir} is not a shard folder: its manifest.json has no shard field (shards are written by copsim ${String(record['command'] ?? 'run')} --shard k/n)`);
  }
  const fail = (field: string, expected: string): never => {
    throw new StudyError(`${file}, field ${field}: expected ${expected}`);
  };
  const whole = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
  if (shard === null || typeof shard !== 'object' || !whole(shard['first']) || !whole(shard['end']) || (shard['end'] as number) <= (shard['first'] as number)) {
    fail('shard', 'first and end, whole numbers with first < end');
  }
  for (const key of ['copsim', 'command', 'scenarioName', 'scenarioSource', 'node', 'startedAt']) {
    if (typeof record[key] !== 'string') fail(key, 'a string');
  }
  for (const key of ['masterSeed', 'runs', 'weeks', 'workers', 'agents', 'memberWeeks']) if (!whole(record[key])) fail(key, 'a whole number');
  if (typeof record['wallTimeSeconds'] !== 'number') fail('wallTimeSeconds', 'a number');
  const info = record['data'] as Record<string, unknown> | undefined;
  if (info === null || typeof info !== 'object') return fail('data', 'an object describing the data file');
  if (typeof info['file'] !== 'string' || info['file'].includes('/') || info['file'].includes('\\')) fail('data.file', 'a file name in the shard folder');
  if (!Array.isArray(info['copIds']) || !info['copIds'].every((id) => typeof id === 'string')) fail('data.copIds', 'a list of CoP ids');
  for (const key of ['employees', 'recordValues', 'bytes']) if (!whole(info[key])) fail(`data.${key}`, 'a whole number');
  if (typeof info['sha256'] !== 'string') fail('data.sha256', 'a hexadecimal SHA-256');
  if (info['recordValues'] !== recordValues((info['copIds'] as string[]).length, record['weeks'] as number)) {
    fail('data.recordValues', `${recordValues((info['copIds'] as string[]).length, record['weeks'] as number)} for its CoPs and weeks`);
  }
  if (record['scenario'] === null || typeof record['scenario'] !== 'object') fail('scenario', 'the resolved scenario');
  if ((shard?.['end'] as number) > (record['runs'] as number)) fail('shard.end', `at most runs (${String(record['runs'])})`);
  return data as ShardManifest;
}
