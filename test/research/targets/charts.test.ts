/**
 * The calibration's charts are valid Vega-Lite specs that compile without warnings and render
 * to SVG: marginals, pairs, generations and the predictive check.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec, renderSvg } from '../../../src/charts/index.js';
import type { GenerationRecord, Particle } from '../../../src/calibration/index.js';
import { calibrationCharts } from '../../../src/research/targets/charts.js';
import type { CalibrationParameter } from '../../../src/research/targets/index.js';
import type { PredictiveRow } from '../../../src/research/targets/statistics.js';
import { vegaLiteValidator } from '../../charts/fixtures.js';

const parameters: CalibrationParameter[] = [
  { path: 'parameters.contributions.coreSpeaking', prior: { kind: 'uniform', lo: 0.3, hi: 0.6 }, priorText: 'uniform(0.3, 0.6)' },
  { path: 'parameters.recruitment.wordOfMouth', prior: { kind: 'log-uniform', lo: 0.7, hi: 11 }, priorText: 'log-uniform(0.7, 11)' },
  { path: 'parameters.churn.welcomeTie', prior: { kind: 'normal', mean: 0.6, sd: 0.2, lo: 0.05, hi: 1 }, priorText: 'normal(0.6, 0.2) on [0.05, 1]' },
];
const population: Particle[] = Array.from({ length: 12 }, (_, i) => ({
  theta: [0.3 + 0.02 * i, 1 + 0.5 * i, 0.1 + 0.07 * i],
  weight: 1 + (i % 3),
  distance: 0.1 * i,
  stats: [],
  generation: 1 + (i % 2),
  index: i,
}));
const generations: GenerationRecord[] = [
  { generation: 1, epsilon: 3, acceptance: 1, simulations: 24, draws: 24, effectiveSampleSize: 12 },
  { generation: 2, epsilon: 1.5, acceptance: 0.4, simulations: 12, draws: 13, effectiveSampleSize: 10 },
];
const predictive: PredictiveRow[] = [
  { pattern: 'core-300', statement: '', measure: 'core_share', scenario: 'baseline', target: 0.125, tolerance: 0.025, predicted: 0.13, low: 0.11, high: 0.15, error: 0.2, within: 'yes', n: 16 },
  { pattern: 'welcome', statement: '', measure: 'newcomer_return_rate', scenario: 'baseline', target: 0.12, tolerance: 0.04, predicted: 0.01, low: -0.05, high: 0.06, error: -2.75, within: 'no', n: 16 },
];

describe('calibration charts', () => {
  const charts = calibrationCharts({ name: 'patterns', parameters, population, generations, predictive, runs: 8 });
  const validate = vegaLiteValidator();

  it('are the marginals, the pairs, the generations and the predictive check', () => {
    expect(charts.map((c) => c.name)).toEqual(['marginals', 'pairs', 'generations', 'predictive']);
  });

  it.each(['marginals', 'pairs', 'generations', 'predictive'])('%s is valid Vega-Lite, compiles without warnings and renders', async (name) => {
    const chart = charts.find((c) => c.name === name)!;
    expect(validate(chart.spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect((await compileSpec(chart.spec)).warnings).toEqual([]);
    expect(await renderSvg(chart.spec)).toMatch(/^<svg/);
  });

  it('one parameter has no pairs chart', () => {
    const one = calibrationCharts({ name: 'p', parameters: parameters.slice(0, 1), population, generations, predictive, runs: 8 });
    expect(one.map((c) => c.name)).toEqual(['marginals', 'generations', 'predictive']);
  });
});
