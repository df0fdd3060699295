/**
 * Merging the shards of a run: checks that they are shards of one run (the same version,
 * resolved scenario, master seed, weeks and runs) and that every replication is in exactly
 * one of them, then files every replication in its slot, as one process would have.
 *
 *   ShardRead[] ──checkAgreement──▶ ──coverage──▶ ──mergeShards──▶ Collected (+ what is missing)
 */
import { createCollector } from '../aggregate/collect.js';
import { storeBytes } from '../aggregate/size.js';
import type { Collected } from '../aggregate/types.js';
import { SPILL_ABOVE } from '../runner/montecarlo.js';
import { createSpillStore } from '../output/spill.js';
import { N_FIGURES, N_WEEKLY } from '../engine/result.js';
import { replicationSeed } from '../engine/rng.js';
import type { PartialCoverage, ShardRecord } from '../output/provenance.js';
import { StudyError } from '../study/errors.js';
import type { ShardManifest, ShardRead } from './folder.js';
import { rangeText, type ShardSlice } from './spec.js';

/** A run merged from shards. */
export interface MergedShards {
  /** The replications merged, in index order (slot s holds replication `indices[s]`). */
  readonly collected: Collected;
  /** The replication index of each slot: 0 .. runs − 1 for a complete merge. */
  readonly indices: readonly number[];
  /** The shards' manifest fields the merge takes as the run's (the first shard's). */
  readonly base: ShardManifest;
  /** The shards, by first replication. */
  readonly shards: readonly ShardRecord[];
  /** What a merge with missing replications lacks; undefined when every one is there. */
  readonly partial: PartialCoverage | undefined;
}

/**
 * The first place two JSON values differ, as a dotted path, or undefined when they are equal.
 *
 * @example firstDifference({ a: { b: 1 } }, { a: { b: 2 } }, 'scenario') // → 'scenario.a.b'
 */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return Number.isNaN(a) && Number.isNaN(b) ? undefined : path;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A field's value for a message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The value at a dotted path below `root`. */
function at(root: unknown, path: string): unknown {
  return path
    .split('.')
    .slice(1)
    .reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), root);
}

/**
 * Refuses shards that are not of one run: each is compared with the first on the fields the
 * merged files depend on.
 *
 * @throws StudyError naming both folders and the field that differs, with both values
 */
export function checkAgreement(shards: readonly ShardRead[]): void {
  const [first, ...rest] = shards;
  if (first === undefined) throw new StudyError('name at least one shard folder to merge');
  const fields: { name: string; of: (m: ShardManifest) => unknown }[] = [
    { name: 'copsim', of: (m) => m.copsim },
    { name: 'command', of: (m) => m.command },
    { name: 'masterSeed', of: (m) => m.masterSeed },
    { name: 'weeks', of: (m) => m.weeks },
    { name: 'runs', of: (m) => m.runs },
    { name: 'scenarioName', of: (m) => m.scenarioName },
    { name: 'scenarioSource', of: (m) => m.scenarioSource },
    { name: 'data.copIds', of: (m) => m.data.copIds },
    { name: 'data.employees', of: (m) => m.data.employees },
  ];
  for (const shard of rest) {
    for (const field of fields) {
      const a = field.of(first.manifest);
      const b = field.of(shard.manifest);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new StudyError(
          `cannot merge: ${shard.dir} has ${field.name} ${shown(b)} but ${first.dir} has ${shown(a)}; shards of one run agree on it`,
        );
      }
    }
    const path = firstDifference(first.manifest.scenario, shard.manifest.scenario, 'scenario');
    if (path !== undefined) {
      throw new StudyError(
        `cannot merge: ${shard.dir} and ${first.dir} simulated different scenarios: field ${path} is ${shown(at(shard.manifest.scenario, path.replace(/^scenario/, '$')))} in one and ${shown(at(first.manifest.scenario, path.replace(/^scenario/, '$')))} in the other`,
      );
    }
  }
}

/**
 * The shards by first replication, checked to hold no replication twice, and the ranges of
 * replications none of them holds.
 *
 * @throws StudyError naming the two folders that share replications, and which
 */
export function coverage<T extends { readonly dir: string; readonly manifest: { readonly shard: { readonly first: number; readonly end: number } } }>(
  shards: readonly T[],
  runs: number,
  unit = 'replications',
): { ordered: T[]; missing: { first: number; end: number }[] } {
  const ordered = [...shards].sort((a, b) => a.manifest.shard.first - b.manifest.shard.first);
  const missing: { first: number; end: number }[] = [];
  let next = 0;
  let previous: T | undefined;
  for (const shard of ordered) {
    const { first, end } = shard.manifest.shard;
    if (first < next && previous !== undefined) {
      const overlap = rangeText(first, Math.min(end, next));
      const same = previous.dir === shard.dir ? ' (the folder was named twice)' : '';
      throw new StudyError(`cannot merge: ${unit} ${overlap} are in both ${previous.dir} and ${shard.dir}${same}; every one must be in exactly one shard`);
    }
    if (first > next) missing.push({ first: next, end: first });
    next = end;
    previous = shard;
  }
  if (next < runs) missing.push({ first: next, end: runs });
  return { ordered, missing };
}

/**
 * Merges shards of one run into the replications a single run would have collected, slot by
 * slot. Without `partial`, shards that leave replications out are refused; with it, the
 * replications there are merged in index order and `partial` says what is missing. With
 * `spill`, weekly values of more than `spill.above` bytes are kept on disk below `spill.dir`
 * (`createSpillStore`), as a run keeps them; shards are read one at a time either way.
 *
 * @throws StudyError when the shards disagree, overlap, leave replications out (unless
 *   `partial`), or hold a replication whose seed is not the one its index gives
 */
export function mergeShards(
  shards: readonly ShardRead[],
  options: { readonly partial?: boolean; readonly spill?: { readonly dir: string; readonly above?: number } } = {},
): MergedShards {
  checkAgreement(shards);
  const base = (shards[0] as ShardRead).manifest;
  const { ordered, missing } = coverage(shards, base.runs);
  if (missing.length > 0 && options.partial !== true) {
    const ranges = missing.map((m) => rangeText(m.first, m.end)).join(', ');
    const count = missing.reduce((n, m) => n + m.end - m.first, 0);
    throw new StudyError(
      `cannot merge: no shard holds replication${count === 1 ? '' : 's'} ${ranges} (of 0–${base.runs - 1}); ` +
        'merge every shard, or give --partial to merge the replications there are (the output then says it is partial)',
    );
  }
  const runs = ordered.reduce((n, s) => n + s.manifest.shard.end - s.manifest.shard.first, 0);
  const { weeks } = base;
  const cops = base.data.copIds.length;
  const series = cops * N_WEEKLY;
  const figuresPer = cops * N_FIGURES;
  const size = base.data.recordValues;
  // Large weekly values go to disk as a run's do, so a merge holds one shard's values at a time.
  const store = options.spill !== undefined && storeBytes(cops, weeks, runs) > (options.spill.above ?? SPILL_ABOVE)
    ? createSpillStore(options.spill.dir, series, weeks, runs)
    : undefined;
  const { copIds, employees } = base.data;
  const collector = createCollector(copIds, weeks, runs, employees, 0, store);
  const indices: number[] = [];
  let collected: Collected;
  try {
    let slot = 0;
    for (const shard of ordered) {
      const values = shard.load();
      const { first, end } = shard.manifest.shard;
      for (let i = first; i < end; i++, slot++) {
        const offset = (i - first) * size;
        const seed = values[offset] as number;
        const expected = replicationSeed(base.masterSeed, i);
        if (seed !== expected) {
          throw new StudyError(`cannot merge: ${shard.dir} holds replication ${i} with seed ${seed}, but master seed ${base.masterSeed} gives it seed ${expected}; the shard is damaged`);
        }
        indices.push(i);
        const at = offset + 1 + series * weeks;
        collector.add(slot, { seed, weeks, copIds, employees, weekly: values.subarray(offset + 1, at), figures: values.subarray(at, at + figuresPer) });
      }
    }
    collected = collector.finish();
  } catch (error) {
    store?.dispose();
    throw error;
  }
  const records = ordered.map((s) => shardRecord(s.dir, s.manifest));
  return {
    collected,
    indices,
    base,
    shards: records,
    partial: missing.length === 0 ? undefined : { replications: runs, of: base.runs, missing },
  };
}

/**
 * When the shards' work began and how long it took from the first start to the last end.
 *
 * @example span([{ startedAt: '2026-01-01T00:00:00.000Z', wallTimeSeconds: 5 }, { startedAt: '2026-01-01T00:00:02.000Z', wallTimeSeconds: 5 }])
 * // → { startedAt: '2026-01-01T00:00:00.000Z', wallTimeSeconds: 7 }
 */
export function span(shards: readonly { readonly startedAt: string; readonly wallTimeSeconds: number }[]): { startedAt: string; wallTimeSeconds: number } {
  let start = Number.POSITIVE_INFINITY;
  let finish = Number.NEGATIVE_INFINITY;
  let startedAt = shards[0]?.startedAt ?? new Date(0).toISOString();
  for (const shard of shards) {
    const t = Date.parse(shard.startedAt);
    if (!Number.isFinite(t)) continue;
    if (t < start) {
      start = t;
      startedAt = shard.startedAt;
    }
    finish = Math.max(finish, t + shard.wallTimeSeconds * 1000);
  }
  return { startedAt, wallTimeSeconds: Number.isFinite(start) ? (finish - start) / 1000 : 0 };
}

/** What a merged manifest lists of one shard: its folder, slice and provenance. */
export function shardRecord(
  folder: string,
  m: { readonly shard: ShardSlice; readonly workers: number; readonly node: string; readonly startedAt: string; readonly wallTimeSeconds: number },
): ShardRecord {
  return {
    folder,
    first: m.shard.first,
    end: m.shard.end,
    ...(m.shard.index === undefined ? {} : { index: m.shard.index, count: m.shard.count as number }),
    workers: m.workers,
    node: m.node,
    startedAt: m.startedAt,
    wallTimeSeconds: m.wallTimeSeconds,
  };
}
