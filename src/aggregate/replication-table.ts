/**
 * ReplicationTable: the rows of replications.csv kept by column, so that a run of many
 * replications holds 8 bytes per figure instead of an object per row.
 *
 *   Collected ──replicationTable──▶ ReplicationTable ──[Symbol.iterator]──▶ ReplicationRow, in CSV order
 *                                                    └─values(cop, figure)──▶ one value per replication
 */
import { FIGURE_INDEX, N_FIGURES, RUN_FIGURES, type RunFigure } from '../engine/result.js';
import type { Collected, ReplicationRow } from './types.js';

/**
 * The per-run figures of a batch of replications: slot r is replication `replication[r]`, with
 * seed `seeds[r]`; figure f of CoP c in slot r is `figures[(c × N_FIGURES + f) × runs + r]`. Rows
 * come in the order replication (slot), CoP (`copIds` order), figure (RUN_FIGURES order), as
 * replications.csv lists them. A figure that is empty (e.g. the death week of a CoP that lived)
 * is NaN.
 */
export class ReplicationTable implements Iterable<ReplicationRow> {
  readonly scenario: string;
  readonly copIds: readonly string[];
  /** Replications (slots). */
  readonly runs: number;
  /** The replication index of each slot, increasing. */
  readonly replication: Float64Array;
  readonly seeds: Float64Array;
  readonly figures: Float64Array;

  constructor(scenario: string, copIds: readonly string[], replication: Float64Array, seeds: Float64Array, figures: Float64Array) {
    const runs = replication.length;
    if (seeds.length !== runs || figures.length !== copIds.length * N_FIGURES * runs) {
      throw new RangeError(`ReplicationTable: ${runs} replications need ${runs} seeds and ${copIds.length * N_FIGURES * runs} figures`);
    }
    this.scenario = scenario;
    this.copIds = Object.freeze([...copIds]);
    this.runs = runs;
    this.replication = replication;
    this.seeds = seeds;
    this.figures = figures;
  }

  /** Rows: runs × CoPs × figures. */
  get length(): number {
    return this.runs * this.copIds.length * N_FIGURES;
  }

  /** Row `i` in CSV order. */
  at(i: number): ReplicationRow {
    const perRun = this.copIds.length * N_FIGURES;
    const r = Math.floor(i / perRun);
    const c = Math.floor((i % perRun) / N_FIGURES);
    const f = i % N_FIGURES;
    return {
      scenario: this.scenario,
      replication: this.replication[r] as number,
      seed: this.seeds[r] as number,
      cop: this.copIds[c] as string,
      metric: RUN_FIGURES[f] as RunFigure,
      value: this.figures[(c * N_FIGURES + f) * this.runs + r] as number,
    };
  }

  *[Symbol.iterator](): Iterator<ReplicationRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** Every row, as objects (for small batches). */
  rows(): ReplicationRow[] {
    return [...this];
  }

  /**
   * CoP `cop`'s values of `figure`, one per replication in slot order (a view: no copy);
   * undefined for a CoP the table does not have.
   */
  values(cop: string, figure: RunFigure): Float64Array | undefined {
    const c = this.copIds.indexOf(cop);
    if (c < 0) return undefined;
    const start = (c * N_FIGURES + FIGURE_INDEX[figure]) * this.runs;
    return this.figures.subarray(start, start + this.runs);
  }

  /** The same table with slot r named replication `index(r)` (a shard's or a partial merge's own indices). */
  withIndices(index: (slot: number) => number): ReplicationTable {
    return new ReplicationTable(this.scenario, this.copIds, Float64Array.from(this.replication, (_, r) => index(r)), this.seeds, this.figures);
  }

  /**
   * A table from rows in any order (e.g. read back from replications.csv): replications sorted
   * by index, CoPs in the order of `order` (default: the order they first appear), a figure no
   * row gives NaN.
   *
   * @throws RangeError for rows of more than one scenario, two rows of the same cell, or a CoP `order` does not list
   */
  static fromRows(rows: Iterable<ReplicationRow>, order?: readonly string[]): ReplicationTable {
    // One pass over the rows (which may be read as they come), each kept as four numbers: a
    // long replications.csv costs 28 bytes a row here, not a row object.
    let scenario: string | undefined;
    const copIds: string[] = [...(order ?? [])];
    const cops = new Map<string, number>(copIds.map((id, c) => [id, c]));
    const slots = new Map<number, number>();
    let size = 0;
    let cells = new Uint32Array(1024);
    let replications = new Float64Array(1024);
    let values = new Float64Array(1024);
    for (const row of rows) {
      scenario ??= row.scenario;
      if (row.scenario !== scenario) throw new RangeError(`ReplicationTable: rows of two scenarios, ${scenario} and ${row.scenario}`);
      if (order !== undefined && !cops.has(row.cop)) throw new RangeError(`ReplicationTable: a row for CoP ${row.cop}, which is not one of ${order.join(', ')}`);
      if (!cops.has(row.cop)) cops.set(row.cop, copIds.push(row.cop) - 1);
      if (!slots.has(row.replication)) slots.set(row.replication, row.seed);
      if (size === values.length) {
        cells = grown(cells, size);
        replications = grown(replications, size);
        values = grown(values, size);
      }
      cells[size] = (cops.get(row.cop) as number) * N_FIGURES + FIGURE_INDEX[row.metric];
      replications[size] = row.replication;
      values[size] = row.value;
      size++;
    }
    const indices = [...slots.keys()].sort((a, b) => a - b);
    const slotOf = new Map(indices.map((index, r) => [index, r]));
    const runs = indices.length;
    const figures = new Float64Array(copIds.length * N_FIGURES * runs).fill(Number.NaN);
    const seen = new Uint8Array(figures.length);
    for (let i = 0; i < size; i++) {
      const cell = cells[i] as number;
      const replication = replications[i] as number;
      const at = cell * runs + (slotOf.get(replication) as number);
      if (seen[at]) {
        const metric = RUN_FIGURES[cell % N_FIGURES] as RunFigure;
        throw new RangeError(`ReplicationTable: two rows for replication ${replication}, CoP ${copIds[Math.floor(cell / N_FIGURES)] ?? ''}, ${metric}`);
      }
      seen[at] = 1;
      figures[at] = values[i] as number;
    }
    return new ReplicationTable(
      scenario ?? '',
      copIds,
      Float64Array.from(indices),
      Float64Array.from(indices, (index) => slots.get(index) as number),
      figures,
    );
  }
}

/** `array` in a buffer twice as long, its first `size` elements kept. */
function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array.subarray(0, size));
  return bigger;
}

/**
 * The per-run figures of collected replications as a table; slot r is replication r.
 *
 * @example replicationTable(collected, 'baseline').values('scrum-masters', 'final_members')
 */
export function replicationTable(collected: Collected, scenario: string): ReplicationTable {
  return new ReplicationTable(
    scenario,
    collected.copIds,
    Float64Array.from({ length: collected.runs }, (_, r) => r),
    Float64Array.from(collected.seeds),
    collected.figures,
  );
}
