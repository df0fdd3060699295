/**
 * The distribution of the weeks CoPs died in, over the runs where they died.
 */
import type { ReplicationTable } from '../aggregate/replication-table.js';
import { chartFrame } from './frame.js';
import { eventLayers, seriesColor, weekTicks, type SeriesKey } from './layers.js';
import { CHART_HEIGHT, CHART_WIDTH } from './style.js';
import type { ChartEvent, TopLevelSpec } from './types.js';

/** How many runs each CoP died in. */
export interface DeathCount {
  /** The CoP's display name. */
  cop: string;
  died: number;
  runs: number;
}

/**
 * Per CoP (in `labels` order), the runs with a `death_week` row and how many of them have a
 * finite death week.
 *
 * @example deathCounts(replications, labels) // → [{ cop: 'Scrum Master CoP', died: 7, runs: 20 }]
 */
export function deathCounts(
  replications: ReplicationTable,
  labels: ReadonlyMap<string, string>,
): DeathCount[] {
  return [...labels].map(([id, cop]) => {
    const weeks = replications.values(id, 'death_week') ?? new Float64Array(0);
    return { cop, died: weeks.filter(Number.isFinite).length, runs: weeks.length };
  });
}

/**
 * Bin widths tried for the histogram, smallest first; the first giving at most 30 bins is used.
 * Quarters (13 weeks) and years line up with the week axis' ticks.
 */
const BIN_STEPS = [1, 2, 13, 26, 52, 104, 260, 520];

/** What `deathWeeksChart` draws. */
export interface DeathWeeksChartOptions {
  replications: ReplicationTable;
  /** CoP display names by id. */
  labels: ReadonlyMap<string, string>;
  weeks: number;
  events?: readonly ChartEvent[];
  /** The spec's description. Default: what the histogram shows and how many runs each CoP died in. */
  description?: string;
  /** The chart's title. Default 'When the CoP died' (one CoP) or 'When CoPs died'. */
  title?: string;
}

/**
 * A histogram of the weeks CoPs died in, from the `death_week` rows of the replications with a
 * value (one CoP-run each), stacked by CoP, with events marked; undefined when no CoP died
 * in any run. The subtitle says how many of how many runs each CoP died in.
 *
 * @example deathWeeksChart({ replications, labels, weeks: 156 })?.title // → { text: 'When the CoP died', ... }
 */
export function deathWeeksChart(options: DeathWeeksChartOptions): TopLevelSpec | undefined {
  const { labels, weeks } = options;
  const table = options.replications;
  // In the order of replications.csv: by replication, then CoP.
  const weeksOf = table.copIds.map((id) => (labels.has(id) ? table.values(id, 'death_week') : undefined));
  const values: { series: string; replication: number; death_week: number }[] = [];
  for (let r = 0; r < table.runs; r++) {
    table.copIds.forEach((id, c) => {
      const week = weeksOf[c]?.[r];
      if (week !== undefined && Number.isFinite(week)) values.push({ series: labels.get(id) as string, replication: table.replication[r] as number, death_week: week });
    });
  }
  if (values.length === 0) return undefined;
  const counts = deathCounts(options.replications, labels);
  const step = BIN_STEPS.find((s) => weeks / s <= 30) ?? Math.ceil(weeks / 30);
  const single = labels.size === 1;
  const series: SeriesKey = { title: 'CoP', domain: [...labels.values()] };
  const top = Math.ceil(weeks / step) * step;
  const binning = { step, extent: [0, top] as [number, number] };
  const xTitle = 'Week the CoP died';
  const describeCount = (count: DeathCount): string => `${count.cop} died in ${count.died} of ${count.runs} runs`;
  const subtitle = [
    counts.map(describeCount).join('; '),
    `Each bar counts the runs in which ${single ? 'the CoP' : 'a CoP'} died in that ${step === 1 ? 'week' : `${step}-week span`}`,
  ];
  return {
    ...chartFrame({
      title: options.title ?? (single ? 'When the CoP died' : 'When CoPs died'),
      subtitle,
      description:
        options.description ??
        `Histogram of the week of death over the runs in which a CoP died (${counts
          .map(describeCount)
          .join('; ')}), in ${step}-week bins.`,
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', binSpacing: 1 },
        encoding: {
          x: {
            field: 'death_week',
            type: 'quantitative',
            bin: binning,
            title: xTitle,
            scale: { domain: [0, top], nice: false, zero: false },
            axis: { values: weekTicks(top), grid: false },
          },
          y: { aggregate: 'count', type: 'quantitative', title: 'Runs', axis: { tickMinStep: 1 } },
          color: seriesColor(series),
          tooltip: [
            { field: 'series', type: 'nominal', title: 'CoP' },
            { field: 'death_week', type: 'quantitative', bin: binning, title: 'Weeks' },
            { aggregate: 'count', type: 'quantitative', title: 'Runs' },
          ],
        },
      },
      ...eventLayers(options.events ?? [], { weeks: top, xTitle }),
    ],
  };
}
