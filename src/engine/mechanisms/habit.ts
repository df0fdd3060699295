/**
 * Mechanism 11, habit. On each held meeting, an attendee's habit grows toward 1, faster with
 * a regular rhythm; a miss dents it only a little (Lally et al. 2010: habit strength follows
 * an asymptotic curve, and one missed occasion barely affects it):
 *
 *   attended: H ← H + gain·(1 − irregularity·(1 − regularity))·(1 − H)
 *   missed:   H ← H·(1 − decay)
 */
import { isMember } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';

export function formHabit(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const h = sim.parameters.habit;
  const gain = h.gain * (1 - h.irregularity * (1 - cop.settings.meetings.regularity));
  const keep = 1 - h.decay;
  const { state, attending, habit } = cop;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    habit[i] = attending[i] ? (habit[i] as number) + gain * (1 - (habit[i] as number)) : (habit[i] as number) * keep;
  }
}
