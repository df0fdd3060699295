/**
 * The declared kind of every metric (METRIC_KINDS) against what simulated runs give: a 0/1
 * indicator only ever holds 0 or 1, a `unit` value stays within [0, 1]. A wrong declaration
 * would give a wrong interval in summary.csv, the key figures and sweep.csv.
 */
import { describe, expect, it } from 'vitest';
import { figureCell, weeklyCell } from '../../src/aggregate/cells.js';
import { metricKind, RUN_FIGURES, WEEKLY_METRICS } from '../../src/engine/result.js';
import { runMonteCarlo } from '../../src/runner/index.js';
import { loadScenario } from '../../src/scenario/index.js';

describe('METRIC_KINDS', () => {
  it.each(['baseline', 'top-down-mandatory', 'mandate-lifted'])('holds in simulated runs of %s', async (name) => {
    const { scenario } = loadScenario(name, { sets: ['weeks=80'] });
    const collected = await runMonteCarlo(scenario, { runs: 3, masterSeed: 11, workers: 0 });
    const outside: string[] = [];
    const check = (metric: string, kind: string, values: Float64Array): void => {
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        if (kind === 'indicator' && v !== 0 && v !== 1) outside.push(`${metric} = ${v}`);
        if (kind === 'unit' && !(v >= 0 && v <= 1)) outside.push(`${metric} = ${v}`);
      }
    };
    let checked = 0;
    for (let c = 0; c < collected.copIds.length; c++) {
      for (const metric of WEEKLY_METRICS) {
        if (metricKind(metric) === 'unbounded') continue;
        checked++;
        for (let w = 0; w < collected.weeks; w++) check(metric, metricKind(metric), weeklyCell(collected, c, metric, w));
      }
      for (const figure of RUN_FIGURES) {
        if (metricKind(figure) !== 'unbounded') checked++;
        check(figure, metricKind(figure), figureCell(collected, c, figure));
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });
});
