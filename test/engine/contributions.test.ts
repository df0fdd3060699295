import { describe, expect, it } from 'vitest';
import { contribute } from '../../src/engine/mechanisms/contributions.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, meanOf, simulationOf, type TestScenario } from './helpers.js';

const contributions = {
  rate: 3,
  cumulativeAdvantage: 0.25,
  crowding: 25,
  presentationSlots: 0.8,
  window: 4,
  coreAttended: 3,
  coreContributions: 4,
  activeAttended: 2,
  activeContributions: 1,
};

/** Everyone an active member with the same state; `attendees` of them in the room. */
function meeting(cop: TestScenario['cop'] = {}, attendees = 2000, seed = 1): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees: 2000 }, cop: { meetings: { presentationShare: 0 }, ...cop }, parameters: { contributions } }, seed);
  const c = firstCoP(sim);
  c.state.fill(MemberState.active);
  c.motivation.fill(0.6);
  c.safety.fill(0.5);
  sim.people.competence.fill(0.5);
  for (let i = 0; i < attendees; i++) c.attending[i] = 1;
  c.attendance = attendees;
  c.heldThisWeek = true;
  return { sim, cop: c };
}

/** The expected contributions μ of an attendee (the header's equation). */
function mu(m: number, s: number, c: number, k: number, n: number, p: number): number {
  const { rate, crowding, cumulativeAdvantage, presentationSlots } = contributions;
  return rate * m * (0.3 + 0.7 * s) * (0.5 + c) * (1 + cumulativeAdvantage * Math.log1p(k)) * (crowding / (crowding + n)) * (1 - presentationSlots * p);
}

/** Mean contributions per attendee of the meeting just held. */
function perAttendee(cop: CommunityState): { mean: number } {
  return { mean: cop.contributions / cop.attendance };
}

describe('mechanism 6: contributions', () => {
  it('counts per attendee are Poisson with the mean of the equation (motivation, safety, competence, crowd)', () => {
    const { sim, cop } = meeting({}, 2000);
    contribute(sim, cop);
    const expected = mu(0.6, 0.5, 0.5, 0, 2000, 0);
    const counts = Array.from(cop.lastContributions);
    // Poisson: mean and variance both μ; five standard errors of the mean over 2000 attendees.
    expect(Math.abs(perAttendee(cop).mean - expected)).toBeLessThan(5 * Math.sqrt(expected / 2000));
    expect(cop.contributions).toBe(counts.reduce((a, b) => a + b, 0));
  });

  it('contributions are counts, not yes/no: some attendees make several', () => {
    const { sim, cop } = meeting({}, 20);
    cop.motivation.fill(1);
    cop.safety.fill(1);
    contribute(sim, cop);
    expect(Math.max(...Array.from(cop.lastContributions))).toBeGreaterThanOrEqual(2);
  });

  it('members who do not attend contribute nothing; without autonomous motivation no one contributes', () => {
    const { sim, cop } = meeting({}, 1000);
    contribute(sim, cop);
    for (let i = 1000; i < 2000; i++) expect(cop.lastContributions[i]).toBe(0);
    const cold = meeting({}, 1000);
    cold.cop.motivation.fill(0);
    contribute(cold.sim, cold.cop);
    expect(cold.cop.contributions).toBe(0);
  });

  it('a mandate raises attendance but not contributions: compliance does not enter the count', () => {
    // Same seed, same room: voluntary and mandatory participation give identical counts.
    const free = meeting({ participation: 'voluntary' }, 500, 5);
    const forced = meeting({ participation: 'mandatory' }, 500, 5);
    contribute(free.sim, free.cop);
    contribute(forced.sim, forced.cop);
    expect(Array.from(forced.cop.lastContributions)).toEqual(Array.from(free.cop.lastContributions));
  });

  it('a crowd lowers each attendee’s contributions, and so does a presentation-heavy format', () => {
    const small = meeting({}, 2000);
    small.cop.attendance = 10; // the crowd term reads the room's size
    contribute(small.sim, small.cop);
    const big = meeting({}, 2000);
    contribute(big.sim, big.cop);
    expect(small.cop.contributions).toBeGreaterThan(big.cop.contributions);
    const talk = meeting({ meetings: { presentationShare: 1 } }, 2000);
    talk.cop.attendance = 10;
    contribute(talk.sim, talk.cop);
    const expected = mu(0.6, 0.5, 0.5, 0, 10, 1) * 2000;
    // Five Poisson standard errors of the total.
    expect(Math.abs(talk.cop.contributions - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(talk.cop.contributions).toBeLessThan(small.cop.contributions);
  });

  it('past contributions raise one’s contributions (cumulative advantage)', () => {
    const { sim, cop } = meeting({}, 2000);
    cop.cumulativeContributions.fill(20);
    contribute(sim, cop);
    const expected = mu(0.6, 0.5, 0.5, 20, 2000, 0);
    expect(Math.abs(perAttendee(cop).mean - expected)).toBeLessThan(5 * Math.sqrt(expected / 2000));
    expect(expected).toBeGreaterThan(mu(0.6, 0.5, 0.5, 0, 2000, 0));
    expect(meanOf(cop.cumulativeContributions)).toBeCloseTo(20 + cop.contributions / 2000, 9);
  });

  it('each contribution keeps the tacit know-how of some problem class fresh', () => {
    const { sim, cop } = meeting({}, 50);
    cop.tacit.fill(0);
    contribute(sim, cop);
    expect(cop.contributions).toBeGreaterThan(0);
    const fresh = Array.from(cop.tacit).filter((t) => t === 1).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThanOrEqual(cop.contributions);
    expect(Array.from(cop.tacit).every((t) => t === 0 || t === 1)).toBe(true);
  });

  it('nothing happens when no meeting is held', () => {
    const { sim, cop } = meeting({}, 100);
    cop.heldThisWeek = false;
    contribute(sim, cop);
    expect(cop.contributions).toBe(0);
    expect(cop.meetingsHeld).toBe(0);
  });

  describe('roles', () => {
    /** Runs `meetings` held meetings in which person 0 attends as `attends(k)` says. */
    function history(meetings: number, attends: (k: number) => boolean, motivation: number, state: number = MemberState.active) {
      const { sim, cop } = meeting({}, 0);
      cop.state.fill(MemberState.nonMember);
      cop.state[0] = state;
      cop.motivation[0] = motivation;
      cop.safety[0] = 1;
      const states: number[] = [];
      for (let k = 0; k < meetings; k++) {
        cop.attending[0] = attends(k) ? 1 : 0;
        cop.attendance = cop.attending[0] as number;
        contribute(sim, cop);
        cop.attendedCount[0] = (cop.attendedCount[0] as number) + (cop.attending[0] as number);
        states.push(cop.state[0] as number);
      }
      return { cop, states };
    }

    it('a member who attends every meeting and contributes a lot becomes core', () => {
      const { cop, states } = history(4, () => true, 1);
      expect(cop.windowAttended[0]).toBe(4);
      expect(cop.windowContributions[0]).toBeGreaterThanOrEqual(contributions.coreContributions);
      expect(states.at(-1)).toBe(MemberState.core);
    });

    it('a member who attends but never contributes is peripheral', () => {
      const { states } = history(4, () => true, 0);
      expect(states.at(-1)).toBe(MemberState.peripheral);
    });

    it('the window forgets old meetings: a former core member who stops attending becomes peripheral', () => {
      const { cop, states } = history(8, (k) => k < 4, 1);
      expect(states[3]).toBe(MemberState.core);
      expect(cop.windowAttended[0]).toBe(0);
      expect(cop.windowContributions[0]).toBe(0);
      expect(states.at(-1)).toBe(MemberState.peripheral);
    });

    it('roles come from absolute thresholds, not quantiles: when everyone meets the core threshold, everyone is core', () => {
      const { sim, cop } = meeting({}, 200);
      cop.state.fill(MemberState.nonMember);
      for (let i = 0; i < 200; i++) cop.state[i] = MemberState.active;
      cop.motivation.fill(1);
      cop.safety.fill(1);
      cop.cumulativeContributions.fill(1000); // many contributions each
      cop.attendance = 10;
      for (let k = 0; k < 4; k++) contribute(sim, cop);
      for (let i = 0; i < 200; i++) {
        const core = (cop.windowAttended[i] as number) >= 3 && (cop.windowContributions[i] as number) >= 4;
        expect(cop.state[i]).toBe(core ? MemberState.core : MemberState.active);
      }
      const coreShare = Array.from(cop.state.subarray(0, 200)).filter((s) => s === MemberState.core).length / 200;
      expect(coreShare).toBeGreaterThan(0.95);
    });

    it('a newcomer keeps the newcomer state until their second meeting', () => {
      const { states } = history(2, () => true, 1, MemberState.newcomer);
      expect(states[0]).toBe(MemberState.newcomer);
      expect(states[1]).not.toBe(MemberState.newcomer);
    });

    it('a dormant member who stays away stays dormant (dormancy is churn’s to decide)', () => {
      const { states } = history(3, () => false, 1, MemberState.dormant);
      expect(states).toEqual([MemberState.dormant, MemberState.dormant, MemberState.dormant]);
    });
  });
});
