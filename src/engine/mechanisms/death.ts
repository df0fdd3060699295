/**
 * Mechanism 12, CoP death. A CoP dies after `failingMeetings` held meetings in a row with
 * fewer than `minAttendance` attendees, or after max(`silentWeeks`, 2·cadence) weeks without a
 * meeting ("rituals that fall by the wayside", seeds/001); the second term keeps a CoP that
 * plans to meet rarely from dying between planned meetings. After death the CoP's attendance
 * and participation rate are 0. Its members are then counted as having
 * left; a dead CoP stays dead.
 */
import { isMember } from '../community.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function dieOut(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const d = sim.parameters.death;
  if (cop.heldThisWeek) {
    cop.weeksSinceMeeting = 0;
    cop.failingMeetings = cop.attendance < d.minAttendance ? cop.failingMeetings + 1 : 0;
  } else {
    cop.weeksSinceMeeting++;
  }
  // A CoP that plans to meet less often than every silentWeeks weeks is given two cadences.
  const silentLimit = Math.max(d.silentWeeks, 2 * cop.settings.meetings.cadence);
  if (cop.failingMeetings >= d.failingMeetings || cop.weeksSinceMeeting >= silentLimit) {
    cop.alive = false;
    cop.deathWeek = sim.week;
    // A dead CoP holds no meetings: nothing carries forward into later weeks' attendance.
    cop.lastAttendance = 0;
    cop.lastParticipation = 0;
    const state = cop.state;
    for (let i = 0; i < state.length; i++) if (isMember(state[i] as number)) state[i] = MemberState.left;
  }
}
