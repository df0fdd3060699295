import { describe, expect, it } from 'vitest';
import { holdMeeting } from '../../src/engine/mechanisms/meetingHeld.js';
import { MemberState } from '../../src/engine/state.js';
import { startWeek } from '../../src/engine/step.js';
import { firstCoP, fiveSE, simulationOf } from './helpers.js';

const led = { support: { lead: 'part-time' as const } };
const meetingParameters = { organiserMotivation: 0.5, organiserHours: 1, valueHours: 3, partTimeLeadHours: 4, fullTimeLeadHours: 30 };

/** Runs the mechanism on a fresh week. */
function hold(sim: ReturnType<typeof simulationOf>): boolean {
  const cop = firstCoP(sim);
  startWeek(sim, cop);
  holdMeeting(sim, cop);
  return cop.heldThisWeek;
}

describe('meeting held?', () => {
  it('meetings are planned every `cadence` weeks from the launch week', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, launchWeek: 2, meetings: { cadence: 3, regularity: 1 } } });
    const cop = firstCoP(sim);
    cop.state[0] = MemberState.active;
    cop.lead = 0;
    sim.people.slack.fill(10);
    const held: number[] = [];
    for (let week = 2; week < 15; week++) {
      sim.week = week;
      if (hold(sim)) held.push(week);
    }
    expect(held).toEqual([2, 5, 8, 11, 14]);
  });

  it('a planned meeting takes place in its week with chance `regularity`; a skipped one does not count as unorganised', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 0.6 } } });
    const cop = firstCoP(sim);
    cop.state[0] = MemberState.active;
    cop.lead = 0;
    const trials = 4000;
    let held = 0;
    for (let t = 0; t < trials; t++) {
      sim.people.slack.fill(10);
      if (hold(sim)) held++;
      expect(cop.unorganised).toBe(0);
    }
    expect(Math.abs(held / trials - 0.6)).toBeLessThan(fiveSE(0.6, trials));
  });

  it('a dead CoP holds no meetings', () => {
    const sim = simulationOf({ organisation: { employees: 50 }, cop: { ...led, meetings: { cadence: 1, regularity: 1 } } });
    firstCoP(sim).alive = false;
    expect(hold(sim)).toBe(false);
  });

  describe('with a lead', () => {
    const setting = {
      organisation: { employees: 50 },
      cop: { ...led, meetings: { cadence: 1, regularity: 1, length: 1.5 } },
      parameters: { meeting: meetingParameters },
    };

    it('the lead organises with their lead hours first, then their own slack', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state[3] = MemberState.active;
      cop.lead = 3;
      sim.people.slack.fill(0);
      // need = preparation 1 + unprotected 1.5 = 2.5 ≤ lead hours 4: no slack spent.
      expect(hold(sim)).toBe(true);
      expect(cop.organiser).toBe(3);
      expect(sim.people.slack[3]).toBe(0);
    });

    it('a lead whose lead hours and slack fall short (a crunch) cannot hold the meeting; nobody else has time either', () => {
      const sim = simulationOf({ ...setting, parameters: { meeting: { ...meetingParameters, partTimeLeadHours: 1 } } });
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.active);
      cop.lead = 3;
      cop.motivation.fill(0.9);
      sim.people.slack.fill(1); // 1 + 1 < 2.5 for the lead; 1 < 2.5 for volunteers
      expect(hold(sim)).toBe(false);
      expect(cop.unorganised).toBe(1);
      sim.people.slack[3] = 1.5; // 1.5 + 1 = 2.5: just enough
      expect(hold(sim)).toBe(true);
      expect(sim.people.slack[3]).toBeCloseTo(0, 12);
    });

    it('a lead who is away leaves the meeting to volunteers', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.active);
      cop.expectation.fill(1);
      cop.motivation.fill(0.9);
      cop.lead = 3;
      sim.people.slack.fill(10);
      sim.people.slack[3] = Number.NEGATIVE_INFINITY;
      expect(hold(sim)).toBe(true);
      expect(cop.organiser).not.toBe(3);
    });

    it('knocked out (lead.organising), the lead organises no more than anyone else', () => {
      const sim = simulationOf({ ...setting, parameters: { meeting: meetingParameters, knockouts: ['lead.organising'] } });
      const cop = firstCoP(sim);
      cop.state[3] = MemberState.active;
      cop.lead = 3;
      cop.motivation[3] = 0; // would not volunteer
      sim.people.slack.fill(10);
      expect(hold(sim)).toBe(false);
      // The lead still had the hours to prepare: the content channel is not knocked out with it.
      expect(cop.leadPrepared).toBe(true);
    });

    it('the lead has prepared the meeting only when their hours cover it', () => {
      const sim = simulationOf({ ...setting, parameters: { meeting: { ...meetingParameters, partTimeLeadHours: 1 } } });
      const cop = firstCoP(sim);
      cop.state[3] = MemberState.active;
      cop.lead = 3;
      sim.people.slack.fill(1); // 1 + 1 < 2.5
      hold(sim);
      expect(cop.leadPrepared).toBe(false);
      sim.people.slack[3] = 1.5;
      hold(sim);
      expect(cop.leadPrepared).toBe(true);
    });

    it('a CoP whose lead has gone appoints the most motivated active or core member', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state[5] = MemberState.peripheral;
      cop.motivation[5] = 1;
      cop.state[7] = MemberState.core;
      cop.motivation[7] = 0.6;
      cop.lead = -1;
      sim.people.slack.fill(10);
      expect(hold(sim)).toBe(true);
      expect(cop.lead).toBe(7);
    });
  });

  describe('without a lead: the volunteer’s dilemma', () => {
    const setting = {
      organisation: { employees: 200 },
      cop: { meetings: { cadence: 1, regularity: 1, length: 1.5 } },
      parameters: { meeting: meetingParameters },
    };

    it('one able volunteer organises for sure when the meeting is worth more to them than its preparation', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state[4] = MemberState.active;
      cop.motivation[4] = 0.8;
      cop.expectation[4] = 0.5; // worth 3 × 0.5 = 1.5 hours > 1 hour of preparation
      sim.people.slack.fill(0);
      sim.people.slack[4] = 2.49; // less than 1.5 + 1
      expect(hold(sim)).toBe(false);
      sim.people.slack[4] = 2.5;
      expect(hold(sim)).toBe(true);
      expect(cop.organiser).toBe(4);
      expect(sim.people.slack[4]).toBeCloseTo(0, 12);
    });

    it('nobody volunteers when preparing costs more than the meeting is worth', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.active);
      cop.motivation.fill(0.9);
      cop.expectation.fill(0.3); // worth 0.9 hours < 1 hour
      sim.people.slack.fill(20);
      for (let t = 0; t < 50; t++) expect(hold(sim)).toBe(false);
      expect(cop.unorganised).toBe(50);
    });

    it('with n able volunteers someone organises with chance 1 − r^(n/(n−1)), r = cost / worth (Diekmann 1985)', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      const n = 10;
      for (let i = 0; i < n; i++) {
        cop.state[i] = MemberState.active;
        cop.motivation[i] = 0.9;
        cop.expectation[i] = 0.5; // r = 1 / 1.5
      }
      const r = 1 / 1.5;
      const p = 1 - Math.pow(r, n / (n - 1));
      const trials = 3000;
      let held = 0;
      for (let t = 0; t < trials; t++) {
        sim.people.slack.fill(20);
        if (hold(sim)) held++;
      }
      expect(Math.abs(held / trials - p)).toBeLessThan(fiveSE(p, trials));
    });

    it('a bigger CoP is hardly more likely to be organised: the chance tends to 1 − r', () => {
      const chance = (n: number): number => 1 - Math.pow(1 / 1.5, n / (n - 1));
      expect(chance(100) - chance(10)).toBeLessThan(0.04);
      expect(chance(100)).toBeLessThan(1 - 1 / 1.5 + 0.01);
    });

    it('non-members, newcomers and dormant members do not volunteer, however motivated', () => {
      const sim = simulationOf(setting);
      const cop = firstCoP(sim);
      cop.state.fill(MemberState.nonMember);
      cop.state[1] = MemberState.newcomer;
      cop.state[2] = MemberState.dormant;
      cop.motivation.fill(1);
      cop.expectation.fill(1);
      sim.people.slack.fill(20);
      expect(hold(sim)).toBe(false);
    });

    it('protected hours lower the slack a volunteer needs', () => {
      // fundedHours 1 × cadence 1 × protection 1 = 1 protected hour.
      const sim = simulationOf({ ...setting, cop: { ...setting.cop, support: { fundedHours: 1, protection: 1 } } });
      const cop = firstCoP(sim);
      cop.state[4] = MemberState.active;
      cop.motivation[4] = 0.8;
      cop.expectation[4] = 1;
      sim.people.slack.fill(0);
      sim.people.slack[4] = 1.5; // + 1 protected ≥ 1.5 + 1
      expect(hold(sim)).toBe(true);
      // The preparation (1 h) and the unprotected half hour are spent.
      expect(sim.people.slack[4]).toBeCloseTo(0, 12);
    });
  });
});
