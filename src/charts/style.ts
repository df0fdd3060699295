/**
 * The look shared by copsim's charts: sizes, colours and the Vega-Lite schema they declare.
 */

/** The Vega-Lite schema every spec declares (vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Width of a chart's plot area in pixels. */
export const CHART_WIDTH = 600;

/** Height of a single-panel chart's plot area in pixels. */
export const CHART_HEIGHT = 260;

/** Height of each panel of a chart with several stacked panels. */
export const PANEL_HEIGHT = 180;

/** Series colours (Tableau 10), assigned in order: the first CoP is blue, the second orange, ... */
export const SERIES_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Opacity of the 5th–95th percentile band (the lighter one). */
export const QUANTILE_BAND_OPACITY = 0.15;

/** Opacity of the 95% confidence band of the mean. */
export const CI_BAND_OPACITY = 0.35;

/** Colour of event rules and their labels. */
export const EVENT_COLOR = '#555555';

/** Font size of event labels; their width is estimated from it to keep labels apart. */
export const EVENT_FONT_SIZE = 10;

/**
 * Colours for `n` series, cycling through `SERIES_COLORS`.
 *
 * @example seriesColors(2) // → ['#4e79a7', '#f28e2b']
 */
export function seriesColors(n: number): string[] {
  return Array.from({ length: n }, (_, i) => SERIES_COLORS[i % SERIES_COLORS.length] as string);
}
