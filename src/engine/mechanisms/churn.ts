/**
 * Mechanism 10, churn and onboarding.
 *
 * On a held meeting: a member who attends resets the count of missed meetings; a first-time
 * attendee gains belonging from the lead's welcome (`welcome`, when the CoP has a lead and
 * `support.welcome`) or a little from the meeting itself (`firstMeetingBelonging`), and counts
 * as returning if they attend one of the next `newcomerMeetings` held meetings (Joyce & Kraut
 * 2006: a reply to newcomers raised their return from 44% to 56%). A member who misses
 * `dormantAfter` held meetings in a row becomes dormant.
 *
 * Every week: a dormant member leaves with chance leaveHazard·(1 − B)·(1 − E) (belonging and
 * expected value hold people), except those a mandate enrolled, while it lasts. Someone who
 * joined this week after the meeting did not miss it.
 *
 * Organisational turnover (`turnover`, once a week for the whole organisation): each person is
 * replaced with chance turnover/52 by a newcomer to the organisation in the same team and
 * role, with fresh traits and lower competence, who starts outside every CoP (a mandatory CoP
 * enrols them at its next recruitment).
 */
import { computeEligibilityOne, isMember, resetMember } from '../community.js';
import { drawTraits } from '../organisation.js';
import { THEMES } from '../../scenario/vocabulary.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function churn(sim: Simulation, cop: CommunityState): void {
  if (!cop.alive) return;
  const ch = sim.parameters.churn;
  const rng = cop.rng;
  const { state, attending, missed, attendedCount, returnPending, belonging, expectation } = cop;
  const held = cop.heldThisWeek;
  const welcome = cop.derived.lead > 0 && cop.settings.support.welcome ? ch.welcome : ch.firstMeetingBelonging;
  const mandatory = cop.derived.mandatory;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    if (held) {
      if (attending[i]) {
        missed[i] = 0;
        const count = (attendedCount[i] as number) + 1;
        attendedCount[i] = count;
        if (count === 1) {
          // Only those who chose to come count toward the return rate, not the mandated.
          if (!cop.mandated[i]) cop.firstTimers++;
          belonging[i] = (belonging[i] as number) + welcome * (1 - (belonging[i] as number));
          returnPending[i] = cop.mandated[i] ? 0 : ch.newcomerMeetings;
        } else if ((returnPending[i] as number) > 0) {
          cop.returners++;
          returnPending[i] = 0;
        }
      } else if (cop.joinedWeek[i] !== sim.week) {
        // (Someone who joined after this week's meeting did not miss it.)
        missed[i] = (missed[i] as number) + 1;
        if ((returnPending[i] as number) > 0) returnPending[i] = (returnPending[i] as number) - 1;
        if ((missed[i] as number) >= ch.dormantAfter && s !== MemberState.dormant) state[i] = MemberState.dormant;
      }
    }
    // Those a mandate enrolled cannot leave while it lasts; volunteers always can.
    if (state[i] === MemberState.dormant && !(mandatory && cop.mandated[i])) {
      const h = ch.leaveHazard * (1 - (belonging[i] as number)) * (1 - (expectation[i] as number));
      if (rng() < h) {
        state[i] = MemberState.left;
        returnPending[i] = 0;
      }
    }
  }
}

/** Organisational turnover: replaces leavers by newcomers (draws from the `org` stream). */
export function turnOver(sim: Simulation): void {
  const { people } = sim;
  const rng = sim.streams.org;
  const weekly = sim.turnover / 52;
  const org = sim.scenario.organisation;
  const nThemes = THEMES.length;
  for (let i = 0; i < people.n; i++) {
    if (rng() >= weekly) continue;
    drawTraits(people, i, org, rng, true);
    people.hiredWeek[i] = sim.week;
    people.savedNow[i] = 0;
    people.savedLast[i] = 0;
    for (const cop of sim.cops) {
      if (cop.returnPending[i]) cop.returnPending[i] = 0;
      cop.interestFit[i] = people.interest[i * nThemes + cop.derived.themeIndex] as number;
      computeEligibilityOne(people, cop.settings, i, cop.eligible);
      resetMember(cop, people, sim.parameters, i);
    }
  }
}
