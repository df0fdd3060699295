/**
 * Morris with no --params: every model parameter over its documented range (a design of some
 * 270 points, so it is in the long suite).
 */
import { describe, expect, it } from 'vitest';
import { modelParameterFactors } from '../../../src/research/sensitivity/index.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { sensitivity } from '../../../src/study/index.js';

describe('a screening with no --params', () => {
  it('screens every model parameter over its documented range, and says so', async () => {
    const warnings: string[] = [];
    const sets = ['weeks=3', 'organisation.employees=300'];
    const study = await sensitivity({ scenario: 'baseline', set: sets, runs: 1, workers: 0, trajectories: 2, onWarning: (w: string) => warnings.push(w) });
    const expected = modelParameterFactors(loadScenario('baseline', { sets }).scenario, 4);
    expect(expected.length).toBeGreaterThan(100);
    expect(study.factors.map((f) => f.path)).toEqual(expected.map((f) => f.path));
    expect(study.designPoints).toBe(2 * (expected.length + 1));
    expect(new Set(study.rows.map((row) => row.parameter))).toEqual(new Set(expected.map((f) => f.path)));
    expect(warnings.some((w) => w.startsWith(`--params not given: varying all ${expected.length} model parameters`))).toBe(true);
  });
});
