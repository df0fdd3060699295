import { describe, expect, it } from 'vitest';
import { holdMeeting } from '../../src/engine/mechanisms/meetingHeld.js';
import { MemberState } from '../../src/engine/state.js';
import { firstCoP, fiveSE, simulationOf } from './helpers.js';

const led = { support: { lead: 'part-time' as const } };

describe('mechanism 2: meeting held?', () => {
  it('meetings are planned every `cadence` weeks from the launch week', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, launchWeek: 2, meetings: { cadence: 3, regularity: 1 } } });
    const cop = firstCoP(sim);
    const held: number[] = [];
    for (let week = 2; week < 15; week++) {
      sim.week = week;
      holdMeeting(sim, cop);
      if (cop.heldThisWeek) held.push(week);
    }
    expect(held).toEqual([2, 5, 8, 11, 14]);
  });

  it('a planned meeting takes place with chance `regularity`', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 0.6 } } });
    const cop = firstCoP(sim);
    const trials = 4000;
    let held = 0;
    for (let t = 0; t < trials; t++) {
      holdMeeting(sim, cop);
      if (cop.heldThisWeek) held++;
    }
    expect(Math.abs(held / trials - 0.6)).toBeLessThan(fiveSE(0.6, trials));
  });

  it('with regularity 0 no meeting ever takes place, even with a lead', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 0 } } });
    const cop = firstCoP(sim);
    for (let t = 0; t < 100; t++) {
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(false);
    }
  });

  it('a dead CoP holds no meetings', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 1 } } });
    const cop = firstCoP(sim);
    cop.alive = false;
    holdMeeting(sim, cop);
    expect(cop.heldThisWeek).toBe(false);
  });

  it('with a lead the meeting happens as planned, even when no member is motivated or has slack', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 1 } } });
    const cop = firstCoP(sim);
    cop.state.fill(MemberState.nonMember);
    sim.people.slack.fill(0);
    holdMeeting(sim, cop);
    expect(cop.heldThisWeek).toBe(true);
  });

  describe('without a lead', () => {
    const setting = {
      organisation: { employees: 50 },
      cop: { meetings: { cadence: 1, regularity: 1, length: 1.5 } },
      parameters: { meeting: { organiserMotivation: 0.5, organiserHours: 0.5 } },
    };

    it('the meeting happens only if a motivated member has slack for it plus its preparation', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state[4] = MemberState.active;
      cop.motivation[4] = 0.8;
      sim.people.slack.fill(0);
      sim.people.slack[4] = 1.9; // less than 1.5 + 0.5
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(false);
      sim.people.slack[4] = 2;
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(true);
    });

    it('no one organises when every member is below organiserMotivation', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.active);
      cop.motivation.fill(0.49);
      sim.people.slack.fill(20);
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(false);
    });

    it('non-members do not organise, however motivated', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.nonMember);
      cop.motivation.fill(1);
      sim.people.slack.fill(20);
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(false);
    });

    it('the most motivated member with slack organises; their preparation and meeting hours are reserved', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.active);
      cop.motivation.fill(0.6);
      cop.motivation[10] = 0.9;
      cop.motivation[20] = 0.95; // the most motivated, but without slack
      sim.people.slack.fill(5);
      sim.people.slack[20] = 0;
      cop.hoursInvested = 0;
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(true);
      // 5 − organiserHours (0.5) − the unprotected meeting length.
      const meeting = Math.max(0, cop.settings.meetings.length - cop.derived.protectedHours);
      expect(meeting).toBeGreaterThan(0);
      expect(sim.people.slack[10]).toBeCloseTo(4.5 - meeting, 12);
      expect(sim.people.slack[11]).toBe(5);
      expect(cop.hoursInvested).toBeCloseTo(0.5, 12);
    });

    it('protected hours lower the slack an organiser needs', () => {
      // fundedHours 1 × cadence 1 × protection 1 = 1 protected hour: need 1.5 + 0.5 − 1 = 1.
      const sim = simulationOf({
        ...setting,
        cop: { ...setting.cop, support: { fundedHours: 1, protection: 1 } },
      });
      const cop = firstCoP(sim);
      cop.state[4] = MemberState.active;
      cop.motivation[4] = 0.8;
      sim.people.slack.fill(0);
      sim.people.slack[4] = 1;
      holdMeeting(sim, cop);
      expect(cop.heldThisWeek).toBe(true);
    });
  });
});
