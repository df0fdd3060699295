/**
 * The public API as a user (or a notebook) reaches it: the package's entry point, built.
 */
import { describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';
import type { types } from '../../dist/index.js';

describe('the public API', () => {
  it('names the records of a result through the types namespace (checked by the typecheck too)', async () => {
    const result: types.CompareResult = await copsim.compare({
      scenarios: ['baseline', { scenario: 'baseline', set: ['cops.0.support.welcome=false'] }],
      runs: 2,
      workers: 0,
      set: ['weeks=10', 'organisation.employees=100'],
    });
    const rows: types.ComparisonRow[] = result.comparison;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.scenario).toBe(result.scenarios[1]?.name);
  });

  it('runs the pipeline end to end: load → runMonteCarlo → summarize', async () => {
    const { scenario } = copsim.loadScenario('baseline', { sets: ['weeks=20', 'organisation.employees=200'] });
    const collected = await copsim.runMonteCarlo(scenario, { runs: 3, masterSeed: 7, workers: 0 });
    const rows = copsim.summarize(collected, 'baseline');
    expect(rows).toHaveLength(1 * 20 * copsim.WEEKLY_METRICS.length);
    const finalMembers = rows.find((r) => r.week === 19 && r.metric === 'members');
    expect(finalMembers?.n).toBe(3);
    expect(finalMembers?.mean).toBeGreaterThan(0);
    // The same replication computed directly gives the same numbers.
    const direct = copsim.simulate(scenario, copsim.replicationSeed(7, 0));
    expect(collected.seeds[0]).toBe(direct.seed);
  });

  it('exports the pieces the documentation names', () => {
    for (const name of [
      'run',
      'compare',
      'sweep',
      'sensitivity',
      'hypotheses',
      'plot',
      'writeStudy',
      'loadScenario',
      'parseScenario',
      'listBuiltins',
      'simulate',
      'createSimulation',
      'step',
      'MECHANISMS',
      'replicationSeed',
      'runMonteCarlo',
      'summarize',
      'replicationRows',
      'replicationTable',
      'ReplicationTable',
      'keyFigures',
      'buildRunOutput',
      'copsimVersion',
    ] as const) {
      expect(copsim[name], name).toBeDefined();
    }
    expect(copsim.MECHANISMS.map((m) => m.name)).toEqual([
      'time budget',
      'meeting held',
      'attendance',
      'contributions',
      'meeting value',
      'psychological safety',
      'knowledge reuse',
      'motivation',
      'recruitment',
      'churn',
      'turnover',
      'habit',
      'death',
    ]);
    expect(copsim.stats.quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05)).toBeCloseTo(1.45, 12);
  });
});
