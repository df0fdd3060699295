/**
 * Recruitment: a Bass (1969) diffusion over the eligible pool, through announcements and
 * ties. An eligible non-member joins in a week with chance
 *
 *   p_i = affinity_i · (announcement·visibility + pulse(t) + wordOfMouth·F_i)
 *   affinity_i = ((1 − mw)·fit_i + mw·M_i)^γ · (1 − ww + 2·ww·w_i)
 *                · (nonTargetInterest if outside the target group) · (rejoin if they left before)
 *   pulse(t)   = launchPulse · exp(−(t − t0) / pulseWeeks)   after a top-down launch or
 *                recognition by management at week t0 (channel `initiation.launchPulse`)
 *   F_i        = min(1, Σ_{j satisfied} w_ij / Σ_{j in the target group} w_ij·interest_j)
 *
 * γ: `selectivity`. F_i is the share of i's ties (colleague and CoP ties) to the CoP's
 * potential members, the target group weighted by their interest in the theme, that run to
 * satisfied members: active or core members whose expectation is above `satisfaction` (word of
 * mouth among the people the CoP is for, as Bass's share of adopters among potential
 * adopters; channel
 * `network.wordOfMouth`). visibility is the reach of management's announcements by acceptance
 * (channel `acceptance.visibility`): a CoP management does not promote spreads by word of
 * mouth alone, so its reach does not grow with the size of the organisation. M_i is the
 * person's motivation toward the CoP: for someone who never took part it is their initial
 * motivation; for someone who left it carries what they experienced.
 *
 * A closed CoP admits only its target group, by invitation: p_i = affinity_i·wordOfMouth·F_i,
 * where only members who also feel safe (safety ≥ `inviteSafety`) invite. Mandatory
 * participation enrols the whole target group at once, and every new hire in it (channel
 * `participation.enrolment`). Each join is credited to word of mouth by its share of the
 * chance, wordOfMouth·F_i / (announcement·visibility + pulse + wordOfMouth·F_i). A new member's belonging starts from the ties they already have
 * to the CoP's people.
 */
import { belongingOf, enrol, enrolTargetGroup, exposure, resetMember } from '../community.js';
import { topicFit } from '../fit.js';
import { slotStrength } from '../network.js';
import { MemberState, type CommunityState, type Network, type Simulation } from '../state.js';
import { exp, pow } from '../math.js';

/**
 * The strength of person i's ties to the CoP's potential members (the target group, weighted by
 * their interest in the theme): the part of their network the CoP could reach them through.
 */
function relevantTies(net: Network, cop: CommunityState, i: number, week: number): number {
  const eligible = cop.eligible;
  let x = cop.targetTies[i] as number;
  if (net.tieCount[i] === 0) return x;
  const base = i * net.capacity;
  for (let s = base; s < base + net.capacity; s++) {
    const j = net.tieTo[s] as number;
    if (j >= 0 && eligible[j] === 1) x += slotStrength(net, s, week) * (cop.interestFit[j] as number);
  }
  return x;
}

export function recruit(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const r = sim.parameters.recruitment;
  const { people, network: net, channels: on } = sim;
  const rng = cop.rng;
  const week = sim.week;
  const { willingness, alignment } = people;
  const { state, eligible, expectation, safety, interestFit, motivation, heard, heardWeek } = cop;
  const closed = cop.derived.closed;

  if (cop.derived.mandatory && on['participation.enrolment']) enrolTargetGroup(cop, people, sim.parameters, week);

  // Word of mouth: satisfied members tell the eligible non-members they have ties with.
  if (on['network.wordOfMouth']) {
    for (let j = 0; j < state.length; j++) {
      const sj = state[j] as number;
      if (sj !== MemberState.active && sj !== MemberState.core) continue;
      if ((expectation[j] as number) <= r.satisfaction) continue;
      if (closed && (safety[j] as number) < r.inviteSafety) continue;
      const end = net.colleagueStart[j + 1] as number;
      for (let e = net.colleagueStart[j] as number; e < end; e++) {
        const k = net.colleagues[e] as number;
        if (listens(cop, k)) tell(cop, k, net.colleagueStrength[e] as number, week);
      }
      if (net.tieCount[j] === 0) continue;
      const base = j * net.capacity;
      for (let s = base; s < base + net.capacity; s++) {
        const k = net.tieTo[s] as number;
        if (k >= 0 && listens(cop, k)) tell(cop, k, slotStrength(net, s, week), week);
      }
    }
  }

  const pulse =
    Number.isNaN(cop.pulseStart) || closed ? 0 : r.launchPulse * exp(-(week - cop.pulseStart) / r.pulseWeeks);
  const outside = closed ? 0 : r.announcement * cop.derived.visibility + pulse;
  const s = on['steering.topicFit'] ? cop.derived.steering : 0;
  const mw = r.motivationWeight;
  const ww = r.willingness;
  const window = sim.parameters.contributions.window;
  for (let i = 0; i < state.length; i++) {
    const e = eligible[i] as number;
    if (!e) continue;
    const st = state[i] as number;
    if (st !== MemberState.nonMember && st !== MemberState.left) continue;
    const word =
      heardWeek[i] === week
        ? (r.wordOfMouth * (heard[i] as number)) / Math.max(heard[i] as number, relevantTies(net, cop, i, week))
        : 0;
    const drive = outside + word;
    if (drive <= 0) continue;
    let base = cop.affinity[i] as number;
    if (cop.affinityStamp[i] !== cop.settingsStamp) {
      base =
        pow((1 - mw) * topicFit(interestFit[i] as number, alignment[i] as number, s) + mw * (motivation[i] as number), r.selectivity) *
        (1 - ww + 2 * ww * (willingness[i] as number)) *
        (e === 2 ? r.nonTargetInterest : 1);
      cop.affinity[i] = base;
      cop.affinityStamp[i] = cop.settingsStamp;
    }
    const affinity = st === MemberState.left ? base * r.rejoin : base;
    if (rng() < affinity * drive) {
      if (st === MemberState.left) resetMember(cop, people, sim.parameters, i);
      enrol(cop, people.competence[i] as number, i, week);
      cop.joins++;
      cop.joinsByWord += word / drive;
      cop.belonging[i] = belongingOf(exposure(net, cop, window, week, i), sim.parameters, on);
    }
  }
}

/** True if k is someone word of mouth can recruit: an eligible non-member, or someone who left. */
function listens(cop: CommunityState, k: number): boolean {
  if (!cop.eligible[k]) return false;
  const s = cop.state[k] as number;
  return s === MemberState.nonMember || s === MemberState.left;
}

/** Adds the strength `w` of a tie to a satisfied member to what listener k has heard this week. */
function tell(cop: CommunityState, k: number, w: number, week: number): void {
  if (w <= 0) return;
  if (cop.heardWeek[k] !== week) {
    cop.heardWeek[k] = week;
    cop.heard[k] = w;
  } else {
    cop.heard[k] = (cop.heard[k] as number) + w;
  }
}
