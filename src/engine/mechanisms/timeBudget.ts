/**
 * Time budget: each person's slack this week.
 *
 *   slack_i = weeklyHours − (loadMean + offset_i + sd·ε_i + deadline_team(i)·deadlineHours)
 *             + savedHoursReturn · saved_i(t−1)
 *
 * ε_i ~ N(0, 1); a deadline strikes a whole team with chance `deadlineProbability` a week.
 * A person is away with chance `absence` (holidays, sick leave, travel): their slack is then
 * −∞, so they neither attend nor organise. Hours saved by reuse last week come back as slack: the loop through which reuse buys the
 * time to take part, and its absence keeps busy people busy (the capability trap, Repenning &
 * Sterman 2002; time famine, Perlow 1999; channel `time.capabilityTrap`). Funded, protected
 * CoP hours are added per CoP where the CoP's time is needed (meeting held, attendance).
 * Draws from the `load` stream only, so two scenarios with the same seed face the same
 * workload.
 */
import type { Simulation } from '../state.js';
import { log } from '../math.js';
import { geometricGap, normal } from '../rng.js';

export function budgetTime(sim: Simulation): void {
  const { people, parameters } = sim;
  const rng = sim.streams.load;
  const { mean, sd, deadlineProbability, deadlineHours } = sim.projectLoad;
  const weekly = sim.scenario.organisation.weeklyHours;
  const back = sim.channels['time.capabilityTrap'] ? parameters.timeBudget.savedHoursReturn : 0;
  const away = parameters.population.absence;
  const deadline = people.teamDeadline;
  for (let t = 0; t < people.nTeams; t++) deadline[t] = rng() < deadlineProbability ? 1 : 0;
  const { n, team, loadOffset, slack, savedLast, savedNow } = people;
  for (let j = 0; j < n; j++) {
    const load = mean + (loadOffset[j] as number) + sd * normal(rng) + (deadline[team[j] as number] as number) * deadlineHours;
    savedLast[j] = savedNow[j] as number;
    savedNow[j] = 0;
    slack[j] = weekly - load + back * (savedLast[j] as number);
  }
  // Who is away: the gaps between them are geometric (one draw per absence, not per person).
  if (away > 0) {
    const logStay = log(1 - away);
    for (let j = geometricGap(rng, logStay); j < n; j += 1 + geometricGap(rng, logStay)) slack[j] = Number.NEGATIVE_INFINITY;
  }
}

