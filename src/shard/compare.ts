/**
 * A shard of a comparison: the same slice of replications of every compared scenario, one run
 * shard folder per scenario under the comparison's shard folder, and a manifest naming them.
 *
 *   DIR/manifest.json            command "compare", shard, arms (name, source, set, folder), provenance
 *   DIR/<arm folder>/            a run shard folder (shard/folder.ts) of that scenario
 *
 * A merge reads the arms of every shard, merges each arm's shards as a run's and compares the
 * merged arms as `compare` does, so the comparison folder is a single comparison's.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collected } from '../aggregate/types.js';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import type { ProvenanceFields } from '../output/provenance.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from '../study/errors.js';
import { writeShardFolder } from './folder.js';
import type { ShardSlice } from './spec.js';

/** One compared scenario as a comparison's shard manifest names it. */
export interface ShardArm {
  readonly name: string;
  readonly source: string;
  readonly set: readonly string[];
  /** Its run shard folder, inside the comparison's shard folder. */
  readonly folder: string;
}

/** The manifest of a comparison's shard folder. */
export interface CompareShardManifest {
  readonly copsim: string;
  readonly command: 'compare';
  readonly shard: ShardSlice;
  readonly masterSeed: number;
  /** Replications per scenario of the whole comparison. */
  readonly runs: number;
  readonly weeks: number;
  readonly workers: number;
  readonly node: string;
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
  readonly arms: readonly ShardArm[];
}

/** The folder a compared scenario's run shard goes in, from its name (as compare names its run folders). */
type Folder = (name: string) => string;

/**
 * Writes a comparison's shard folder: each scenario's replications as a run shard folder, then
 * the comparison's manifest.json (an earlier one removed first, this one written last).
 */
export async function writeCompareShard(
  dir: string,
  shard: {
    readonly arms: readonly { readonly name: string; readonly source: string; readonly set: readonly string[]; readonly scenario: Scenario }[];
    readonly batches: readonly Collected[];
    readonly fields: ProvenanceFields;
    readonly slice: ShardSlice;
    readonly runs: number;
    readonly weeks: number;
  },
  folderOf: Folder,
): Promise<string> {
  await makeDirectory(dir);
  const manifestFile = join(dir, 'manifest.json');
  await rm(manifestFile, { force: true });
  const { fields, slice } = shard;
  const arms: ShardArm[] = [];
  for (const [i, arm] of shard.arms.entries()) {
    const folder = folderOf(arm.name);
    await writeShardFolder(join(dir, folder), shard.batches[i] as Collected, {
      command: 'run',
      slice,
      scenario: arm.scenario,
      scenarioName: arm.name,
      scenarioSource: arm.source,
      runs: shard.runs,
      fields,
    });
    arms.push({ name: arm.name, source: arm.source, set: [...arm.set], folder });
  }
  const manifest: CompareShardManifest = {
    copsim: fields.copsim,
    command: 'compare',
    shard: slice,
    masterSeed: fields.masterSeed,
    runs: shard.runs,
    weeks: shard.weeks,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    arms,
  };
  await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * The command a shard folder's manifest names (`run` or `compare`).
 *
 * @throws StudyError when the folder has no readable manifest or is not a shard
 */
export async function shardCommand(dir: string): Promise<{ command: string; manifest: Record<string, unknown> }> {
  const file = join(dir, 'manifest.json');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new StudyError(`${dir} is not a shard folder: it has no manifest.json (is the shard finished?)`);
    if (error.code === 'ENOTDIR') throw new StudyError(`${dir} is not a folder`);
    throw new StudyError(`cannot read ${file}: ${error.message}`);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StudyError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new StudyError(`${file}: expected a JSON object (a copsim manifest)`);
  const manifest = data as Record<string, unknown>;
  const command = typeof manifest['command'] === 'string' ? manifest['command'] : file.endsWith('comparison.json') ? 'compare' : 'run';
  if (manifest['shard'] === undefined) {
    throw new StudyError(`${dir} is not a shard folder: its manifest.json has no shard field (shards are written by copsim ${command} --shard k/n)`);
  }
  return { command, manifest };
}

/**
 * Checks that comparison shards compare the same scenarios the same way, and returns the arms.
 *
 * @throws StudyError naming both folders and the field that differs
 */
export function checkCompareShards(shards: readonly { readonly dir: string; readonly manifest: Record<string, unknown> }[]): ShardArm[] {
  const [first, ...rest] = shards;
  if (first === undefined) throw new StudyError('name at least one shard folder to merge');
  const arms = first.manifest['arms'];
  if (!Array.isArray(arms) || arms.length < 2) throw new StudyError(`${join(first.dir, 'manifest.json')}, field arms: expected the compared scenarios`);
  for (const shard of rest) {
    for (const field of ['copsim', 'command', 'masterSeed', 'runs', 'weeks', 'arms']) {
      const a = JSON.stringify(first.manifest[field]);
      const b = JSON.stringify(shard.manifest[field]);
      if (a !== b) {
        const shown = (text: string | undefined) => (text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text);
        throw new StudyError(`cannot merge: ${shard.dir} has ${field} ${shown(b)} but ${first.dir} has ${shown(a)}; shards of one comparison agree on it`);
      }
    }
  }
  return arms as ShardArm[];
}
