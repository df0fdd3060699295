/**
 * Attendance: a logistic choice gated by slack.
 *
 *   U_i = β0 + βm·M_i + βe·E_i + βs·S_i + βb·B_i + βh·H_i + βdorm·[dormant] + c
 *   P(attend) = gate_i · 1 / (1 + e^(−U_i))
 *
 * c is the compliance term (βexp when participation is expected, βmand when mandatory;
 * channel `participation.compliance`). gate_i = 1 if slack_i + protected hours ≥ meeting
 * length; otherwise 0, except under a mandate, where a member without the slack still passes
 * the gate with chance `mandateOverride` (project work is displaced) and then makes the same
 * choice. Compliance raises attendance, not autonomous motivation, so it does not raise
 * contributions (Gagné & Deci 2005); members come when the benefit exceeds the cost (Ren &
 * Kraut 2014). Attending spends
 * the meeting's unprotected hours of slack. The organiser attends (their hours were reserved
 * when they took on the organising).
 */
import { isMember } from '../community.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';
import { exp } from '../math.js';

export function attend(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const a = sim.parameters.attendance;
  const rng = cop.rng;
  const slack = sim.people.slack;
  const length = cop.settings.meetings.length;
  const prot = cop.derived.protectedHours;
  const unprotected = Math.max(0, length - prot);
  const compliance = cop.derived.compliance;
  const displaced = cop.derived.mandatory && sim.channels['participation.compliance'];
  const { state, motivation, expectation, safety, belonging, habit, attending, attendees } = cop;
  let count = 0;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    if (i === cop.organiser) {
      attending[i] = 1;
      attendees[count++] = i;
      continue;
    }
    const free = (slack[i] as number) + prot;
    // Away (holidays, sick leave) is −∞: no mandate brings them in.
    if (free === Number.NEGATIVE_INFINITY) continue;
    if (free < length && !(displaced && rng() < a.mandateOverride)) continue;
    const own =
      a.intercept +
      a.motivation * (motivation[i] as number) +
      a.expectation * (expectation[i] as number) +
      a.safety * (safety[i] as number) +
      a.belonging * (belonging[i] as number) +
      a.habit * (habit[i] as number) +
      (s === MemberState.dormant ? a.dormant : 0);
    if (rng() * (1 + exp(-(own + compliance))) < 1) {
      attending[i] = 1;
      attendees[count++] = i;
      slack[i] = (slack[i] as number) - unprotected;
    }
  }
  cop.attendance = count;
  cop.hoursInvested += count * length;
}
