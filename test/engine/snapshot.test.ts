/**
 * Seeded no-regression snapshot: one small fixed scenario, simulated with a fixed seed, reduced
 * to a compact digest and compared with the stored file. It catches any unnoticed change of the
 * engine's output (a reordered draw, a changed default, a refactoring that is not one).
 *
 * When a change of the model or its calibration is intended, regenerate the digest and review
 * the diff like any other change:
 *
 *   npx vitest run test/engine/snapshot.test.ts -u
 *
 * (The file comes before `-u`: vitest 4 reads a word after `-u` as the update mode, and then
 * runs, and updates, every test.)
 */
import { describe, expect, it } from 'vitest';
import { RUN_FIGURES, runFigure, weeklySeries, type WeeklyMetric } from '../../src/engine/result.js';
import { replicationSeed } from '../../src/engine/rng.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

/** Every setting that matters is given, so later changes of scenario defaults show up too. */
const scenario = scenarioSchema.parse({
  weeks: 40,
  organisation: { employees: 200, turnover: 0.12 },
  cops: [
    {
      id: 'agile',
      initiation: 'bottom-up',
      founders: 5,
      theme: 'agility',
      targetGroup: { kind: 'topic' },
      support: { lead: 'part-time', fundedHours: 1 },
      meetings: { cadence: 2, regularity: 0.9 },
    },
  ],
  events: [{ week: 20, set: { acceptance: 'approved' } }],
});

const SERIES: readonly WeeklyMetric[] = ['members', 'attendance', 'contributions', 'reuse_events'];

/** A number rounded to six significant digits; NaN and infinities as strings (JSON has none). */
function round(x: number): number | string {
  if (!Number.isFinite(x)) return String(x);
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

describe('no-regression snapshot', () => {
  it('a fixed scenario and seed give the stored digest', async () => {
    const result = simulate(scenario, replicationSeed(42, 0));
    const digest = {
      seed: result.seed,
      weeks: result.weeks,
      employees: result.employees,
      weekly: Object.fromEntries(SERIES.map((m) => [m, Array.from(weeklySeries(result, 0, m), round)])),
      figures: Object.fromEntries(RUN_FIGURES.map((f) => [f, round(runFigure(result, 0, f))])),
    };
    await expect(`${JSON.stringify(digest, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/engine-digest.json');
  });
});
