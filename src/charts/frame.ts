/**
 * The top-level properties every chart shares: schema, title and subtitle, description,
 * background and fonts.
 */
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from './style.js';
import { textWidth } from './text-width.js';

/** A chart's heading. */
export interface ChartHeading {
  title: string;
  /** Lines under the title, e.g. what the bands are. Default none. */
  subtitle?: string | readonly string[];
  /** The spec's description (read out by screen readers). */
  description: string;
  /**
   * Width of the plot in pixels: title and subtitle lines longer than the plot and its y
   * axis are wrapped, so that they do not widen the chart beyond its plot. Default
   * `CHART_WIDTH`.
   */
  width?: number;
}

/** Font sizes of the title and subtitle (see `chartFrame`'s config). */
const TITLE_FONT_SIZE = 15;
const SUBTITLE_FONT_SIZE = 11;

/** Room for the y axis' labels and title left of the plot, which a heading may use as well. */
const Y_AXIS_ROOM = 60;

/**
 * The top-level properties of a spec: `$schema` (vega-lite v6), the description, a
 * left-aligned title with its subtitle, a white background and readable font sizes. Spread it
 * into a spec before its data and marks.
 *
 * @example { ...chartFrame({ title: 'Participation', description: '...' }), layer: [...] }
 */
export function chartFrame(heading: ChartHeading) {
  const room = (heading.width ?? CHART_WIDTH) + Y_AXIS_ROOM;
  const subtitle =
    heading.subtitle === undefined
      ? {}
      : { subtitle: [heading.subtitle].flat().flatMap((line) => wrapText(line, room, SUBTITLE_FONT_SIZE)) };
  const title = wrapText(heading.title, room, TITLE_FONT_SIZE, true);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: heading.description,
    title: { text: title.length === 1 ? (title[0] as string) : title, anchor: 'start', ...subtitle },
    background: 'white',
    padding: 12,
    config: {
      title: { fontSize: TITLE_FONT_SIZE, subtitleFontSize: SUBTITLE_FONT_SIZE, subtitleColor: '#555555', offset: 10 },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
      legend: { labelFontSize: 11 },
      view: { stroke: '#dddddd' },
    },
  } as const;
}

/**
 * `text` broken into lines no wider than `width` pixels at `fontSize` (DejaVu Sans), at spaces
 * only, so no word is split; a single word wider than `width` keeps a line of its own.
 *
 * @example wrapText('Mean of 20 runs, stacked: core at the bottom, then active', 200, 11)
 * // → ['Mean of 20 runs, stacked: core at', 'the bottom, then active']
 */
export function wrapText(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
