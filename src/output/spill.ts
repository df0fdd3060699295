/**
 * A collector's weekly store on disk, so that a run's memory does not grow with its runs.
 *
 *   put(r, series) ──pwrite at r × perRun──▶ by-run file (one replication's series contiguous)
 *   first read    ──transpose, block by block──▶ by-cell file (a block's cells contiguous)
 *   read(s, from, to) ◀── one pread per block ── by-cell file
 *
 * Replications may arrive in any order: each is written at its own offset, so the files (and
 * everything read from them) depend only on the values, never on arrival. The by-cell file
 * holds blocks of `block` consecutive replications, each in the collector's transposed layout
 * (series, then week, then replication), so one series over a range of weeks is read with one
 * `pread` per block. Both files are private scratch in native byte order; they are unlinked as
 * soon as they are open (where the system allows), so nothing is left behind by a crash.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { WeeklyStore } from '../aggregate/types.js';

/** Doubles a block of the by-cell file may take while it is transposed (16 MB). */
const BLOCK_VALUES = 2 ** 21;

/**
 * A weekly store of `runs` replications, each `series` series of `weeks` weeks, in files below
 * `dir` (a fresh folder is made in it and removed again). A block of the by-cell file holds at
 * most `blockValues` values (default 2^21, at least one replication).
 *
 * @example
 * const store = createSpillStore(tmpdir(), 27, 520, 100_000);
 * store.put(0, result.weekly); // … every replication, in any order
 * store.read(3, 0, 52, new Float64Array(52 * 100_000)); // series 3, weeks 0–51
 */
export function createSpillStore(dir: string, series: number, weeks: number, runs: number, blockValues = BLOCK_VALUES): WeeklyStore {
  const perRun = series * weeks;
  const block = Math.max(1, Math.min(runs, Math.floor(blockValues / perRun)));
  mkdirSync(dir, { recursive: true });
  const folder = mkdtempSync(join(dir, 'copsim-series-'));
  const byRunPath = join(folder, 'by-run.f64');
  const byCellPath = join(folder, 'by-cell.f64');
  const byRun = openSync(byRunPath, 'w+');
  const byCell = openSync(byCellPath, 'w+');
  let kept = false;
  try {
    unlinkSync(byRunPath);
    unlinkSync(byCellPath);
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // A system that cannot unlink an open file: remove the folder when the store is disposed.
    kept = true;
  }
  const files = { byRun, byCell, kept, folder, open: true };
  const written = new Uint8Array(runs);
  let count = 0;
  let transposed = false;
  let disposed = false;
  let scratch = new Float64Array(0);

  function live(): void {
    if (disposed) throw new Error('weekly store: already disposed');
  }

  function bytesOf(values: Float64Array, length = values.length): Uint8Array {
    return new Uint8Array(values.buffer, values.byteOffset, length * 8);
  }

  function readAt(fd: number, into: Float64Array, length: number, position: number): void {
    const bytes = bytesOf(into, length);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) throw new Error(`weekly store: the scratch file ended ${bytes.length - done} bytes early`);
      done += n;
    }
  }

  function writeAt(fd: number, values: Float64Array, length: number, position: number): void {
    const bytes = bytesOf(values, length);
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  }

  function transpose(): void {
    if (count < runs) throw new Error(`weekly store: ${runs - count} of ${runs} replications are missing`);
    const rows = new Float64Array(block * perRun);
    const cells = new Float64Array(block * perRun);
    for (let start = 0; start < runs; start += block) {
      const n = Math.min(block, runs - start);
      readAt(byRun, rows, n * perRun, start * perRun * 8);
      for (let r = 0; r < n; r++) {
        const from = r * perRun;
        for (let c = 0; c < perRun; c++) cells[c * n + r] = rows[from + c] as number;
      }
      writeAt(byCell, cells, n * perRun, start * perRun * 8);
    }
    transposed = true;
  }

  const store: WeeklyStore = {
    runs,
    series,
    weeks,
    put(replication, values) {
      live();
      if (transposed) throw new Error('weekly store: it has been read; no more replications can be added');
      if (values.length !== perRun) throw new Error(`weekly store: ${values.length} values, expected ${perRun}`);
      writeAt(byRun, values, perRun, replication * perRun * 8);
      if (written[replication] === 0) {
        written[replication] = 1;
        count++;
      }
    },
    replication(replication, into) {
      live();
      readAt(byRun, into, perRun, replication * perRun * 8);
      return into;
    },
    read(s, from, to, into) {
      live();
      if (!transposed) transpose();
      const span = to - from;
      if (scratch.length < block * span) scratch = new Float64Array(block * span);
      for (let start = 0; start < runs; start += block) {
        const n = Math.min(block, runs - start);
        // In a block, cell (s, w) holds its n replications from ((s·weeks + w)·n).
        readAt(byCell, scratch, n * span, (start * perRun + (s * weeks + from) * n) * 8);
        for (let w = 0; w < span; w++) {
          const src = w * n;
          const dst = w * runs + start;
          for (let r = 0; r < n; r++) into[dst + r] = scratch[src + r] as number;
        }
      }
      return into;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      release(files);
    },
  };
  // A store nobody disposed (a library caller's batch) closes its files when it is collected.
  closing.register(store, files, store);
  return store;
}

interface Files {
  readonly byRun: number;
  readonly byCell: number;
  readonly kept: boolean;
  readonly folder: string;
  open: boolean;
}

function release(files: Files): void {
  if (!files.open) return;
  files.open = false;
  closeSync(files.byRun);
  closeSync(files.byCell);
  if (files.kept) rmSync(files.folder, { recursive: true, force: true });
}

const closing = new FinalizationRegistry<Files>(release);
