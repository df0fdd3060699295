/**
 * Mechanism 8, autonomous motivation toward the CoP, for its members:
 *
 *   target_i = M*_i·(0.4 + 0.6·fit_i) + competence·(C_i − 0.5) + relatedness·B_i
 *              + decisionPower·dp + recognition·[approved or initiated]
 *   M_i ← M_i + adaptation·(target_i − M_i) − erosion_i,  clipped to [0, 1]
 *   erosion_i = (1 − w_i) · (mandateErosion·m + steeringErosion·s·(1 − a_i))
 *
 * M*: trait motivation, fit: topic fit under steering s, C: competence, B: belonging,
 * dp: decision power (autonomy), w: prior willingness, m: compliance pressure, a: alignment
 * with management. Control crowds out the motivation of those who did not want to come in
 * proportion to their unwillingness (Deci, Koestner & Ryan 1999; Stukas et al. 1999);
 * competence, relatedness and autonomy feed it (self-determination theory, Gagné & Deci 2005).
 * The slow adaptation leaves a residue of crowding-out after a mandate is lifted.
 */
import { isMember } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';
import { topicFit } from './meetingValue.js';

export function motivate(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const m = sim.parameters.motivation;
  const { motivationTrait, competence, willingness, alignment } = sim.people;
  const { state, motivation, belonging, interestFit } = cop;
  const s = cop.derived.steering;
  const lift = m.decisionPower * cop.derived.decisionPower + m.recognition * cop.derived.recognised;
  const mandate = m.mandateErosion * cop.derived.mandate;
  const steer = m.steeringErosion * s;
  const eta = m.adaptation;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const a = alignment[i] as number;
    const fit = topicFit(interestFit[i] as number, a, s);
    const target =
      (motivationTrait[i] as number) * (0.4 + 0.6 * fit) +
      m.competence * ((competence[i] as number) - 0.5) +
      m.relatedness * (belonging[i] as number) +
      lift;
    const erosion = (1 - (willingness[i] as number)) * (mandate + steer * (1 - a));
    const next = (motivation[i] as number) + eta * (target - (motivation[i] as number)) - erosion;
    motivation[i] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}
