/**
 * ReplicationTable: replications.csv's rows kept by column. Its rows are replicationRows'
 * objects in the same order, its columns are views of the batch, and a table rebuilt from its
 * rows in any order is the same table.
 */
import { describe, expect, it } from 'vitest';
import { createCollector, REPLICATION_COLUMNS, ReplicationTable, replicationTable } from '../../src/aggregate/index.js';
import { N_FIGURES, RUN_FIGURES } from '../../src/engine/result.js';
import { makeRng } from '../../src/engine/rng.js';
import { toCsv } from '../../src/output/csv.js';
import { shuffledIndices, syntheticResult } from './synthetic.js';

const cops = ['a', 'b'];
const runs = 6;

function table(): ReplicationTable {
  const collector = createCollector(cops, 3, runs, 100);
  for (let r = 0; r < runs; r++) collector.add(r, syntheticResult(cops, 3, r));
  return replicationTable(collector.finish(), 'sc');
}

describe('ReplicationTable', () => {
  it('lists one row per replication, CoP and figure in CSV order, with the seed and the value of each', () => {
    const t = table();
    expect(t.length).toBe(runs * cops.length * N_FIGURES);
    const rows = t.rows();
    expect(rows).toHaveLength(t.length);
    rows.forEach((row, i) => {
      const r = Math.floor(i / (cops.length * N_FIGURES));
      const c = Math.floor(i / N_FIGURES) % cops.length;
      const f = i % N_FIGURES;
      const result = syntheticResult(cops, 3, r);
      expect(row).toEqual({ scenario: 'sc', replication: r, seed: result.seed, cop: cops[c], metric: RUN_FIGURES[f], value: result.figures[c * N_FIGURES + f] });
    });
    expect(t.at(7)).toEqual(rows[7]);
  });

  it('gives a figure of a CoP over the replications, and nothing for a CoP it does not have', () => {
    const t = table();
    const values = t.values('b', 'final_members')!;
    expect(Array.from(values)).toEqual(t.rows().filter((row) => row.cop === 'b' && row.metric === 'final_members').map((row) => row.value));
    expect(t.values('c', 'final_members')).toBeUndefined();
  });

  it('is rebuilt from its rows in any order, and renames replications without touching the values', () => {
    const t = table();
    const rows = t.rows();
    const order = shuffledIndices(rows.length, makeRng('rows'));
    const back = ReplicationTable.fromRows(order.map((i) => rows[i]!), cops);
    expect(back).toEqual(t);
    expect(toCsv(back, REPLICATION_COLUMNS)).toBe(toCsv(rows, REPLICATION_COLUMNS));
    const shifted = t.withIndices((r) => r + 100);
    expect(shifted.rows().map((row) => row.replication)).toEqual(rows.map((row) => row.replication + 100));
    expect(shifted.rows().map((row) => row.value)).toEqual(rows.map((row) => row.value));
  });

  it('refuses two rows for one cell and rows of two scenarios', () => {
    const rows = table().rows();
    expect(() => ReplicationTable.fromRows([...rows, rows[3]!])).toThrow(/two rows for replication 0, CoP a/);
    expect(() => ReplicationTable.fromRows([...rows, { ...rows[0]!, scenario: 'other', replication: 99 }])).toThrow(/two scenarios/);
    expect(() => ReplicationTable.fromRows(rows, ['a'])).toThrow(/CoP b, which is not one of a/);
  });
});
