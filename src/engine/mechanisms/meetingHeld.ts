/**
 * Meeting held? A meeting is planned every `cadence` weeks from the launch and takes place in
 * its planned week with chance `regularity` (otherwise it is skipped: an irregular rhythm).
 * Someone must then organise it, which takes `organiserHours` of preparation plus the
 * meeting's unprotected hours:
 *
 * - A lead organises it if their weekly lead hours plus their slack cover that; the lead
 *   hours are spent first (channel `lead.organising`). Having those hours is also what lets the
 *   lead prepare the meeting's content (meeting value, channel `lead.content`), so knocking out
 *   the organising leaves the content to a lead who has the hours and comes. A CoP whose setting has a lead but
 *   whose lead has gone (left the CoP or the organisation) appoints the most motivated active
 *   or core member.
 * - Otherwise the members volunteer, or not: the volunteer's dilemma (Diekmann 1985). Those
 *   who could organise (active, core or peripheral, motivation ≥ `organiserMotivation`, slack
 *   plus protected hours ≥ meeting length + preparation) each weigh the cost K =
 *   `organiserHours` against the meeting's worth to them U_i = `valueHours` · E_i. With n of
 *   them and r = K / mean(U), someone volunteers with chance 1 − r^(n/(n−1)) (the symmetric
 *   mixed equilibrium; 1 for n = 1; nobody if r ≥ 1). The chance tends to 1 − r as n grows,
 *   so a bigger CoP is not much more likely to be organised: it is the value members expect
 *   and the time they have that keep it going ("without someone to organise meetings ... many
 *   communities fizzle out", seeds/001). The volunteer is drawn at random among them.
 *
 * The organiser's hours are taken from their slack at once, so a CoP deciding later in the
 * week cannot book the same hours, and the organiser attends (attendance). A planned meeting
 * nobody organised counts toward the CoP's death (`unorganised`); a skipped one does not.
 * Preparation counts toward the hours invested.
 */
import { appointLead } from '../community.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';
import { pow } from '../math.js';

export function holdMeeting(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const { meetings } = cop.settings;
  const rng = cop.rng;
  if ((sim.week - cop.launchWeek) % meetings.cadence !== 0) return;
  if (rng() >= meetings.regularity) return;
  const m = sim.parameters.meeting;
  const slack = sim.people.slack;
  const prot = cop.derived.protectedHours;
  const unprotected = Math.max(0, meetings.length - prot);
  const need = m.organiserHours + unprotected;
  if (cop.settings.support.lead !== 'none' && cop.lead < 0) appointLead(cop);
  const lead = cop.lead;
  // The lead's hours cover the meeting's preparation: its content (meeting value, channel
  // `lead.content`) whoever organises it, and the organising itself (channel `lead.organising`).
  cop.leadPrepared = lead >= 0 && (slack[lead] as number) + cop.derived.leadHours >= need;
  if (cop.leadPrepared && sim.channels['lead.organising']) {
    slack[lead] = (slack[lead] as number) - Math.max(0, need - cop.derived.leadHours);
    organise(cop, lead, m.organiserHours);
    return;
  }
  // The volunteer's dilemma among those who could organise.
  const pool = cop.attendees;
  let count = 0;
  let worth = 0;
  for (let i = 0; i < cop.state.length; i++) {
    const s = cop.state[i] as number;
    if (s !== MemberState.peripheral && s !== MemberState.active && s !== MemberState.core) continue;
    if ((cop.motivation[i] as number) < m.organiserMotivation || (slack[i] as number) + prot < meetings.length + m.organiserHours) {
      continue;
    }
    pool[count++] = i;
    worth += m.valueHours * (cop.expectation[i] as number);
  }
  let chance = 0;
  if (count > 0 && worth > 0) {
    const r = m.organiserHours / (worth / count);
    chance = r >= 1 ? 0 : count === 1 ? 1 : 1 - pow(r, count / (count - 1));
  }
  if (chance > 0 && rng() < chance) {
    const organiser = pool[Math.floor(rng() * count)] as number;
    slack[organiser] = (slack[organiser] as number) - need;
    organise(cop, organiser, m.organiserHours);
    return;
  }
  cop.unorganised++;
}

function organise(cop: CommunityState, organiser: number, prep: number): void {
  cop.heldThisWeek = true;
  cop.organiser = organiser;
  cop.unorganised = 0;
  cop.hoursInvested += prep;
}

