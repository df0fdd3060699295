/**
 * A time chart: one or more panels over the weeks, each a banded mean line per series, with
 * the scenario's events marked on every panel.
 */
import { chartFrame, type ChartHeading } from './frame.js';
import { bandedLineLayers, eventLayers, type SeriesKey, type WeekAxis } from './layers.js';
import { CHART_HEIGHT, CHART_WIDTH, PANEL_HEIGHT } from './style.js';
import type { ChartEvent, ConcatChild, SeriesDatum, TopLevelSpec } from './types.js';

/** One panel: the data of one metric and how its axis reads. */
export interface TimePanel {
  values: readonly SeriesDatum[];
  /** y axis title, e.g. 'Participation rate'. */
  yTitle: string;
  /** d3-format of the y axis and tooltips, e.g. '.0%'. Default ',.2~f'. */
  format?: string;
}

/** What `bandedTimeChart` draws. */
export interface BandedTimeChartOptions extends ChartHeading, WeekAxis {
  /** Panels, stacked top to bottom with one shared legend. */
  panels: readonly TimePanel[];
  series: SeriesKey;
  /** Events marked on every panel. Default none. */
  events?: readonly ChartEvent[];
  /** Plot width. Default `CHART_WIDTH` (600). */
  width?: number;
  /** Height of each panel. Default `CHART_HEIGHT` (260) for one panel, `PANEL_HEIGHT` (180) for more. */
  height?: number;
  /** Whether to draw the 5th–95th percentile bands. Default true. */
  quantiles?: boolean;
}

/**
 * A self-contained spec of banded mean lines (see `bandedLineLayers`) over the weeks, one panel
 * per metric, events marked on each.
 *
 * @example bandedTimeChart({ title: 'Participation', description: '...', weeks: 156,
 *   series: { title: 'CoP', domain: ['Scrum Master CoP'] }, events,
 *   panels: [{ values: seriesValues(summary, 'attendance', labels), yTitle: 'Attendance (people)' }] })
 */
export function bandedTimeChart(options: BandedTimeChartOptions): TopLevelSpec {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? (options.panels.length > 1 ? PANEL_HEIGHT : CHART_HEIGHT);
  const axis: WeekAxis = options.xTitle === undefined ? { weeks: options.weeks } : { weeks: options.weeks, xTitle: options.xTitle };
  const panels: ConcatChild[] = options.panels.map((panel) => ({
    width,
    height,
    data: { values: panel.values.map((datum) => ({ ...datum })) },
    layer: [
      ...bandedLineLayers({ ...axis, yTitle: panel.yTitle, series: options.series, quantiles: options.quantiles ?? true, ...formatOf(panel) }),
      ...eventLayers(options.events ?? [], { ...axis, width }),
    ],
  }));
  const frame = chartFrame(options);
  if (panels.length === 1) return { ...frame, ...(panels[0] as Extract<ConcatChild, { layer: unknown }>) };
  return { ...frame, vconcat: panels, spacing: 18 };
}

function formatOf(panel: TimePanel): { format?: string } {
  return panel.format === undefined ? {} : { format: panel.format };
}
