/**
 * What a calibration reports from its particles: the predictive draws and the fit of each
 * pattern (src/research/targets/statistics.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Particle } from '../../../src/calibration/index.js';
import { predictiveDraws, predictiveRows } from '../../../src/research/targets/statistics.js';
import type { CalibrationPattern } from '../../../src/research/targets/index.js';

const particle = (theta: number, weight: number): Particle => ({ theta: [theta], weight, distance: 0, stats: [], generation: 1, index: 0 });

describe('the posterior predictive check', () => {
  it('draws particles in proportion to their weights, systematically', () => {
    const population = [particle(1, 1), particle(2, 3), particle(3, 0), particle(4, 4)];
    const draws = predictiveDraws(population, 8, 1).map((p) => p.theta[0]);
    expect(draws).toHaveLength(8);
    // Weights 1/8, 3/8, 0, 4/8 of 8 systematic draws: exactly 1, 3, 0 and 4 of them.
    expect(draws.filter((x) => x === 1)).toHaveLength(1);
    expect(draws.filter((x) => x === 2)).toHaveLength(3);
    expect(draws.filter((x) => x === 3)).toHaveLength(0);
    expect(draws.filter((x) => x === 4)).toHaveLength(4);
    expect(predictiveDraws(population, 8, 1)).toEqual(predictiveDraws(population, 8, 1));
  });

  it('predicts each pattern by the mean over the draws, within tolerance when that mean is', () => {
    const pattern = { id: 'core', statement: '', source: '', kind: 'level', arms: [0], measures: [], measureText: 'core_share', label: 'baseline', target: 0.125, tolerance: 0.025, weight: 1 } as CalibrationPattern;
    const rows = predictiveRows([pattern, { ...pattern, id: 'far', target: 0.3 }], [[0.1, 0.1], [0.14, 0.14], [Number.NaN, Number.NaN]]);
    expect(rows[0]).toMatchObject({ pattern: 'core', predicted: 0.12000000000000001, n: 2, within: 'yes' });
    expect(rows[0]?.error).toBeCloseTo(-0.2, 12);
    expect(rows[0]?.low).toBeCloseTo(0.101, 12);
    expect(rows[0]?.high).toBeCloseTo(0.139, 12);
    expect(rows[1]).toMatchObject({ pattern: 'far', within: 'no' });
  });
});
