/**
 * Organisational turnover, once a week for the whole organisation: each person is replaced
 * with chance turnover/52 by a new hire in the same team and role, with fresh traits and lower
 * competence, who takes over the position's colleague ties, has none of the predecessor's CoP
 * ties and starts outside every CoP (a mandatory CoP enrols them at its next recruitment). A
 * CoP whose lead is replaced loses its lead. The gaps between replaced people are drawn
 * (geometric, by inversion), one draw per hire. Draws from the `org` stream only.
 */
import { computeEligibilityOne, computeTargetTiesOne, resetMember } from '../community.js';
import { dropTies } from '../network.js';
import { drawTraits } from '../organisation.js';
import { THEMES } from '../../scenario/vocabulary.js';
import type { Simulation } from '../state.js';
import { WEEKS_PER_YEAR } from '../units.js';
import { log } from '../math.js';
import { geometricGap } from '../rng.js';

export function turnOver(sim: Simulation): void {
  const { people } = sim;
  const rng = sim.streams.org;
  const weekly = sim.turnover / WEEKS_PER_YEAR;
  const org = sim.scenario.organisation;
  const nThemes = THEMES.length;
  if (weekly <= 0) return;
  // The gaps between hires are geometric: one draw per hire, not one per person.
  const logStay = weekly >= 1 ? Number.NEGATIVE_INFINITY : log(1 - weekly);
  for (let i = geometricGap(rng, logStay); i < people.n; i += 1 + geometricGap(rng, logStay)) {
    drawTraits(people, i, org, sim.parameters, rng, true);
    people.hiredWeek[i] = sim.week;
    people.savedNow[i] = 0;
    people.savedLast[i] = 0;
    dropTies(sim.network, i);
    for (const cop of sim.cops) {
      if (cop.lead === i) cop.lead = -1;
      cop.interestFit[i] = people.interest[i * nThemes + cop.derived.themeIndex] as number;
      computeEligibilityOne(people, cop.settings, i, cop.eligible);
      resetMember(cop, people, sim.parameters, i);
      // The new hire's interest enters their colleagues' word-of-mouth denominators.
      const net = sim.network;
      for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number); k++) {
        computeTargetTiesOne(net, cop, net.colleagues[k] as number);
      }
    }
  }
}

