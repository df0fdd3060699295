/**
 * Mechanism 4, meeting value and expectation (and the ties formed by meeting).
 *
 *   Q = format · (0.6 + 0.4·S̄) · (0.5 + 0.5·freshness) · mass(n) · crowd(n) · (1 + v_dp·dp)
 *   format    = (1 − p) + p·presentationValue            p: presentation share
 *   freshness = 1 − exp(−items / 3)                       items: solutions shared since the
 *               last meeting, plus the lead's prepared content (1 part-time, 2 full-time),
 *               plus 2 for a funded external session
 *   mass(n)   = n² / (n² + criticalMass²)                 a critical mass of about 4
 *   crowd(n)  = 1 if n ≤ airtime, else √(airtime / n)     airtime lost past about 30
 *   v_i       = fit_i · Q,  fit_i = (1 − s)·interest_i + s·alignment_i    s: steering
 *   E_i      ← E_i + α·(v_i − E_i)                        (delta rule)
 *
 * Steering replaces members' own topics by management's, which fits only those whose
 * interests are aligned with management's (the "unclear purpose" failure, seeds/001). S̄ is
 * the attendees' mean psychological safety. Attending also builds ties:
 * B_i ← B_i + ties·(1 − B_i)·airtime/(airtime + n); members who miss a held meeting lose a
 * share `tiesDecay` of them.
 */
import { isMember } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';

/** Topic fit of a person under steering `s`. */
export function topicFit(interest: number, alignment: number, steering: number): number {
  return (1 - steering) * interest + steering * alignment;
}

/** Value per unit of topic fit of a meeting with `n` attendees (the Q above). */
export function meetingQuality(
  n: number,
  meanSafety: number,
  items: number,
  presentationShare: number,
  decisionPower: number,
  v: { criticalMass: number; airtime: number; presentationValue: number; decisionPower: number },
): number {
  if (n <= 0) return 0;
  const format = 1 - presentationShare + presentationShare * v.presentationValue;
  const freshness = 1 - Math.exp(-items / 3);
  const mass = (n * n) / (n * n + v.criticalMass * v.criticalMass);
  const crowd = n <= v.airtime ? 1 : Math.sqrt(v.airtime / n);
  return format * (0.6 + 0.4 * meanSafety) * (0.5 + 0.5 * freshness) * mass * crowd * (1 + v.decisionPower * decisionPower);
}

export function valueMeeting(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const v = sim.parameters.value;
  const rng = cop.rng;
  const { attending, safety, expectation, belonging, interestFit, state } = cop;
  const alignment = sim.people.alignment;
  const n = cop.attendance;
  let safetySum = 0;
  for (let i = 0; i < attending.length; i++) if (attending[i]) safetySum += safety[i] as number;
  const external = rng() < cop.derived.externalSession ? 2 : 0;
  const items = cop.freshItems + cop.derived.lead + external;
  cop.freshItems = 0;
  const q = meetingQuality(
    n,
    n > 0 ? safetySum / n : 0,
    items,
    cop.settings.meetings.presentationShare,
    cop.derived.decisionPower,
    v,
  );
  cop.quality = q;
  const s = cop.derived.steering;
  const alpha = v.learningRate;
  const bond = (v.ties * v.airtime) / (v.airtime + n);
  const loosen = 1 - v.tiesDecay;
  for (let i = 0; i < attending.length; i++) {
    if (attending[i]) {
      const value = topicFit(interestFit[i] as number, alignment[i] as number, s) * q;
      expectation[i] = (expectation[i] as number) + alpha * (value - (expectation[i] as number));
      belonging[i] = (belonging[i] as number) + bond * (1 - (belonging[i] as number));
    } else if (isMember(state[i] as number)) {
      belonging[i] = (belonging[i] as number) * loosen;
    }
  }
}
