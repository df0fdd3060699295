/**
 * Mechanism 2, meeting held? A meeting is planned every `cadence` weeks from the launch and
 * takes place with chance `regularity`. With a lead it then happens as planned. Without one it
 * happens only if some member with motivation ≥ `organiserMotivation` has the slack for the
 * meeting plus `organiserHours` of preparation (less the CoP's protected hours) ("without
 * someone to organise meetings ... many communities fizzle out", seeds/001). The organiser's
 * preparation and unprotected meeting hours are taken from their slack at once, so a CoP
 * deciding later in the week cannot book the same hours, and the organiser attends
 * (mechanism 3). Preparation, by a lead or an organiser, counts toward the hours invested.
 */
import { isMember } from '../community.js';
import type { CommunityState, Simulation } from '../state.js';

export function holdMeeting(sim: Simulation, cop: CommunityState): void {
  cop.heldThisWeek = false;
  cop.organiser = -1;
  if (!cop.alive) return;
  const { meetings } = cop.settings;
  const rng = cop.rng;
  const planned = (sim.week - cop.launchWeek) % meetings.cadence === 0;
  if (!planned) return;
  if (rng() >= meetings.regularity) return;
  if (cop.derived.lead > 0) {
    cop.heldThisWeek = true;
    cop.hoursInvested += sim.parameters.meeting.organiserHours;
    return;
  }
  const { organiserMotivation, organiserHours } = sim.parameters.meeting;
  const need = meetings.length + organiserHours - cop.derived.protectedHours;
  const slack = sim.people.slack;
  // The most motivated member with time organises (on a tie, the later index): a deterministic
  // choice given the state.
  let organiser = -1;
  let best = organiserMotivation;
  for (let i = 0; i < slack.length; i++) {
    if (!isMember(cop.state[i] as number)) continue;
    const m = cop.motivation[i] as number;
    if (m >= best && (slack[i] as number) >= need) {
      best = m;
      organiser = i;
    }
  }
  if (organiser < 0) return;
  slack[organiser] = (slack[organiser] as number) - organiserHours - Math.max(0, meetings.length - cop.derived.protectedHours);
  cop.organiser = organiser;
  cop.hoursInvested += organiserHours;
  cop.heldThisWeek = true;
}
