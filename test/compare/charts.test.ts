/**
 * compareCharts: titles name the scenarios compared, a CoP launched late is drawn from its
 * launch week on in the overlays and the differences, and the figure differences label 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NamedChart } from '../../src/charts/index.js';
import { compareCharts, zeroTicks, type ComparedRun } from '../../src/compare/charts.js';
import { compareBatches } from '../../src/compare/paired.js';
import { buildRunOutput } from '../../src/output/run-output.js';
import { runMonteCarlo } from '../../src/runner/index.js';
import { loadScenario } from '../../src/scenario/index.js';

type Json = Record<string, unknown>;

async function simulate(name: string, sets: string[]) {
  const loaded = loadScenario('two-cops-competing', { sets: ['weeks=60', 'organisation.employees=400', ...sets] });
  const collected = await runMonteCarlo(loaded.scenario, { runs: 4, masterSeed: 3, workers: 0 });
  const output = buildRunOutput(collected, {
    scenario: loaded.scenario,
    scenarioName: name,
    scenarioSource: loaded.source,
    masterSeed: 3,
    workers: 0,
    startedAt: '2000-01-01T00:00:00.000Z',
    wallTimeSeconds: 0,
  });
  return { name, collected, output };
}

describe('compareCharts of two scenarios with a CoP launched at week 26', () => {
  let charts: NamedChart[];
  beforeAll(async () => {
    const a = await simulate('competing', []);
    const b = await simulate('funded', ['cops.1.support.fundedHours=2']);
    const runs: ComparedRun[] = [a, b].map((r) => ({ name: r.name, summary: r.output.summary, manifest: r.output.manifest }));
    const comparison = compareBatches({ name: a.name, collected: a.collected }, { name: b.name, collected: b.collected });
    charts = compareCharts({ runs, comparison });
  }, 60_000);

  const titleOf = (chart: NamedChart): string => [(chart.spec as unknown as { title: { text: string | string[] } }).title.text].flat().join(' ');
  const panelValues = (chart: NamedChart): Json[][] => {
    const spec = chart.spec as unknown as Json;
    const panels = Array.isArray(spec.vconcat) ? (spec.vconcat as Json[]) : [spec];
    return panels.map((p) => (p.data as { values: Json[] }).values);
  };

  it('names the scenarios compared in every title', () => {
    for (const chart of charts) {
      const title = titleOf(chart);
      if (chart.name.startsWith('compare-')) expect(title, chart.name).toContain('competing vs funded');
      else expect(title, chart.name).toContain('funded − competing');
    }
  });

  it('draws the late CoP from its launch week on, in overlays and differences', () => {
    for (const chart of charts.filter((c) => c.name !== 'difference-figures')) {
      for (const values of panelValues(chart)) {
        const late = values.filter((v) => String(v.series).includes('Agile ways-of-working CoP'));
        expect(late.length, chart.name).toBeGreaterThan(0);
        expect(Math.min(...late.map((v) => v.week as number)), chart.name).toBe(26);
        const early = values.filter((v) => String(v.series).includes('Scrum Master CoP'));
        expect(Math.min(...early.map((v) => v.week as number)), chart.name).toBe(0);
      }
    }
  });

  it('ticks the figure differences at 0, labelled "0"', () => {
    const chart = charts.find((c) => c.name === 'difference-figures');
    const layer = ((chart?.spec as unknown as { layer: Json[] }).layer[2] as Json).encoding as Json;
    const axis = (layer.x as Json).axis as { values: number[]; labelExpr: string };
    expect(axis.values).toContain(0);
    expect(axis.labelExpr).toContain("datum.value === 0 ? '0'");
  });
});

describe('zeroTicks', () => {
  it('gives readable multiples that include 0 and cover the values', () => {
    expect(zeroTicks([-18, 42, null])).toEqual([-20, -10, 0, 10, 20, 30, 40, 50]);
    expect(zeroTicks([-60, 70])).toEqual([-60, -40, -20, 0, 20, 40, 60, 80]);
    expect(zeroTicks([0.3, 2])).toEqual([0, 1, 2]);
    expect(zeroTicks([])).toEqual([0, 10]);
  });
});
