/**
 * The chart of a Sobol analysis: for each measure, the parameters with the largest total-order
 * index as pairs of horizontal bars, S1 (first order) and ST (total order), each with its 95%
 * bootstrap interval as a whisker. A Vega-Lite spec built as typed data, like research/charts.ts.
 */
import { chartFrame } from '../charts/frame.js';
import { finiteOrNull } from '../charts/series.js';
import { SERIES_COLORS } from '../charts/style.js';
import type { NamedChart, TopLevelSpec } from '../charts/types.js';
import { copIds } from '../scenario/vocabulary.js';
import type { SobolMeasureResult } from './sensitivity/sobol.js';
import { settingLabel } from './setting-labels.js';

/** Parameters drawn per measure; all of them are in sobol.csv. */
export const SOBOL_CHART_PARAMETERS = 20;

/** What `sobolCharts` draws. */
export interface SobolChartInput {
  readonly results: readonly Pick<SobolMeasureResult, 'rows'>[];
  /** Each measure in words, in the order of `results`. */
  readonly measureTexts: readonly string[];
  readonly scenarioName: string;
  /** Base samples N. */
  readonly samples: number;
  /** Replications per design point. */
  readonly runs: number;
  /** The scenario analysed, to name the CoP of a `cops.N.…` parameter. */
  readonly scenario?: Parameters<typeof copIds>[0];
}

const INDEX_FORMAT = '.2f';

/**
 * The x axis runs from 0 to 100% and further only as far as estimates and intervals reach, at
 * most from −25% to 125%: an index is a share of variance, and the wide intervals of a measure
 * that hardly varies would otherwise squeeze every bar; beyond, bars and whiskers are cut.
 */
const AXIS_LIMITS = [-0.25, 1.25] as const;

/**
 * The chart named `sobol`: one panel per measure, its `SOBOL_CHART_PARAMETERS` parameters of
 * largest ST ranked top down, S1 and ST side by side with their intervals.
 *
 * @example sobolCharts({ results, measureTexts: ['members, final week'], scenarioName: 'baseline', samples: 64, runs: 4 })[0].name // → 'sobol'
 */
export function sobolCharts(input: SobolChartInput): NamedChart[] {
  const ids = input.scenario === undefined ? [] : copIds(input.scenario);
  const panels = input.results.map((result, m) => {
    const shown = result.rows.slice(0, SOBOL_CHART_PARAMETERS);
    const values = shown.flatMap((row) => {
      const label = settingLabel(row.parameter, ids);
      const common = { label, parameter: row.parameter, rank: row.rank };
      return [
        { ...common, index: 'S1 (first order)', value: finiteOrNull(row.S1), low: finiteOrNull(row.S1_low), high: finiteOrNull(row.S1_high) },
        { ...common, index: 'ST (total order)', value: finiteOrNull(row.ST), low: finiteOrNull(row.ST_low), high: finiteOrNull(row.ST_high) },
      ];
    });
    const y = { field: 'label', type: 'nominal', title: null, sort: shown.map((row) => settingLabel(row.parameter, ids)), axis: { labelLimit: 400 } };
    const color = {
      field: 'index',
      type: 'nominal',
      title: null,
      scale: { domain: ['S1 (first order)', 'ST (total order)'], range: [SERIES_COLORS[0], SERIES_COLORS[1]] },
      legend: { orient: 'top' },
    };
    const tooltip = [
      { field: 'label', type: 'nominal', title: 'Parameter' },
      { field: 'parameter', type: 'nominal', title: 'Setting' },
      { field: 'index', type: 'nominal', title: 'Index' },
      { field: 'value', type: 'quantitative', title: 'Estimate', format: INDEX_FORMAT },
      { field: 'low', type: 'quantitative', title: '95% interval, low', format: INDEX_FORMAT },
      { field: 'high', type: 'quantitative', title: '95% interval, high', format: INDEX_FORMAT },
      { field: 'rank', type: 'quantitative', title: 'Rank (by ST)' },
    ];
    const ends = values.flatMap((v) => [v.low, v.high, v.value]).filter((x): x is number => x !== null);
    const domain = [Math.max(AXIS_LIMITS[0], Math.min(0, ...ends)), Math.min(AXIS_LIMITS[1], Math.max(1, ...ends))];
    const x = { field: 'value', type: 'quantitative', title: 'Share of the variance of the measure', axis: { format: '.0%' }, scale: { domain, nice: false } };
    const more = result.rows.length > shown.length ? ` (the ${shown.length} of largest ST of ${result.rows.length})` : '';
    return {
      title: { text: `${upperFirst(input.measureTexts[m] ?? '')}${more}`, anchor: 'start', fontSize: 12 },
      width: 420,
      height: Math.max(60, 34 * shown.length),
      data: { values },
      encoding: { y, yOffset: { field: 'index', type: 'nominal', sort: ['S1 (first order)', 'ST (total order)'] }, color, tooltip },
      layer: [
        { mark: { type: 'bar', clip: true }, encoding: { x } },
        {
          mark: { type: 'rule', strokeWidth: 1, clip: true },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } },
        },
      ],
    };
  });
  const spec = {
    ...chartFrame({
      title: `${input.scenarioName}: what drives the variance of each measure`,
      subtitle: [
        `Sobol indices: ${input.samples} base samples, ${input.runs} replication${input.runs === 1 ? '' : 's'} per design point; whiskers: 95% bootstrap intervals`,
        'S1: the share due to the parameter alone; ST: with all its interactions. ST well above S1: the parameter acts through others',
        'Axes end at −25% and 125% at most; estimates and intervals beyond are cut (all are in sobol.csv)',
      ],
      description:
        'For each measure, the parameters of largest total-order Sobol index ST, each with its first-order index S1 beside it ' +
        'and the 95% bootstrap percentile interval of both as whiskers.',
    }),
    vconcat: panels,
    spacing: 30,
  };
  return [
    {
      name: 'sobol',
      title: 'What drives the variance of each measure',
      description:
        'Sobol indices of each measure: S1, the share of its variance due to a parameter alone, and ST, the share due to the ' +
        'parameter with all its interactions, with 95% bootstrap intervals. Parameters are ranked by ST; a gap between ST and ' +
        'S1 means the parameter acts through interactions with others.',
      spec: spec as TopLevelSpec,
    },
  ];
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
