/**
 * The top-level properties every chart shares: schema, title and subtitle, description,
 * background and fonts.
 */
import { VEGA_LITE_SCHEMA } from './style.js';

/** A chart's heading. */
export interface ChartHeading {
  title: string;
  /** Lines under the title, e.g. what the bands are. Default none. */
  subtitle?: string | readonly string[];
  /** The spec's description (read out by screen readers). */
  description: string;
}

/**
 * The top-level properties of a spec: `$schema` (vega-lite v6), the description, a
 * left-aligned title with its subtitle, a white background and readable font sizes. Spread it
 * into a spec before its data and marks.
 *
 * @example { ...chartFrame({ title: 'Participation', description: '...' }), layer: [...] }
 */
export function chartFrame(heading: ChartHeading) {
  const subtitle = heading.subtitle === undefined ? {} : { subtitle: [heading.subtitle].flat() };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: heading.description,
    title: { text: heading.title, anchor: 'start', ...subtitle },
    background: 'white',
    padding: 12,
    config: {
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', offset: 10 },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
      legend: { labelFontSize: 11 },
      view: { stroke: '#dddddd' },
    },
  } as const;
}
