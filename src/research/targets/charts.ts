/**
 * Charts of a calibration, as Vega-Lite specs built as typed data:
 *
 * - `marginals`: per parameter, the weighted histogram of the final particles (the posterior)
 *   over the prior's density, on the prior's range;
 * - `pairs`: every pair of parameters, the final particles as points sized by weight;
 * - `generations`: ε and the acceptance rate, generation by generation;
 * - `predictive`: every pattern's predicted statistic against its target, in tolerances.
 *
 * Field names in the data are plain (`x`, `p0`, …), never the settings' dotted paths, which
 * Vega-Lite would read as nested fields.
 */
import { chartFrame } from '../../charts/frame.js';
import { finiteOrNull } from '../../charts/series.js';
import { CHART_HEIGHT, CHART_WIDTH, SERIES_COLORS } from '../../charts/style.js';
import type { NamedChart, TopLevelSpec } from '../../charts/types.js';
import { normalisedWeights, type GenerationRecord, type Particle } from '../../calibration/apmc.js';
import { priorDensity } from '../../calibration/priors.js';
import { settingLabel } from '../setting-labels.js';
import type { CalibrationParameter } from './resolve.js';
import type { PredictiveRow } from './statistics.js';

const POSTERIOR_COLOR = SERIES_COLORS[0];
const PRIOR_COLOR = SERIES_COLORS[1];

/** Bins of a marginal histogram. */
const BINS = 24;

/** Points of a prior's density curve. */
const CURVE_POINTS = 120;

/** What the calibration charts draw. */
export interface CalibrationChartInput {
  /** The targets file's name, for titles. */
  readonly name: string;
  readonly parameters: readonly CalibrationParameter[];
  readonly population: readonly Particle[];
  readonly generations: readonly GenerationRecord[];
  readonly predictive: readonly PredictiveRow[];
  /** Particles simulated per parameter vector: replications per scenario. */
  readonly runs: number;
}

/** Every chart of a calibration, in report order. */
export function calibrationCharts(input: CalibrationChartInput): NamedChart[] {
  const kept = input.population.length;
  const charts: NamedChart[] = [
    {
      name: 'marginals',
      title: `${input.name}: posterior of each parameter`,
      description: `The weighted histogram of the ${kept} final particles (bars, the posterior) over the prior's density (line), on the prior's range.`,
      spec: marginalsSpec(input),
    },
  ];
  if (input.parameters.length > 1) {
    charts.push({
      name: 'pairs',
      title: `${input.name}: pairs of parameters`,
      description: `Every pair of parameters: the ${kept} final particles, each a point sized by its weight. A tilt shows parameters that trade off against each other.`,
      spec: pairsSpec(input),
    });
  }
  charts.push(
    {
      name: 'generations',
      title: `${input.name}: tolerance and acceptance by generation`,
      description: 'ε, the largest distance kept, and the share of new particles kept (the acceptance rate), generation by generation; the calibration stops when the acceptance falls to the minimum.',
      spec: generationsSpec(input),
    },
    {
      name: 'predictive',
      title: `${input.name}: posterior predictive check`,
      description:
        'Each pattern as the posterior predicts it, in units of its tolerance from its target (0): the point is the mean over the predictive draws, the bar their 2.5–97.5% range; the band marks ±1 tolerance.',
      spec: predictiveSpec(input),
    },
  );
  return charts;
}

function label(p: CalibrationParameter): string {
  return settingLabel(p.path, []);
}

/** Per parameter, a weighted histogram (density scale) under the prior's density. */
function marginalsSpec(input: CalibrationChartInput): TopLevelSpec {
  const weights = normalisedWeights(input.population);
  const panels = input.parameters.map((p, k) => {
    const { lo, hi } = p.prior;
    const width = (hi - lo) / BINS;
    const mass = new Array<number>(BINS).fill(0);
    input.population.forEach((particle, i) => {
      const bin = Math.min(BINS - 1, Math.max(0, Math.floor(((particle.theta[k] as number) - lo) / width)));
      mass[bin] = (mass[bin] as number) + (weights[i] as number);
    });
    const bars = mass.map((m, b) => ({ x: lo + b * width, x2: lo + (b + 1) * width, density: m / width }));
    const curve = Array.from({ length: CURVE_POINTS + 1 }, (_, j) => {
      const x = lo + ((hi - lo) * j) / CURVE_POINTS;
      return { x, density: finiteOrNull(priorDensity(p.prior, x)) };
    });
    const x = { field: 'x', type: 'quantitative', title: `${label(p)} (${p.path})`, scale: { domain: [lo, hi], nice: false, zero: false } } as const;
    return {
      width: CHART_WIDTH,
      height: 130,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'rect', color: POSTERIOR_COLOR, opacity: 0.75 },
          encoding: {
            x,
            x2: { field: 'x2' },
            y: { field: 'density', type: 'quantitative', title: 'Density' },
            tooltip: [
              { field: 'x', type: 'quantitative', title: 'from', format: '.4~g' },
              { field: 'x2', type: 'quantitative', title: 'to', format: '.4~g' },
              { field: 'density', type: 'quantitative', title: 'posterior density', format: '.3~g' },
            ],
          },
        },
        {
          data: { values: curve },
          mark: { type: 'line', color: PRIOR_COLOR, strokeWidth: 2, strokeDash: [5, 3] },
          encoding: { x, y: { field: 'density', type: 'quantitative' } },
        },
      ],
    };
  });
  return {
    ...chartFrame({
      title: `${input.name}: posterior of each parameter`,
      subtitle: ['Bars: weighted histogram of the final particles (the posterior); dashed line: the prior density'],
      description: 'Marginal posterior of each calibrated parameter against its prior',
    }),
    vconcat: panels,
  } as unknown as TopLevelSpec;
}

/** A scatter matrix of the final particles, sized by weight. */
function pairsSpec(input: CalibrationChartInput): TopLevelSpec {
  const weights = normalisedWeights(input.population);
  const values = input.population.map((particle, i) => {
    const row: Record<string, number> = { weight: weights[i] as number };
    particle.theta.forEach((t, k) => (row[`p${k}`] = t));
    return row;
  });
  const d = input.parameters.length;
  const size = Math.max(120, Math.floor(CHART_WIDTH / Math.max(1, d - 1)) - 30);
  const axis = (k: number) => {
    const p = input.parameters[k] as CalibrationParameter;
    // A log-uniform prior spreads its mass evenly on a log axis.
    const scale = p.prior.kind === 'log-uniform' ? { type: 'log' } : { type: 'linear', zero: false };
    return { field: `p${k}`, type: 'quantitative', title: label(p), scale: { ...scale, domain: [p.prior.lo, p.prior.hi], nice: false } } as const;
  };
  const rows = [];
  for (let r = 1; r < d; r++) {
    const cells = [];
    for (let c = 0; c < r; c++) {
      cells.push({
        width: size,
        height: size,
        mark: { type: 'circle', color: POSTERIOR_COLOR, opacity: 0.5 },
        encoding: {
          x: axis(c),
          y: axis(r),
          size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [4, 60] } },
          tooltip: [
            { field: `p${c}`, type: 'quantitative', title: (input.parameters[c] as CalibrationParameter).path, format: '.4~g' },
            { field: `p${r}`, type: 'quantitative', title: (input.parameters[r] as CalibrationParameter).path, format: '.4~g' },
            { field: 'weight', type: 'quantitative', title: 'weight', format: '.3~g' },
          ],
        },
      });
    }
    rows.push({ hconcat: cells });
  }
  return {
    ...chartFrame({
      title: `${input.name}: pairs of parameters`,
      subtitle: ['Each point a final particle, sized by its weight; axes span the priors'],
      description: 'Pairwise scatter of the final particles',
    }),
    data: { values },
    vconcat: rows,
  } as unknown as TopLevelSpec;
}

/** ε (log scale) and the acceptance rate by generation. */
function generationsSpec(input: CalibrationChartInput): TopLevelSpec {
  const values = input.generations.map((g) => ({ generation: g.generation, epsilon: finiteOrNull(g.epsilon), acceptance: g.acceptance }));
  const x = { field: 'generation', type: 'quantitative', title: 'Generation', axis: { tickMinStep: 1, format: 'd' } } as const;
  const panel = (field: string, title: string, extra: object) => ({
    width: CHART_WIDTH,
    height: 150,
    mark: { type: 'line', point: true, color: POSTERIOR_COLOR },
    encoding: {
      x,
      y: { field, type: 'quantitative', title, ...extra },
      tooltip: [
        { field: 'generation', type: 'quantitative', title: 'generation' },
        { field: 'epsilon', type: 'quantitative', title: 'ε', format: '.4~g' },
        { field: 'acceptance', type: 'quantitative', title: 'acceptance', format: '.1%' },
      ],
    },
  });
  return {
    ...chartFrame({
      title: `${input.name}: tolerance and acceptance by generation`,
      subtitle: [`ε: the largest distance among the particles kept; acceptance: the share of new particles kept`],
      description: 'Tolerance and acceptance rate per generation',
    }),
    data: { values },
    vconcat: [
      panel('epsilon', 'ε (largest distance kept)', { scale: { type: 'log' } }),
      panel('acceptance', 'Acceptance rate', { axis: { format: '.0%' }, scale: { domain: [0, 1] } }),
    ],
  } as unknown as TopLevelSpec;
}

/** Every pattern's predicted statistic in tolerances from its target. */
function predictiveSpec(input: CalibrationChartInput): TopLevelSpec {
  const values = input.predictive.map((row) => ({
    pattern: row.pattern,
    error: finiteOrNull(row.error),
    low: finiteOrNull((row.low - row.target) / row.tolerance),
    high: finiteOrNull((row.high - row.target) / row.tolerance),
    predicted: finiteOrNull(row.predicted),
    target: row.target,
    tolerance: row.tolerance,
    within: row.within,
  }));
  const order = input.predictive.map((row) => row.pattern);
  const y = { field: 'pattern', type: 'nominal', title: null, sort: order } as const;
  const tip = [
    { field: 'pattern', type: 'nominal', title: 'pattern' },
    { field: 'predicted', type: 'quantitative', title: 'predicted', format: '.4~g' },
    { field: 'target', type: 'quantitative', title: 'target', format: '.4~g' },
    { field: 'tolerance', type: 'quantitative', title: 'tolerance', format: '.4~g' },
    { field: 'within', type: 'nominal', title: 'within tolerance' },
  ];
  const x = { field: 'error', type: 'quantitative', title: '(predicted − target) / tolerance' } as const;
  return {
    ...chartFrame({
      title: `${input.name}: posterior predictive check`,
      subtitle: [`Point: mean over the predictive draws; bar: their 2.5–97.5% range; band: within ±1 tolerance of the target`],
      description: 'Posterior predictive check of every pattern',
    }),
    width: CHART_WIDTH,
    height: Math.max(CHART_HEIGHT / 2, 22 * values.length),
    data: { values },
    layer: [
      { data: { values: [{ from: -1, to: 1 }] }, mark: { type: 'rect', color: '#59a14f', opacity: 0.15 }, encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555555' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', color: POSTERIOR_COLOR, strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: x.title }, x2: { field: 'high' }, tooltip: tip } },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x,
          color: { field: 'within', type: 'nominal', title: 'Within tolerance', scale: { domain: ['yes', 'no'], range: ['#59a14f', '#e15759'] } },
          tooltip: tip,
        },
      },
    ],
  } as unknown as TopLevelSpec;
}
