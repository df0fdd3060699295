/** A small real run and its output, shared by the report tests. */
import type { TopLevelSpec } from 'vega-lite';
import type { Collected } from '../../src/aggregate/index.js';
import type { NamedChart } from '../../src/charts/types.js';
import { buildRunOutput, type RunOutput } from '../../src/output/index.js';
import { runMonteCarlo } from '../../src/runner/index.js';
import { loadScenario } from '../../src/scenario/index.js';

export interface SmallRun {
  collected: Collected;
  output: RunOutput;
}

/**
 * A short, small run in the test thread: by default `two-cops-competing` (two CoPs, the second
 * launched at week 10), 40 weeks, 300 employees, 6 replications.
 */
export async function smallRun(
  name = 'two-cops-competing',
  sets: readonly string[] = ['weeks=40', 'organisation.employees=300', 'cops.1.launchWeek=10'],
  runs = 6,
): Promise<SmallRun> {
  const { scenario, source } = loadScenario(name, { sets });
  const collected = await runMonteCarlo(scenario, { runs, masterSeed: 3, workers: 0 });
  const output = buildRunOutput(collected, {
    scenario,
    scenarioName: name,
    scenarioSource: source,
    masterSeed: 3,
    workers: 0,
    startedAt: '2025-01-02T03:04:05.678Z',
    wallTimeSeconds: 0.5,
  });
  return { collected, output };
}

/**
 * Two small charts of a run's summary rows, standing in for the real chart set: a line with
 * points and tooltips, and a band with a line.
 */
export function testCharts(output: RunOutput): NamedChart[] {
  const members = output.summary
    .filter((r) => r.metric === 'members')
    .map((r) => ({ cop: r.cop, week: r.week, mean: r.mean, ci_low: Number.isNaN(r.ci_low) ? null : r.ci_low, ci_high: Number.isNaN(r.ci_high) ? null : r.ci_high }));
  const line: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 500,
    height: 200,
    data: { values: members },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'week', type: 'quantitative', title: 'week' },
      y: { field: 'mean', type: 'quantitative', title: 'members' },
      color: { field: 'cop', type: 'nominal' },
      tooltip: [
        { field: 'cop', type: 'nominal' },
        { field: 'week', type: 'quantitative' },
        { field: 'mean', type: 'quantitative', format: '.1f' },
      ],
    },
  };
  const band: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 500,
    height: 200,
    data: { values: members },
    layer: [
      {
        mark: { type: 'area', opacity: 0.3 },
        encoding: {
          x: { field: 'week', type: 'quantitative' },
          y: { field: 'ci_low', type: 'quantitative', title: 'members' },
          y2: { field: 'ci_high' },
          color: { field: 'cop', type: 'nominal' },
        },
      },
      {
        mark: { type: 'line', tooltip: true },
        encoding: {
          x: { field: 'week', type: 'quantitative' },
          y: { field: 'mean', type: 'quantitative' },
          color: { field: 'cop', type: 'nominal' },
        },
      },
    ],
  };
  return [
    { name: 'members', title: 'Members per week', description: 'Mean members over the replications.', spec: line },
    { name: 'members-band', title: 'Members with 95% interval', description: 'The band is the 95% confidence interval of the mean.', spec: band },
  ];
}
