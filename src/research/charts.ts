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
import { textWidth } from '../charts/text-width.js';
import type { NamedChart, TopLevelSpec } from '../charts/types.js';
import { copIds } from '../scenario/vocabulary.js';
import { settingLabel } from './setting-labels.js';
import type { SweepRow } from './sweep/rows.js';
import type { SweepAxis } from './sweep/vary.js';

const COLOR = SERIES_COLORS[0];

/**
 * Measures that are shares from 0 to 1, shown as percentages on a 0–100% scale: `alive` (the
 * share of runs in which the CoP is alive), rates, shares and retentions.
 */
const SHARE_METRICS = new Set([
  'alive',
  'participation_rate',
  'reuse_rate',
  'meetings',
  'core_share',
  'active_share',
  'top10_share',
  'newcomer_return_rate',
  'established_return_rate',
  'retention_4',
  'retention_13',
  'retention_26',
  'retention_52',
  'retention_104',
  'exchange_share',
  'word_of_mouth_share',
]);

/** What `sweepCharts` draws. */
export interface SweepChartInput {
  readonly axes: readonly SweepAxis[];
  readonly rows: readonly SweepRow[];
  /** The measure in words, e.g. 'members (scrum-masters), final week'. */
  readonly measureText: string;
  readonly scenarioName: string;
  /** Replications per point. */
  readonly runs: number;
  /**
   * The scenario swept, to name the CoP of a `cops.N.…` setting on its axis ("Funded hours
   * per week (scrum-masters)"). Default: CoPs named by position.
   */
  readonly scenario?: ScenarioCops;
  /** Said after the title, e.g. " (partial: 3 of 5 design points (missing 1–2))" for a partial merge. Default none. */
  readonly note?: string;
}

/** The part of a scenario that names its CoPs. */
type ScenarioCops = Parameters<typeof copIds>[0];

/** The label of a setting of `scenario`. */
function labelOf(path: string, scenario: ScenarioCops | undefined): string {
  return settingLabel(path, scenario === undefined ? [] : copIds(scenario));
}

/** How a measure reads on an axis: its title, d3-format and scale. */
interface MeasureAxis {
  title: string;
  /** Title of a colour legend of the mean. */
  legend: string;
  format: string;
  /** A share is drawn on a fixed 0–100% scale. */
  share: boolean;
}

function measureAxis(input: Pick<SweepChartInput, 'rows' | 'measureText'>): MeasureAxis {
  const metric = input.rows[0]?.metric ?? '';
  const share = SHARE_METRICS.has(metric);
  // "alive (scrum-masters), final week" is the share of runs in which the CoP is alive.
  const title = metric === 'alive' ? `Runs with the CoP ${input.measureText}` : upperFirst(input.measureText);
  return { title, legend: metric === 'alive' ? 'Runs alive' : 'Mean', format: share ? '.0%' : DEFAULT_FORMAT, share };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The chart of a sweep, named `sweep`: a banded line (one numeric setting), points with
 * interval bars (one setting with words among its values) or a heatmap (two settings). Axes
 * are titled with the settings' labels (`settingLabel`), shares are shown in percent, and the
 * subtitle says what the bands or bars are.
 *
 * @example sweepCharts({ axes, rows, measureText: 'members, final week', scenarioName: 'baseline', runs: 50 })[0].name // → 'sweep'
 */
export function sweepCharts(input: SweepChartInput): NamedChart[] {
  const { axes } = input;
  const first = axes[0];
  if (first === undefined) return [];
  const second = axes[1];
  const title = `${input.scenarioName}: ${input.measureText}${input.note ?? ''}`;
  const named = (axis: SweepAxis): string => `${labelOf(axis.path, input.scenario)} (${axis.path})`;
  if (second !== undefined) {
    return [
      {
        name: 'sweep',
        title,
        description: `Mean of ${input.measureText} over ${input.runs} replications at each combination of ${named(first)} and ${named(second)}; the tooltip gives the 95% confidence interval of the mean and the 5th–95th percentile of the replications.`,
        spec: sweepHeatmap(input, first, second),
      },
    ];
  }
  const numeric = first.values.every((v) => typeof v === 'number');
  return [
    {
      name: 'sweep',
      title,
      description: `Mean of ${input.measureText} over ${input.runs} replications at each value of ${named(first)}, with the 95% confidence interval of the mean (dark) and the 5th–95th percentile of the replications (light).`,
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

function tooltip(xTitle: string, xType: 'quantitative' | 'ordinal', format: string, extra: readonly object[] = []) {
  return [
    { field: 'x', type: xType, title: xTitle },
    ...extra,
    { field: 'mean', type: 'quantitative', title: 'Mean', format },
    { field: 'ci_low', type: 'quantitative', title: '95% CI, low', format },
    { field: 'ci_high', type: 'quantitative', title: '95% CI, high', format },
    { field: 'p05', type: 'quantitative', title: '5th percentile', format },
    { field: 'p95', type: 'quantitative', title: '95th percentile', format },
    { field: 'n', type: 'quantitative', title: 'Replications' },
  ];
}

/**
 * The heading of a sweep chart: the scenario and measure, the replications per point and
 * what the marks are (`marks`).
 */
function sweepFrame(input: SweepChartInput, marks: string, description: string, width?: number) {
  return chartFrame({
    title: `${input.scenarioName}: ${input.measureText}${input.note ?? ''}`,
    subtitle: [`${input.runs} replications per point, the same seeds at every point`, marks],
    description,
    ...(width === undefined ? {} : { width }),
  });
}

/** The y encoding of the measure; a share on a clamped 0–100% scale. */
function measureY(measure: MeasureAxis, field: string, zero: boolean) {
  const scale = measure.share ? { domain: [0, 1], clamp: true } : { zero };
  return { field, type: 'quantitative', title: measure.title, axis: { format: measure.format }, scale } as const;
}

/** Most values of a numeric setting that each get a tick of their own. */
const MAX_VALUE_TICKS = 12;

/** Mean line over a numeric setting, with the CI band and the 5th–95th percentile band. */
function sweepLine(input: SweepChartInput, axis: SweepAxis): TopLevelSpec {
  const label = labelOf(axis.path, input.scenario);
  const ticks = axis.values.length <= MAX_VALUE_TICKS ? { values: [...axis.values] } : {};
  const x = { field: 'x', type: 'quantitative', title: label, scale: { zero: false, nice: false }, axis: { format: '~g', ...ticks } } as const;
  const measure = measureAxis(input);
  const y = (field: string) => measureY(measure, field, true);
  const tip = tooltip(label, 'quantitative', measure.format);
  return {
    ...sweepFrame(
      input,
      'Line: mean; dark band: 95% confidence interval of the mean; light band: 5th to 95th percentile of the replications',
      `Sweep of ${label} (${axis.path})`,
    ),
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

/** Font size of axis labels (see `chartFrame`'s config). */
const LABEL_FONT_SIZE = 11;

/**
 * The width of a band of an ordinal axis that holds each of `labels` level, at least `least`
 * pixels: labels never run into each other.
 */
function bandFor(labels: readonly string[], least: number): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, LABEL_FONT_SIZE)));
  return Math.max(least, Math.ceil(widest + 16));
}

/** A point per value of a setting (words, or numbers mixed with words), with interval bars. */
function sweepPoints(input: SweepChartInput, axis: SweepAxis): TopLevelSpec {
  const label = labelOf(axis.path, input.scenario);
  const values = axis.values.map(String);
  const band = bandFor(values, 110);
  const x = { field: 'x', type: 'ordinal', title: label, sort: values, axis: { labelAngle: 0 } } as const;
  const measure = measureAxis(input);
  const y = (field: string) => measureY(measure, field, false);
  const tip = tooltip(label, 'ordinal', measure.format);
  const width = Math.max(360, band * values.length);
  return {
    ...sweepFrame(
      input,
      'Dash: mean; thick bar: 95% confidence interval of the mean; thin line: 5th to 95th percentile of the replications',
      `Sweep of ${label} (${axis.path})`,
      width,
    ),
    width,
    height: CHART_HEIGHT,
    data: { values: input.rows.map((row) => ({ x: String(row[axis.path]), ...statistics(row) })) },
    layer: [
      { mark: { type: 'rule', color: COLOR, opacity: 0.6, strokeWidth: 1.5 }, encoding: { x, y: y('p05'), y2: { field: 'p95' }, tooltip: tip } },
      { mark: { type: 'rule', color: COLOR, opacity: 0.8, strokeWidth: 8 }, encoding: { x, y: y('ci_low'), y2: { field: 'ci_high' }, tooltip: tip } },
      // A dash, not a dot: a narrow confidence interval stays visible above and below it.
      { mark: { type: 'tick', orient: 'horizontal', color: '#222222', thickness: 2.5, size: 26 }, encoding: { x, y: y('mean'), tooltip: tip } },
    ],
  } as TopLevelSpec;
}

/** A heatmap of the mean over two settings, the mean written in each cell. */
function sweepHeatmap(input: SweepChartInput, first: SweepAxis, second: SweepAxis): TopLevelSpec {
  const [xLabel, yLabel] = [labelOf(first.path, input.scenario), labelOf(second.path, input.scenario)];
  const measure = measureAxis(input);
  const xValues = first.values.map(String);
  const cellWidth = bandFor(xValues, 110);
  const cellHeight = 40;
  const x = { field: 'x', type: 'ordinal', title: xLabel, sort: xValues, axis: { labelAngle: 0 } } as const;
  const y = { field: 'y', type: 'ordinal', title: yLabel, sort: [...second.values.map(String)].reverse() } as const;
  const means = input.rows.map((row) => row.mean).filter(Number.isFinite);
  const [low, high] = measure.share ? [0, 1] : [Math.min(...means), Math.max(...means)];
  const middle = means.length === 0 ? 0 : (low + high) / 2;
  const tip = tooltip(xLabel, 'ordinal', measure.format, [{ field: 'y', type: 'ordinal', title: yLabel }]);
  const width = Math.min(CHART_WIDTH, cellWidth * first.values.length);
  const scale = measure.share ? { scheme: 'viridis', domain: [0, 1] } : { scheme: 'viridis' };
  return {
    ...sweepFrame(
      input,
      'Cell: mean; hover for its 95% confidence interval and 5th–95th percentile',
      `Sweep of ${xLabel} (${first.path}) and ${yLabel} (${second.path})`,
      // The colour legend beside the plot leaves room for the heading too.
      width + 80,
    ),
    width,
    height: Math.min(CHART_WIDTH, cellHeight * second.values.length),
    data: { values: input.rows.map((row) => ({ x: String(row[first.path]), y: String(row[second.path]), ...statistics(row) })) },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'mean', type: 'quantitative', title: measure.legend, scale, legend: { format: measure.format } },
          tooltip: tip,
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'mean', type: 'quantitative', format: measure.share ? '.0%' : '.3~g' },
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
  /** The scenario screened, to name the CoP of a `cops.N.…` parameter. Default: CoPs named by position. */
  readonly scenario?: ScenarioCops;
  /** Said after the title, e.g. " (partial: 3 of 5 design points (missing 1–2))" for a partial merge. Default none. */
  readonly note?: string;
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
    label: labelOf(row.parameter, input.scenario),
    rank: row.rank,
    mu: finiteOrNull(row.mu),
    mu_star: finiteOrNull(row.mu_star),
    sigma: finiteOrNull(row.sigma),
  }));
  const tip = [
    { field: 'label', type: 'nominal', title: 'Parameter' },
    { field: 'parameter', type: 'nominal', title: 'Setting' },
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
  const order = [...values].sort((a, b) => a.rank - b.rank).map((row) => row.label);
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
          y: { field: 'label', type: 'nominal', title: null, sort: order, axis: { labelLimit: 400 } },
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
            encoding: { x: { field: 'mu_star', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
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
