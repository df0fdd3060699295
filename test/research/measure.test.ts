import { describe, expect, it } from 'vitest';
import type { Collected } from '../../src/aggregate/types.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, WEEKLY_INDEX } from '../../src/engine/result.js';
import {
  describeMeasure,
  measureProblem,
  measureValues,
  parseMeasureTime,
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
