/**
 * Charts of a run's members as people rather than counts, from its per-run figures: how
 * unequally contributions are spread (Gini coefficient and the top 10%'s share) and how long
 * members stay (the share of those who joined still members after 4, 13, 26, 52 and 104 weeks,
 * a Kaplan–Meier estimate per run).
 */
import type { ReplicationTable } from '../aggregate/replication-table.js';
import { meanInterval } from '../aggregate/interval.js';
import { metricKind, type RunFigure } from '../engine/result.js';
import { chartFrame } from './frame.js';
import { seriesColor, type SeriesKey } from './layers.js';
import { CHART_HEIGHT, CHART_WIDTH, CI_BAND_OPACITY } from './style.js';
import type { TopLevelSpec } from './types.js';

/** The per-run values of `figure` for the CoP with id `cop`, in replication order. */
function valuesOf(replications: ReplicationTable, cop: string, figure: RunFigure): number[] {
  return Array.from(replications.values(cop, figure) ?? []);
}

/**
 * Runs drawn as ticks in the inequality chart: the first this many by replication index. The
 * mean and its interval are over every run; beyond a thousand, more ticks would only pile up on
 * each other while the chart's files (and the memory to draw them) grew with the runs.
 */
export const MAX_TICK_RUNS = 1000;

const INEQUALITY: readonly { figure: RunFigure; label: string }[] = [
  { figure: 'contribution_gini', label: 'Gini coefficient' },
  { figure: 'top10_share', label: 'Share by the top 10%' },
];

/** Options of the member charts. */
export interface MemberChartOptions {
  replications: ReplicationTable;
  /** CoP display names by id. */
  labels: ReadonlyMap<string, string>;
  runs: number;
  description: string;
  /** The chart's title. Default 'Contribution inequality' or 'How long members stay'. */
  title?: string;
}

/**
 * The tooltip of a mean with its 95% interval: the CoP, what the point stands for, the mean,
 * the interval's ends and the number of runs.
 */
function intervalTooltip(what: { field: string; type: 'nominal' | 'quantitative'; title: string }, mean: string, format: string) {
  return [
    { field: 'series', type: 'nominal' as const, title: 'CoP' },
    what,
    { field: 'mean', type: 'quantitative' as const, title: mean, format },
    { field: 'low', type: 'quantitative' as const, title: '95% CI low', format },
    { field: 'high', type: 'quantitative' as const, title: '95% CI high', format },
    { field: 'n', type: 'quantitative' as const, title: 'Runs' },
  ];
}

/**
 * Contribution inequality among the members at the end of each run: every run as a tick, the
 * mean over runs as a dot with its 95% confidence interval, per CoP; undefined when no run had
 * contributions to compare.
 */
export function inequalityChart(options: MemberChartOptions): TopLevelSpec | undefined {
  const series: SeriesKey = { title: 'CoP', domain: [...options.labels.values()] };
  const runsValues: { series: string; measure: string; value: number }[] = [];
  const means: { series: string; measure: string; mean: number; low: number; high: number; n: number }[] = [];
  for (const [id, label] of options.labels) {
    for (const { figure, label: measure } of INEQUALITY) {
      const values = valuesOf(options.replications, id, figure).filter(Number.isFinite);
      for (const value of values.slice(0, MAX_TICK_RUNS)) runsValues.push({ series: label, measure, value });
      if (values.length === 0) continue;
      const ci = meanInterval(values, metricKind(figure));
      means.push({ series: label, measure, mean: ci.mean, low: ci.low, high: ci.high, n: ci.n });
    }
  }
  if (means.length === 0) return undefined;
  const y = {
    field: 'measure',
    type: 'nominal' as const,
    title: null,
    sort: INEQUALITY.map((m) => m.label),
    axis: { labelLimit: 260 },
  };
  const yOffset = { field: 'series', type: 'nominal' as const, scale: { domain: [...series.domain] } };
  const x = {
    type: 'quantitative' as const,
    title: 'Among members at the end of a run (0 to 1)',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  return {
    ...chartFrame({
      title: options.title ?? 'Contribution inequality',
      subtitle: [
        options.runs > MAX_TICK_RUNS
          ? `Ticks: the first ${MAX_TICK_RUNS.toLocaleString('en-US')} of ${options.runs.toLocaleString('en-US')} runs; dot and bar: mean over all runs and its 95% confidence interval`
          : `Ticks: each of ${options.runs} runs; dot and bar: mean over runs and its 95% confidence interval`,
        'Gini 0: everyone contributed alike; 1: one member made every contribution',
      ],
      description: options.description,
    }),
    width: CHART_WIDTH,
    height: Math.max(120, 60 * series.domain.length),
    layer: [
      {
        data: { values: runsValues },
        mark: { type: 'tick', opacity: 0.35, thickness: 1 },
        encoding: { x: { ...x, field: 'value' }, y, yOffset, color: seriesColor(series) },
      },
      {
        data: { values: means },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, yOffset, color: seriesColor(series) },
      },
      {
        data: { values: means },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x: { ...x, field: 'mean' },
          y,
          yOffset,
          color: seriesColor(series),
          tooltip: intervalTooltip({ field: 'measure', type: 'nominal', title: 'Measure' }, 'Mean', '.3f'),
        },
      },
    ],
  };
}

const TENURE: readonly { weeks: number; figure: RunFigure | null }[] = [
  { weeks: 0, figure: null },
  { weeks: 4, figure: 'retention_4' },
  { weeks: 13, figure: 'retention_13' },
  { weeks: 26, figure: 'retention_26' },
  { weeks: 52, figure: 'retention_52' },
  { weeks: 104, figure: 'retention_104' },
];

/**
 * Member survival: the share of those who joined who were still members after t weeks of
 * membership, mean over runs with its 95% confidence interval as a band, per CoP. Points where
 * no run had anyone that long are left out.
 */
export function tenureChart(options: MemberChartOptions): TopLevelSpec | undefined {
  const series: SeriesKey = { title: 'CoP', domain: [...options.labels.values()] };
  const values: { series: string; tenure: number; mean: number; low: number; high: number; n: number }[] = [];
  for (const [id, label] of options.labels) {
    for (const point of TENURE) {
      if (point.figure === null) {
        values.push({ series: label, tenure: 0, mean: 1, low: 1, high: 1, n: options.runs });
        continue;
      }
      const v = valuesOf(options.replications, id, point.figure).filter(Number.isFinite);
      if (v.length === 0) continue;
      const ci = meanInterval(v, metricKind(point.figure));
      values.push({
        series: label,
        tenure: point.weeks,
        mean: ci.mean,
        low: Number.isFinite(ci.low) ? ci.low : ci.mean,
        high: Number.isFinite(ci.high) ? ci.high : ci.mean,
        n: ci.n,
      });
    }
  }
  if (values.length <= options.labels.size) return undefined;
  const x = {
    field: 'tenure',
    type: 'quantitative' as const,
    title: 'Weeks since joining',
    scale: { domain: [0, 104] },
    axis: { values: TENURE.map((t) => t.weeks), grid: false },
  };
  const y = { type: 'quantitative' as const, title: 'Still a member', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return {
    ...chartFrame({
      title: options.title ?? 'How long members stay',
      subtitle: [
        `Share of those who joined still members that many weeks later (Kaplan–Meier, per run); line: mean of ${options.runs} runs`,
        'band: its 95% confidence interval',
      ],
      description: options.description,
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: CI_BAND_OPACITY, interpolate: 'step-after' },
        encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: seriesColor(series) },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', point: true },
        encoding: {
          x,
          y: { ...y, field: 'mean' },
          color: seriesColor(series),
          tooltip: intervalTooltip({ field: 'tenure', type: 'quantitative', title: 'Weeks since joining' }, 'Still a member', '.1%'),
        },
      },
    ],
  };
}
