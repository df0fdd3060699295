import { describe, expect, it } from 'vitest';
import type { Collected } from '../../src/aggregate/types.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, WEEKLY_INDEX } from '../../src/engine/result.js';
import {
  describeMeasure,
  measureKind,
  measureProblem,
  measureValues,
  parseMeasureTime,
  type Measure,
} from '../../src/research/measure.js';

const WEEKS = 5;
const RUNS = 3;
const COPS = ['a', 'b'];

/** A batch whose weekly value of cop c, metric m, week w, run r is c*1000 + m*100 + w*10 + r. */
function batch(): Collected {
  const weekly = new Float64Array(COPS.length * N_WEEKLY * WEEKS * RUNS);
  for (let c = 0; c < COPS.length; c++)
    for (let m = 0; m < N_WEEKLY; m++)
      for (let w = 0; w < WEEKS; w++)
        for (let r = 0; r < RUNS; r++) weekly[((c * N_WEEKLY + m) * WEEKS + w) * RUNS + r] = c * 1000 + m * 100 + w * 10 + r;
  const figures = new Float64Array(COPS.length * N_FIGURES * RUNS).fill(Number.NaN);
  figures[(1 * N_FIGURES + FIGURE_INDEX.death_week) * RUNS + 2] = 4;
  return { copIds: COPS, weeks: WEEKS, runs: RUNS, seeds: new Uint32Array([7, 8, 9]), weekly, figures, employees: 10 };
}

describe('measureValues', () => {
  const m = WEEKLY_INDEX.attendance;
  it('reads the final week of the first CoP by default', () => {
    expect(Array.from(measureValues(batch(), { metric: 'attendance' }))).toEqual([0, 1, 2].map((r) => m * 100 + 40 + r));
  });
  it('reads a given week and CoP', () => {
    expect(Array.from(measureValues(batch(), { metric: 'attendance', cop: 'b', at: { week: 1 } }))).toEqual(
      [0, 1, 2].map((r) => 1000 + m * 100 + 10 + r),
    );
  });
  it('averages a window, both ends included', () => {
    // weeks 1..3: mean of 10, 20, 30 = 20
    expect(Array.from(measureValues(batch(), { metric: 'attendance', at: { from: 1, to: 3 } }))).toEqual(
      [0, 1, 2].map((r) => m * 100 + 20 + r),
    );
  });
  it('sums all weeks for the area under the curve', () => {
    // Σ_w (m*100 + 10w + r) over w = 0..4 = 5*m*100 + 100 + 5r
    expect(Array.from(measureValues(batch(), { metric: 'attendance', at: 'auc' }))).toEqual(
      [0, 1, 2].map((r) => 5 * m * 100 + 100 + 5 * r),
    );
  });
  it('reads per-run figures, NaN where empty', () => {
    const values = measureValues(batch(), { metric: 'death_week', cop: 'b' });
    expect(Number.isNaN(values[0])).toBe(true);
    expect(values[2]).toBe(4);
  });
  it('throws with the reason when the measure does not fit', () => {
    expect(() => measureValues(batch(), { metric: 'attendance', at: { week: 5 } })).toThrow('expected 0 to 4');
  });
});

/**
 * The batch of `batch()` with the first CoP's `alive` series set: run 0 alive throughout, run 1
 * dead from week 2 on, run 2 never alive.
 */
function dyingBatch(): Collected {
  const collected = batch();
  const alive = [
    [1, 1, 1, 1, 1],
    [1, 1, 0, 0, 0],
    [0, 0, 0, 0, 0],
  ];
  for (let w = 0; w < WEEKS; w++)
    for (let r = 0; r < RUNS; r++) collected.weekly[(WEEKLY_INDEX.alive * WEEKS + w) * RUNS + r] = alive[r]?.[w] as number;
  return collected;
}

describe('measureValues while alive', () => {
  const m = WEEKLY_INDEX.motivation * 100;
  const read = (measure: Omit<Measure, 'metric'>): number[] =>
    Array.from(measureValues(dyingBatch(), { metric: 'motivation', whileAlive: true, ...measure }));

  it('averages only the alive weeks of a window, NaN when none is alive', () => {
    // run 0: weeks 1..3 → 10, 20, 30; run 1: weeks 1 only (dead from week 2) → 10 + 1
    expect(read({ at: { from: 1, to: 3 } })).toEqual([m + 20, m + 10 + 1, Number.NaN]);
  });
  it('gives NaN for a single week or the final week in which the CoP is dead', () => {
    expect(read({ at: { week: 1 } })).toEqual([m + 10, m + 10 + 1, Number.NaN]);
    expect(read({})).toEqual([m + 40, Number.NaN, Number.NaN]);
  });
  it('sums only the alive weeks for the area under the curve', () => {
    // run 0: Σ_w (m + 10w) over 0..4 = 5m + 100; run 1: weeks 0 and 1 → 2m + 10 + 2
    expect(read({ at: 'auc' })).toEqual([5 * m + 100, 2 * m + 10 + 2, Number.NaN]);
  });
  it('reads every week, dead or alive, by default', () => {
    expect(Array.from(measureValues(dyingBatch(), { metric: 'motivation', at: { from: 1, to: 3 } }))).toEqual(
      [0, 1, 2].map((r) => m + 20 + r),
    );
  });
  it('is ignored by per-run figures', () => {
    const values = measureValues(dyingBatch(), { metric: 'death_week', cop: 'b', whileAlive: true });
    expect(values[2]).toBe(4);
  });
  it('says so in words', () => {
    expect(describeMeasure({ metric: 'habit', at: { from: 52, to: 155 }, whileAlive: true })).toBe(
      'habit, mean of weeks 52–155, while alive',
    );
  });
});

describe('measureProblem', () => {
  it('names unknown metrics, CoPs, weeks and empty windows', () => {
    expect(measureProblem({ metric: 'atendance' as 'attendance' }, COPS, WEEKS)).toMatch(/unknown metric "atendance"/);
    expect(measureProblem({ metric: 'members', cop: 'z' }, COPS, WEEKS)).toBe('unknown CoP "z": expected one of a, b');
    expect(measureProblem({ metric: 'members', at: { from: 3, to: 1 } }, COPS, WEEKS)).toMatch(/is empty/);
    expect(measureProblem({ metric: 'peak_members', at: 'auc' }, COPS, WEEKS)).toMatch(/takes no week/);
    expect(measureProblem({ metric: 'members', at: { week: 4 } }, COPS, WEEKS)).toBeUndefined();
  });
});

describe('parseMeasureTime and describeMeasure', () => {
  it('reads final, auc, a week and a window', () => {
    expect(parseMeasureTime('final')).toBe('final');
    expect(parseMeasureTime('auc')).toBe('auc');
    expect(parseMeasureTime(' 104 ')).toEqual({ week: 104 });
    expect(parseMeasureTime('52-103')).toEqual({ from: 52, to: 103 });
    expect(parseMeasureTime('52..103')).toEqual({ from: 52, to: 103 });
    expect(parseMeasureTime('last')).toBeUndefined();
  });
  it('says what is measured', () => {
    expect(describeMeasure({ metric: 'attendance', cop: 'cop1', at: { from: 52, to: 103 } })).toBe(
      'attendance (cop1), mean of weeks 52–103',
    );
    expect(describeMeasure({ metric: 'total_reuse_events' })).toBe('total_reuse_events');
  });
});

describe('measureKind', () => {
  it("keeps the metric's kind for one week, makes a window's mean a share and an area unbounded", () => {
    expect(measureKind({ metric: 'alive' })).toBe('indicator');
    expect(measureKind({ metric: 'alive', at: { week: 3 } })).toBe('indicator');
    expect(measureKind({ metric: 'alive', at: { from: 3, to: 3 } })).toBe('indicator');
    expect(measureKind({ metric: 'alive', at: { from: 0, to: 3 } })).toBe('unit');
    expect(measureKind({ metric: 'reuse_rate', at: { from: 0, to: 3 } })).toBe('unit');
    expect(measureKind({ metric: 'alive', at: 'auc' })).toBe('unbounded');
    expect(measureKind({ metric: 'members', at: { from: 0, to: 3 } })).toBe('unbounded');
    expect(measureKind({ metric: 'retention_26' })).toBe('unit');
    expect(measureKind({ metric: 'death_week' })).toBe('unbounded');
  });

  it('matches the values measureValues reads: 0/1 for one week of alive, a share for a window', () => {
    expect(Array.from(measureValues(dyingBatch(), { metric: 'alive' }))).toEqual([1, 0, 0]);
    expect(Array.from(measureValues(dyingBatch(), { metric: 'alive', at: { from: 0, to: WEEKS - 1 } }))).toEqual([1, 0.4, 0]);
    expect(Array.from(measureValues(dyingBatch(), { metric: 'alive', at: 'auc' }))).toEqual([5, 2, 0]);
  });
});
