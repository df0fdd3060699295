import { describe, expect, it } from 'vitest';
import type { Collected } from '../../src/aggregate/types.js';
import { compareBatches, pairingProblem } from '../../src/compare/paired.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, RUN_FIGURES, WEEKLY_METRICS } from '../../src/engine/result.js';
import { meanConfidenceInterval } from '../../src/stats/index.js';

const WEEKS = 3;
const RUNS = 4;

function batch(copIds: string[], value: (cop: number, metric: number, week: number, run: number) => number, seeds = [1, 2, 3, 4]): Collected {
  const weekly = new Float64Array(copIds.length * N_WEEKLY * WEEKS * RUNS);
  for (let c = 0; c < copIds.length; c++)
    for (let m = 0; m < N_WEEKLY; m++)
      for (let w = 0; w < WEEKS; w++)
        for (let r = 0; r < RUNS; r++) weekly[((c * N_WEEKLY + m) * WEEKS + w) * RUNS + r] = value(c, m, w, r);
  const figures = new Float64Array(copIds.length * N_FIGURES * RUNS);
  for (let c = 0; c < copIds.length; c++)
    for (let f = 0; f < N_FIGURES; f++) for (let r = 0; r < RUNS; r++) figures[(c * N_FIGURES + f) * RUNS + r] = value(c, f, 0, r);
  return { copIds, weeks: WEEKS, runs: RUNS, seeds: Uint32Array.from(seeds), weekly, figures, employees: 5 };
}

describe('compareBatches', () => {
  it('gives a zero difference with a zero-width interval for a scenario against itself', () => {
    const a = batch(['cop1'], (_c, m, w, r) => m + w * r);
    const rows = compareBatches({ name: 'a', collected: a }, { name: 'a2', collected: a });
    expect(rows).toHaveLength(WEEKLY_METRICS.length * WEEKS + RUN_FIGURES.length);
    for (const row of rows) {
      expect(row.difference).toBe(0);
      expect(row.ci_low).toBe(0);
      expect(row.ci_high).toBe(0);
      expect(row.n).toBe(RUNS);
    }
  });

  it('pairs replication by replication: the interval is that of the per-run differences', () => {
    const a = batch(['cop1'], (_c, _m, w, r) => 10 * r + w);
    const b = batch(['cop1'], (_c, _m, w, r) => 10 * r + w + r * r); // difference r²: 0, 1, 4, 9
    const rows = compareBatches({ name: 'a', collected: a }, { name: 'b', collected: b });
    const members = rows.find((row) => row.metric === 'members' && row.week === 2);
    const expected = meanConfidenceInterval([0, 1, 4, 9]);
    expect(members).toMatchObject({ reference: 'a', scenario: 'b', cop: 'cop1', n: 4, difference: 3.5 });
    expect(members?.ci_low).toBe(expected.low);
    expect(members?.ci_high).toBe(expected.high);
    expect(members?.mean_reference).toBe(17); // mean of 2, 12, 22, 32
    expect(members?.mean_scenario).toBe(20.5);
    // An unpaired interval would be far wider: the spread between runs cancels out in the pairs.
    expect((members?.ci_high ?? 0) - (members?.ci_low ?? 0)).toBeLessThan(
      meanConfidenceInterval([2, 12, 22, 32]).high - meanConfidenceInterval([2, 12, 22, 32]).low,
    );
  });

  it('leaves out pairs with an empty value, from the means as well', () => {
    const death = FIGURE_INDEX.death_week;
    const a = batch(['cop1'], (_c, m, _w, r) => (m === death && r === 0 ? Number.NaN : 100 + r));
    const b = batch(['cop1'], (_c, m, _w, r) => (m === death && r === 1 ? Number.NaN : 110 + r));
    const row = compareBatches({ name: 'a', collected: a }, { name: 'b', collected: b }).find((x) => x.metric === 'death_week');
    expect(row).toMatchObject({ n: 2, mean_reference: 102.5, mean_scenario: 112.5, difference: 10 });
    expect(Number.isNaN(row?.week)).toBe(true);
  });

  it('compares the CoPs the scenarios share, by id', () => {
    const a = batch(['cop1', 'cop2'], (c) => c);
    const b = batch(['cop2'], () => 5);
    const rows = compareBatches({ name: 'a', collected: a }, { name: 'b', collected: b });
    expect(new Set(rows.map((r) => r.cop))).toEqual(new Set(['cop2']));
    expect(rows.every((r) => r.difference === 4)).toBe(true);
  });
});

describe('pairingProblem', () => {
  const a = { name: 'a', collected: batch(['cop1'], () => 0) };
  it('refuses batches with other seeds, other weeks or no common CoP', () => {
    expect(pairingProblem(a, { name: 'b', collected: batch(['cop1'], () => 0, [1, 2, 3, 5]) })).toMatch(/same replication seeds/);
    expect(pairingProblem(a, { name: 'b', collected: { ...batch(['cop1'], () => 0), weeks: 2 } })).toMatch(/same weeks/);
    expect(pairingProblem(a, { name: 'b', collected: batch(['x'], () => 0) })).toMatch(/no CoP id in common/);
    expect(pairingProblem(a, { name: 'b', collected: batch(['cop1'], () => 1) })).toBeUndefined();
  });
});
