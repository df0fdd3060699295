/**
 * Psychological safety. Each attendee's safety drifts toward the meeting's climate; speaking
 * up at this meeting went well with chance equal to the climate (+speakUpGain) and badly
 * otherwise (−speakUpLoss: bad experiences weigh more).
 *
 *   climate = base + lead_L + coach·[coach] + familiarity·F − hierarchy·share_managers
 *             − steering·s − mandate·m,  clipped to [floor, ceiling]
 *   F       = mean over attendees of min(1, Σ_{j attending, j ≠ i} w_ij / (n − 1))
 *   S_i    ← S_i + adaptation·(climate − S_i) ± speak-up outcome
 *
 * w_ij: the strength of the ties (colleague and CoP) between attendees. Familiarity falls as
 * a room fills with people one does not know ("it is hard to establish psychological safety
 * between strangers", seeds/002): a person keeps a bounded number of ties, so a large room is
 * a room of strangers. lead_L: `partTimeLead` or `fullTimeLead` (channel `lead.climate`); s:
 * steering (channel `steering.climate`); m: compliance pressure (channel
 * `participation.climate`); channels `coach.climate` and `network.familiarity`.
 * (Edmondson 1999; Frazier et al. 2017.)
 */
import { slotStrength } from '../network.js';
import { Level, type CommunityState, type Simulation } from '../state.js';

/** Familiarity of a meeting's attendees: their mean tie strength to the others in the room. */
export function familiarity(sim: Simulation, cop: CommunityState): number {
  const net = sim.network;
  const n = cop.attendance;
  if (n < 2) return 0;
  const { attending, attendees } = cop;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = attendees[k] as number;
    let x = 0;
    const end = net.colleagueStart[i + 1] as number;
    for (let e = net.colleagueStart[i] as number; e < end; e++) {
      if (attending[net.colleagues[e] as number]) x += net.colleagueStrength[e] as number;
    }
    const base = i * net.capacity;
    for (let s = base; s < base + net.capacity; s++) {
      const j = net.tieTo[s] as number;
      if (j >= 0 && attending[j]) x += slotStrength(net, s, sim.week);
    }
    sum += Math.min(1, x / (n - 1));
  }
  return sum / n;
}

/** The climate of a meeting with the given familiarity and share of managers. */
export function climateOf(sim: Simulation, cop: CommunityState, familiarityValue: number, managerShare: number): number {
  const p = sim.parameters.safety;
  const on = sim.channels;
  const lead = cop.settings.support.lead;
  const c =
    p.base +
    (on['lead.climate'] ? (lead === 'part-time' ? p.partTimeLead : lead === 'full-time' ? p.fullTimeLead : 0) : 0) +
    (cop.settings.support.coach && on['coach.climate'] ? p.coach : 0) +
    (on['network.familiarity'] ? p.familiarity * familiarityValue : 0) -
    p.hierarchy * managerShare -
    (on['steering.climate'] ? p.steering * cop.derived.steering : 0) -
    (on['participation.climate'] ? p.mandate * cop.derived.pressure : 0);
  return Math.min(p.ceiling, Math.max(p.floor, c));
}

export function updateSafety(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek || cop.attendance === 0) return;
  const p = sim.parameters.safety;
  const rng = cop.rng;
  const { attendees, safety, spoken } = cop;
  const level = sim.people.level;
  const n = cop.attendance;
  let managers = 0;
  for (let k = 0; k < n; k++) if (level[attendees[k] as number] === Level.manager) managers++;
  const climate = climateOf(sim, cop, familiarity(sim, cop), managers / n);
  cop.climate = climate;
  // In index order, so the speak-up draws do not depend on the breakout shuffle.
  for (let i = 0; i < safety.length; i++) {
    if (!cop.attending[i]) continue;
    let s = (safety[i] as number) + p.adaptation * (climate - (safety[i] as number));
    if ((spoken[i] as number) > 0) s += rng() < climate ? p.speakUpGain : -p.speakUpLoss;
    safety[i] = s < 0 ? 0 : s > 1 ? 1 : s;
  }
}
