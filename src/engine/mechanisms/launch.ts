/**
 * Launch: founds a CoP at the start of its launch week, after that week's events.
 *
 * Top-down: management appoints `founders` from the target group at random and announces the
 * CoP (a pulse, see recruitment). Bottom-up: the founders self-select, the most interested
 * and willing first (score = interest · (1 − w + 2w·willingness) + founderNoise · U) and start
 * with at least `founderMotivation`. Founders know each other (each is tied to up to
 * `tieCapacity` others of the founding group at strength `founderTie`; seeds/002: "initial
 * members were a list of colleagues and close contacts"), have met informally (habit
 * `founderHabit`, expectation at least `founderExpectation`) and start active, with an
 * attended count of 1 so they are not counted as newcomers. A CoP with a lead gets the first
 * founder as lead. A mandatory CoP enrols its whole target group at once.
 */
import { belongingOf, enrol, enrolTargetGroup } from '../community.js';
import { renewTie, tieBetween } from '../network.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function launch(sim: Simulation, cop: CommunityState): void {
  if (cop.launched || sim.week < cop.launchWeek) return;
  const { people, network } = sim;
  const rng = cop.rng;
  const l = sim.parameters.launch;
  cop.launched = true;
  cop.alive = true;
  const topDown = cop.settings.initiation === 'top-down';
  if (topDown && sim.channels['initiation.launchPulse']) cop.pulseStart = sim.week;
  const appointed = topDown && sim.channels['initiation.appointed'];
  const candidates: number[] = [];
  const score: number[] = [];
  const fw = l.founderWillingness;
  for (let i = 0; i < people.n; i++) {
    if (cop.eligible[i] !== 1) continue;
    candidates.push(i);
    score.push(
      appointed
        ? rng()
        : (cop.interestFit[i] as number) * (1 - fw + 2 * fw * (people.willingness[i] as number)) + l.founderNoise * rng(),
    );
  }
  const order = candidates.map((_, k) => k).sort((a, b) => (score[b] as number) - (score[a] as number));
  const count = Math.min(cop.settings.founders, order.length);
  const founders = order.slice(0, count).map((k) => candidates[k] as number);
  for (const i of founders) {
    enrol(cop, people.competence[i] as number, i, sim.week);
    cop.state[i] = MemberState.active;
    cop.attendedCount[i] = 1;
    cop.habit[i] = l.founderHabit;
    cop.expectation[i] = Math.max(cop.expectation[i] as number, l.founderExpectation);
    if (!topDown) cop.motivation[i] = Math.max(cop.motivation[i] as number, l.founderMotivation);
  }
  const reach = Math.min(network.capacity, count - 1);
  for (let a = 0; a < count; a++) {
    for (let d = 1; d <= reach / 2 + 0.5 && d < count; d++) {
      renewTie(network, founders[a] as number, founders[(a + d) % count] as number, l.founderTie, sim.week);
    }
  }
  // Founders' first belonging: their ties to one another, as if all had come.
  for (const i of founders) {
    let x = 0;
    for (const j of founders) if (j !== i) x += tieBetween(network, i, j, sim.week);
    cop.belonging[i] = belongingOf(x, sim.parameters, sim.channels);
  }
  cop.lead = cop.settings.support.lead !== 'none' && count > 0 ? (founders[0] as number) : -1;
  if (cop.derived.mandatory && sim.channels['participation.enrolment']) {
    enrolTargetGroup(cop, people, sim.parameters, sim.week);
  }
}

