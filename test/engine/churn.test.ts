import { describe, expect, it } from 'vitest';
import { churn, turnOver } from '../../src/engine/mechanisms/churn.js';
import { makeStreams } from '../../src/engine/rng.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, fiveSE, shareOf, simulationOf, type TestScenario } from './helpers.js';

const churnParameters = {
  dormantAfter: 3,
  leaveHazard: 0.4,
  welcome: 0.6,
  firstMeetingBelonging: 0.05,
  newcomerMeetings: 2,
};

function community(settings: TestScenario['cop'] = {}, employees = 2000): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees }, cop: settings, parameters: { churn: churnParameters } });
  return { sim, cop: firstCoP(sim) };
}

/** A held meeting that person 0 attends or misses. */
function meeting(sim: Simulation, cop: CommunityState, attends: boolean): void {
  cop.heldThisWeek = true;
  cop.attending[0] = attends ? 1 : 0;
  churn(sim, cop);
}

describe('mechanism 10: churn and onboarding', () => {
  it('a member who misses dormantAfter held meetings in a row becomes dormant; attending resets the count', () => {
    const { sim, cop } = community({}, 20);
    cop.state[0] = MemberState.active;
    cop.expectation[0] = 1; // cannot leave: (1 − E) = 0
    meeting(sim, cop, false);
    meeting(sim, cop, false);
    meeting(sim, cop, true);
    expect(cop.missed[0]).toBe(0);
    meeting(sim, cop, false);
    meeting(sim, cop, false);
    expect(cop.state[0]).toBe(MemberState.active);
    meeting(sim, cop, false);
    expect(cop.state[0]).toBe(MemberState.dormant);
  });

  it('weeks without a meeting do not count as missed meetings', () => {
    const { sim, cop } = community({}, 20);
    cop.state[0] = MemberState.active;
    cop.heldThisWeek = false;
    for (let week = 0; week < 10; week++) churn(sim, cop);
    expect(cop.missed[0]).toBe(0);
    expect(cop.state[0]).toBe(MemberState.active);
  });

  it('a dormant member leaves at the hazard leaveHazard · (1 − belonging) · (1 − expectation)', () => {
    const { sim, cop } = community();
    cop.state.fill(MemberState.dormant);
    cop.belonging.fill(0.5);
    cop.expectation.fill(0);
    cop.heldThisWeek = false;
    churn(sim, cop);
    const p = 0.4 * 0.5;
    expect(Math.abs(shareOf(cop.state, (s) => s === MemberState.left) - p)).toBeLessThan(fiveSE(p, 2000));
  });

  it('belonging or a high expected value hold dormant members', () => {
    const { sim, cop } = community();
    cop.state.fill(MemberState.dormant);
    cop.belonging.fill(1);
    churn(sim, cop);
    expect(shareOf(cop.state, (s) => s === MemberState.left)).toBe(0);
  });

  it('a dormant member enrolled by a mandate never leaves while it lasts', () => {
    const { sim, cop } = community({ participation: 'mandatory' });
    sim.parameters.churn.leaveHazard = 1;
    cop.state.fill(MemberState.dormant);
    cop.mandated.fill(1);
    cop.belonging.fill(0);
    cop.expectation.fill(0);
    for (let week = 0; week < 20; week++) churn(sim, cop);
    expect(shareOf(cop.state, (s) => s === MemberState.dormant)).toBe(1);
    const free = community({ participation: 'voluntary' });
    free.sim.parameters.churn.leaveHazard = 1;
    free.cop.state.fill(MemberState.dormant);
    free.cop.belonging.fill(0);
    free.cop.expectation.fill(0);
    churn(free.sim, free.cop);
    expect(shareOf(free.cop.state, (s) => s === MemberState.left)).toBe(1);
  });

  it('only dormant members leave', () => {
    const { sim, cop } = community();
    sim.parameters.churn.leaveHazard = 1;
    cop.state.fill(MemberState.active);
    cop.heldThisWeek = false;
    churn(sim, cop);
    expect(shareOf(cop.state, (s) => s === MemberState.active)).toBe(1);
  });

  describe('onboarding', () => {
    it('a lead’s welcome gives a first-time attendee the welcome belonging; without a lead, a little', () => {
      for (const [support, gain] of [
        [{ lead: 'part-time' as const, welcome: true }, 0.6],
        [{ lead: 'part-time' as const, welcome: false }, 0.05],
        [{ lead: 'none' as const, welcome: true }, 0.05],
      ] as const) {
        const { sim, cop } = community({ support }, 20);
        cop.state[0] = MemberState.newcomer;
        cop.belonging[0] = 0.2;
        meeting(sim, cop, true);
        expect(cop.belonging[0], JSON.stringify(support)).toBeCloseTo(0.2 + gain * 0.8, 12);
        expect(cop.firstTimers).toBe(1);
        // The welcome is for the first meeting only.
        meeting(sim, cop, true);
        expect(cop.belonging[0]).toBeCloseTo(0.2 + gain * 0.8, 12);
      }
    });

    it('a first-time attendee counts as returning if they come to one of the next newcomerMeetings meetings', () => {
      const { sim, cop } = community({}, 20);
      cop.state[0] = MemberState.newcomer;
      cop.expectation[0] = 1;
      meeting(sim, cop, true);
      meeting(sim, cop, false);
      meeting(sim, cop, true); // the second meeting after the first: within newcomerMeetings = 2
      expect(cop.returners).toBe(1);
      meeting(sim, cop, true);
      expect(cop.returners).toBe(1); // counted once
    });

    it('coming back later than newcomerMeetings meetings does not count as returning', () => {
      const { sim, cop } = community({}, 20);
      cop.state[0] = MemberState.newcomer;
      cop.expectation[0] = 1;
      meeting(sim, cop, true);
      meeting(sim, cop, false);
      meeting(sim, cop, false);
      meeting(sim, cop, true);
      expect(cop.firstTimers).toBe(1);
      expect(cop.returners).toBe(0);
    });
  });

  it('a dead CoP loses no one', () => {
    const { sim, cop } = community();
    sim.parameters.churn.leaveHazard = 1;
    cop.state.fill(MemberState.dormant);
    cop.alive = false;
    churn(sim, cop);
    expect(shareOf(cop.state, (s) => s === MemberState.dormant)).toBe(1);
  });

  describe('organisational turnover', () => {
    it('without turnover nobody is replaced', () => {
      const { sim, cop } = community({}, 200);
      cop.state.fill(MemberState.active);
      turnOver(sim);
      expect(shareOf(cop.state, (s) => s === MemberState.active)).toBe(1);
    });

    it('replaces about turnover/52 of the employees a week, in the same team and role, outside every CoP', () => {
      const { sim, cop } = community({}, 2000);
      sim.turnover = 52 * 0.1;
      sim.week = 7;
      cop.state.fill(MemberState.core);
      const team = Int32Array.from(sim.people.team);
      const role = Uint8Array.from(sim.people.role);
      turnOver(sim);
      const replaced = Array.from(sim.people.hiredWeek).filter((w) => w === 7).length;
      expect(Math.abs(replaced / 2000 - 0.1)).toBeLessThan(fiveSE(0.1, 2000));
      for (let i = 0; i < sim.people.n; i++) {
        const isNew = sim.people.hiredWeek[i] === 7;
        expect(cop.state[i]).toBe(isNew ? MemberState.nonMember : MemberState.core);
        expect(sim.people.team[i]).toBe(team[i]);
        expect(sim.people.role[i]).toBe(role[i]);
      }
    });

    it('draws only from the org stream', () => {
      const { sim } = community({}, 200);
      sim.turnover = 26;
      turnOver(sim);
      expect(sim.streams.sim()).toBe(makeStreams(1).sim());
      expect(sim.streams.load()).toBe(makeStreams(1).load());
    });
  });
});
