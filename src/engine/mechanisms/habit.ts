/**
 * Habit. On each held meeting, an attendee's habit grows toward 1, faster with a regular
 * rhythm and when coming was their own choice; a miss dents it only a little (Lally et al.
 * 2010: habit strength follows an asymptotic curve, a stable context helps, and one missed
 * occasion barely matters; Gardner & Lally 2013: habits form from autonomously motivated
 * behaviour):
 *
 *   attended: H ← H + gain·(1 − irregularity·(1 − regularity))·(1 − control·c_i)·(1 − H)
 *   missed:   H ← H·(1 − decay)
 *
 * c_i: the control the member feels (community.ts, `feltControl`; channel
 * `participation.crowdingOut`); `control`: the share of habit gain lost under full control.
 * Channel `regularity.habit` for the rhythm.
 */
import { feltControl, isMember } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';

export function formHabit(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const h = sim.parameters.habit;
  const on = sim.channels;
  const rhythm = on['regularity.habit'] ? 1 - h.irregularity * (1 - cop.settings.meetings.regularity) : 1;
  const gain = h.gain * rhythm;
  const keep = 1 - h.decay;
  const willingness = sim.people.willingness;
  const { state, attending, habit } = cop;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    if (attending[i]) {
      const g = gain * (1 - h.control * feltControl(cop, willingness[i] as number, on));
      habit[i] = (habit[i] as number) + g * (1 - (habit[i] as number));
    } else {
      habit[i] = (habit[i] as number) * keep;
    }
  }
}
