import { describe, expect, it } from 'vitest';
import { dieOut } from '../../src/engine/mechanisms/death.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf } from './helpers.js';

const death = { minAttendance: 3, failingMeetings: 4, silentMeetings: 6 };

function community(): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees: 20 }, parameters: { death } });
  const cop = firstCoP(sim);
  cop.state.fill(MemberState.active, 0, 10);
  return { sim, cop };
}

/** One week: a meeting with `attendance` attendees, or none when `attendance` is undefined. */
function week(sim: Simulation, cop: CommunityState, attendance?: number): void {
  cop.heldThisWeek = attendance !== undefined;
  cop.attendance = attendance ?? 0;
  dieOut(sim, cop);
  sim.week++;
}

describe('CoP death', () => {
  it('a CoP dies after failingMeetings failing meetings in a row', () => {
    const { sim, cop } = community();
    for (let k = 0; k < 3; k++) week(sim, cop, 2);
    expect(cop.alive).toBe(true);
    week(sim, cop, 2);
    expect(cop.alive).toBe(false);
    expect(cop.deathWeek).toBe(3);
  });

  it('a meeting with minAttendance attendees resets the count of failing meetings', () => {
    const { sim, cop } = community();
    for (let k = 0; k < 3; k++) week(sim, cop, 2);
    week(sim, cop, 3);
    expect(cop.failingMeetings).toBe(0);
    for (let k = 0; k < 3; k++) week(sim, cop, 0);
    expect(cop.alive).toBe(true);
  });

  it('weeks without a meeting are not failing meetings, and silence alone (meetings skipped for an irregular rhythm) kills no CoP', () => {
    const { sim, cop } = community();
    week(sim, cop, 2);
    for (let k = 0; k < 100; k++) week(sim, cop);
    expect(cop.failingMeetings).toBe(1);
    expect(cop.alive).toBe(true);
  });

  it('silentMeetings planned meetings in a row that nobody organised kill the CoP: nobody organises', () => {
    const { sim, cop } = community();
    cop.unorganised = 5;
    week(sim, cop);
    expect(cop.alive).toBe(true);
    cop.unorganised = 6;
    week(sim, cop);
    expect(cop.alive).toBe(false);
    expect(cop.deathWeek).toBe(1);
  });

  it('at death the lead role ends and members leave in that week', () => {
    const { sim, cop } = community();
    cop.lead = 3;
    for (let k = 0; k < 4; k++) week(sim, cop, 0);
    expect(cop.lead).toBe(-1);
    expect(cop.leftWeek[3]).toBe(cop.deathWeek);
  });

  it('at death every member counts as having left; a dead CoP stays dead', () => {
    const { sim, cop } = community();
    cop.state[15] = MemberState.nonMember;
    for (let k = 0; k < 4; k++) week(sim, cop, 0);
    for (let i = 0; i < 10; i++) expect(cop.state[i]).toBe(MemberState.left);
    expect(cop.state[15]).toBe(MemberState.nonMember);
    const deathWeek = cop.deathWeek;
    week(sim, cop, 20);
    expect(cop.alive).toBe(false);
    expect(cop.deathWeek).toBe(deathWeek);
  });

  it('a living CoP has no death week', () => {
    const { sim, cop } = community();
    week(sim, cop, 10);
    expect(cop.alive).toBe(true);
    expect(Number.isNaN(cop.deathWeek)).toBe(true);
  });
});
