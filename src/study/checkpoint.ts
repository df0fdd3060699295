/**
 * A study's checkpoint: every finished replication saved in the output folder as it arrives,
 * so a study that is interrupted (Ctrl-C, a crash, SIGKILL, a replication that throws) goes on
 * with `resume` from what it saved and ends with the same files as an uninterrupted one; and
 * the final files put in place so that the folder is at every moment the old complete output,
 * the new complete output, or an unfinished study with its checkpoint.
 *
 *   OUT/.copsim-checkpoint/replications.log   a header record (command, version, identity,
 *                                             start), then one record per finished replication:
 *                                             its batch, index and the result, bit for bit
 *   OUT/.copsim-checkpoint/staging/            the final files, written here first
 *
 *   openCheckpoint ──▶ checkpoint.batch(key) per session.simulate (done replications, save)
 *                  ──▶ checkpoint.commit(write) ──▶ files moved into OUT, checkpoint removed
 *
 * A study simulates its batches in an order fixed by its options (and by results, which are
 * themselves fixed), so batch n of a resumed study is batch n of the interrupted one; each
 * batch's key (a hash of its scenario, seed, runs and agents) is checked all the same.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RunResult } from '../engine/result.js';
import type { DoneReplications } from '../runner/montecarlo.js';
import { moveFileAtomic } from '../output/atomic.js';
import { eachRecord, encodeRecord, replicationOf, replicationRecord, scanLog, type LogRecord } from '../output/checkpoint-log.js';
import { makeDirectory } from '../output/directory.js';
import { copsimVersion, sortKeys, type Clock } from '../output/provenance.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from './errors.js';
import { CHECKPOINT_FOLDER, writingTo } from './folder.js';
import type { CheckpointProgress, StudySettings } from './options.js';

export { CHECKPOINT_FOLDER };
const LOG = 'replications.log';
const STAGING = 'staging';
/** The log's layout; a checkpoint of another layout is not gone on with. */
const FORMAT = 1;
/** The files that mark a folder as complete: removed first and put in place last. */
const MANIFESTS = new Set(['manifest.json', 'comparison.json', 'calibration.json']);

/** The replications of one batch saved before, and how to save the others. */
export interface CheckpointBatch {
  /** Saved replications by index, read from the log one at a time as they are taken. */
  readonly done: DoneReplications;
  /** Appends a finished replication to the log. */
  save(index: number, result: RunResult): void;
}

/** An open checkpoint (see the module's description). */
export interface StudyCheckpoint {
  /** The output folder. */
  readonly out: string;
  /** The checkpoint's folder, `OUT/.copsim-checkpoint`. */
  readonly dir: string;
  /** Replications in the log: those read back and those saved since. */
  readonly saved: number;
  /** Replications read back from an interrupted study (0 for a fresh one). */
  readonly resumed: number;
  /** The study's clock: started when the first attempt started, wall time summed over attempts. */
  readonly clock: Clock;
  /** The next batch of the study: its saved replications (checked against `key`) and a saver. */
  batch(key: string): CheckpointBatch;
  /**
   * Closes the log (after an interruption: the checkpoint stays for `resume`; with nothing
   * saved it is removed, and the output folder too when the checkpoint created it and it is empty).
   */
  close(): void;
  /**
   * Writes the final files with `write` into a staging folder, moves them into the output
   * folder (its manifests removed first and put in place last, the charts of an earlier output
   * that this one lacks removed) and removes the checkpoint.
   */
  commit(write: (staging: string) => Promise<unknown>): Promise<void>;
}

/** What a checkpoint is of. */
export interface CheckpointOptions {
  /** The verb, e.g. `run`. */
  readonly command: string;
  /** Everything that shapes the result (resolved scenarios, seed, runs, …): a resumed study must match it. */
  readonly identity: Record<string, unknown>;
  /** Go on from the checkpoint in the folder, if there is one. */
  readonly resume: boolean;
  readonly warn: (message: string) => void;
}

/**
 * The key of a batch: what its replications depend on.
 *
 * @example batchKey(scenario, { runs: 200, seed: 1, agents: 0 }) // → 'b3f1…' (SHA-256, hex)
 */
export function batchKey(scenario: Scenario, batch: { runs: number; seed: number; agents: number; first?: number }): string {
  return createHash('sha256').update(JSON.stringify(sortKeys({ scenario, ...batch }))).digest('hex');
}

/**
 * Opens the checkpoint of a study writing to `out`: with `resume`, the one there (checked to be
 * of the same study, a torn or damaged tail dropped), else a new one (an earlier one discarded).
 * `resume` without a checkpoint starts from the first replication, with a warning.
 *
 * @throws StudyError when the checkpoint is of another study or copsim version, or cannot be written
 */
export async function openCheckpoint(out: string, options: CheckpointOptions): Promise<StudyCheckpoint> {
  const dir = join(out, CHECKPOINT_FOLDER);
  const log = join(dir, LOG);
  const identity = sortKeys({ format: FORMAT, copsim: copsimVersion(), command: options.command, ...options.identity }) as Record<string, unknown>;
  let batches = new Map<number, { key: string; records: LogRecord[] }>();
  let startedAt = new Date().toISOString();
  let earlierSeconds = 0;
  let resumed = 0;
  let created = false;
  const fresh = !options.resume || !existsSync(log);
  if (options.resume && fresh) options.warn(`${out} holds no unfinished ${options.command} to go on with; starting from the first replication`);
  if (!fresh) {
    const scan = scanLog(log);
    const [header, ...rest] = scan.records;
    if (header === undefined || header.meta['kind'] !== 'header') {
      throw new StudyError(`${log}: not a copsim checkpoint (no header record); run without --resume to start anew`);
    }
    checkIdentity(log, identity, (header.meta['identity'] ?? {}) as Record<string, unknown>);
    if (scan.problem !== undefined) {
      options.warn(`${log}: dropped ${scan.size - scan.goodBytes} bytes from ${scan.problem}; those replications are simulated again`);
      const fd = openSync(log, 'r+');
      try {
        ftruncateSync(fd, scan.goodBytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    startedAt = typeof header.meta['startedAt'] === 'string' ? header.meta['startedAt'] : startedAt;
    batches = new Map();
    const seen = new Set<string>();
    for (const record of rest) {
      const { batch, key, index, wall } = record.meta as { batch: number; key: string; index: number; wall?: number };
      if (seen.has(`${batch}:${index}`)) continue;
      seen.add(`${batch}:${index}`);
      const entry = batches.get(batch) ?? { key, records: [] };
      if (entry.key !== key) throw new StudyError(`${log}: batch ${batch} holds replications of two different scenarios; run without --resume to start anew`);
      entry.records.push(record);
      batches.set(batch, entry);
      resumed++;
      if (typeof wall === 'number' && wall > earlierSeconds) earlierSeconds = wall;
    }
    options.warn(`${out} holds ${resumed} finished replication${resumed === 1 ? '' : 's'} of this ${options.command}; going on from there`);
  } else {
    created = !existsSync(out);
    await writingTo(out, async () => {
      if (existsSync(log)) options.warn(`${out} held an unfinished study; it is discarded and started anew (--resume goes on from one)`);
      await makeDirectory(dir);
      await rm(join(dir, STAGING), { recursive: true, force: true });
    });
    // The header is written beside the log and renamed over it: a log always starts whole, and
    // a folder an earlier study left unfinished keeps a checkpoint at every moment.
    const next = `${log}.new`;
    const fd = openSync(next, 'w');
    try {
      writeAll(fd, encodeRecord({ kind: 'header', identity, startedAt }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(next, log);
  }
  const clock: Clock = { startedAt: new Date(startedAt), t0: performance.now() - earlierSeconds * 1000 };
  let fd: number | undefined = openSync(log, 'a');
  let saved = resumed;
  let nextBatch = 0;
  const closeLog = (): void => {
    if (fd === undefined) return;
    const closing = fd;
    fd = undefined;
    try {
      fsyncSync(closing);
    } finally {
      closeSync(closing);
    }
  };
  const close = (): void => {
    const open = fd !== undefined;
    closeLog();
    // Nothing saved, nothing to go on from: leave the folder as it was.
    if (open && saved === 0) {
      rmSync(dir, { recursive: true, force: true });
      if (created) rmdirSafe(out);
    }
  };
  return {
    out,
    dir,
    get saved() {
      return saved;
    },
    resumed,
    clock,
    batch(key) {
      const batch = nextBatch++;
      const earlier = batches.get(batch);
      if (earlier !== undefined && earlier.key !== key) {
        throw new StudyError(`${log}: batch ${batch} of the checkpoint is of another scenario; resume with the same command, or run without --resume to start anew`);
      }
      const records = earlier?.records ?? [];
      const indices = new Set(records.map((record) => record.meta['index'] as number));
      const done: DoneReplications = {
        size: indices.size,
        has: (index) => indices.has(index),
        *[Symbol.iterator]() {
          for (const entry of eachRecord(log, records)) {
            const { index, result } = replicationOf(entry);
            yield [index, result] as const;
          }
        },
      };
      return {
        done,
        save(index, result) {
          if (fd === undefined) throw new Error('checkpoint: the log is closed');
          writeAll(fd, replicationRecord({ batch, key, wall: (performance.now() - clock.t0) / 1000 }, index, result));
          saved++;
        },
      };
    },
    close,
    async commit(write) {
      closeLog();
      await stageInto(out, write);
      await writingTo(out, () => rm(dir, { recursive: true, force: true }));
    },
  };
}

/**
 * Writes a study's final files with `write` into `OUT/.copsim-checkpoint/staging`, then moves
 * them into `out` (see `moveInto`: manifests removed first and put in place last, the charts of
 * an earlier output that this one lacks removed), so that a stop at any moment leaves the old
 * complete output, the new complete output, or a folder without its manifest (unfinished,
 * written anew by the same command). The staging folder is removed, and the checkpoint folder
 * when nothing else is in it.
 *
 * @example await stageInto('out/merged', (staging) => writeStudyFiles(staging, result))
 */
export async function stageInto(out: string, write: (staging: string) => Promise<unknown>): Promise<void> {
  const dir = join(out, CHECKPOINT_FOLDER);
  const staging = join(dir, STAGING);
  await writingTo(out, async () => {
    await rm(staging, { recursive: true, force: true });
    await write(staging);
    await moveInto(staging, out);
    await rm(staging, { recursive: true, force: true });
    rmdirSafe(dir);
  });
}

function rmdirSafe(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or gone: left as it is.
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Refuses a checkpoint whose identity differs from the study's, naming what differs. */
function checkIdentity(log: string, identity: Record<string, unknown>, saved: Record<string, unknown>): void {
  const keys = [...new Set([...Object.keys(identity), ...Object.keys(saved)])];
  const differing = keys.filter((key) => JSON.stringify(saved[key]) !== JSON.stringify(identity[key]));
  if (differing.length === 0) return;
  const what =
    differing.includes('command') ? `of "copsim ${String(saved['command'])}"` :
    differing.includes('copsim') ? `of copsim ${String(saved['copsim'])} (this is ${String(identity['copsim'])})` :
    `of another study (it differs in ${differing.join(', ')})`;
  throw new StudyError(`${log}: the checkpoint is ${what}; resume with the same command and options, or run without --resume to start anew`);
}

/** Every file below `dir`, as paths relative to it. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await filesBelow(dir, rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

/** Folders first by depth, deepest last: the top folder's manifest is the last one in place. */
const depth = (rel: string): number => rel.split(/[\\/]/).length;

/**
 * Moves the files below `staging` into `out`: every manifest they replace removed first (the
 * top folder's first), then the charts and agent tables of an earlier output that the new one
 * lacks, then the files moved, the manifests last (the top folder's last). Interrupted, the
 * folder has no top manifest and keeps its checkpoint, so it reads as unfinished, not complete.
 */
async function moveInto(staging: string, out: string): Promise<void> {
  const files = await filesBelow(staging);
  const manifests = files.filter((f) => MANIFESTS.has(basename(f))).sort((a, b) => depth(b) - depth(a));
  for (const manifest of [...manifests].reverse()) await rm(join(out, manifest), { force: true });
  const staged = new Set(files);
  for (const folder of new Set(files.map((f) => dirname(f)))) await removeStale(join(out, folder), folder, staged);
  for (const file of files.filter((f) => !MANIFESTS.has(basename(f)))) {
    await makeDirectory(dirname(join(out, file)));
    await moveFileAtomic(join(staging, file), join(out, file));
  }
  for (const manifest of manifests) {
    await makeDirectory(dirname(join(out, manifest)));
    await moveFileAtomic(join(staging, manifest), join(out, manifest));
  }
}

function basename(rel: string): string {
  return rel.split(/[\\/]/).pop() ?? rel;
}

/**
 * Removes from `folder` (`rel` below the output folder) what an earlier output wrote and the
 * new one does not: a chart (`NAME.vl.json` with its `.svg` and `.png`) the new output did not
 * draw, and agents.csv and ties.csv beside a run's tables that have none.
 */
async function removeStale(folder: string, rel: string, staged: ReadonlySet<string>): Promise<void> {
  const inside = (name: string): string => (rel === '.' ? name : join(rel, name));
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.endsWith('.vl.json') || staged.has(inside(entry))) continue;
    const stem = entry.slice(0, -'.vl.json'.length);
    for (const file of [entry, `${stem}.svg`, `${stem}.png`]) await rm(join(folder, file), { force: true });
  }
  if (staged.has(inside('summary.csv'))) {
    for (const file of ['agents.csv', 'ties.csv']) if (!staged.has(inside(file))) await rm(join(folder, file), { force: true });
  }
}

/**
 * The checkpoint of a study that writes to `out` (none when nothing is written), opened as the
 * settings say (`resume` or anew).
 */
export async function studyCheckpoint(
  out: string | undefined,
  settings: StudySettings,
  command: string,
  identity: Record<string, unknown>,
): Promise<StudyCheckpoint | undefined> {
  if (out === undefined) return undefined;
  return openCheckpoint(out, { command, identity, resume: settings.resume, warn: settings.warn });
}

/** The plan's `checkpoint` field for a study's `onStart`: nothing without a checkpoint. */
export function checkpointPlan(checkpoint: StudyCheckpoint | undefined): { checkpoint?: CheckpointProgress } {
  if (checkpoint === undefined) return {};
  return {
    checkpoint: {
      dir: checkpoint.dir,
      get saved() {
        return checkpoint.saved;
      },
      resumed: checkpoint.resumed,
    },
  };
}
