import { describe, expect, it } from 'vitest';
import { budgetTime } from '../../src/engine/mechanisms/timeBudget.js';
import { makeStreams } from '../../src/engine/rng.js';
import { simulationOf } from './helpers.js';

const calm = { mean: 30, sd: 0, deadlineProbability: 0, deadlineHours: 6 };

describe('time budget', () => {
  it('slack is weekly hours minus project load when load has no noise', () => {
    const sim = simulationOf({ organisation: { employees: 200, weeklyHours: 40, projectLoad: calm } });
    budgetTime(sim);
    const { slack, loadOffset } = sim.people;
    for (let i = 0; i < sim.people.n; i++) {
      expect(slack[i]).toBeCloseTo(40 - 30 - (loadOffset[i] as number), 12);
    }
  });

  it('a heavier project load lowers everyone’s slack by the same hours (same seed)', () => {
    const light = simulationOf({ organisation: { employees: 200, projectLoad: { mean: 35, sd: 3 } } }, 7);
    const heavy = simulationOf({ organisation: { employees: 200, projectLoad: { mean: 38, sd: 3 } } }, 7);
    budgetTime(light);
    budgetTime(heavy);
    for (let i = 0; i < light.people.n; i++) {
      expect((light.people.slack[i] as number) - (heavy.people.slack[i] as number)).toBeCloseTo(3, 9);
    }
  });

  it('a deadline strikes whole teams and removes deadlineHours of slack', () => {
    const none = simulationOf({ organisation: { employees: 200, projectLoad: { ...calm, deadlineProbability: 0 } } });
    const all = simulationOf({ organisation: { employees: 200, projectLoad: { ...calm, deadlineProbability: 1 } } });
    budgetTime(none);
    budgetTime(all);
    expect(Array.from(all.people.teamDeadline).every((d) => d === 1)).toBe(true);
    expect(Array.from(none.people.teamDeadline).every((d) => d === 0)).toBe(true);
    for (let i = 0; i < none.people.n; i++) {
      expect((none.people.slack[i] as number) - (all.people.slack[i] as number)).toBeCloseTo(6, 9);
    }
  });

  it('deadlines strike about deadlineProbability of the teams, all members of a team alike', () => {
    const sim = simulationOf({ organisation: { employees: 7000, projectLoad: { ...calm, deadlineProbability: 0.3 } } });
    budgetTime(sim);
    const { teamDeadline, nTeams } = sim.people;
    const share = Array.from(teamDeadline).filter((d) => d === 1).length / nTeams;
    // Five binomial standard errors over the teams.
    expect(Math.abs(share - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / nTeams));
    // Everyone in a struck team loses the same deadline hours relative to their calm slack.
    const calmSim = simulationOf({ organisation: { employees: 7000, projectLoad: calm } });
    budgetTime(calmSim);
    for (let i = 0; i < sim.people.n; i++) {
      const struck = teamDeadline[sim.people.team[i] as number] === 1;
      const lost = (calmSim.people.slack[i] as number) - (sim.people.slack[i] as number);
      expect(lost).toBeCloseTo(struck ? 6 : 0, 9);
    }
  });

  it('hours saved by reuse last week come back as slack, in the share savedHoursReturn', () => {
    const sim = simulationOf({
      organisation: { employees: 200, projectLoad: calm },
      parameters: { timeBudget: { savedHoursReturn: 0.5 } },
    });
    budgetTime(sim);
    const before = Float64Array.from(sim.people.slack);
    sim.people.savedNow.fill(0);
    sim.people.savedNow[3] = 4;
    budgetTime(sim);
    expect(sim.people.slack[3]).toBeCloseTo((before[3] as number) + 2, 12);
    expect(sim.people.slack[4]).toBeCloseTo(before[4] as number, 12);
    // The week's savings roll over: this week's become last week's, and a new week starts at 0.
    expect(sim.people.savedLast[3]).toBe(4);
    expect(sim.people.savedNow[3]).toBe(0);
    budgetTime(sim);
    expect(sim.people.slack[3]).toBeCloseTo(before[3] as number, 12);
  });

  it('project load is noisy: slack varies from week to week with sd', () => {
    const sim = simulationOf({ organisation: { employees: 2000, projectLoad: { ...calm, sd: 3 } } });
    budgetTime(sim);
    const week1 = Float64Array.from(sim.people.slack);
    budgetTime(sim);
    // The change over a week is the difference of two N(0, sd²) deviates: variance 2·sd².
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < sim.people.n; i++) {
      const d = (sim.people.slack[i] as number) - (week1[i] as number);
      sum += d;
      sumSq += d * d;
    }
    const n = sim.people.n;
    const variance = sumSq / n - (sum / n) ** 2;
    // The sample variance of 2000 normal deviates has a relative standard error of √(2/n) ≈ 3%.
    expect(variance / 18).toBeGreaterThan(0.85);
    expect(variance / 18).toBeLessThan(1.15);
    expect(Math.abs(sum / n)).toBeLessThan(5 * Math.sqrt(18 / n));
  });

  it('draws only from the load stream, so other streams are untouched', () => {
    const sim = simulationOf({ organisation: { employees: 200 } }, 11);
    budgetTime(sim);
    const fresh = makeStreams(11);
    expect(sim.streams.sim()).toBe(fresh.sim());
  });

  it('a person is away (holidays, sick leave) with chance `absence`: no slack at all that week', () => {
    const sim = simulationOf({ organisation: { employees: 2000 }, parameters: { population: { absence: 0.12 } } });
    budgetTime(sim);
    const away = Array.from(sim.people.slack).filter((x) => x === Number.NEGATIVE_INFINITY).length;
    expect(Math.abs(away / 2000 - 0.12)).toBeLessThan(5 * Math.sqrt((0.12 * 0.88) / 2000));
    const never = simulationOf({ organisation: { employees: 2000 } });
    budgetTime(never);
    expect(Array.from(never.people.slack).every(Number.isFinite)).toBe(true);
  });

  it('knocked out (time.capabilityTrap), saved hours do not come back', () => {
    const sim = simulationOf({ organisation: { employees: 200, projectLoad: calm }, parameters: { knockouts: ['time.capabilityTrap'] } as never });
    sim.people.savedNow.fill(3);
    budgetTime(sim);
    for (let i = 0; i < sim.people.n; i++) expect(sim.people.slack[i]).toBeCloseTo(10 - (sim.people.loadOffset[i] as number), 12);
  });
});
