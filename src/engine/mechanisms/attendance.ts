/**
 * Mechanism 3, attendance: a logistic choice gated by slack.
 *
 *   U_i = β0 + βm·M_i + βe·E_i + βs·S_i + βb·B_i + βh·H_i + βexp·[expected] + βmand·[mandatory]
 *         + βdorm·[dormant]
 *   P(attend) = gate_i · 1 / (1 + e^(−U_i))
 *
 * gate_i = 1 if slack_i + protected hours ≥ meeting length; otherwise 0, except under a
 * mandate, where a member without the slack still passes the gate with chance
 * `mandateOverride` (project work is displaced) and then makes the same logistic choice. The compliance terms
 * raise attendance, not autonomous motivation, so they do not raise contributions
 * (Gagné & Deci 2005); members come when the benefit exceeds the cost (Ren & Kraut 2014).
 * Attending spends the meeting's unprotected hours of slack. The organiser of a meeting held
 * without a lead attends it (their hours were reserved when they took on the organising).
 */
import { isMember } from '../community.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function attend(sim: Simulation, cop: CommunityState): void {
  cop.attendance = 0;
  const attending = cop.attending;
  attending.fill(0);
  if (!cop.heldThisWeek) return;
  const a = sim.parameters.attendance;
  const rng = cop.rng;
  const slack = sim.people.slack;
  const length = cop.settings.meetings.length;
  const prot = cop.derived.protectedHours;
  const unprotected = Math.max(0, length - prot);
  const compliance = (cop.derived.mandatory ? a.mandatory : 0) + (cop.derived.expected ? a.expected : 0);
  const base = a.intercept + compliance;
  const { state, motivation, expectation, safety, belonging, habit } = cop;
  let count = 0;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    if (i === cop.organiser) {
      // Their meeting hours were reserved when they took on the organising (mechanism 2).
      attending[i] = 1;
      count++;
      continue;
    }
    const free = (slack[i] as number) + prot;
    if (free < length && !(cop.derived.mandatory && rng() < a.mandateOverride)) continue;
    const u =
      base +
      a.motivation * (motivation[i] as number) +
      a.expectation * (expectation[i] as number) +
      a.safety * (safety[i] as number) +
      a.belonging * (belonging[i] as number) +
      a.habit * (habit[i] as number) +
      (s === MemberState.dormant ? a.dormant : 0);
    if (rng() * (1 + Math.exp(-u)) < 1) {
      attending[i] = 1;
      slack[i] = (slack[i] as number) - unprotected;
      count++;
    }
  }
  cop.attendance = count;
  cop.lastAttendance = count;
  cop.hoursInvested += count * length;
}
