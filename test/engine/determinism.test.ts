import { afterEach, describe, expect, it, vi } from 'vitest';
import { replicationSeed } from '../../src/engine/rng.js';
import { MECHANISMS, SCHEDULE, step } from '../../src/engine/step.js';
import { createSimulation, simulate, startRun } from '../../src/engine/simulate.js';
import { startReplication, simulateReplication } from '../../src/runner/replicate.js';
import { scenarioOf } from './helpers.js';

const scenario = scenarioOf({
  weeks: 30,
  organisation: { employees: 300, turnover: 0.2 },
  cops: [{ id: 'a' }, { id: 'b', initiation: 'top-down', participation: 'mandatory', targetGroup: { kind: 'role', role: 'scrumMaster' } }],
  events: [{ week: 10, cop: 'b', set: { participation: 'voluntary' } }],
});

describe('determinism', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the same seed gives bit-identical results', () => {
    const seed = replicationSeed(7, 3);
    const a = simulate(scenario, seed);
    const b = simulate(scenario, seed);
    expect(a.seed).toBe(seed);
    expect(Buffer.from(a.weekly.buffer).equals(Buffer.from(b.weekly.buffer))).toBe(true);
    expect(Buffer.from(a.figures.buffer).equals(Buffer.from(b.figures.buffer))).toBe(true);
  });

  it('a run advanced a few weeks at a time gives simulate\'s result bit for bit, however it is sliced', () => {
    const seed = replicationSeed(7, 5);
    const whole = simulate(scenario, seed);
    for (const slice of [1, 7, 30, 1000]) {
      const run = startRun(scenario, seed);
      expect(() => run.result()).toThrow(/advance it to the end/);
      let calls = 0;
      while (!run.advance(slice)) calls++;
      expect(calls).toBe(Math.ceil(scenario.weeks / slice) - 1);
      expect(run.week).toBe(scenario.weeks);
      const r = run.result();
      expect(Buffer.from(r.weekly.buffer).equals(Buffer.from(whole.weekly.buffer))).toBe(true);
      expect(Buffer.from(r.figures.buffer).equals(Buffer.from(whole.figures.buffer))).toBe(true);
    }
    const replication = startReplication(scenario, 7, 5);
    while (!replication.advance(4));
    expect(Buffer.from(replication.result().weekly.buffer).equals(Buffer.from(simulateReplication(scenario, 7, 5).weekly.buffer))).toBe(true);
  });

  it('different seeds give different results', () => {
    const a = simulate(scenario, replicationSeed(7, 0));
    const b = simulate(scenario, replicationSeed(7, 1));
    expect(Buffer.from(a.weekly.buffer).equals(Buffer.from(b.weekly.buffer))).toBe(false);
  });

  it('common random numbers: the organisation is the same whatever CoPs the scenario has', () => {
    const one = createSimulation(scenarioOf({ organisation: { employees: 300 } }), 5);
    const two = createSimulation(scenario, 5);
    expect(Array.from(one.people.motivationTrait)).toEqual(Array.from(two.people.motivationTrait));
    expect(Array.from(one.people.interest)).toEqual(Array.from(two.people.interest));
  });

  it('does not depend on Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    simulate(scenario, 1);
    expect(spy).not.toHaveBeenCalled();
  });

  it('a run does not change its scenario', () => {
    const before = structuredClone(scenario);
    simulate(scenario, 1);
    expect(scenario).toEqual(before);
  });

  it('the tick runs the week’s bookkeeping, then the mechanisms in the model’s order', () => {
    expect(SCHEDULE.map((e) => e.name)).toEqual([
      'events',
      'launch',
      'week start',
      'shuffle',
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
    expect(MECHANISMS.every((m) => m.kind === 'mechanism')).toBe(true);
    expect(MECHANISMS).toHaveLength(13);
  });

  it('step advances the clock by one week', () => {
    const sim = createSimulation(scenario, 3);
    expect(sim.week).toBe(0);
    step(sim);
    step(sim);
    expect(sim.week).toBe(2);
  });
});

describe('common random numbers across scenarios', () => {
  it('a CoP that never launches leaves the other CoP of the scenario bit-identical', async () => {
    const { scenarioOf } = await import('./helpers.js');
    const { weeklySeries: series, WEEKLY_METRICS: metrics } = await import('../../src/engine/result.js');
    const { simulate: run } = await import('../../src/engine/simulate.js');
    const alone = scenarioOf({ weeks: 60, organisation: { employees: 500, turnover: 0.1 }, cops: [{ id: 'a' }] });
    const withIdle = scenarioOf({
      weeks: 60,
      organisation: { employees: 500, turnover: 0.1 },
      cops: [{ id: 'a' }, { id: 'b', launchWeek: 1000 }],
    });
    const x = run(alone, 77);
    const y = run(withIdle, 77);
    for (const m of metrics) expect(Array.from(series(y, 0, m)), m).toEqual(Array.from(series(x, 0, m)));
  });
});
