/**
 * Charts: Vega-Lite specs built as typed data from a run's tidy tables, rendered to SVG and
 * PNG in Node.
 *
 *   RunChartInput ──runCharts──▶ NamedChart[] ──writeCharts──▶ <name>.vl.json, .svg, .png
 *
 * The builders (`bandedLineLayers`, `eventLayers`, `bandedTimeChart`, ...) are pure and serve
 * charts of compared scenarios and parameter sweeps as well.
 */
export type { ChartEvent, ConcatChild, Encoding, Layer, LayerChart, NamedChart, SeriesDatum, TopLevelSpec, UnitLayer } from './types.js';
export { runCharts, BANDED_CHARTS, type BandedChartDef, type PanelDef, type RunChartInput } from './run-charts.js';
export {
  bandedLineLayers,
  eventLayers,
  seriesColor,
  weekEncoding,
  weekTicks,
  DEFAULT_FORMAT,
  type BandedLineOptions,
  type EventLayerOptions,
  type SeriesKey,
  type WeekAxis,
} from './layers.js';
export { bandedTimeChart, type BandedTimeChartOptions, type TimePanel } from './time-chart.js';
export { rolesChart, STACKED_ROLES, type RolesChartOptions } from './roles.js';
export { deathWeeksChart, deathCounts, type DeathCount, type DeathWeeksChartOptions } from './death-weeks.js';
export { chartEvents, describeChanges } from './events.js';
export { copLabels, seriesValues, finiteOrNull } from './series.js';
export { chartFrame, type ChartHeading } from './frame.js';
export { CHART_WIDTH, CHART_HEIGHT, PANEL_HEIGHT, SERIES_COLORS, VEGA_LITE_SCHEMA, seriesColors } from './style.js';
export { compileSpec, renderSvg, renderPng, PNG_FONT_FAMILY, type CompiledSpec } from './render.js';
export { writeCharts } from './write.js';
