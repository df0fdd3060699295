import { describe, expect, it } from 'vitest';
import { churn } from '../../src/engine/mechanisms/churn.js';
import { turnOver } from '../../src/engine/mechanisms/turnover.js';
import { renewTie, tieBetween } from '../../src/engine/network.js';
import { makeStreams } from '../../src/engine/rng.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, fiveSE, shareOf, simulationOf, type TestScenario } from './helpers.js';

const churnParameters = {
  dormantAfter: 3,
  leaveHazard: 0.4,
  welcomeIntroductions: 3,
  welcomeTie: 0.4,
  newcomerMeetings: 2,
};

/** Strength of the CoP tie (not the colleague tie) between i and j. */
function copTie(sim: Simulation, i: number, j: number): number {
  const net = sim.network;
  for (let s = i * net.capacity; s < (i + 1) * net.capacity; s++) if (net.tieTo[s] === j) return net.tieStrength[s] as number;
  return 0;
}

function community(settings: TestScenario['cop'] = {}, employees = 2000): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees }, cop: settings, parameters: { churn: churnParameters } });
  return { sim, cop: firstCoP(sim) };
}

/** A held meeting that person 0 attends or misses (with persons 1–9 in the room). */
function meeting(sim: Simulation, cop: CommunityState, attends: boolean): void {
  cop.heldThisWeek = true;
  cop.attending[0] = attends ? 1 : 0;
  let n = 0;
  if (attends) cop.attendees[n++] = 0;
  for (let i = 1; i < 10; i++) {
    cop.attending[i] = 1;
    cop.attendees[n++] = i;
    // The others are regulars: no first meeting, no welcome of their own.
    cop.attendedCount[i] = Math.max(5, cop.attendedCount[i] as number);
  }
  cop.attendance = n;
  churn(sim, cop);
}

describe('churn and onboarding', () => {
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

  it('once a mandate is lifted, those it enrolled may leave like anyone', () => {
    const { sim, cop } = community({ participation: 'voluntary' });
    sim.parameters.churn.leaveHazard = 1;
    cop.state.fill(MemberState.dormant);
    cop.belonging.fill(0);
    cop.expectation.fill(0);
    cop.mandated.fill(1); // enrolled by a mandate no longer in force
    churn(sim, cop);
    expect(shareOf(cop.state, (s) => s === MemberState.left)).toBe(1);
    expect(shareOf(cop.leftWeek, (w) => w === sim.week)).toBe(1);
  });

  describe('onboarding', () => {
    it('a lead who welcomes newcomers introduces each, at their first meeting, to the lead and to attendees', () => {
      const { sim, cop } = community({ support: { lead: 'part-time', welcome: true } }, 40);
      cop.state.fill(MemberState.active);
      cop.state[0] = MemberState.newcomer;
      cop.lead = 5;
      // The others came to the last meeting: ties to them bring belonging.
      cop.windowAttended.fill(1);
      cop.meetingsHeld = 1;
      meeting(sim, cop, true);
      expect(copTie(sim, 0, 5)).toBeCloseTo(0.4, 12);
      let introduced = 0;
      for (let j = 1; j < 10; j++) if (j !== 5 && copTie(sim, 0, j) > 0) introduced++;
      expect(introduced).toBeGreaterThanOrEqual(1);
      expect(introduced).toBeLessThanOrEqual(3);
      expect(cop.belonging[0]).toBeGreaterThan(0);
    });

    it('without a lead, without the welcome or knocked out (lead.welcome), nobody is introduced', () => {
      for (const [settings, knockouts] of [
        [{ support: { lead: 'none' as const, welcome: true } }, []],
        [{ support: { lead: 'part-time' as const, welcome: false } }, []],
        [{ support: { lead: 'part-time' as const, welcome: true } }, ['lead.welcome']],
      ] as const) {
        const sim = simulationOf({ organisation: { employees: 40 }, cop: settings, parameters: { churn: churnParameters, knockouts: [...knockouts] } as never });
        const cop = firstCoP(sim);
        cop.state.fill(MemberState.active);
        cop.state[0] = MemberState.newcomer;
        cop.lead = settings.support.lead === 'none' ? -1 : 5;
        meeting(sim, cop, true);
        const slots = sim.network.tieTo.subarray(0, sim.network.capacity);
        expect(Array.from(slots).every((j) => j < 0), JSON.stringify(settings)).toBe(true);
      }
    });

    it('a lead who is not at the meeting introduces nobody', () => {
      const { sim, cop } = community({ support: { lead: 'part-time', welcome: true } }, 40);
      cop.state.fill(MemberState.active);
      cop.state[0] = MemberState.newcomer;
      cop.lead = 12; // not among the attendees 0–9
      meeting(sim, cop, true);
      const slots = sim.network.tieTo.subarray(0, sim.network.capacity);
      expect(Array.from(slots).every((j) => j < 0)).toBe(true);
      expect(cop.attendedCount[0]).toBe(1);
    });

    it('the welcome is for the first meeting only', () => {
      const { sim, cop } = community({ support: { lead: 'part-time', welcome: true } }, 40);
      cop.state.fill(MemberState.active);
      cop.state[0] = MemberState.newcomer;
      cop.attendedCount[0] = 1; // came once before
      cop.lead = 5;
      meeting(sim, cop, true);
      const slots = sim.network.tieTo.subarray(0, sim.network.capacity);
      expect(Array.from(slots).every((j) => j < 0)).toBe(true);
      expect(cop.attendedCount[0]).toBe(2);
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

    it('a new hire keeps the position’s colleagues but none of the predecessor’s CoP ties, nor their lead role', () => {
      const { sim, cop } = community({ support: { lead: 'part-time' } }, 200);
      renewTie(sim.network, 0, 50, 0.9, 0);
      cop.lead = 0;
      const colleagues = Array.from(sim.network.colleagues.subarray(sim.network.colleagueStart[0], sim.network.colleagueStart[1]));
      sim.turnover = 52; // everyone replaced
      turnOver(sim);
      expect(tieBetween(sim.network, 0, 50, sim.week)).toBeLessThan(0.9);
      expect(Array.from(sim.network.colleagues.subarray(sim.network.colleagueStart[0], sim.network.colleagueStart[1]))).toEqual(colleagues);
      expect(cop.lead).toBe(-1);
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
