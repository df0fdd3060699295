/**
 * Motivation: autonomous motivation toward the CoP, for its members, every week:
 *
 *   target_i = M*_i·(f + (1 − f)·fit_i) + competence·(C_i − C̄) + relatedness·B_i
 *              + decisionPower·dp
 *   M_i ← M_i + adaptation·(target_i − M_i) − erosion_i,  clipped to [0, 1]
 *   erosion_i = mandateErosion·c_i + steeringErosion·(1 − w_i)·s·(1 − a_i)
 *
 * M*: trait motivation, f: `fitFloor`, fit: topic fit under steering s (channel
 * `steering.topicFit`), C: competence, C̄: the staff's mean competence (`population.competence`), B: belonging, dp: decision power (autonomy; channel
 * `decisionPower.autonomy`), c: felt control, compliance pressure times unwillingness
 * (community.ts, `feltControl`; channel `participation.crowdingOut`), w: prior willingness, a: alignment with
 * management (channel `steering.crowdingOut`). Control crowds out the motivation of those who
 * did not want to come in proportion to their unwillingness (Deci, Koestner & Ryan 1999;
 * Stukas et al. 1999); competence, relatedness and autonomy feed it (self-determination
 * theory, Gagné & Deci 2005). The slow adaptation leaves a residue of crowding-out after a
 * mandate is lifted, which the members' own choices then carry (attendance, churn).
 */
import { feltControl, isMember } from '../community.js';
import { topicFit } from '../fit.js';
import type { CommunityState, Simulation } from '../state.js';

export function motivate(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const m = sim.parameters.motivation;
  const on = sim.channels;
  const { motivationTrait, competence, willingness, alignment } = sim.people;
  const { state, motivation, belonging, interestFit } = cop;
  const s = cop.derived.steering;
  const sFit = on['steering.topicFit'] ? s : 0;
  const lift = on['decisionPower.autonomy'] ? m.decisionPower * cop.derived.decisionPower : 0;
  const steer = on['steering.crowdingOut'] ? m.steeringErosion * s : 0;
  const eta = m.adaptation;
  const f = m.fitFloor;
  const c0 = sim.parameters.population.competence;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const a = alignment[i] as number;
    const fit = topicFit(interestFit[i] as number, a, sFit);
    const target =
      (motivationTrait[i] as number) * (f + (1 - f) * fit) +
      m.competence * ((competence[i] as number) - c0) +
      m.relatedness * (belonging[i] as number) +
      lift;
    const w = willingness[i] as number;
    const erosion = m.mandateErosion * feltControl(cop, w, on) + (1 - w) * steer * (1 - a);
    const next = (motivation[i] as number) + eta * (target - (motivation[i] as number)) - erosion;
    motivation[i] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}
