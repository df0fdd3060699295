import { describe, expect, it } from 'vitest';
import { createCollector, REPLICATION_COLUMNS, replicationRows, SUMMARY_COLUMNS, summarize } from '../../src/aggregate/index.js';
import { N_FIGURES, N_WEEKLY, WEEKLY_INDEX } from '../../src/engine/result.js';
import { makeRng } from '../../src/engine/rng.js';
import { toCsv } from '../../src/output/csv.js';
import { shuffledIndices, syntheticResult } from './synthetic.js';

const COPS = ['alpha', 'beta'];
const WEEKS = 13;
const RUNS = 24;

function collectInOrder(order: readonly number[]) {
  const collector = createCollector(COPS, WEEKS, RUNS, 100);
  for (const i of order) collector.add(i, syntheticResult(COPS, WEEKS, i));
  return collector.finish();
}

describe('createCollector', () => {
  it('gives byte-identical tables whatever the arrival order', () => {
    const inOrder = collectInOrder(Array.from({ length: RUNS }, (_, i) => i));
    const shuffled = collectInOrder(shuffledIndices(RUNS, makeRng('arrival')));
    const reversed = collectInOrder(Array.from({ length: RUNS }, (_, i) => RUNS - 1 - i));
    const tables = [inOrder, shuffled, reversed].map((c) => [
      toCsv(summarize(c, 'synthetic'), SUMMARY_COLUMNS),
      toCsv(replicationRows(c, 'synthetic'), REPLICATION_COLUMNS),
    ]);
    expect(tables[1]).toEqual(tables[0]);
    expect(tables[2]).toEqual(tables[0]);
    // Guard against a vacuous comparison: the tables hold real, varying numbers.
    expect((tables[0] as string[])[0]?.split('\n').length).toBe(COPS.length * N_WEEKLY * WEEKS + 2);
  });

  it('transposes each run into the replication-innermost layout and records its seed', () => {
    const collected = collectInOrder(shuffledIndices(RUNS, makeRng('layout')));
    for (const [r, cop, metric, week] of [
      [0, 0, 'members', 0],
      [5, 1, 'reuse_rate', 12],
      [23, 1, 'alive', 7],
      [17, 0, 'contributions', 3],
    ] as const) {
      const run = syntheticResult(COPS, WEEKS, r);
      const m = WEEKLY_INDEX[metric];
      const want = run.weekly[(cop * N_WEEKLY + m) * WEEKS + week];
      expect(collected.weekly[((cop * N_WEEKLY + m) * WEEKS + week) * RUNS + r]).toBe(want);
      const f = (cop * N_FIGURES + 4) * RUNS + r;
      expect(collected.figures[f]).toBe(run.figures[cop * N_FIGURES + 4]);
      expect(collected.seeds[r]).toBe(run.seed);
    }
    expect(collected.weekly.length).toBe(COPS.length * N_WEEKLY * WEEKS * RUNS);
    expect(collected.figures.length).toBe(COPS.length * N_FIGURES * RUNS);
    expect(collected.copIds).toEqual(COPS);
    expect(collected.employees).toBe(100);
  });

  it('counts arrivals', () => {
    const collector = createCollector(COPS, WEEKS, 3, 100);
    expect(collector.received).toBe(0);
    collector.add(2, syntheticResult(COPS, WEEKS, 2));
    collector.add(0, syntheticResult(COPS, WEEKS, 0));
    expect(collector.received).toBe(2);
  });

  it('rejects a duplicate replication', () => {
    const collector = createCollector(COPS, WEEKS, 3, 100);
    collector.add(1, syntheticResult(COPS, WEEKS, 1));
    expect(() => collector.add(1, syntheticResult(COPS, WEEKS, 1))).toThrow(/replication 1 was already added/);
    expect(collector.received).toBe(1);
  });

  it('rejects an index outside 0..runs−1 or not an integer', () => {
    const collector = createCollector(COPS, WEEKS, 3, 100);
    for (const bad of [-1, 3, 1.5, Number.NaN]) {
      expect(() => collector.add(bad, syntheticResult(COPS, WEEKS, 0))).toThrow(/outside 0\.\.2/);
    }
  });

  it('rejects a result of another shape', () => {
    const collector = createCollector(COPS, WEEKS, 3, 100);
    expect(() => collector.add(0, syntheticResult(COPS, WEEKS + 1, 0))).toThrow(/weeks 14, expected 13/);
    expect(() => collector.add(0, syntheticResult(['alpha', 'gamma'], WEEKS, 0))).toThrow(/CoPs \[alpha, gamma\]/);
    expect(() => collector.add(0, syntheticResult(['alpha'], WEEKS, 0))).toThrow(/CoPs \[alpha\], expected \[alpha, beta\]/);
    expect(() => collector.add(0, syntheticResult(COPS, WEEKS, 0, 99))).toThrow(/employees 99, expected 100/);
    const short = { ...syntheticResult(COPS, WEEKS, 0), figures: new Float64Array(3) };
    expect(() => collector.add(0, short)).toThrow(new RegExp(`3 figures, expected ${2 * N_FIGURES}`));
    const badSeed = { ...syntheticResult(COPS, WEEKS, 0), seed: -5 };
    expect(() => collector.add(0, badSeed)).toThrow(/seed -5/);
    expect(collector.received).toBe(0);
  });

  it('refuses to finish while replications are missing, naming them', () => {
    const collector = createCollector(COPS, WEEKS, 4, 100);
    collector.add(1, syntheticResult(COPS, WEEKS, 1));
    collector.add(2, syntheticResult(COPS, WEEKS, 2));
    expect(() => collector.finish()).toThrow(/2 of 4 replications missing \(0, 3\)/);
  });

  it('accepts nothing after finishing', () => {
    const collector = createCollector(COPS, WEEKS, 1, 100);
    collector.add(0, syntheticResult(COPS, WEEKS, 0));
    collector.finish();
    expect(() => collector.add(0, syntheticResult(COPS, WEEKS, 0))).toThrow(/already finished/);
  });

  it('rejects a meaningless size', () => {
    expect(() => createCollector(COPS, 0, 3, 100)).toThrow(/weeks must be a positive integer/);
    expect(() => createCollector(COPS, 5, 0, 100)).toThrow(/runs must be a positive integer/);
    expect(() => createCollector([], 5, 3, 100)).toThrow(/at least one CoP/);
  });
});
