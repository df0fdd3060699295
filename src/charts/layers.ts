/**
 * Reusable pure builders of Vega-Lite layers: a mean line with its confidence and quantile
 * bands, and event rules with labels. Charts of one run, of compared scenarios and of
 * parameter sweeps are assembled from them.
 */
import {
  CHART_WIDTH,
  CI_BAND_OPACITY,
  EVENT_COLOR,
  EVENT_FONT_SIZE,
  QUANTILE_BAND_OPACITY,
  seriesColors,
} from './style.js';
import { textWidth } from './text-width.js';
import type { ChartEvent, Encoding, Layer } from './types.js';

/** How the series of a chart are told apart: by colour, named in a legend. */
export interface SeriesKey {
  /** Legend and tooltip title, e.g. 'CoP' or 'Scenario'. */
  title: string;
  /** The series in legend order (the `series` values of the data). */
  domain: readonly string[];
  /** Their colours. Default `seriesColors(domain.length)`. */
  colors?: readonly string[];
  /** Whether to show the legend. Default: only for two or more series. */
  legend?: boolean;
}

/** The week axis of a time chart. */
export interface WeekAxis {
  /** Weeks simulated: weeks 0 to `weeks - 1` are drawn on an axis from 0 to `weeks`, the end of the last. */
  weeks: number;
  /** Axis title. Default 'Week'. */
  xTitle?: string;
}

/** What `bandedLineLayers` draws. */
export interface BandedLineOptions extends WeekAxis {
  /** y axis title, e.g. 'Attendance (people)'. */
  yTitle: string;
  /** d3-format of the y axis and tooltips. Default ',.2~f'. */
  format?: string;
  series: SeriesKey;
  /** Whether to draw the 5th–95th percentile band (and show it in tooltips). Default true. */
  quantiles?: boolean;
}

/** Default d3-format of values: thousands separators, at most two decimals. */
export const DEFAULT_FORMAT = ',.2~f';

/**
 * The x encoding of a time chart: field `week`, titled "Week", from week 0 to the end of the
 * last week simulated, ticks at whole multiples of a readable step (a year, half a year, a
 * quarter...) up to the end (see `weekTicks`).
 *
 * @example weekEncoding({ weeks: 156 }).axis // → { values: [0, 26, 52, 78, 104, 130, 156], grid: false }
 */
export function weekEncoding(axis: WeekAxis, field = 'week'): NonNullable<Encoding['x']> {
  const end = Math.max(1, axis.weeks);
  return {
    field,
    type: 'quantitative',
    title: axis.xTitle ?? 'Week',
    scale: { domain: [0, end], nice: false, zero: false },
    axis: { values: weekTicks(end), grid: false },
  };
}

/** Steps between week ticks, smallest first; the first one giving at most 8 ticks is used. */
const TICK_STEPS = [1, 2, 4, 13, 26, 52, 104, 260, 520, 1040];

/**
 * Tick weeks 0, step, 2·step, ... up to `end`, and `end` itself when the last multiple falls
 * more than half a step short of it, so the axis is labelled to its end.
 *
 * @example weekTicks(156) // → [0, 26, 52, 78, 104, 130, 156]
 * @example weekTicks(100) // → [0, 13, 26, 39, 52, 65, 78, 91, 100]
 */
export function weekTicks(end: number): number[] {
  const step = TICK_STEPS.find((s) => end / s <= 8) ?? Math.ceil(end / 8);
  const ticks = Array.from({ length: Math.floor(end / step) + 1 }, (_, i) => i * step);
  const last = ticks[ticks.length - 1] as number;
  return end - last > step / 2 ? [...ticks, end] : ticks;
}

/**
 * The colour encoding of a series key. Its legend sits above the plot in one row, or in as
 * many columns as fit the plot's width when the names are long, so that it never makes the
 * chart wider than its plot.
 */
export function seriesColor(series: SeriesKey, field = 'series'): NonNullable<Encoding['color']> {
  const legend = series.legend ?? series.domain.length > 1;
  // An entry: its symbol, the gap to the label, the label and the gap to the next entry.
  const entries = series.domain.map((name) => 16 + textWidth(name, LEGEND_FONT_SIZE) + 14);
  const fits = entries.reduce((a, b) => a + b, 0) <= CHART_WIDTH;
  const columns = fits ? {} : { columns: Math.max(1, Math.floor(CHART_WIDTH / Math.max(...entries))) };
  return {
    field,
    type: 'nominal',
    title: series.title,
    scale: { domain: [...series.domain], range: [...(series.colors ?? seriesColors(series.domain.length))] },
    // Scenario and CoP names can be long: no truncation below the plot's width.
    legend: legend ? { orient: 'top', direction: 'horizontal', title: null, symbolOpacity: 1, labelLimit: CHART_WIDTH, ...columns } : null,
  };
}

/** Font size of legend labels (see `chartFrame`'s config). */
const LEGEND_FONT_SIZE = 11;

/**
 * Three layers over data of `SeriesDatum` rows (`series`, `week`, `mean`, `ci_low`, `ci_high`,
 * `p05`, `p95`): the 5th–95th percentile band of the runs (lightest), the 95% confidence band
 * of the mean, and the mean line, one colour per series, with tooltips. The layers carry no
 * data: give it to the enclosing layer.
 *
 * @example { data: { values: rows }, layer: [...bandedLineLayers({ weeks: 156, yTitle: 'Attendance', series }),
 *   ...eventLayers(events, { weeks: 156 })] }
 */
export function bandedLineLayers(options: BandedLineOptions): Layer[] {
  const format = options.format ?? DEFAULT_FORMAT;
  const x = weekEncoding(options);
  const color = seriesColor(options.series);
  const y = (field: string): NonNullable<Encoding['y']> => ({
    field,
    type: 'quantitative',
    title: options.yTitle,
    axis: { format },
  });
  const quantiles = options.quantiles ?? true;
  const tooltip: NonNullable<Encoding['tooltip']> = [
    { field: 'series', type: 'nominal', title: options.series.title },
    { field: 'week', type: 'quantitative', title: 'Week' },
    { field: 'mean', type: 'quantitative', title: 'Mean', format },
    { field: 'ci_low', type: 'quantitative', title: '95% CI, low', format },
    { field: 'ci_high', type: 'quantitative', title: '95% CI, high', format },
    ...(quantiles
      ? ([
          { field: 'p05', type: 'quantitative', title: '5th percentile', format },
          { field: 'p95', type: 'quantitative', title: '95th percentile', format },
        ] as const)
      : []),
  ];
  const quantileBand: Layer[] = quantiles
    ? [{ mark: { type: 'area', opacity: QUANTILE_BAND_OPACITY }, encoding: { x, y: y('p05'), y2: { field: 'p95' }, color, tooltip } }]
    : [];
  return [
    ...quantileBand,
    {
      mark: { type: 'area', opacity: CI_BAND_OPACITY },
      encoding: { x, y: y('ci_low'), y2: { field: 'ci_high' }, color, tooltip },
    },
    {
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y: y('mean'), color, tooltip },
    },
  ];
}

/** Where `eventLayers` draws. */
export interface EventLayerOptions extends WeekAxis {
  /** Width of the plot in pixels, to keep labels apart. Default `CHART_WIDTH`. */
  width?: number;
}

/**
 * Layers marking events on a time axis: a dashed vertical rule at each event's week and its
 * label at the top of the plot, beside the rule (to its left in the last third of the axis).
 * Labels that would overlap go on further rows. No layers when there are no events. Each
 * layer carries its own data, so they can be added to any layer over the same week axis.
 *
 * @example eventLayers([{ week: 52, label: 'week 52: mandate lifted' }], { weeks: 156 }) // → [rule, label]
 */
export function eventLayers(events: readonly ChartEvent[], options: EventLayerOptions): Layer[] {
  if (events.length === 0) return [];
  const x = weekEncoding(options);
  const values = events.map((event) => ({ week: event.week, label: event.label }));
  const rule: Layer = {
    data: { values },
    mark: { type: 'rule', color: EVENT_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
    encoding: { x, tooltip: [{ field: 'label', type: 'nominal', title: 'Event' }] },
  };
  const groups = new Map<string, { row: number; right: boolean; values: typeof values }>();
  for (const placed of placeLabels(events, options.weeks, options.width ?? CHART_WIDTH)) {
    const key = `${placed.row}:${placed.right}`;
    const group = groups.get(key) ?? { row: placed.row, right: placed.right, values: [] };
    group.values.push({ week: placed.week, label: placed.label });
    groups.set(key, group);
  }
  const labels: Layer[] = [...groups.values()].map((group) => ({
    data: { values: group.values },
    mark: {
      type: 'text',
      align: group.right ? 'right' : 'left',
      baseline: 'top',
      dx: group.right ? -4 : 4,
      dy: 3 + group.row * (EVENT_FONT_SIZE + 3),
      fontSize: EVENT_FONT_SIZE,
      color: EVENT_COLOR,
    },
    encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
  }));
  return [rule, ...labels];
}

/** An event label's place: its row (0 at the top) and which side of the rule it is on. */
interface PlacedLabel extends ChartEvent {
  row: number;
  right: boolean;
}

/**
 * Places labels greedily in rows: each goes on the first row where it does not overlap a label
 * already there. Label widths are estimated (0.6 em per character), which errs on the wide side.
 */
function placeLabels(events: readonly ChartEvent[], weeks: number, width: number): PlacedLabel[] {
  const last = Math.max(1, weeks);
  const rows: [number, number][][] = [];
  return events.map((event) => {
    const x = (event.week / last) * width;
    const right = event.week > (2 * last) / 3;
    const w = event.label.length * 0.6 * EVENT_FONT_SIZE + 8;
    const span: [number, number] = right ? [x - w, x] : [x, x + w];
    let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] + 4 < a || b + 4 < span[0]));
    if (row < 0) row = rows.push([]) - 1;
    rows[row]?.push(span);
    return { ...event, row, right };
  });
}
