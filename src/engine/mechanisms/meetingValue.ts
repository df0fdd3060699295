/**
 * Meeting value, expectation and ties. What an attendee gets from a meeting is its content:
 * what the others said in their breakout group and in the plenary, and the items presented
 * (the lead's preparation, a funded external session, solutions members brought in since the
 * last meeting):
 *
 *   content_i = (contributions of i's group + plenary contributions − i's own) + itemWeight·items
 *   Q_i       = 1 − exp(−content_i / scale)
 *   v_i       = fit_i · Q_i · (1 + v_dp·dp) · (1 − control·c_i)
 *   fit_i     = (1 − s)·interest_i + s·alignment_i
 *   E_i      ← E_i + α·(v_i − E_i)                 (delta rule)
 *
 * items = fresh solutions + the lead's content when the lead had the hours to prepare the
 * meeting and came (`partTimeContent` or `fullTimeContent`, channel `lead.content`) + `externalItems` with
 * the chance of a funded external session (channel `support.externalContent`). A meeting of
 * few, or of people with little to say, has little content: the critical mass emerges. c_i:
 * the control the attendee feels (community.ts, `feltControl`): who attends because they must
 * credits the CoP with less of what they got (channel `participation.crowdingOut`). dp:
 * decision power (channel `decisionPower.value`); s: steering (channel `steering.topicFit`).
 *
 * Ties: people who talk in the same breakout group renew their tie by
 * `tieGain`·(1 − presentation share) (channel `format.ties`); those of different teams who
 * did not know each other form a cross-team tie (networking). Then every member's belonging
 * is renewed from their ties to the members who come (community.ts, `exposure`; channel
 * `network.belonging`).
 */
import { belongingOf, feltControl, isMember, presence } from '../community.js';
import { topicFit } from '../fit.js';
import { renewTie, slotStrength } from '../network.js';
import type { CommunityState, Network, Simulation } from '../state.js';
import { exp } from '../math.js';

/** Quality of a meeting for an attendee who got `content` out of it: 1 − exp(−content / scale). */
export function quality(content: number, scale: number): number {
  return 1 - exp(-Math.max(0, content) / scale);
}

export function valueMeeting(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const v = sim.parameters.value;
  const { channels: on, network } = sim;
  const rng = cop.rng;
  const { attendees, breakout, groupContributions, spoken, expectation, interestFit, state, belonging } = cop;
  const { alignment, willingness } = sim.people;
  const external = rng() < cop.derived.externalSession ? v.externalItems : 0;
  const lead = cop.leadPrepared && cop.attending[cop.lead] === 1 ? cop.derived.leadContent : 0;
  const items = cop.freshItems + lead + external;
  cop.freshItems = 0;
  const s = on['steering.topicFit'] ? cop.derived.steering : 0;
  const worth = 1 + (on['decisionPower.value'] ? v.decisionPower * cop.derived.decisionPower : 0);
  const alpha = v.learningRate;
  const presented = v.itemWeight * items + cop.plenaryContributions;
  const n = cop.attendance;
  for (let k = 0; k < n; k++) {
    const i = attendees[k] as number;
    const heard = (groupContributions[breakout[i] as number] as number) + presented - (spoken[i] as number);
    const q = quality(heard, v.scale);
    const credited = 1 - v.control * feltControl(cop, willingness[i] as number, on);
    const value = topicFit(interestFit[i] as number, alignment[i] as number, s) * q * worth * credited;
    expectation[i] = (expectation[i] as number) + alpha * (value - (expectation[i] as number));
  }

  // Ties within breakout groups (the attendees are in group order).
  const gain = sim.parameters.network.tieGain * (on['format.ties'] ? 1 - cop.settings.meetings.presentationShare : 1);
  const team = sim.people.team;
  const groups = cop.groups;
  let cross = 0;
  if (gain > 0) {
    const { groupStart } = cop;
    for (let g = 0; g < groups; g++) {
      const end = groupStart[g + 1] as number;
      for (let x = groupStart[g] as number; x < end; x++) {
        const i = attendees[x] as number;
        for (let y = x + 1; y < end; y++) {
          const j = attendees[y] as number;
          const formed = renewTie(network, i, j, gain, sim.week);
          if (formed && team[i] !== team[j] && !colleagues(network, i, j)) cross++;
        }
      }
    }
  }
  cop.crossTeamTies += cross;

  // Belonging of every member from their exposure (community.ts, `exposure`), gathered the other
  // way round: each member who came lately passes their presence along their ties, so the cost
  // is that of the members who come, not of all members.
  const window = sim.parameters.contributions.window;
  const { gathered, windowAttended } = cop;
  gathered.fill(0);
  const week = sim.week;
  for (let j = 0; j < state.length; j++) {
    const wa = windowAttended[j] as number;
    if (wa === 0 || !isMember(state[j] as number)) continue;
    const end = network.colleagueStart[j + 1] as number;
    for (let e = network.colleagueStart[j] as number; e < end; e++) {
      const i = network.colleagues[e] as number;
      gathered[i] = (gathered[i] as number) + (network.colleagueStrength[e] as number) * wa;
    }
    if (network.tieCount[j] === 0) continue;
    const base = j * network.capacity;
    for (let s = base; s < base + network.capacity; s++) {
      const i = network.tieTo[s] as number;
      if (i >= 0) gathered[i] = (gathered[i] as number) + slotStrength(network, s, week) * wa;
    }
  }
  const held = presence(cop, window);
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const g = gathered[i] as number;
    // No exposure, no belonging (belongingOf(0) is 0): the exponential is spared.
    belonging[i] = g === 0 ? 0 : belongingOf(g / held, sim.parameters, on);
  }
}

/** True if i and j have a colleague tie. */
function colleagues(net: Network, i: number, j: number): boolean {
  for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number); k++) {
    if (net.colleagues[k] === j) return true;
  }
  return false;
}
