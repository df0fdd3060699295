/**
 * runCharts draws the run's own tidy rows: the values in each spec are those of summary.csv
 * and replications.csv, events sit at their weeks, and the death-weeks chart appears only
 * when a CoP died.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationRow, SummaryRow } from '../../src/aggregate/types.js';
import { ReplicationTable } from '../../src/aggregate/replication-table.js';
import { renderSvg, runCharts, type NamedChart } from '../../src/charts/index.js';
import { inequalityChart, MAX_TICK_RUNS } from '../../src/charts/members.js';
import type { RunOutput } from '../../src/output/write.js';
import { mandateLifted, twoFragileCops } from './fixtures.js';

type Json = Record<string, unknown>;

/** The panels of a spec: its vconcat children, or the spec itself. */
function panels(chart: NamedChart): Json[] {
  const spec = chart.spec as unknown as Json;
  return Array.isArray(spec.vconcat) ? (spec.vconcat as Json[]) : [spec];
}

function layers(panel: Json): Json[] {
  return panel.layer as Json[];
}

function markType(layer: Json): string {
  const mark = layer.mark as string | { type: string };
  return typeof mark === 'string' ? mark : mark.type;
}

function chartNamed(charts: NamedChart[], name: string): NamedChart {
  const chart = charts.find((c) => c.name === name);
  if (chart === undefined) throw new Error(`no chart ${name}`);
  return chart;
}

/** The charts drawn against the week of the run, which carry the scenario's events as rules. */
const TIME_CHARTS = ['members', 'roles', 'participation', 'reuse', 'motivation-safety'];

function timeCharts(charts: NamedChart[]): NamedChart[] {
  return charts.filter((c) => TIME_CHARTS.includes(c.name));
}

function row(summary: readonly SummaryRow[], cop: string, metric: string, week: number): SummaryRow {
  const found = summary.find((r) => r.cop === cop && r.metric === metric && r.week === week);
  if (found === undefined) throw new Error(`no summary row ${cop} ${metric} ${week}`);
  return found;
}

describe('runCharts on a run with one CoP and a mandate lifted at week 52', () => {
  let output: RunOutput;
  let charts: NamedChart[];
  beforeAll(async () => {
    output = await mandateLifted();
    charts = runCharts(output);
  }, 60_000);

  it('draws the mean line and both bands from the summary rows', () => {
    const [attendance, rate] = panels(chartNamed(charts, 'participation'));
    for (const [panel, metric] of [
      [attendance, 'attendance'],
      [rate, 'participation_rate'],
    ] as const) {
      const values = (panel as Json & { data: { values: Json[] } }).data.values;
      expect(values).toHaveLength(output.manifest.weeks);
      for (const week of [0, 51, 52, 100, output.manifest.weeks - 1]) {
        const expected = row(output.summary, 'scrum-masters', metric, week);
        expect(values.find((v) => v.week === week)).toEqual({
          series: 'Scrum Master CoP',
          week,
          mean: expected.mean,
          ci_low: expected.ci_low,
          ci_high: expected.ci_high,
          p05: expected.p05,
          p95: expected.p95,
        });
      }
      const encoded = layers(panel as Json).map((l) => [markType(l), (l.encoding as Json).y, (l.encoding as Json).y2]);
      expect(encoded.slice(0, 3).map(([mark, y, y2]) => [mark, (y as Json).field, (y2 as Json | undefined)?.field])).toEqual([
        ['area', 'p05', 'p95'],
        ['area', 'ci_low', 'ci_high'],
        ['line', 'mean', undefined],
      ]);
    }
  });

  it('stacks the mean core, active and peripheral members from the summary rows', () => {
    const [panel] = panels(chartNamed(charts, 'roles'));
    const values = (panel as Json & { data: { values: Json[] } }).data.values;
    for (const [metric, role] of [
      ['core', 'Core'],
      ['active', 'Active'],
      ['peripheral', 'Peripheral'],
    ]) {
      const expected = row(output.summary, 'scrum-masters', metric as string, 80);
      expect(values.find((v) => v.week === 80 && v.role === role)?.mean).toBe(expected.mean);
    }
    expect(values).toHaveLength(3 * output.manifest.weeks);
  });

  it('marks the event on every time chart as a rule at week 52 with its label', async () => {
    expect(timeCharts(charts).map((c) => c.name)).toEqual(TIME_CHARTS);
    for (const chart of timeCharts(charts)) {
      for (const panel of panels(chart)) {
        const rules = layers(panel).filter((l) => markType(l) === 'rule');
        expect(rules, chart.name).toHaveLength(1);
        expect((rules[0]?.data as Json).values).toEqual([{ week: 52, label: 'week 52: mandate lifted' }]);
      }
      // In the SVG the rule is at week 52 of the axis from 0 to the end of the last week, 600 pixels wide.
      const svg = await renderSvg(chart.spec);
      const x = /class="mark-rule role-mark[^]*?<line[^>]*translate\(([\d.]+),0\)/.exec(svg)?.[1];
      expect(Number(x)).toBeCloseTo((52 / output.manifest.weeks) * 600, 6);
      expect(svg).toContain('>week 52: mandate lifted</text>');
    }
  });

  it('draws no death-weeks chart when no CoP died', () => {
    const none: RunOutput = {
      ...output,
      replications: ReplicationTable.fromRows(output.replications.rows().map((r) => (r.metric === 'death_week' ? { ...r, value: Number.NaN } : r))),
    };
    expect(runCharts(none).map((c) => c.name)).toEqual([...TIME_CHARTS, 'inequality', 'tenure']);
    const died = output.replications.rows().some((r) => r.metric === 'death_week' && Number.isFinite(r.value));
    expect(runCharts(output).some((c) => c.name === 'death-weeks')).toBe(died);
  });

  it('draws every run and the mean of contribution inequality from the per-run figures', () => {
    const chart = chartNamed(charts, 'inequality');
    const [ticks, , dots] = layers(chart.spec as unknown as Json);
    for (const [figure, measure] of [
      ['contribution_gini', 'Gini coefficient'],
      ['top10_share', 'Share by the top 10%'],
    ] as const) {
      const perRun = output.replications
        .rows()
        .filter((r) => r.cop === 'scrum-masters' && r.metric === figure && Number.isFinite(r.value))
        .map((r) => r.value);
      expect(perRun.length).toBeGreaterThan(0);
      const drawn = ((ticks?.data as Json).values as Json[]).filter((v) => v.measure === measure).map((v) => v.value);
      expect(drawn).toEqual(perRun);
      const mean = ((dots?.data as Json).values as Json[]).find((v) => v.measure === measure)?.mean as number;
      expect(mean).toBeCloseTo(perRun.reduce((a, b) => a + b, 0) / perRun.length, 12);
    }
  });

  it('draws the first thousand runs as ticks when there are more, the mean still over all of them', () => {
    const runs = 2500;
    const replications: ReplicationRow[] = [];
    for (let replication = 0; replication < runs; replication++) {
      for (const metric of ['contribution_gini', 'top10_share'] as const) {
        replications.push({ scenario: 'big', replication, seed: replication, cop: 'scrum-masters', metric, value: (replication % 100) / 100 });
      }
    }
    const chart = inequalityChart({ replications: ReplicationTable.fromRows(replications), labels: new Map([['scrum-masters', 'Scrum Masters']]), runs, description: 'd' });
    const [ticks, , dots] = layers(chart as unknown as Json);
    const drawn = ((ticks?.data as Json).values as Json[]).filter((v) => v.measure === 'Gini coefficient');
    expect(drawn.map((v) => v.value)).toEqual(replications.filter((r) => r.metric === 'contribution_gini' && r.replication < MAX_TICK_RUNS).map((r) => r.value));
    const dot = ((dots?.data as Json).values as Json[]).find((v) => v.measure === 'Gini coefficient');
    expect(dot?.n).toBe(runs);
    expect(JSON.stringify((chart as unknown as { title: unknown }).title)).toContain('the first 1,000 of 2,500 runs');
  });

  it('draws member survival from the retention figures, starting at 100% at week 0', () => {
    const chart = chartNamed(charts, 'tenure');
    const values = (chart.spec as unknown as { data: { values: Json[] } }).data.values;
    expect(values[0]).toMatchObject({ tenure: 0, mean: 1 });
    for (const weeks of [4, 13, 26, 52]) {
      const perRun = output.replications
        .rows()
        .filter((r) => r.cop === 'scrum-masters' && r.metric === `retention_${weeks}` && Number.isFinite(r.value))
        .map((r) => r.value);
      const point = values.find((v) => v.tenure === weeks);
      expect(point?.mean as number).toBeCloseTo(perRun.reduce((a, b) => a + b, 0) / perRun.length, 12);
      expect(point?.n).toBe(perRun.length);
    }
  });

  it('writes statistics without a finite value as null', () => {
    const summary = output.summary.map((r) =>
      r.metric === 'attendance' && r.week === 3 ? { ...r, mean: Number.NaN, ci_low: Number.NaN } : r,
    );
    const [attendance] = panels(chartNamed(runCharts({ ...output, summary }), 'participation'));
    const value = (attendance as Json & { data: { values: Json[] } }).data.values.find((v) => v.week === 3);
    expect(value?.mean).toBeNull();
    expect(value?.ci_low).toBeNull();
    expect(value?.ci_high).toBe(row(output.summary, 'scrum-masters', 'attendance', 3).ci_high);
  });

  it('draws total membership from the members rows, whose final week is the key figure "members"', () => {
    const [panel] = panels(chartNamed(charts, 'members'));
    const values = (panel as Json & { data: { values: Json[] } }).data.values;
    expect(values).toHaveLength(output.manifest.weeks);
    const last = output.manifest.weeks - 1;
    expect(values.find((v) => v.week === last)?.mean).toBe(row(output.summary, 'scrum-masters', 'members', last).mean);
    expect(JSON.stringify((chartNamed(charts, 'roles').spec as unknown as Json).title)).toMatch(/newcomers and dormant members/);
  });

  it('names the scenario and the CoP in every chart title', () => {
    for (const chart of charts) {
      const title = (chart.spec as unknown as { title: { text: string | string[] } }).title.text;
      expect([title].flat().join(' '), chart.name).toMatch(/: mandate-lifted \(Scrum Master CoP\)$/);
    }
  });

  it('is pure: equal inputs give equal specs, key order included', () => {
    expect(JSON.stringify(runCharts(output))).toBe(JSON.stringify(charts));
  });

  it('reads no simulation of its own: charts change with the rows they are given', () => {
    const summary = output.summary.map((r) => (r.metric === 'motivation' ? { ...r, mean: 0.123 } : r));
    const [motivation] = panels(chartNamed(runCharts({ ...output, summary }), 'motivation-safety'));
    const means = (motivation as Json & { data: { values: Json[] } }).data.values.map((v) => v.mean);
    expect(new Set(means)).toEqual(new Set([0.123]));
  });
});

describe('runCharts on a run with two CoPs that die', () => {
  let output: RunOutput;
  let charts: NamedChart[];
  beforeAll(async () => {
    output = await twoFragileCops();
    charts = runCharts(output);
  }, 60_000);

  const deathWeeks = (replications: readonly ReplicationRow[], cop: string): number[] =>
    replications
      .filter((r) => r.cop === cop && r.metric === 'death_week' && Number.isFinite(r.value))
      .map((r) => r.value)
      .sort((a, b) => a - b);

  it('histograms the death weeks of the replications, per CoP', () => {
    const chart = chartNamed(charts, 'death-weeks');
    const values = (chart.spec as unknown as { data: { values: Json[] } }).data.values;
    for (const [cop, label] of [
      ['scrum-masters', 'Scrum Master CoP'],
      ['ways-of-working', 'Agile ways-of-working CoP'],
    ] as const) {
      const expected = deathWeeks(output.replications.rows(), cop);
      expect(expected.length, `${cop} died in some run (fixture)`).toBeGreaterThan(0);
      const drawn = values.filter((v) => v.series === label).map((v) => v.death_week as number);
      expect(drawn.sort((a, b) => a - b)).toEqual(expected);
      const runs = output.replications.rows().filter((r) => r.cop === cop && r.metric === 'death_week').length;
      expect(chart.description).toContain(`${label} died in ${expected.length} of ${runs} runs`);
      expect(JSON.stringify((chart.spec as unknown as Json).title)).toContain(`${label} died in ${expected.length} of ${runs} runs`);
    }
  });

  it('colours one series per CoP, in scenario order, with a legend', () => {
    for (const chart of charts.filter((c) => c.name !== 'roles')) {
      const first = panels(chart)[0] as Json;
      const color = (layers(first)[0]?.encoding as Json).color as Json;
      expect((color.scale as Json).domain, chart.name).toEqual(['Scrum Master CoP', 'Agile ways-of-working CoP']);
      expect(color.legend, chart.name).not.toBeNull();
    }
  });

  it('draws one roles panel per CoP', () => {
    const roles = panels(chartNamed(charts, 'roles'));
    expect(roles.map((p) => (p.title as Json).text)).toEqual(['Scrum Master CoP', 'Agile ways-of-working CoP']);
    const architecture = (roles[1] as Json & { data: { values: Json[] } }).data.values;
    expect(architecture.find((v) => v.week === 100 && v.role === 'Core')?.mean).toBe(
      row(output.summary, 'ways-of-working', 'core', 100).mean,
    );
  });

  it('draws nothing of a CoP launched late before its launch week, neither zeros nor nulls', () => {
    const launch = output.manifest.scenario.cops[1]?.launchWeek ?? 0;
    expect(launch, 'the fixture launches its second CoP late').toBeGreaterThan(0);
    for (const chart of timeCharts(charts)) {
      for (const panel of panels(chart)) {
        const values = (panel as Json & { data: { values: Json[] } }).data.values;
        const late = chart.name === 'roles' ? values : values.filter((v) => v.series === 'Agile ways-of-working CoP');
        const weeks = late.map((v) => v.week as number);
        if (chart.name === 'roles' && (panel.title as Json).text !== 'Agile ways-of-working CoP') continue;
        expect(Math.min(...weeks), chart.name).toBe(launch);
        expect(weeks.filter((w) => w === launch).length, chart.name).toBeGreaterThan(0);
      }
    }
    // The CoP launched at week 0 keeps every week.
    const [attendance] = panels(chartNamed(charts, 'participation'));
    const first = (attendance as Json & { data: { values: Json[] } }).data.values.filter((v) => v.series === 'Scrum Master CoP');
    expect(first).toHaveLength(output.manifest.weeks);
  });

  it('names the scenario in titles, and leaves the CoPs to the legend', () => {
    for (const chart of charts) {
      const title = (chart.spec as unknown as { title: { text: string | string[] } }).title.text;
      expect([title].flat().join(' '), chart.name).toMatch(/: two-cops-competing$/);
    }
  });

  it("labels an unlabelled event with the setting it changes and the CoP's name", () => {
    for (const chart of timeCharts(charts)) {
      for (const panel of panels(chart)) {
        const rule = layers(panel).find((l) => markType(l) === 'rule');
        expect((rule?.data as Json).values, chart.name).toEqual([
          { week: 78, label: 'week 78: openness → closed (Agile ways-of-working CoP)' },
        ]);
      }
    }
  });
});
