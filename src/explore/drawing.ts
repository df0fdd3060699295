/**
 * What the explorer draws from its batches: the report's charts (`runCharts`), or with a pinned
 * baseline the comparison's overlays and paired differences (`compareCharts`, from
 * `compareBatches`: common random numbers, as `copsim compare` computes them), and the key
 * figures. Pure: batches in, charts and table cells out; the page draws them.
 */
import { keyFigures } from '../aggregate/key-figures.js';
import { replicationTable } from '../aggregate/replication-table.js';
import { summarize } from '../aggregate/summarize.js';
import type { Collected, SummaryRow } from '../aggregate/types.js';
import { runCharts } from '../charts/run-charts.js';
import type { NamedChart } from '../charts/types.js';
import { COMPARED_FIGURES, compareCharts } from '../compare/charts.js';
import { compareBatches, type ComparisonRow } from '../compare/paired.js';
import type { Manifest } from '../output/provenance.js';
import { differenceCells, KEY_FIGURE_HEADER, keyFigureCells, type Cell } from '../report/key-figure-cells.js';
import type { Scenario } from '../scenario/schema.js';

/** The charts of a run the explorer shows, in order (the report's time charts). */
export const RUN_CHARTS = ['members', 'roles', 'participation', 'reuse', 'motivation-safety'] as const;

/** With a pinned baseline: both runs overlaid, then their paired differences. */
export const PINNED_CHARTS = [
  'difference-figures',
  'compare-members',
  'difference-members',
  'compare-participation',
  'difference-participation',
  'compare-reuse',
  'difference-reuse',
  'compare-motivation-safety',
  'difference-motivation-safety',
] as const;

/** A table: column titles and rows of cells (numbers are shown with `formatNumber`). */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Everything drawn for one state of the batches. */
export interface Drawing {
  readonly charts: readonly NamedChart[];
  readonly figures: Table;
  /** The paired differences of the per-run figures, with a pinned baseline. */
  readonly differences?: Table;
  readonly summary: readonly SummaryRow[];
  /** Replications each statistic is taken over. */
  readonly runs: number;
}

/** The little of a manifest the chart builders read. */
function manifestOf(scenario: Scenario, name: string, collected: Collected): Manifest {
  return { scenario, scenarioName: name, weeks: collected.weeks, runs: collected.runs } as unknown as Manifest;
}

/**
 * The charts and key figures of one run's replications so far.
 *
 * @example runDrawing(scenario, 'baseline', batch.collected()).charts.map((c) => c.name)
 * // → ['members', 'roles', 'participation', 'reuse', 'motivation-safety']
 */
export function runDrawing(scenario: Scenario, name: string, collected: Collected): Drawing {
  const summary = summarize(collected, name);
  const charts = runCharts({ summary, replications: replicationTable(collected, name), manifest: manifestOf(scenario, name, collected) });
  return {
    charts: RUN_CHARTS.flatMap((n) => charts.filter((c) => c.name === n)),
    figures: figureTable(collected),
    summary,
    runs: collected.runs,
  };
}

/** One side of a comparison. */
export interface Side {
  readonly scenario: Scenario;
  readonly name: string;
  readonly collected: Collected;
}

/**
 * The overlays and paired differences of the pinned baseline and the current settings, over
 * the replications both have (the same seeds), and the current run's key figures.
 */
export function pinnedDrawing(pinned: Side, current: Side): Drawing {
  const a = { name: pinned.name, collected: pinned.collected };
  const b = { name: current.name, collected: current.collected };
  const comparison = compareBatches(a, b);
  const summaryA = summarize(pinned.collected, pinned.name);
  const summaryB = summarize(current.collected, current.name);
  const charts = compareCharts({
    runs: [
      { name: pinned.name, summary: summaryA, manifest: manifestOf(pinned.scenario, pinned.name, pinned.collected) },
      { name: current.name, summary: summaryB, manifest: manifestOf(current.scenario, current.name, current.collected) },
    ],
    comparison,
  });
  return {
    charts: PINNED_CHARTS.flatMap((n) => charts.filter((c) => c.name === n)),
    figures: figureTable(current.collected),
    differences: differenceTable(comparison),
    summary: summaryB,
    runs: current.collected.runs,
  };
}

function figureTable(collected: Collected): Table {
  return { columns: KEY_FIGURE_HEADER, rows: keyFigureCells(keyFigures(collected)) };
}

/** The per-run figures' paired differences: current − pinned, with the 95% interval. */
function differenceTable(comparison: readonly ComparisonRow[]): Table {
  const rows = COMPARED_FIGURES.flatMap(({ figure, label }) =>
    comparison
      .filter((row) => row.metric === figure && Number.isNaN(row.week))
      .map((row) => differenceCells(row, label)),
  );
  return { columns: ['cop', 'figure', 'pinned', 'current', 'difference', '95% CI', 'pairs'], rows };
}
