/**
 * CoP death: it follows from the community. A CoP dies when too few come, for long enough
 * (`failingMeetings` held meetings in a row with fewer than `minAttendance` attendees), or
 * when nobody organises, for long enough (`silentMeetings` planned meetings in a row that
 * nobody organised: no lead with the time, no volunteer). A planned meeting skipped for an
 * irregular rhythm counts toward neither. Its members then leave; a dead CoP stays dead.
 */
import { isMember, leave } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';

export function dieOut(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const d = sim.parameters.death;
  if (cop.heldThisWeek) cop.failingMeetings = cop.attendance < d.minAttendance ? cop.failingMeetings + 1 : 0;
  if (cop.failingMeetings < d.failingMeetings && cop.unorganised < d.silentMeetings) return;
  cop.alive = false;
  cop.deathWeek = sim.week;
  const state = cop.state;
  for (let i = 0; i < state.length; i++) if (isMember(state[i] as number)) leave(cop, i, sim.week);
  cop.lead = -1;
}
