import { describe, expect, it } from 'vitest';
import { topicFit } from '../../src/engine/fit.js';
import { quality, valueMeeting } from '../../src/engine/mechanisms/meetingValue.js';
import { slotStrength, tieBetween } from '../../src/engine/network.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf, type TestScenario } from './helpers.js';

const value = {
  scale: 4,
  itemWeight: 1.5,
  partTimeContent: 1,
  fullTimeContent: 2,
  externalItems: 2,
  decisionPower: 0.25,
  influence: 0.5,
  learningRate: 0.3,
  control: 1,
  belongingScale: 2,
};

/**
 * A meeting of `groups` breakout groups of `size` (attendees 0, 1, 2, ...), each attendee having
 * said `said`, everyone a member with interest 1 and expectation 0.
 */
function meeting(cop: TestScenario['cop'] = {}, groups = 2, size = 5, said = 1, knockouts: string[] = []) {
  const sim = simulationOf({ organisation: { employees: 500 }, cop: { meetings: { presentationShare: 0 }, ...cop }, parameters: { value, knockouts } as never });
  const c = firstCoP(sim);
  c.state.fill(MemberState.active);
  c.interestFit.fill(1);
  c.expectation.fill(0);
  c.heldThisWeek = true;
  const n = groups * size;
  for (let g = 0; g < groups; g++) {
    c.groupStart[g] = g * size;
    c.groupContributions[g] = size * said;
  }
  c.groupStart[groups] = n;
  for (let i = 0; i < n; i++) {
    c.attending[i] = 1;
    c.attendees[i] = i;
    c.breakout[i] = Math.floor(i / size);
    c.spoken[i] = said;
  }
  c.attendance = n;
  c.groups = groups;
  return { sim, cop: c };
}

/** What attendee 0 expects after one meeting, from an expectation of 0. */
function expectationAfter(sim: Simulation, cop: CommunityState, i = 0): number {
  valueMeeting(sim, cop);
  return cop.expectation[i] as number;
}

describe('meeting value, expectation and ties', () => {
  describe('quality', () => {
    it('is 0 without content, rises with it and saturates at 1', () => {
      expect(quality(0, 4)).toBe(0);
      expect(quality(4, 4)).toBeCloseTo(1 - Math.exp(-1), 12);
      expect(quality(8, 4)).toBeGreaterThan(quality(4, 4));
      expect(quality(1000, 4)).toBeCloseTo(1, 9);
    });
  });

  it('what the others said in one’s group is the content; one’s own words are not', () => {
    const { sim, cop } = meeting({}, 1, 5, 1);
    // Four others said one thing each: content 4; learning rate 0.3.
    expect(expectationAfter(sim, cop)).toBeCloseTo(0.3 * quality(4, 4), 12);
  });

  it('the critical mass emerges: a meeting of two offers less than a meeting of six', () => {
    const pair = meeting({}, 1, 2, 1);
    const six = meeting({}, 1, 6, 1);
    expect(expectationAfter(pair.sim, pair.cop)).toBeLessThan(expectationAfter(six.sim, six.cop));
  });

  it('expectations follow experienced value by the delta rule; who is absent keeps theirs', () => {
    const { sim, cop } = meeting({}, 1, 5, 2);
    cop.expectation.fill(0.5);
    valueMeeting(sim, cop);
    const v = quality(8, 4);
    expect(cop.expectation[0]).toBeCloseTo(0.5 + 0.3 * (v - 0.5), 12);
    expect(cop.expectation[100]).toBe(0.5);
  });

  it('the lead’s content counts when the lead had the hours to prepare and came, whoever organised', () => {
    const after = (prepared: boolean, comes: boolean, organiser: number, knockouts: string[] = []) => {
      const m = meeting({ support: { lead: 'full-time' } }, 1, 5, 0, knockouts);
      m.cop.lead = 3;
      m.cop.organiser = organiser;
      m.cop.leadPrepared = prepared;
      m.cop.attending[3] = comes ? 1 : 0;
      return expectationAfter(m.sim, m.cop);
    };
    const withContent = 0.3 * quality(2 * 1.5, 4);
    expect(after(true, true, 3)).toBeCloseTo(withContent, 12);
    // Organising knocked out: a volunteer organises, and the lead's content is still there.
    expect(after(true, true, 4, ['lead.organising'])).toBeCloseTo(withContent, 12);
    expect(after(false, true, 4)).toBe(0);
    expect(after(true, false, 4)).toBe(0);
    expect(after(true, true, 3, ['lead.content'])).toBe(0);
  });

  it('decision power adds to the value of taking part; knocked out (decisionPower.value), it adds nothing', () => {
    const none = expectationAfter(...Object.values(meeting({}, 1, 5, 1)) as [Simulation, CommunityState]);
    const decide = meeting({ decisionPower: 'decide' }, 1, 5, 1);
    expect(expectationAfter(decide.sim, decide.cop)).toBeCloseTo(none * 1.25, 12);
    const influence = meeting({ decisionPower: 'influence' }, 1, 5, 1);
    expect(expectationAfter(influence.sim, influence.cop)).toBeCloseTo(none * 1.125, 12);
    const ko = meeting({ decisionPower: 'decide' }, 1, 5, 1, ['decisionPower.value']);
    expect(expectationAfter(ko.sim, ko.cop)).toBeCloseTo(none, 12);
  });

  it('steering replaces one’s topics by management’s: value follows topic fit; knocked out (steering.topicFit), own interest', () => {
    const steered = meeting({ steering: 1 }, 1, 5, 1);
    steered.sim.people.alignment.fill(0.2);
    const fit = topicFit(1, 0.2, 1);
    expect(expectationAfter(steered.sim, steered.cop)).toBeCloseTo(0.3 * fit * quality(4, 4), 12);
    const ko = meeting({ steering: 1 }, 1, 5, 1, ['steering.topicFit']);
    ko.sim.people.alignment.fill(0.2);
    expect(expectationAfter(ko.sim, ko.cop)).toBeCloseTo(0.3 * quality(4, 4), 12);
  });

  it('who attends because they must credits the CoP with less: value times 1 − control · pressure · (1 − willingness)', () => {
    const forced = meeting({ participation: 'mandatory' }, 1, 5, 1);
    forced.sim.people.willingness.fill(0.2);
    expect(expectationAfter(forced.sim, forced.cop)).toBeCloseTo(0.3 * quality(4, 4) * (1 - 0.8), 12);
    const willing = meeting({ participation: 'mandatory' }, 1, 5, 1);
    willing.sim.people.willingness.fill(1);
    expect(expectationAfter(willing.sim, willing.cop)).toBeCloseTo(0.3 * quality(4, 4), 12);
    const ko = meeting({ participation: 'mandatory' }, 1, 5, 1, ['participation.crowdingOut']);
    ko.sim.people.willingness.fill(0.2);
    expect(expectationAfter(ko.sim, ko.cop)).toBeCloseTo(0.3 * quality(4, 4), 12);
  });

  it('ties form within breakout groups, not across them, by tieGain · (1 − presentation share)', () => {
    const { sim, cop } = meeting({ meetings: { presentationShare: 0.5 } }, 2, 5, 1);
    valueMeeting(sim, cop);
    const gain = sim.parameters.network.tieGain * 0.5;
    const base = tieBetween(sim.network, 0, 1, sim.week);
    expect(base).toBeGreaterThanOrEqual(gain - 1e-12);
    // Attendee 0 and attendee 5 sat in different groups: no CoP tie.
    let slot = -1;
    for (let s = 0; s < sim.network.capacity; s++) if (sim.network.tieTo[s] === 5) slot = s;
    expect(slot).toBe(-1);
    // New acquaintances across teams: pairs of a group from different teams who were not colleagues.
    const net = sim.network;
    const colleagues = (i: number, j: number): boolean =>
      Array.from(net.colleagues.subarray(net.colleagueStart[i], net.colleagueStart[i + 1])).includes(j);
    let expected = 0;
    for (let g = 0; g < 2; g++) {
      for (let i = 5 * g; i < 5 * g + 5; i++) {
        for (let j = i + 1; j < 5 * g + 5; j++) if (sim.people.team[i] !== sim.people.team[j] && !colleagues(i, j)) expected++;
      }
    }
    expect(expected).toBeGreaterThan(0);
    expect(cop.crossTeamTies).toBe(expected);
  });

  it('knocked out (format.ties), ties form as if the whole meeting were exchange', () => {
    const { sim, cop } = meeting({ meetings: { presentationShare: 1 } }, 1, 3, 1, ['format.ties']);
    valueMeeting(sim, cop);
    let s1 = -1;
    for (let s = 0; s < sim.network.capacity; s++) if (sim.network.tieTo[s] === 1) s1 = s;
    expect(slotStrength(sim.network, s1, sim.week)).toBeCloseTo(sim.parameters.network.tieGain, 12);
    const plain = meeting({ meetings: { presentationShare: 1 } }, 1, 3, 1);
    valueMeeting(plain.sim, plain.cop);
    expect(plain.sim.network.tieTo.subarray(0, plain.sim.network.capacity).every((j) => j < 0)).toBe(true);
  });

  it('members’ belonging comes from their ties to members who come; knocked out (network.belonging), it is 0', () => {
    const { sim, cop } = meeting({}, 1, 5, 1);
    cop.windowAttended.fill(1);
    cop.meetingsHeld = 1;
    valueMeeting(sim, cop);
    expect(cop.belonging[0]).toBeGreaterThan(0);
    // Nobody else in the CoP: no ties to members who come, no belonging.
    const alone = meeting({}, 1, 1, 0);
    alone.cop.state.fill(MemberState.nonMember);
    alone.cop.state[0] = MemberState.active;
    valueMeeting(alone.sim, alone.cop);
    expect(alone.cop.belonging[0]).toBe(0);
    const ko = meeting({}, 1, 5, 1, ['network.belonging']);
    ko.cop.windowAttended.fill(1);
    ko.cop.meetingsHeld = 1;
    valueMeeting(ko.sim, ko.cop);
    expect(ko.cop.belonging.every((b) => b === 0)).toBe(true);
  });
});
