/**
 * Churn and onboarding.
 *
 * On a held meeting: a member who attends resets the count of missed meetings. At a newcomer's
 * first meeting, a lead who welcomes newcomers (`support.welcome`, channel `lead.welcome`)
 * and is at that meeting introduces them: a tie of strength `welcomeTie` to the lead and to `welcomeIntroductions`
 * attendees drawn at random, and their belonging is renewed from their ties (Joyce & Kraut
 * 2006: a reply to newcomers raised their return from 44% to 56%). A member who misses
 * `dormantAfter` held meetings in a row becomes dormant.
 *
 * Every week: a dormant member leaves with chance leaveHazard·(1 − B)·(1 − E) (belonging and
 * expected value hold people), except those a mandate enrolled, while it lasts (channel
 * `participation.enrolment`). Someone who joined this week after the meeting did not miss it.
 */
import { belongingOf, exposure, isMember, leave } from '../community.js';
import { renewTie } from '../network.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function churn(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const ch = sim.parameters.churn;
  const { network: net, channels: on } = sim;
  const rng = cop.rng;
  const { state, attending, attendees, missed, attendedCount, belonging, expectation } = cop;
  const held = cop.heldThisWeek;
  // A lead can only introduce the newcomers of a meeting they are at.
  const welcoming = cop.lead >= 0 && held && cop.attending[cop.lead] === 1 && cop.settings.support.welcome && on['lead.welcome'];
  const kept = cop.derived.mandatory && on['participation.enrolment'];
  const window = sim.parameters.contributions.window;
  const n = cop.attendance;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    if (held) {
      if (attending[i]) {
        missed[i] = 0;
        const count = (attendedCount[i] as number) + 1;
        attendedCount[i] = count;
        if (count === 1 && welcoming) {
          const lead = cop.lead;
          if (lead !== i) renewTie(net, i, lead, ch.welcomeTie, sim.week);
          for (let k = 0; k < ch.welcomeIntroductions && n > 1; k++) {
            const j = attendees[Math.floor(rng() * n)] as number;
            if (j !== i && j !== lead) renewTie(net, i, j, ch.welcomeTie, sim.week);
          }
          belonging[i] = belongingOf(exposure(net, cop, window, sim.week, i), sim.parameters, on);
        }
      } else if (cop.joinedWeek[i] !== sim.week) {
        missed[i] = (missed[i] as number) + 1;
        if ((missed[i] as number) >= ch.dormantAfter && s !== MemberState.dormant) state[i] = MemberState.dormant;
      }
    }
    if (state[i] === MemberState.dormant && !(kept && cop.mandated[i])) {
      const h = ch.leaveHazard * (1 - (belonging[i] as number)) * (1 - Math.min(1, expectation[i] as number));
      if (rng() < h) leave(cop, i, sim.week);
    }
  }
}
