/**
 * Contracts of the chart stage: charts are Vega-Lite specs built as typed data, each named by
 * the file stem it is written under.
 *
 *   SummaryRow[] + ReplicationRow[] + Manifest ──runCharts──▶ NamedChart[]
 *     ──writeCharts──▶ <name>.vl.json, <name>.svg (renderSvg), <name>.png (renderPng)
 */
import type { TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec } from 'vega-lite';

/** A chart and what a reader needs to know about it. */
export interface NamedChart {
  /** File stem, e.g. 'participation' (written as participation.vl.json, .svg, .png). */
  name: string;
  title: string;
  /** One or two sentences shown under the chart: what is drawn, what the bands are. */
  description: string;
  /** A self-contained Vega-Lite spec: its data are inlined as `data.values`. */
  spec: TopLevelSpec;
}

/** A layered spec (`layer: [...]`), e.g. one panel of a time chart. */
export type LayerChart = Extract<TopLevelSpec, { layer: unknown }>;

/** One layer of a layered spec: a unit spec (one mark) or a nested layer. */
export type Layer = LayerChart['layer'][number];

/** One chart of a vertical concatenation. */
export type ConcatChild = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

/** An event drawn on a time axis: a rule at `week` with a short label. */
export interface ChartEvent {
  week: number;
  /** e.g. "week 52: mandate lifted". */
  label: string;
}

/** One week of one series: the summary statistics a banded line is drawn from. */
export interface SeriesDatum {
  /** The series (a CoP's display name, or a scenario's name in comparisons). */
  series: string;
  week: number;
  /** null where the summary has no finite value (NaN is not JSON). */
  mean: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p05: number | null;
  p95: number | null;
}

/** A single-mark layer. */
export type UnitLayer = Extract<Layer, { mark: unknown }>;

/** The encoding of a single-mark layer. */
export type Encoding = NonNullable<UnitLayer['encoding']>;
