/**
 * The charts of a comparison, from each scenario's tidy tables and the paired differences
 * (never from another simulation):
 *
 *   summaries ──────────▶ compare-members, compare-participation, compare-reuse,
 *                          compare-motivation-safety
 *                          (one colour per scenario, mean line, 95% CI and 5–95% bands)
 *   ComparisonRow[] ────▶ difference-members, difference-participation, difference-reuse,
 *                          difference-motivation-safety
 *                          (B − A per week, with the 95% CI of the paired mean difference)
 *                   └───▶ difference-figures (per-run figures, B − A as % of A's mean)
 *
 * Every title names the scenarios compared, so a chart says what it shows wherever it is
 * pasted; a CoP launched late is drawn from its launch week on.
 */
import type { SummaryRow } from '../aggregate/types.js';
import { chartEvents } from '../charts/events.js';
import { chartFrame } from '../charts/frame.js';
import { seriesColors } from '../charts/style.js';
import { DEFAULT_FORMAT, seriesColor, type SeriesKey } from '../charts/layers.js';
import { BANDED_CHARTS } from '../charts/run-charts.js';
import { copLabels, finiteOrNull, fromLaunch, seriesValues } from '../charts/series.js';
import { bandedTimeChart, type TimePanel } from '../charts/time-chart.js';
import type { ChartEvent, Layer, NamedChart, SeriesDatum, TopLevelSpec } from '../charts/types.js';
import type { RunFigure } from '../engine/result.js';
import { partialLabel } from '../output/partial.js';
import type { Manifest } from '../output/provenance.js';
import type { ComparisonRow } from './paired.js';

/** One compared scenario's tables, as its run folder holds them. */
export interface ComparedRun {
  readonly name: string;
  readonly summary: readonly SummaryRow[];
  readonly manifest: Manifest;
}

/** What `compareCharts` draws from. The first run is the reference A. */
export interface CompareChartInput {
  readonly runs: readonly ComparedRun[];
  /** compareBatches(A, B) for every later scenario B, concatenated. */
  readonly comparison: readonly ComparisonRow[];
}

/** The per-run figures the figure-difference chart shows, with their labels. */
export const COMPARED_FIGURES: readonly { figure: RunFigure; label: string }[] = [
  { figure: 'final_members', label: 'Members at the end' },
  { figure: 'peak_members', label: 'Peak members' },
  { figure: 'mean_attendance', label: 'Mean attendance' },
  { figure: 'total_contributions', label: 'Contributions' },
  { figure: 'contributions_per_attendee', label: 'Contributions per attendee' },
  { figure: 'total_reuse_events', label: 'Reuse events' },
  { figure: 'total_hours_saved', label: 'Hours saved' },
  { figure: 'newcomer_return_rate', label: 'Newcomers who return' },
];

/**
 * Overlay and difference charts of scenarios compared with common random numbers. CoPs are
 * those the scenarios share (by id, in the reference's order); with one shared CoP the series
 * are named by scenario, with several by scenario and CoP.
 *
 * @example compareCharts({ runs: [baselineRun, topDownRun], comparison }).map((c) => c.name)
 * // → ['compare-members', 'compare-participation', 'compare-reuse', 'compare-motivation-safety',
 * //    'difference-members', 'difference-participation', 'difference-reuse', 'difference-motivation-safety',
 * //    'difference-figures']
 */
export function compareCharts(input: CompareChartInput): NamedChart[] {
  const [reference] = input.runs;
  if (reference === undefined) throw new Error('compareCharts: no runs');
  const weeks = reference.manifest.weeks;
  const runs = reference.manifest.runs;
  const shared = copIds(reference.manifest).filter((id) => input.runs.every((run) => copIds(run.manifest).includes(id)));
  const several = shared.length > 1;
  const labelsOf = (run: ComparedRun): Map<string, string> => copLabels(run.summary, run.manifest.scenario);
  const seriesName = (run: string, copLabel: string): string => (several ? `${run} · ${copLabel}` : run);
  const events = input.runs.flatMap((run) =>
    chartEvents({ ...run.manifest.scenario, weeks }).map((event): ChartEvent => ({ ...event, label: `${event.label} (${run.name})` })),
  );
  const eventNote = events.length > 0 ? " Dashed lines mark the scenarios' events." : '';
  // A partial merge says so in every title, as a run's charts do.
  const partial = partialNote(input);
  const versus = input.runs.map((run) => run.name).join(' vs ') + partial;

  const overlaySeries: SeriesKey = {
    title: several ? 'Scenario · CoP' : 'Scenario',
    domain: input.runs.flatMap((run) => shared.map((id) => seriesName(run.name, labelsOf(run).get(id) ?? id))),
    legend: true,
  };
  // A difference B − A takes B's colour in the overlays, so a colour means one scenario throughout.
  const overlayColors = seriesColors(overlaySeries.domain.length);
  const overlays = BANDED_CHARTS.map((chart): NamedChart => {
    const panels: TimePanel[] = chart.panels.map((panel) => ({
      values: input.runs.flatMap((run) => {
        const labels = labelsOf(run);
        const rows = fromLaunch(run.summary, run.manifest.scenario).filter((row) => shared.includes(row.cop));
        const named = new Map([...labels].map(([id, label]) => [id, seriesName(run.name, label)]));
        return seriesValues(rows, panel.metric, named);
      }),
      yTitle: panel.yTitle,
      ...(panel.format === undefined ? {} : { format: panel.format }),
    }));
    const title = `${chart.title}, compared`;
    const description = `${chart.what} per week, one colour per scenario: the mean over ${runs} runs as a line, its 95% confidence interval as the darker band and the 5th to 95th percentile of the runs as the lighter band. All scenarios were simulated with the same ${runs} replication seeds.${eventNote}`;
    const spec = bandedTimeChart({
      title: `${chart.title}: ${versus}`,
      subtitle: [`Same ${runs} seeds for every scenario; line: mean; dark band: 95% CI; light band: 5th–95th percentile`],
      description,
      weeks,
      panels,
      series: overlaySeries,
      events,
    });
    return { name: `compare-${chart.name}`, title, description, spec };
  });

  const pairs = input.runs.slice(1).map((run) => `${run.name} − ${reference.name}`);
  const differenceSeries: SeriesKey = {
    title: 'Difference',
    domain: input.runs
      .slice(1)
      .flatMap((run) => shared.map((id) => seriesName(`${run.name} − ${reference.name}`, labelsOf(run).get(id) ?? id))),
    colors: overlayColors.slice(shared.length),
    legend: true,
  };
  const differences = BANDED_CHARTS.map((chart): NamedChart => {
    const panels: TimePanel[] = chart.panels.map((panel) => ({
      values: differenceValues(input, panel.metric, (run, cop) => seriesName(`${run} − ${reference.name}`, labelFor(input, run, cop))),
      yTitle: `Δ ${panel.yTitle}${panel.format === '.0%' ? ' (points)' : ''}`,
      ...(panel.format === undefined ? {} : { format: panel.format }),
    }));
    const title = `${chart.title}, paired differences`;
    const description = `The paired difference per week (${pairs.join(', ')}) in ${lowerFirst(chart.what)}: the mean over ${runs} pairs of runs with the same seed as a line and its 95% confidence interval as a band. Where the band excludes zero, the scenarios differ at that week.${eventNote}`;
    const spec = withZeroRule(
      bandedTimeChart({
        title: `${chart.title}, paired differences: ${pairs.join(', ')}${partial}`,
        subtitle: [`Mean of ${runs} paired differences (same seed); band: 95% CI; grey line: no difference`],
        description,
        weeks,
        panels,
        series: differenceSeries,
        events,
        quantiles: false,
      }),
    );
    return { name: `difference-${chart.name}`, title, description, spec };
  });

  const nameDifference = (run: string, cop: string): string => seriesName(`${run} − ${reference.name}`, labelFor(input, run, cop));
  return [...overlays, ...differences, figureDifferences(input, pairs, runs, nameDifference, differenceSeries)];
}

function copIds(manifest: Manifest): string[] {
  return manifest.scenario.cops.map((_, i) => copIdAt(manifest, i));
}

function copIdAt(manifest: Manifest, index: number): string {
  return manifest.scenario.cops[index]?.id ?? `cop${index + 1}`;
}

function labelFor(input: CompareChartInput, runName: string, cop: string): string {
  const run = input.runs.find((r) => r.name === runName);
  return run === undefined ? cop : (copLabels(run.summary, run.manifest.scenario).get(cop) ?? cop);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The paired differences of one weekly metric as banded-line data (no quantile band: null),
 * from the week both scenarios' CoP exists: before a CoP is launched there is nothing to
 * compare.
 */
function differenceValues(
  input: CompareChartInput,
  metric: string,
  name: (run: string, cop: string) => string,
): SeriesDatum[] {
  const [reference] = input.runs;
  const launched = (row: ComparisonRow): boolean =>
    input.runs
      .filter((run) => run === reference || run.name === row.scenario)
      .every((run) => fromLaunch([row], run.manifest.scenario).length > 0);
  return input.comparison
    .filter((row) => row.metric === metric && Number.isFinite(row.week) && launched(row))
    .map((row) => ({
      series: name(row.scenario, row.cop),
      week: row.week,
      mean: finiteOrNull(row.difference),
      ci_low: finiteOrNull(row.ci_low),
      ci_high: finiteOrNull(row.ci_high),
      p05: null,
      p95: null,
    }));
}

/** Adds a grey rule at zero to every panel of a banded time chart. */
function withZeroRule(spec: TopLevelSpec): TopLevelSpec {
  const zero: Layer = {
    data: { values: [{ zero: 0 }] },
    mark: { type: 'rule', color: '#888888', strokeWidth: 1 },
    encoding: { y: { field: 'zero', type: 'quantitative' } },
  };
  const addTo = <T extends { layer: Layer[] }>(panel: T): T => ({ ...panel, layer: [...panel.layer, zero] });
  if ('vconcat' in spec) {
    return { ...spec, vconcat: spec.vconcat.map((panel) => ('layer' in panel ? addTo(panel as { layer: Layer[] }) : panel)) } as TopLevelSpec;
  }
  return 'layer' in spec ? (addTo(spec as { layer: Layer[] }) as TopLevelSpec) : spec;
}

/**
 * Per-run figures, B − A as a percentage of A's mean, with the 95% CI of the paired mean
 * difference scaled the same way (A's mean taken as fixed). Tooltips give the absolute values.
 */
/** " (partial: …)" after a title when the comparison is of a partial merge, else nothing. */
function partialNote(input: CompareChartInput): string {
  const partial = input.runs[0] === undefined ? undefined : partialLabel(input.runs[0].manifest);
  return partial === undefined ? '' : ` (${partial})`;
}

function figureDifferences(
  input: CompareChartInput,
  pairs: readonly string[],
  runs: number,
  name: (run: string, cop: string) => string,
  series: SeriesKey,
): NamedChart {
  const labels = new Map(COMPARED_FIGURES.map((f) => [f.figure as string, f.label]));
  const values = input.comparison
    .filter((row) => labels.has(row.metric) && row.n > 0)
    .map((row) => {
      const base = Math.abs(row.mean_reference);
      const relative = (x: number): number | null => (base > 0 ? finiteOrNull((100 * x) / base) : null);
      return {
        series: name(row.scenario, row.cop),
        figure: labels.get(row.metric) ?? row.metric,
        n: row.n,
        reference: finiteOrNull(row.mean_reference),
        scenario: finiteOrNull(row.mean_scenario),
        difference: finiteOrNull(row.difference),
        ci_low: finiteOrNull(row.ci_low),
        ci_high: finiteOrNull(row.ci_high),
        pct: relative(row.difference),
        pct_low: relative(row.ci_low),
        pct_high: relative(row.ci_high),
      };
    });
  const domain = [...series.domain];
  const color = seriesColor(series);
  const y = {
    field: 'figure',
    type: 'nominal',
    title: null,
    sort: COMPARED_FIGURES.map((f) => f.label),
    axis: { labelLimit: 240 },
  } as const;
  const yOffset = { field: 'series', type: 'nominal', sort: domain } as const;
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'Difference' },
    { field: 'figure', type: 'nominal', title: 'Figure' },
    { field: 'reference', type: 'quantitative', title: 'Mean, reference', format: DEFAULT_FORMAT },
    { field: 'scenario', type: 'quantitative', title: 'Mean, scenario', format: DEFAULT_FORMAT },
    { field: 'difference', type: 'quantitative', title: 'Mean difference', format: DEFAULT_FORMAT },
    { field: 'ci_low', type: 'quantitative', title: '95% CI, low', format: DEFAULT_FORMAT },
    { field: 'ci_high', type: 'quantitative', title: '95% CI, high', format: DEFAULT_FORMAT },
    { field: 'n', type: 'quantitative', title: 'Pairs' },
  ] as const;
  const ticks = zeroTicks(values.flatMap((v) => [v.pct, v.pct_low, v.pct_high]));
  const extent: number[] = [ticks[0] as number, ticks[ticks.length - 1] as number];
  const x = {
    field: 'pct',
    type: 'quantitative',
    title: '% of the reference mean',
    scale: { domain: extent, nice: false },
    // Ticks chosen here always include 0, where the zero line is, and label it "0" (not "+0").
    axis: { values: ticks, labelExpr: "datum.value === 0 ? '0' : format(datum.value, '+,.0f') + '%'" },
  } as const;
  const title = 'Key figures, paired differences';
  const description = `Per-run figures (${COMPARED_FIGURES.map((f) => f.label.toLowerCase()).join(', ')}): the mean paired difference over ${runs} runs with the same seed, as a percentage of the reference's mean, with its 95% confidence interval. Hover for absolute values.`;
  const spec: TopLevelSpec = {
    ...chartFrame({
      title: `${title}: ${pairs.join(', ')}${partialNote(input)}`,
      subtitle: [`Mean of paired differences (same seed) with 95% CI, as % of ${input.runs[0]?.name ?? 'the reference'}`],
      description,
      width: 520,
    }),
    width: 520,
    height: { step: 16 * Math.max(1, domain.length) },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { ...x, field: 'pct_low' }, x2: { field: 'pct_high' }, y, yOffset, color, tooltip: [...tooltip] } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, yOffset, color, tooltip: [...tooltip] } },
    ],
  };
  return { name: 'difference-figures', title, description, spec };
}

/** Steps tried for the ticks of a percentage axis, smallest first. */
const PERCENT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

/**
 * Ticks of an axis around zero: whole multiples of a readable step, from below the smallest
 * value to above the largest, 0 always among them, at most 9 ticks (nulls are ignored).
 *
 * @example zeroTicks([-18, 42, null]) // → [-20, -10, 0, 10, 20, 30, 40, 50]
 */
export function zeroTicks(values: readonly (number | null)[]): number[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const span = high - low;
  const step =
    span === 0 ? 10 : (PERCENT_STEPS.find((s) => Math.ceil(high / s) - Math.floor(low / s) <= 8) ?? 10 ** Math.ceil(Math.log10(span / 8)) * 10);
  const first = Math.floor(low / step);
  const last = Math.max(Math.ceil(high / step), first + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step + 0);
}
