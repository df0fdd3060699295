/**
 * Mechanism 9, recruitment: a Bass (1969) diffusion over the eligible pool. An eligible
 * non-member joins in a week with chance
 *
 *   p_i = affinity_i · (announcement·visibility·x + pulse(t) + wordOfMouth·F_i)
 *   affinity_i = (fit_i + M_i)/2 · (0.5 + w_i) · (nonTargetInterest if outside the target group)
 *                · (½ if they left before)
 *   pulse(t)   = launchPulse · exp(−(t − t0) / pulseWeeks)   after a top-down launch or
 *                recognition by management at week t0
 *   F_i        = teamTies·f_team + (1 − teamTies)·(0.7·f_group + 0.3·f_org)
 *                (without other eligible people in one's team: 0.7·f_group + 0.3·f_org)
 *
 * f_*: share of the other eligible people in one's team and team of teams (oneself excluded),
 * and of the eligible people of the organisation, who are
 * satisfied active or core members (expectation above `satisfaction`): word of mouth through
 * ties. M_i is the person's motivation toward the CoP: for someone who never took part it is
 * their initial motivation; for someone released from a mandate it carries any crowding-out.
 * x is 2 when participation is expected, else 1; visibility grows with acceptance.
 * A closed CoP admits only its target group, by invitation: p_i = affinity_i·wordOfMouth·F_i,
 * where only members who also feel safe (safety ≥ 0.5) invite, and they invite less as the
 * room fills: the rate is multiplied by max(0, 1 − a/airtime), a the attendance of the last
 * held meeting. Mandatory participation
 * enrols the whole target group at once, and every newcomer to it.
 */
import { enrol, enrolTargetGroup, resetMember } from '../community.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';
import { topicFit } from './meetingValue.js';

export function recruit(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const r = sim.parameters.recruitment;
  const rng = cop.rng;
  const { people } = sim;
  const { team, group, willingness, alignment } = people;
  const { state, eligible, expectation, safety, interestFit, motivation } = cop;
  const closed = cop.derived.closed;
  const mandatory = cop.derived.mandatory;

  if (mandatory) enrolTargetGroup(cop, people, sim.parameters, sim.week);

  // Satisfied members and eligible people per team, team of teams and organisation.
  const { satTeam, eliTeam, satGroup, eliGroup } = cop;
  satTeam.fill(0);
  eliTeam.fill(0);
  satGroup.fill(0);
  eliGroup.fill(0);
  let satOrg = 0;
  let eliOrg = 0;
  for (let i = 0; i < state.length; i++) {
    if (!eligible[i]) continue;
    const t = team[i] as number;
    const g = group[i] as number;
    eliTeam[t] = (eliTeam[t] as number) + 1;
    eliGroup[g] = (eliGroup[g] as number) + 1;
    eliOrg++;
    const s = state[i] as number;
    if (
      (s === MemberState.active || s === MemberState.core) &&
      (expectation[i] as number) > r.satisfaction &&
      (!closed || (safety[i] as number) >= 0.5)
    ) {
      satTeam[t] = (satTeam[t] as number) + 1;
      satGroup[g] = (satGroup[g] as number) + 1;
      satOrg++;
    }
  }
  const fOrg = eliOrg > 0 ? satOrg / eliOrg : 0;
  const pulse = Number.isNaN(cop.pulseStart)
    ? 0
    : r.launchPulse * Math.exp(-(sim.week - cop.pulseStart) / r.pulseWeeks);
  // Members of a closed CoP keep it a safe space: they invite less as the room fills up.
  const invitation = closed ? Math.max(0, 1 - cop.lastAttendance / sim.parameters.value.airtime) : 1;
  const outside = closed ? 0 : r.announcement * cop.derived.visibility * (cop.derived.expected ? 2 : 1) + pulse;
  const s = cop.derived.steering;
  for (let i = 0; i < state.length; i++) {
    const e = eligible[i] as number;
    if (!e) continue;
    const st = state[i] as number;
    if (st !== MemberState.nonMember && st !== MemberState.left) continue;
    const t = team[i] as number;
    const g = group[i] as number;
    // Ties run to the other eligible people; someone alone in their team (a team's only Scrum
    // Master) has all their ties in the team of teams and the organisation.
    const fGroup = (eliGroup[g] as number) > 1 ? (satGroup[g] as number) / ((eliGroup[g] as number) - 1) : 0;
    const wider = 0.7 * fGroup + 0.3 * fOrg;
    const f =
      (eliTeam[t] as number) > 1
        ? r.teamTies * ((satTeam[t] as number) / ((eliTeam[t] as number) - 1)) + (1 - r.teamTies) * wider
        : wider;
    const affinity =
      (0.5 * topicFit(interestFit[i] as number, alignment[i] as number, s) + 0.5 * (motivation[i] as number)) *
      (0.5 + (willingness[i] as number)) *
      (e === 2 ? r.nonTargetInterest : 1) *
      (st === MemberState.left ? 0.5 : 1);
    const p = affinity * (outside + invitation * r.wordOfMouth * f);
    if (rng() < p) {
      if (st === MemberState.left) resetMember(cop, people, sim.parameters, i);
      enrol(cop, i, sim.week);
    }
  }
}
