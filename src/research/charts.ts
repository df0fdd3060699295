/**
 * Charts of sweeps and sensitivity screenings, as Vega-Lite specs built as typed data:
 *
 * - one varied setting: the measure's mean against the setting, with its 95% confidence band
 *   and the 5th–95th percentile band of the replications (points and bars for a list of words);
 * - two varied settings: a heatmap of the mean, with the mean and its interval in the tooltip;
 * - a Morris screening: parameters ranked by μ* (bars) beside μ* against σ (scatter).
 *
 * Field names in the data are plain (`x`, `y`, `mean`, …), never the settings' dotted paths,
 * which Vega-Lite would read as nested fields.
 */
import { chartFrame } from '../charts/frame.js';
import { DEFAULT_FORMAT } from '../charts/layers.js';
import { finiteOrNull } from '../charts/series.js';
import { CHART_HEIGHT, CHART_WIDTH, CI_BAND_OPACITY, QUANTILE_BAND_OPACITY, SERIES_COLORS } from '../charts/style.js';
import type { NamedChart, TopLevelSpec } from '../charts/types.js';
import type { SweepRow } from './sweep/rows.js';
import type { SweepAxis } from './sweep/vary.js';

const COLOR = SERIES_COLORS[0];

/** What `sweepCharts` draws. */
export interface SweepChartInput {
  readonly axes: readonly SweepAxis[];
  readonly rows: readonly SweepRow[];
  /** The measure in words, e.g. 'members (scrum-masters), final week'. */
  readonly measureText: string;
  readonly scenarioName: string;
  /** Replications per point. */
  readonly runs: number;
}

/**
 * The chart of a sweep, named `sweep`: a banded line (one numeric setting), points with
 * interval bars (one setting with words among its values) or a heatmap (two settings).
 *
 * @example sweepCharts({ axes, rows, measureText: 'members, final week', scenarioName: 'baseline', runs: 50 })[0].name // → 'sweep'
 */
export function sweepCharts(input: SweepChartInput): NamedChart[] {
  const { axes } = input;
  const first = axes[0];
  if (first === undefined) return [];
  const second = axes[1];
  const title = `${input.scenarioName}: ${input.measureText}`;
  if (second !== undefined) {
    return [
      {
        name: 'sweep',
        title,
        description: `Mean of ${input.measureText} over ${input.runs} replications at each combination of ${first.path} and ${second.path}; the tooltip gives the 95% confidence interval.`,
        spec: sweepHeatmap(input, first, second),
      },
    ];
  }
  const numeric = first.values.every((v) => typeof v === 'number');
  return [
    {
      name: 'sweep',
      title,
      description: `Mean of ${input.measureText} over ${input.runs} replications at each value of ${first.path}, with the 95% confidence interval of the mean (dark) and the 5th–95th percentile of the replications (light).`,
      spec: numeric ? sweepLine(input, first) : sweepPoints(input, first),
    },
  ];
}

/** The statistics of a row as chart data (NaN → null, which JSON can hold). */
function statistics(row: SweepRow) {
  return {
    n: row.n,
    mean: finiteOrNull(row.mean),
    ci_low: finiteOrNull(row.ci_low),
    ci_high: finiteOrNull(row.ci_high),
    p05: finiteOrNull(row.p05),
    p50: finiteOrNull(row.p50),
    p95: finiteOrNull(row.p95),
  };
}

function tooltip(xTitle: string, xType: 'quantitative' | 'ordinal', extra: readonly object[] = []) {
  return [
    { field: 'x', type: xType, title: xTitle },
    ...extra,
    { field: 'mean', type: 'quantitative', title: 'Mean', format: DEFAULT_FORMAT },
    { field: 'ci_low', type: 'quantitative', title: '95% CI, low', format: DEFAULT_FORMAT },
    { field: 'ci_high', type: 'quantitative', title: '95% CI, high', format: DEFAULT_FORMAT },
    { field: 'p05', type: 'quantitative', title: '5th percentile', format: DEFAULT_FORMAT },
    { field: 'p95', type: 'quantitative', title: '95th percentile', format: DEFAULT_FORMAT },
    { field: 'n', type: 'quantitative', title: 'Replications' },
  ];
}

function subtitle(input: SweepChartInput): string[] {
  return [`${input.runs} replications per point, the same seeds at every point`];
}

/** Mean line over a numeric setting, with the CI band and the 5th–95th percentile band. */
function sweepLine(input: SweepChartInput, axis: SweepAxis): TopLevelSpec {
  const x = { field: 'x', type: 'quantitative', title: axis.path, scale: { zero: false, nice: false } } as const;
  const y = (field: string) => ({ field, type: 'quantitative', title: input.measureText, axis: { format: DEFAULT_FORMAT } }) as const;
  const tip = tooltip(axis.path, 'quantitative');
  return {
    ...chartFrame({ title: `${input.scenarioName}: ${input.measureText}`, subtitle: subtitle(input), description: `Sweep of ${axis.path}` }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: input.rows.map((row) => ({ x: row[axis.path] as number, ...statistics(row) })) },
    layer: [
      { mark: { type: 'area', opacity: QUANTILE_BAND_OPACITY, color: COLOR }, encoding: { x, y: y('p05'), y2: { field: 'p95' }, tooltip: tip } },
      { mark: { type: 'area', opacity: CI_BAND_OPACITY, color: COLOR }, encoding: { x, y: y('ci_low'), y2: { field: 'ci_high' }, tooltip: tip } },
      { mark: { type: 'line', strokeWidth: 2, color: COLOR, point: true }, encoding: { x, y: y('mean'), tooltip: tip } },
    ],
  } as TopLevelSpec;
}

/** A point per value of a setting (words, or numbers mixed with words), with interval bars. */
function sweepPoints(input: SweepChartInput, axis: SweepAxis): TopLevelSpec {
  const x = { field: 'x', type: 'ordinal', title: axis.path, sort: axis.values.map(String), axis: { labelAngle: 0 } } as const;
  const y = (field: string) => ({ field, type: 'quantitative', title: input.measureText, axis: { format: DEFAULT_FORMAT }, scale: { zero: false } }) as const;
  const tip = tooltip(axis.path, 'ordinal');
  return {
    ...chartFrame({ title: `${input.scenarioName}: ${input.measureText}`, subtitle: subtitle(input), description: `Sweep of ${axis.path}` }),
    width: Math.min(CHART_WIDTH, 90 * axis.values.length),
    height: CHART_HEIGHT,
    data: { values: input.rows.map((row) => ({ x: String(row[axis.path]), ...statistics(row) })) },
    layer: [
      { mark: { type: 'rule', color: COLOR, opacity: 0.5, strokeWidth: 1.5 }, encoding: { x, y: y('p05'), y2: { field: 'p95' }, tooltip: tip } },
      { mark: { type: 'rule', color: COLOR, opacity: 0.8, strokeWidth: 7 }, encoding: { x, y: y('ci_low'), y2: { field: 'ci_high' }, tooltip: tip } },
      { mark: { type: 'point', filled: true, size: 70, color: '#222222' }, encoding: { x, y: y('mean'), tooltip: tip } },
    ],
  } as TopLevelSpec;
}

/** A heatmap of the mean over two settings, the mean written in each cell. */
function sweepHeatmap(input: SweepChartInput, first: SweepAxis, second: SweepAxis): TopLevelSpec {
  const x = { field: 'x', type: 'ordinal', title: first.path, sort: first.values.map(String), axis: { labelAngle: 0 } } as const;
  const y = { field: 'y', type: 'ordinal', title: second.path, sort: [...second.values.map(String)].reverse() } as const;
  const means = input.rows.map((row) => row.mean).filter(Number.isFinite);
  const middle = means.length === 0 ? 0 : (Math.min(...means) + Math.max(...means)) / 2;
  const tip = tooltip(first.path, 'ordinal', [{ field: 'y', type: 'ordinal', title: second.path }]);
  const cell = 44;
  return {
    ...chartFrame({
      title: `${input.scenarioName}: ${input.measureText}`,
      subtitle: [...subtitle(input), 'cells: mean; tooltip: 95% confidence interval'],
      description: `Sweep of ${first.path} and ${second.path}`,
    }),
    width: Math.min(CHART_WIDTH, cell * first.values.length),
    height: Math.min(CHART_WIDTH, cell * second.values.length),
    data: { values: input.rows.map((row) => ({ x: String(row[first.path]), y: String(row[second.path]), ...statistics(row) })) },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'mean', type: 'quantitative', title: 'Mean', scale: { scheme: 'viridis' }, legend: { format: DEFAULT_FORMAT } },
          tooltip: tip,
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'mean', type: 'quantitative', format: '.3~g' },
          color: { condition: { test: `datum.mean !== null && datum.mean < ${middle}`, value: 'white' }, value: 'black' },
          tooltip: tip,
        },
      },
    ],
  } as TopLevelSpec;
}

/** One parameter's screening result, as drawn. */
export interface MorrisChartRow {
  readonly parameter: string;
  readonly mu: number;
  readonly mu_star: number;
  readonly sigma: number;
  readonly rank: number;
}

/** What `sensitivityCharts` draws. */
export interface SensitivityChartInput {
  readonly rows: readonly MorrisChartRow[];
  readonly measureText: string;
  readonly scenarioName: string;
  readonly trajectories: number;
  readonly levels: number;
  /** Replications per design point. */
  readonly runs: number;
}

/**
 * The σ/μ* ratios drawn as guides in the σ–μ* scatter, after the classes of Garcia Sanchez et
 * al. (2014): below 0.1 an almost linear effect, 0.1 to 0.5 monotonic, 0.5 to 1 almost
 * monotonic, above 1 non-linear, non-monotonic or interacting.
 */
export const MORRIS_RATIO_GUIDES = [0.1, 1] as const;

/**
 * The guide lines σ = ratio · μ* from the origin to the largest μ*, two points per ratio;
 * none when no μ* is above 0.
 */
function ratioGuides(rows: readonly MorrisChartRow[]): { mu_star: number; sigma: number; guide: string }[] {
  const top = Math.max(0, ...rows.map((row) => row.mu_star).filter(Number.isFinite));
  if (top <= 0) return [];
  return MORRIS_RATIO_GUIDES.flatMap((ratio) => {
    const guide = `σ/μ* = ${ratio}`;
    return [{ mu_star: 0, sigma: 0, guide }, { mu_star: top, sigma: ratio * top, guide }];
  });
}

/**
 * The chart of a Morris screening, named `sensitivity`: the parameters ranked by μ* (mean
 * absolute elementary effect) as horizontal bars, above a scatter of σ against μ* with the
 * dashed guides σ/μ* = 0.1 and 1 (`MORRIS_RATIO_GUIDES`): a factor below the lower guide acts
 * almost linearly; one above σ = μ* has effects that vary across the design (non-linear or
 * interacting), or is dominated by simulation noise when μ* is small and `runs` few.
 *
 * @example sensitivityCharts({ rows, measureText: 'members, final week', scenarioName: 'baseline', trajectories: 10, levels: 4, runs: 20 })[0].name // → 'sensitivity'
 */
export function sensitivityCharts(input: SensitivityChartInput): NamedChart[] {
  const values = input.rows.map((row) => ({
    parameter: row.parameter,
    rank: row.rank,
    mu: finiteOrNull(row.mu),
    mu_star: finiteOrNull(row.mu_star),
    sigma: finiteOrNull(row.sigma),
  }));
  const tip = [
    { field: 'parameter', type: 'nominal', title: 'Parameter' },
    { field: 'rank', type: 'quantitative', title: 'Rank' },
    { field: 'mu_star', type: 'quantitative', title: 'μ*', format: DEFAULT_FORMAT },
    { field: 'mu', type: 'quantitative', title: 'μ', format: DEFAULT_FORMAT },
    { field: 'sigma', type: 'quantitative', title: 'σ', format: DEFAULT_FORMAT },
  ];
  const muStar = { field: 'mu_star', type: 'quantitative', title: 'μ* (mean |effect| over the parameter\'s range)', axis: { format: DEFAULT_FORMAT } };
  const sigma = { field: 'sigma', type: 'quantitative', title: 'σ (spread of the effects)', axis: { format: DEFAULT_FORMAT } };
  const guides = ratioGuides(input.rows);
  const guideLayers =
    guides.length === 0
      ? []
      : [
          {
            data: { values: guides },
            mark: { type: 'line', strokeDash: [4, 4], color: '#999999', strokeWidth: 1 },
            encoding: { x: muStar, y: sigma, detail: { field: 'guide', type: 'nominal' } },
          },
          {
            data: { values: guides.filter((point) => point.mu_star > 0) },
            mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -2, dy: -2, fontSize: 10, color: '#777777' },
            encoding: { x: muStar, y: sigma, text: { field: 'guide', type: 'nominal' } },
          },
        ];
  const order = [...input.rows].sort((a, b) => a.rank - b.rank).map((row) => row.parameter);
  const spec = {
    ...chartFrame({
      title: `${input.scenarioName}: what moves ${input.measureText}`,
      subtitle: [
        `Morris screening: ${input.trajectories} trajectories on ${input.levels} levels, ${input.runs} replications per design point`,
        'Dashed: σ/μ* = 0.1 (below: almost linear) and σ/μ* = 1 (above: non-linear, interacting, or noise when μ* is small)',
      ],
      description:
        `Parameters ranked by the mean absolute elementary effect μ* on ${input.measureText}, and σ against μ* with the ` +
        'guides σ/μ* = 0.1 and 1 (Garcia Sanchez et al. 2014).',
    }),
    data: { values },
    vconcat: [
      {
        width: 420,
        height: Math.max(60, 22 * values.length),
        mark: { type: 'bar', color: COLOR },
        encoding: {
          y: { field: 'parameter', type: 'nominal', title: null, sort: order, axis: { labelLimit: 400 } },
          x: muStar,
          tooltip: tip,
        },
      },
      {
        width: 420,
        height: 260,
        layer: [
          ...guideLayers,
          { mark: { type: 'point', filled: true, size: 60, color: COLOR }, encoding: { x: muStar, y: sigma, tooltip: tip } },
          {
            mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: '#333333' },
            encoding: { x: { field: 'mu_star', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'parameter', type: 'nominal' } },
          },
        ],
      },
    ],
    spacing: 30,
  };
  return [
    {
      name: 'sensitivity',
      title: `What moves ${input.measureText}`,
      description:
        'Parameters ranked by μ*, the mean absolute elementary effect (Morris screening), and σ, the spread of the effects, ' +
        'against μ*. The dashed guides mark σ/μ* = 0.1 and σ/μ* = 1 (Garcia Sanchez et al. 2014): a parameter below the ' +
        'lower guide acts almost linearly over its range; one above σ = μ* acts non-linearly or through other parameters, ' +
        'or its effects are mostly simulation noise when μ* is small and --runs few.',
      spec: spec as TopLevelSpec,
    },
  ];
}
