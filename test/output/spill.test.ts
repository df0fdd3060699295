/**
 * The weekly store on disk: whatever the order replications arrive in and however the blocks
 * fall, it returns exactly what the in-memory collector holds, and a batch kept on disk gives
 * the same tables, key figures and shard records as one kept in memory.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector, keyFigures, replicationRows, summarize } from '../../src/aggregate/index.js';
import { weeklyBlock, weeklyCell, weeklyOfReplication } from '../../src/aggregate/cells.js';
import { N_WEEKLY } from '../../src/engine/result.js';
import { makeRng } from '../../src/engine/rng.js';
import { createSpillStore } from '../../src/output/spill.js';
import { encodeRecords } from '../../src/shard/folder.js';
import { shuffledIndices, syntheticResult } from '../aggregate/synthetic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copsim-spill-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cops = ['a', 'b'];
const weeks = 9;
const runs = 23;

/** The same replications, arriving in a shuffled order, in memory and on disk (blocks of `blockValues`). */
function both(blockValues: number) {
  const order = shuffledIndices(runs, makeRng(`order/${blockValues}`));
  const memory = createCollector(cops, weeks, runs, 100);
  const store = createSpillStore(dir, cops.length * N_WEEKLY, weeks, runs, blockValues);
  const disk = createCollector(cops, weeks, runs, 100, 0, store);
  for (const r of order) {
    memory.add(r, syntheticResult(cops, weeks, r));
    disk.add(r, syntheticResult(cops, weeks, r));
  }
  return { memory: memory.finish(), disk: disk.finish(), store };
}

const perRun = cops.length * N_WEEKLY * weeks;

describe('createSpillStore', () => {
  // One replication per block, a block that does not divide the runs, and one block for all.
  for (const blockValues of [1, perRun * 5, perRun * runs * 2]) {
    it(`reads back every cell and every replication exactly (blocks of ${blockValues} values)`, () => {
      const { memory, disk } = both(blockValues);
      expect(disk.weekly.length).toBe(0);
      for (let c = 0; c < cops.length; c++) {
        for (let m = 0; m < N_WEEKLY; m++) {
          expect(weeklyBlock(disk, c, m, 0, weeks)).toEqual(weeklyBlock(memory, c, m, 0, weeks));
          expect(weeklyBlock(disk, c, m, 3, 7)).toEqual(weeklyBlock(memory, c, m, 3, 7));
          expect(weeklyCell(disk, c, m, weeks - 1)).toEqual(weeklyCell(memory, c, m, weeks - 1));
        }
      }
      for (let r = 0; r < runs; r++) {
        const expected = syntheticResult(cops, weeks, r).weekly;
        expect(weeklyOfReplication(disk, r, new Float64Array(perRun))).toEqual(expected);
        expect(weeklyOfReplication(memory, r, new Float64Array(perRun))).toEqual(expected);
      }
    });
  }

  it('gives the same summary, replication rows, key figures and shard records as memory', () => {
    const { memory, disk } = both(perRun * 4);
    expect(summarize(disk, 's')).toEqual(summarize(memory, 's'));
    expect(replicationRows(disk, 's')).toEqual(replicationRows(memory, 's'));
    expect(keyFigures(disk)).toEqual(keyFigures(memory));
    expect(Buffer.from(encodeRecords(disk).buffer)).toEqual(Buffer.from(encodeRecords(memory).buffer));
  });

  it('leaves no file behind, refuses a read with replications missing, and refuses use after dispose', async () => {
    const store = createSpillStore(dir, 2, 3, 4);
    expect(await readdir(dir)).toEqual([]);
    store.put(0, new Float64Array(6));
    expect(() => store.read(0, 0, 3, new Float64Array(12))).toThrow('3 of 4 replications are missing');
    expect(() => store.put(1, new Float64Array(5))).toThrow('5 values, expected 6');
    store.dispose();
    expect(() => store.replication(0, new Float64Array(6))).toThrow('already disposed');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a store whose shape is not the collector\'s', () => {
    const store = createSpillStore(dir, N_WEEKLY, weeks, runs);
    expect(() => createCollector(cops, weeks, runs, 100, 0, store)).toThrow(/weekly store holds/);
    store.dispose();
  });
});
