/**
 * series.parquet: every replication's weekly series, one row per replication, CoP and week, one
 * column per weekly metric, in Apache Parquet, which pandas, polars, R's arrow and DuckDB read
 * directly.
 *
 *   SeriesSource (slot r → its weekly values) ──seriesParquetChunks──▶ bytes, a row group at a time
 *
 * Rows come in the order replication, CoP (scenario order), week (from 0, as in summary.csv);
 * `replication` is the replication's index in the run of the whole (a merge of shards keeps
 * them). A metric's value that is not a finite number (e.g. a rate with nothing to divide by) is
 * written as null, the value summary.csv leaves out of its statistics. The file is built row
 * group by row group, so memory does not grow with the runs, and the same values always give
 * the same bytes (no times are written).
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { N_WEEKLY, WEEKLY_METRICS } from '../engine/result.js';
import { weeklyOfReplication } from '../aggregate/cells.js';
import type { Collected } from '../aggregate/types.js';

/** The file's name in a run folder. */
export const SERIES_FILE = 'series.parquet';

/** Rows a row group holds at most (whole replications; at least one replication). */
const ROW_GROUP_ROWS = 2 ** 16;

/** The weekly series of a batch, replication by replication. */
export interface SeriesSource {
  readonly copIds: readonly string[];
  readonly weeks: number;
  /** Replications (slots) in the batch. */
  readonly runs: number;
  /** The index, in the run of the whole, of the replication in slot r. */
  index(slot: number): number;
  /** Slot r's weekly values, in a run's own layout (series cop × N_WEEKLY + metric, then week). */
  replication(slot: number, into: Float64Array): Float64Array;
}

/**
 * The weekly series of collected replications; slot r is replication `index(r)` (default r).
 *
 * @example seriesSource(collected, (r) => r + 100) // a shard that starts at replication 100
 */
export function seriesSource(collected: Collected, index: (slot: number) => number = (r) => r): SeriesSource {
  return {
    copIds: collected.copIds,
    weeks: collected.weeks,
    runs: collected.runs,
    index,
    replication: (slot, into) => weeklyOfReplication(collected, slot, into),
  };
}

/** Key-value metadata written into the file's footer (e.g. the copsim version and master seed). */
export type SeriesMetadata = readonly { readonly key: string; readonly value: string }[];

/**
 * The bytes of series.parquet, a row group at a time (for `writeChunksAtomic`).
 *
 * @example await writeChunksAtomic('out/series.parquet', seriesParquetChunks(seriesSource(collected), 'copsim 0.1.0', []))
 */
export function* seriesParquetChunks(source: SeriesSource, createdBy: string, metadata: SeriesMetadata): Generator<Uint8Array> {
  const { copIds, weeks, runs } = source;
  const cops = copIds.length;
  const perRun = cops * weeks;
  const writer = new ByteWriter(1 << 20);
  const parquet = new ParquetWriter({
    writer,
    schema: [
      { name: 'root', num_children: 3 + N_WEEKLY },
      { name: 'replication', type: 'INT32', repetition_type: 'REQUIRED' },
      { name: 'cop', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'week', type: 'INT32', repetition_type: 'REQUIRED' },
      ...WEEKLY_METRICS.map((name) => ({ name, type: 'DOUBLE' as const, repetition_type: 'OPTIONAL' as const })),
    ],
    codec: 'SNAPPY',
    createdBy,
    kvMetadata: metadata.map(({ key, value }) => ({ key, value })),
  });
  const take = (): Uint8Array => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  const group = Math.max(1, Math.floor(ROW_GROUP_ROWS / perRun));
  const values = new Float64Array(cops * N_WEEKLY * weeks);
  for (let start = 0; start < runs; start += group) {
    const n = Math.min(group, runs - start);
    const rows = n * perRun;
    const replication = new Int32Array(rows);
    const cop: string[] = new Array<string>(rows);
    const week = new Int32Array(rows);
    const metrics = WEEKLY_METRICS.map(() => new Array<number | null>(rows));
    for (let k = 0; k < n; k++) {
      const slot = start + k;
      source.replication(slot, values);
      const index = source.index(slot);
      for (let c = 0; c < cops; c++) {
        const at = (k * cops + c) * weeks;
        for (let w = 0; w < weeks; w++) {
          replication[at + w] = index;
          cop[at + w] = copIds[c] as string;
          week[at + w] = w;
        }
        for (let m = 0; m < N_WEEKLY; m++) {
          const column = metrics[m] as (number | null)[];
          const from = (c * N_WEEKLY + m) * weeks;
          for (let w = 0; w < weeks; w++) {
            const x = values[from + w] as number;
            column[at + w] = Number.isFinite(x) ? x : null;
          }
        }
      }
    }
    void parquet.write({
      columnData: [
        { name: 'replication', data: replication },
        { name: 'cop', data: cop },
        { name: 'week', data: week },
        ...WEEKLY_METRICS.map((name, m) => ({ name, data: metrics[m] as (number | null)[] })),
      ],
      rowGroupSize: rows,
    });
    yield take();
  }
  parquet.finish();
  yield take();
}
