/**
 * Every scenario file shipped in scenarios/ validates and runs, and its runs satisfy the
 * invariants any run must satisfy.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { copIds } from '../../src/scenario/schema.js';
import { createSimulation, simulate } from '../../src/engine/simulate.js';
import { step } from '../../src/engine/step.js';
import { replicationSeed } from '../../src/engine/rng.js';
import { RUN_FIGURES, WEEKLY_METRICS, runFigure, weeklySeries } from '../../src/engine/result.js';
import { runMonteCarlo } from '../../src/runner/index.js';
import { keyFigures, replicationRows, summarize } from '../../src/aggregate/index.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json');

const MAY_BE_EMPTY = new Set<string>([
  'death_week',
  'newcomer_return_rate',
  'core_share',
  'active_share',
  'contribution_gini',
  'top10_share',
  'established_return_rate',
  'median_tenure',
  'retention_4',
  'retention_13',
  'retention_26',
  'retention_52',
  'retention_104',
  'exchange_share',
  'word_of_mouth_share',
  'competence_gain',
]);

describe('every scenario in scenarios/', () => {
  it('there are scenario files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    it(`${file} runs through the Monte Carlo pipeline to its tables`, async () => {
      const { scenario } = loadScenario(`${dir}${file}`, { sets: ['weeks=30'] });
      const collected = await runMonteCarlo(scenario, { runs: 2, masterSeed: 1, workers: 0 });
      const rows = summarize(collected, file);
      expect(rows).toHaveLength(scenario.cops.length * 30 * WEEKLY_METRICS.length);
      expect(replicationRows(collected, file)).toHaveLength(2 * scenario.cops.length * RUN_FIGURES.length);
      expect(keyFigures(collected)).toHaveLength(scenario.cops.length);
    });

    it(`${file} validates and runs`, () => {
      const { scenario } = loadScenario(`${dir}${file}`);
      for (let r = 0; r < 2; r++) {
        const result = simulate(scenario, replicationSeed(3, r));
        expect(result.copIds).toEqual(copIds(scenario));
        for (let c = 0; c < result.copIds.length; c++) {
          for (const metric of WEEKLY_METRICS) {
            for (const v of weeklySeries(result, c, metric)) expect(Number.isFinite(v), `${metric}`).toBe(true);
          }
          const members = weeklySeries(result, c, 'members');
          const alive = weeklySeries(result, c, 'alive');
          for (let t = 0; t < result.weeks; t++) {
            expect(members[t]).toBeLessThanOrEqual(result.employees);
            const rate = weeklySeries(result, c, 'participation_rate')[t]!;
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
            // A CoP that died stays dead.
            if (t > 0 && alive[t - 1] === 0 && alive[t] === 1) {
              const launch = scenario.cops[c]!.launchWeek;
              expect(t).toBe(launch);
            }
          }
          const roles = ['core', 'active', 'peripheral', 'newcomers', 'dormant'] as const;
          const t = result.weeks - 1;
          const sum = roles.reduce((a, m) => a + weeklySeries(result, c, m)[t]!, 0);
          expect(sum).toBe(members[t]);
          for (const f of RUN_FIGURES) {
            const v = runFigure(result, c, f);
            // Figures over a group that can be empty (no death, no newcomer, no contribution,
            // nobody who joined long enough ago) are NaN then; every other one must be defined
            // once a meeting was held.
            if (!MAY_BE_EMPTY.has(f) && runFigure(result, c, 'meetings_held') > 0) {
              expect(Number.isNaN(v), f).toBe(false);
            }
          }
        }
      }
      // Events take effect: after the last event week, the CoP's settings carry each change.
      const sim = createSimulation(scenario, replicationSeed(3, 0));
      for (let w = 0; w < scenario.weeks; w++) {
        sim.week = w;
        step(sim);
      }
      for (const event of scenario.events) {
        if (!event.set || event.week >= scenario.weeks) continue;
        const cop = sim.cops[event.cop === undefined ? 0 : copIds(scenario).indexOf(event.cop)]!;
        for (const [key, value] of Object.entries(event.set)) {
          if (typeof value === 'object' && value !== null && key !== 'targetGroup') {
            expect((cop.settings as unknown as Record<string, unknown>)[key]).toMatchObject(value);
          } else if (value !== undefined) {
            expect((cop.settings as unknown as Record<string, unknown>)[key]).toEqual(value);
          }
        }
      }
    });
  }
});
