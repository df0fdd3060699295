/**
 * Mechanism 12, CoP death. A CoP dies after `failingMeetings` held meetings in a row with
 * fewer than `minAttendance` attendees, or after `silentWeeks` weeks without a meeting
 * ("rituals that fall by the wayside", seeds/001). Its members are then counted as having
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
  if (cop.failingMeetings >= d.failingMeetings || cop.weeksSinceMeeting >= d.silentWeeks) {
    cop.alive = false;
    cop.deathWeek = sim.week;
    const state = cop.state;
    for (let i = 0; i < state.length; i++) if (isMember(state[i] as number)) state[i] = MemberState.left;
  }
}
