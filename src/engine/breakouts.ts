/**
 * Breakout groups: how a meeting's attendees split up for its exchange part (Lean Coffee
 * tables, breakout rooms; seeds/001). There are G = ⌈n / groupSize⌉ groups of near-equal
 * size. Groups form around a person drawn at random who takes along, for a share
 * `groupByTies` of the group's other seats, the attendees they know best (people sit with the
 * people they know); the other seats go to attendees drawn at random. So ties are renewed by
 * meeting the same people again, in a CoP of any size, and who knows nobody sits with whoever
 * is left.
 *
 * Writes the attendees into `cop.attendees` grouped (group g is
 * `attendees[groupStart[g] .. groupStart[g+1])`), each attendee's group into `cop.breakout`,
 * and the number of groups into `cop.groups`. Draws from the CoP's stream.
 */
import type { Parameters } from './parameters.js';
import { slotStrength } from './network.js';
import type { CommunityState, Network } from './state.js';

export function formBreakouts(cop: CommunityState, net: Network, p: Parameters['contributions'], week: number): void {
  const n = cop.attendance;
  const rng = cop.rng;
  const { attendees, breakout, groupStart, groupOrder } = cop;
  const groups = n === 0 ? 0 : Math.ceil(n / p.groupSize);
  cop.groups = groups;
  if (n === 0) {
    groupStart[0] = 0;
    return;
  }
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rng() * (k + 1));
    const t = attendees[k] as number;
    attendees[k] = attendees[j] as number;
    attendees[j] = t;
  }
  for (let k = 0; k < n; k++) breakout[attendees[k] as number] = -1;
  const small = Math.floor(n / groups);
  const larger = n % groups;
  let next = 0;
  let pos = 0;
  for (let g = 0; g < groups; g++) {
    groupStart[g] = pos;
    const size = g < larger ? small + 1 : small;
    while ((breakout[attendees[next] as number] as number) >= 0) next++;
    const leader = attendees[next] as number;
    breakout[leader] = g;
    groupOrder[pos++] = leader;
    let seats = size - 1;
    let known = Math.round(p.groupByTies * seats);
    // The leader's best-known attendees first, strongest tie first.
    while (known > 0) {
      const j = bestKnown(cop, net, leader, week);
      if (j < 0) break;
      breakout[j] = g;
      groupOrder[pos++] = j;
      seats--;
      known--;
    }
    while (seats > 0) {
      while ((breakout[attendees[next] as number] as number) >= 0) next++;
      const j = attendees[next] as number;
      breakout[j] = g;
      groupOrder[pos++] = j;
      seats--;
    }
  }
  groupStart[groups] = pos;
  attendees.set(groupOrder.subarray(0, n));
}

/** The attendee not yet in a group whom `i` knows best (CoP or colleague tie), or -1. */
function bestKnown(cop: CommunityState, net: Network, i: number, week: number): number {
  const { attending, breakout } = cop;
  let best = -1;
  let strength = 0;
  const base = i * net.capacity;
  for (let s = base; s < base + net.capacity; s++) {
    const j = net.tieTo[s] as number;
    if (j < 0 || !attending[j] || (breakout[j] as number) >= 0) continue;
    const w = slotStrength(net, s, week);
    if (w > strength) {
      strength = w;
      best = j;
    }
  }
  const end = net.colleagueStart[i + 1] as number;
  for (let k = net.colleagueStart[i] as number; k < end; k++) {
    const j = net.colleagues[k] as number;
    if (!attending[j] || (breakout[j] as number) >= 0) continue;
    const w = net.colleagueStrength[k] as number;
    if (w > strength) {
      strength = w;
      best = j;
    }
  }
  return best;
}
