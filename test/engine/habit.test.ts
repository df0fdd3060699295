import { describe, expect, it } from 'vitest';
import { formHabit } from '../../src/engine/mechanisms/habit.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf, type TestScenario } from './helpers.js';

const habit = { gain: 0.12, decay: 0.04, irregularity: 0.6, control: 0.7 };

function community(regularity = 1, cop: TestScenario['cop'] = {}, knockouts: string[] = []): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({
    organisation: { employees: 20 },
    cop: { meetings: { regularity }, ...cop },
    parameters: { habit, ...(knockouts.length ? { knockouts } : {}) } as never,
  });
  const c = firstCoP(sim);
  c.state[0] = MemberState.active;
  c.heldThisWeek = true;
  return { sim, cop: c };
}

describe('habit', () => {
  it('grows with each attended meeting toward 1 at the rate gain', () => {
    const { sim, cop } = community();
    cop.habit[0] = 0.5;
    cop.attending[0] = 1;
    formHabit(sim, cop);
    expect(cop.habit[0]).toBeCloseTo(0.5 + 0.12 * 0.5, 12);
  });

  it('follows an asymptotic curve: never above 1, each meeting adding less', () => {
    const { sim, cop } = community();
    cop.attending[0] = 1;
    let last = 0;
    let step = Infinity;
    for (let k = 0; k < 100; k++) {
      formHabit(sim, cop);
      const h = cop.habit[0] as number;
      expect(h).toBeLessThanOrEqual(1);
      expect(h - last).toBeLessThan(step);
      step = h - last;
      last = h;
    }
    expect(last).toBeGreaterThan(0.99);
  });

  it('grows faster with a regular rhythm', () => {
    const regular = community(1);
    const irregular = community(0.2);
    for (const { sim, cop } of [regular, irregular]) {
      cop.attending[0] = 1;
      formHabit(sim, cop);
    }
    expect(regular.cop.habit[0]).toBeCloseTo(0.12, 12);
    expect(irregular.cop.habit[0]).toBeCloseTo(0.12 * (1 - 0.6 * 0.8), 12);
  });

  it('habits form from chosen attendance: felt control (pressure × unwillingness) slows the gain', () => {
    const gainOf = (w: number, participation: 'voluntary' | 'mandatory', knockouts: string[] = []): number => {
      const { sim, cop } = community(1, { participation }, knockouts);
      sim.people.willingness[0] = w;
      cop.attending[0] = 1;
      formHabit(sim, cop);
      return cop.habit[0] as number;
    };
    expect(gainOf(0.2, 'voluntary')).toBeCloseTo(0.12, 12);
    expect(gainOf(0.2, 'mandatory')).toBeCloseTo(0.12 * (1 - 0.7 * 0.8), 12);
    expect(gainOf(1, 'mandatory')).toBeCloseTo(0.12, 12);
    expect(gainOf(0.2, 'mandatory', ['participation.crowdingOut'])).toBeCloseTo(0.12, 12);
  });

  it('knocked out (regularity.habit), an irregular rhythm forms habit as fast as a regular one', () => {
    const { sim, cop } = community(0.2, {}, ['regularity.habit']);
    cop.attending[0] = 1;
    formHabit(sim, cop);
    expect(cop.habit[0]).toBeCloseTo(0.12, 12);
  });

  it('a miss barely dents habit: it keeps 1 − decay of it', () => {
    const { sim, cop } = community();
    cop.habit[0] = 0.8;
    cop.attending[0] = 0;
    formHabit(sim, cop);
    expect(cop.habit[0]).toBeCloseTo(0.8 * 0.96, 12);
    // One miss takes away less than one attended meeting from scratch builds.
    expect(0.8 - (cop.habit[0] as number)).toBeLessThan(habit.gain);
  });

  it('nothing changes without a meeting, nor for non-members', () => {
    const { sim, cop } = community();
    cop.habit[0] = 0.5;
    cop.habit[1] = 0.5; // person 1 is not a member
    cop.attending[1] = 1;
    cop.heldThisWeek = false;
    formHabit(sim, cop);
    expect(cop.habit[0]).toBe(0.5);
    cop.heldThisWeek = true;
    formHabit(sim, cop);
    expect(cop.habit[1]).toBe(0.5);
  });
});
