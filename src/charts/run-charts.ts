/**
 * runCharts: the charts of one run, built from its tidy tables and manifest (never from
 * another simulation).
 *
 *   summary ──seriesValues──▶ members, participation, reuse, motivation-safety (banded lines)
 *           └─rolesChart────▶ roles (stacked areas)
 *   replications ──inequalityChart──▶ inequality   ──tenureChart──▶ tenure
 *                ──deathWeeksChart──▶ death-weeks (only if a CoP died)
 *   manifest.scenario.events ──chartEvents──▶ rules on every time chart
 */
import type { ReplicationTable } from '../aggregate/replication-table.js';
import type { SummaryRow } from '../aggregate/types.js';
import type { WeeklyMetric } from '../engine/result.js';
import type { Manifest } from '../output/provenance.js';
import { deathCounts, deathWeeksChart } from './death-weeks.js';
import { inequalityChart, MAX_TICK_RUNS, tenureChart } from './members.js';
import { chartEvents } from './events.js';
import type { SeriesKey } from './layers.js';
import { rolesChart } from './roles.js';
import { copLabels, fromLaunch, seriesValues } from './series.js';
import { bandedTimeChart, type TimePanel } from './time-chart.js';
import type { NamedChart } from './types.js';

/** What `runCharts` draws from: a run's tables and manifest, as `buildRunOutput` returns them. */
export interface RunChartInput {
  summary: readonly SummaryRow[];
  replications: ReplicationTable;
  manifest: Manifest;
}

/** A panel of a banded time chart, by metric. */
export interface PanelDef {
  metric: WeeklyMetric;
  yTitle: string;
  format?: string;
}

/** A banded time chart of a run. */
export interface BandedChartDef {
  /** File stem. */
  name: string;
  title: string;
  /** What the panels show, as the start of a sentence. */
  what: string;
  /** A subtitle line of its own, under the bands' explanation. Default none. */
  note?: string;
  panels: readonly PanelDef[];
}

/** The banded time charts of a run: file stem, title, what the panels show, and the panels. */
export const BANDED_CHARTS: readonly BandedChartDef[] = [
  {
    name: 'members',
    title: 'Membership',
    what: 'Members of the CoP (newcomers, peripheral, active, core and dormant members alike; the key figure "members" is the final week)',
    note: 'Every member counts, newcomers and dormant members included; the final week is the key figure "members"',
    panels: [{ metric: 'members', yTitle: 'Members (people)', format: ',.1~f' }],
  },
  {
    name: 'participation',
    title: 'Participation',
    what: 'Attendance (members at the most recent meeting) and participation rate (attendance as a share of members)',
    panels: [
      { metric: 'attendance', yTitle: 'Attendance (people)' },
      { metric: 'participation_rate', yTitle: 'Participation rate', format: '.0%' },
    ],
  },
  {
    name: 'reuse',
    title: 'Knowledge reuse',
    what: 'Reuse events per week, their running total, and the reuse rate (reuse events as a share of problems met, the rest being reinventions)',
    panels: [
      { metric: 'reuse_events', yTitle: 'Reuse events per week' },
      { metric: 'cumulative_reuse', yTitle: 'Cumulative reuse events', format: ',.0f' },
      { metric: 'reuse_rate', yTitle: 'Reuse rate', format: '.0%' },
    ],
  },
  {
    name: 'motivation-safety',
    title: 'Motivation and psychological safety',
    what: "Members' mean autonomous motivation and psychological safety (each 0 to 1)",
    panels: [
      { metric: 'motivation', yTitle: 'Motivation', format: '.2f' },
      { metric: 'safety', yTitle: 'Psychological safety', format: '.2f' },
    ],
  },
];

/**
 * The charts of one run, in this order: `members`, `roles`, `participation`, `reuse`,
 * `motivation-safety`, `inequality`, `tenure`, and `death-weeks` when a CoP died in at least
 * one run. Each chart's title names the scenario (`manifest.scenarioName`), and the CoP when
 * there is one, and says "partial" for a partial merge of shards (`manifest.partial`); a CoP launched late has no values before its launch week. Pure: the data
 * are copied from the rows into each spec (`data.values`), so specs are self-contained and
 * equal inputs give equal specs, key order included. Time series show the mean over runs as a
 * line, its 95% confidence interval as a band and the 5th–95th percentile of runs as a lighter
 * band, one colour per CoP; the scenario's events are marked on every time chart.
 *
 * @example runCharts(buildRunOutput(collected, provenance)).map((c) => c.name)
 * // → ['members', 'roles', 'participation', 'reuse', 'motivation-safety', 'inequality', 'tenure', 'death-weeks']
 */
export function runCharts(input: RunChartInput): NamedChart[] {
  const { replications, manifest } = input;
  const summary = fromLaunch(input.summary, manifest.scenario);
  const weeks = manifest.weeks;
  const runs = manifest.runs;
  const labels = copLabels(summary, manifest.scenario);
  const events = chartEvents({ ...manifest.scenario, weeks });
  const series: SeriesKey = { title: 'CoP', domain: [...labels.values()] };
  const bands = `the mean over ${runs} runs as a line, its 95% confidence interval as the darker band and the 5th to 95th percentile of the runs as the lighter band`;
  const subtitle = [
    `Line: mean of ${runs} runs; dark band: its 95% confidence interval;`,
    'light band: 5th to 95th percentile of the runs',
  ];
  const eventNote = events.length > 0 ? ' Dashed lines mark the scenario\'s events.' : '';
  // Titles name the scenario (and the CoP, when there is one), so a chart says what it shows
  // wherever it is pasted; with several CoPs the legend names them.
  const single = labels.size === 1 ? ` (${[...labels.values()][0] ?? ''})` : '';
  // A partial merge of shards says so in every title, so no chart of it passes for the whole.
  const partial = manifest.partial === undefined ? '' : ` (partial: ${manifest.partial.replications} of ${manifest.partial.of} runs)`;
  const titled = (title: string): string => `${title}: ${manifest.scenarioName}${single}${partial}`;

  const banded = BANDED_CHARTS.map((chart): NamedChart => {
    const description = `${chart.what} per week: ${bands}.${eventNote}`;
    const panels: TimePanel[] = chart.panels.map((panel) => ({
      values: seriesValues(summary, panel.metric, labels),
      yTitle: panel.yTitle,
      ...(panel.format === undefined ? {} : { format: panel.format }),
    }));
    const spec = bandedTimeChart({
      title: titled(chart.title),
      subtitle: chart.note === undefined ? subtitle : [...subtitle, chart.note],
      description,
      weeks,
      panels,
      series,
      events,
    });
    return { name: chart.name, title: chart.title, description, spec };
  });

  const rolesTitle = 'Membership by role';
  const rolesDescription = `Mean numbers of core, active and peripheral members per week over ${runs} runs, stacked. The top of the stack is their mean total, below the membership chart's: newcomers and dormant members are members too, but are not shown here.${eventNote}`;
  const roles: NamedChart = {
    name: 'roles',
    title: rolesTitle,
    description: rolesDescription,
    spec: rolesChart({
      title: titled(rolesTitle),
      subtitle: [
        `Mean of ${runs} runs, stacked: core at the bottom, then active, then peripheral.`,
        'Not shown: newcomers and dormant members, so the top is below total membership (Membership chart)',
      ],
      description: rolesDescription,
      weeks,
      summary,
      labels,
      events,
    }),
  };

  const charts = [banded[0], roles, ...banded.slice(1)].filter((c): c is NamedChart => c !== undefined);
  const inequalityDescription = `Contribution inequality among the members at the end of each of ${runs} runs: the Gini coefficient of their contributions and the share made by the top 10%, ${runs > MAX_TICK_RUNS ? `the first ${MAX_TICK_RUNS} runs` : 'each run'} as a tick and the mean with its 95% confidence interval.`;
  const inequality = inequalityChart({ replications, labels, runs, description: inequalityDescription, title: titled('Contribution inequality') });
  if (inequality !== undefined) {
    charts.push({ name: 'inequality', title: 'Contribution inequality', description: inequalityDescription, spec: inequality });
  }
  const tenureDescription = `Member survival: the share of those who joined still members 4, 13, 26, 52 and 104 weeks later (a Kaplan–Meier estimate per run), mean of ${runs} runs with its 95% confidence interval.`;
  const tenure = tenureChart({ replications, labels, runs, description: tenureDescription, title: titled('How long members stay') });
  if (tenure !== undefined) charts.push({ name: 'tenure', title: 'How long members stay', description: tenureDescription, spec: tenure });
  const counts = deathCounts(replications, labels).map((c) => `${c.cop} died in ${c.died} of ${c.runs} runs`);
  const deathsDescription = `Histogram of the week of death over the runs in which a CoP died: ${counts.join('; ')}.${eventNote}`;
  const deathsTitle = labels.size === 1 ? 'When the CoP died' : 'When CoPs died';
  const deaths = deathWeeksChart({ replications, labels, weeks, events, description: deathsDescription, title: titled(deathsTitle) });
  if (deaths !== undefined) {
    const title = deathsTitle;
    charts.push({ name: 'death-weeks', title, description: deathsDescription, spec: deaths });
  }
  return charts;
}
