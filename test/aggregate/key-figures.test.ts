import { describe, expect, it } from 'vitest';
import { keyFigures, type Collected } from '../../src/aggregate/index.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY, WEEKLY_INDEX, type RunFigure, type WeeklyMetric } from '../../src/engine/result.js';
import { meanConfidenceInterval } from '../../src/stats/index.js';

const RUNS = 4;
const WEEKS = 3;

function collected(): Collected {
  const copIds = ['lean', 'arch'];
  const weekly = new Float64Array(copIds.length * N_WEEKLY * WEEKS * RUNS);
  const figures = new Float64Array(copIds.length * N_FIGURES * RUNS).fill(Number.NaN);
  const setFigure = (c: number, name: RunFigure, values: number[]) =>
    values.forEach((v, r) => (figures[(c * N_FIGURES + FIGURE_INDEX[name]) * RUNS + r] = v));
  const setWeek = (c: number, name: WeeklyMetric, week: number, values: number[]) =>
    values.forEach((v, r) => (weekly[((c * N_WEEKLY + WEEKLY_INDEX[name]) * WEEKS + week) * RUNS + r] = v));

  setFigure(0, 'final_members', [10, 12, 14, 16]);
  setFigure(0, 'peak_members', [20, 20, 22, 22]);
  setFigure(0, 'death_week', [Number.NaN, 10, 20, Number.NaN]);
  setFigure(0, 'total_hours_saved', [30, 30, 30, 30]);
  setFigure(0, 'total_hours_invested', [10, 10, 20, 20]);
  setWeek(0, 'participation_rate', WEEKS - 1, [0.5, 0.6, 0.7, 0.8]);
  setWeek(0, 'participation_rate', 0, [9, 9, 9, 9]); // not the final week: must be ignored
  setWeek(0, 'reuse_rate', WEEKS - 1, [0.1, 0.1, 0.1, 0.1]);
  setFigure(1, 'death_week', [Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  setFigure(1, 'total_hours_invested', [0, 0, 0, 0]);
  setFigure(1, 'total_hours_saved', [0, 0, 0, 0]);
  return { copIds, weeks: WEEKS, runs: RUNS, seeds: new Uint32Array(RUNS), weekly, figures, employees: 100 };
}

describe('keyFigures', () => {
  const [lean, arch] = keyFigures(collected());

  it('gives one entry per CoP in scenario order', () => {
    expect(lean?.cop).toBe('lean');
    expect(arch?.cop).toBe('arch');
  });

  it('estimates final and peak members with 95% intervals', () => {
    const ci = meanConfidenceInterval([10, 12, 14, 16]);
    expect(lean?.finalMembers).toEqual({ n: 4, mean: 13, low: ci.low, high: ci.high });
    expect(lean?.peakMembers.mean).toBe(21);
  });

  it('reads participation and reuse rates in the final week', () => {
    expect(lean?.finalParticipationRate.mean).toBeCloseTo(0.65, 14);
    expect(lean?.finalReuseRate.mean).toBeCloseTo(0.1, 14);
  });

  it('reports hours saved per hour invested as a ratio of means', () => {
    expect(lean?.savedPerInvested).toBe(2);
    expect(arch?.savedPerInvested).toBeNaN();
  });

  it('reports the share of runs where the CoP died and the median death week', () => {
    expect(lean?.deathShare).toBe(0.5);
    expect(lean?.medianDeathWeek).toBe(15);
    expect(arch?.deathShare).toBe(0);
    expect(arch?.medianDeathWeek).toBeNaN();
  });

  it('gives n = 0 and NaN for figures no run filled in', () => {
    expect(arch?.totalContributions.n).toBe(0);
    expect(arch?.totalContributions.mean).toBeNaN();
  });
});
