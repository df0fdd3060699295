import { describe, expect, it } from 'vitest';
import { attend } from '../../src/engine/mechanisms/attendance.js';
import { startWeek } from '../../src/engine/step.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { enrolEveryone, firstCoP, fiveSE, logistic, shareOf, simulationOf, type TestScenario } from './helpers.js';

/** Explicit attendance coefficients, so the tests do not depend on calibrated defaults. */
const attendance = {
  intercept: -2,
  motivation: 2,
  expectation: 1,
  safety: 0.5,
  belonging: 1,
  habit: 1.5,
  expected: 1,
  mandatory: 3,
  mandateOverride: 0.5,
  dormant: -1,
};

/** Everyone a member with the same inner state, a meeting held, and `slack` free hours each. */
function meeting(t: TestScenario, slack: number, state: number = MemberState.active): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ ...t, parameters: { attendance, ...t.parameters } });
  const cop = firstCoP(sim);
  enrolEveryone(cop, state);
  cop.motivation.fill(0.5);
  cop.expectation.fill(0.4);
  cop.safety.fill(0.6);
  cop.belonging.fill(0.2);
  cop.habit.fill(0.3);
  sim.people.slack.fill(slack);
  cop.heldThisWeek = true;
  return { sim, cop };
}

// U = −2 + 2·0.5 + 1·0.4 + 0.5·0.6 + 1·0.2 + 1.5·0.3 = 0.35
const U = -2 + 1 + 0.4 + 0.3 + 0.2 + 0.45;
const n = 2000;

describe('attendance', () => {
  it('nobody attends when no meeting is held', () => {
    const { sim, cop } = meeting({}, 10);
    cop.heldThisWeek = false;
    attend(sim, cop);
    expect(cop.attendance).toBe(0);
    expect(shareOf(cop.attending)).toBe(0);
  });

  it('members with slack attend with the logistic probability of their motivation, expectation, safety, belonging and habit', () => {
    const { sim, cop } = meeting({}, 10);
    attend(sim, cop);
    const p = logistic(U);
    // Five binomial standard errors over 2000 independent choices.
    expect(Math.abs(cop.attendance / n - p)).toBeLessThan(fiveSE(p, n));
    expect(cop.attendance).toBe(shareOf(cop.attending) * n);
  });

  it('each term of the choice raises attendance', () => {
    // Same seed, same draws: raising the logit can only add attendees (common random numbers).
    const base = meeting({}, 10);
    attend(base.sim, base.cop);
    for (const field of ['motivation', 'expectation', 'safety', 'belonging', 'habit'] as const) {
      const more = meeting({}, 10);
      more.cop[field].fill(1);
      attend(more.sim, more.cop);
      expect(more.cop.attendance, field).toBeGreaterThan(base.cop.attendance);
    }
  });

  it('attendance falls when slack falls: without slack for the meeting, a voluntary member stays away', () => {
    const { sim, cop } = meeting({ cop: { meetings: { length: 1.5 } } }, 1.4);
    attend(sim, cop);
    expect(cop.attendance).toBe(0);
    const enough = meeting({ cop: { meetings: { length: 1.5 } } }, 1.5);
    attend(enough.sim, enough.cop);
    expect(enough.cop.attendance).toBeGreaterThan(0);
  });

  it('protected hours open the gate for members without slack', () => {
    // 1 funded hour a week × cadence 2 × protection 1 = 2 protected hours ≥ 1.5 hours of meeting.
    const { sim, cop } = meeting({ cop: { meetings: { length: 1.5, cadence: 2 }, support: { fundedHours: 1, protection: 1 } } }, 0);
    attend(sim, cop);
    const p = logistic(U);
    expect(Math.abs(cop.attendance / n - p)).toBeLessThan(fiveSE(p, n));
  });

  it('attending spends the meeting’s unprotected hours of slack and counts as hours invested', () => {
    // 0.5 × 2 × 0.5 = 0.5 protected hours of a 1.5-hour meeting: 1 hour comes out of slack.
    const { sim, cop } = meeting({ cop: { meetings: { length: 1.5, cadence: 2 }, support: { fundedHours: 0.5, protection: 0.5 } } }, 10);
    cop.hoursInvested = 0;
    attend(sim, cop);
    for (let i = 0; i < n; i++) expect(sim.people.slack[i]).toBeCloseTo(cop.attending[i] ? 9 : 10, 12);
    expect(cop.hoursInvested).toBeCloseTo(cop.attendance * 1.5, 9);
  });

  it('non-members and those who left never attend', () => {
    for (const state of [MemberState.nonMember, MemberState.left]) {
      const { sim, cop } = meeting({}, 10, state);
      cop.motivation.fill(1);
      cop.habit.fill(1);
      attend(sim, cop);
      expect(cop.attendance).toBe(0);
    }
  });

  it('dormant members attend less, by the dormant shift of the logit', () => {
    const { sim, cop } = meeting({}, 10, MemberState.dormant);
    attend(sim, cop);
    const p = logistic(U + attendance.dormant);
    expect(Math.abs(cop.attendance / n - p)).toBeLessThan(fiveSE(p, n));
  });

  it('expected participation adds its compliance term, mandatory participation a larger one', () => {
    for (const [participation, shift] of [
      ['expected', attendance.expected],
      ['mandatory', attendance.mandatory],
    ] as const) {
      const { sim, cop } = meeting({ cop: { participation } }, 10);
      attend(sim, cop);
      const p = logistic(U + shift);
      expect(Math.abs(cop.attendance / n - p), participation).toBeLessThan(fiveSE(p, n));
    }
  });

  it('under a mandate, members without slack still come with chance mandateOverride', () => {
    const { sim, cop } = meeting({ cop: { participation: 'mandatory' } }, 0);
    attend(sim, cop);
    const p = attendance.mandateOverride * logistic(U + attendance.mandatory);
    expect(Math.abs(cop.attendance / n - p)).toBeLessThan(fiveSE(p, n));
    const voluntary = meeting({ cop: { participation: 'expected' } }, 0);
    attend(voluntary.sim, voluntary.cop);
    expect(voluntary.cop.attendance).toBe(0);
  });

  it('a new week starts from an empty room', () => {
    const { sim, cop } = meeting({}, 10);
    attend(sim, cop);
    expect(cop.attendance).toBeGreaterThan(0);
    startWeek(sim, cop);
    expect(cop.attendance).toBe(0);
    expect(shareOf(cop.attending)).toBe(0);
    attend(sim, cop);
    expect(cop.attendance).toBe(0);
  });

  it('who is away (holidays, sick leave) never attends, not even under a mandate', () => {
    const { sim, cop } = meeting({ cop: { participation: 'mandatory' }, parameters: { attendance: { ...attendance, mandateOverride: 1 } } }, 10);
    sim.people.slack.fill(Number.NEGATIVE_INFINITY, 0, 1000);
    attend(sim, cop);
    for (let i = 0; i < 1000; i++) expect(cop.attending[i]).toBe(0);
    expect(shareOf(cop.attending.subarray(1000))).toBeGreaterThan(0.5);
  });

  it('the organiser attends without making the choice', () => {
    const { sim, cop } = meeting({}, 0);
    cop.motivation.fill(0);
    cop.expectation.fill(0);
    cop.habit.fill(0);
    cop.belonging.fill(0);
    cop.organiser = 17;
    attend(sim, cop);
    expect(cop.attending[17]).toBe(1);
    expect(cop.attendees[0]).toBe(17);
  });

  it('knocked out (participation.compliance), a mandate adds nothing to attendance', () => {
    const free = meeting({ cop: { participation: 'mandatory' }, parameters: { knockouts: ['participation.compliance'] } }, 10);
    const voluntary = meeting({}, 10);
    attend(free.sim, free.cop);
    attend(voluntary.sim, voluntary.cop);
    expect(free.cop.attendance).toBe(voluntary.cop.attendance);
  });
});
