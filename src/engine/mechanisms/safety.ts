/**
 * Mechanism 5, psychological safety. Each attendee's safety drifts toward the meeting's
 * climate; speaking up at one's previous meeting went well with chance equal to the climate
 * (+speakUpGain) and badly otherwise (−speakUpLoss: bad experiences weigh more).
 *
 *   climate = base + lead·L + coach·[coach] + familiarity·B̄ − hierarchy·share_managers
 *             − steering·s − mandate·m − size·max(0, log2(n / 10)),  clipped to [0.05, 0.98]
 *   S_i ← S_i + adaptation·(climate − S_i) ± speak-up outcome
 *
 * L: 1 part-time lead, 2 full-time; B̄: attendees' mean belonging; m: compliance pressure
 * (1 mandatory, 0.4 expected). (Edmondson 1999; Frazier et al. 2017.)
 */
import type { CommunityState, Simulation } from '../state.js';

export function climateOf(
  sim: Simulation,
  cop: CommunityState,
  meanBelonging: number,
  managerShare: number,
  n: number,
): number {
  const p = sim.parameters.safety;
  const c =
    p.base +
    p.lead * cop.derived.lead +
    (cop.settings.support.coach ? p.coach : 0) +
    p.familiarity * meanBelonging -
    p.hierarchy * managerShare -
    p.steering * cop.derived.steering -
    p.mandate * cop.derived.mandate -
    p.size * Math.max(0, Math.log2(Math.max(n, 1) / 10));
  return Math.min(0.98, Math.max(0.05, c));
}

export function updateSafety(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek || cop.attendance === 0) return;
  const p = sim.parameters.safety;
  const rng = cop.rng;
  const { attending, belonging, safety, lastContributions } = cop;
  const level = sim.people.level;
  let bSum = 0;
  let managers = 0;
  for (let i = 0; i < attending.length; i++) {
    if (!attending[i]) continue;
    bSum += belonging[i] as number;
    if (level[i] === 2) managers++;
  }
  const n = cop.attendance;
  const climate = climateOf(sim, cop, bSum / n, managers / n, n);
  cop.climate = climate;
  for (let i = 0; i < attending.length; i++) {
    if (!attending[i]) continue;
    let s = (safety[i] as number) + p.adaptation * (climate - (safety[i] as number));
    if ((lastContributions[i] as number) > 0) s += rng() < climate ? p.speakUpGain : -p.speakUpLoss;
    safety[i] = s < 0 ? 0 : s > 1 ? 1 : s;
  }
}
