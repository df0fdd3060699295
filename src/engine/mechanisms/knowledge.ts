/**
 * Knowledge problems and reuse. Each member meets Poisson(problemsPerWeek · interest)
 * problems in the CoP's domain a week, each of a class q drawn from the Zipf problem space (a
 * long tail of rare problems). A member looks for an existing solution with chance
 * seek_i = 1 − (1 − seekExpert)·C_i (novices look more often: they gain more from it) and
 * finds it with
 *
 *   P(reuse) = 1 − (1 − tacit_q · aware_i) · (1 − written_q · findability)
 *   aware_i  = 1 − exp(−(attendanceAwareness · A_i + tiesAwareness · B_i))
 *
 * A_i: share of the window's held meetings attended (recent attendance), B_i: belonging (ties
 * to members who come: know-how travels along ties). Reuse costs `reuseCost` of solving anew
 * and saves the rest: cost_i = solveHours · max(costFloor, 1 + noviceBonus · (0.5 − C_i)). A
 * problem not reused is reinvented; the solution enters the repertoire with chance
 * share · M_i · (shareAbsent + (1 − shareAbsent)·A_i), and is written down with chance
 * `write`. Using or sharing know-how refreshes its tacit strength to 1; unused tacit know-how
 * keeps `tacitRetention` after four weeks (Argote, Beckman & Epple 1990), written know-how
 * `writtenRetention` (the weekly decay at the end spares the classes refreshed this week, by
 * reuse, sharing or discussion at a meeting). Each problem worked on, reused or solved anew,
 * raises competence: C ← C + learning·(1 − C). After a CoP dies its members meet no more
 * problems in it, but its repertoire goes on fading at the same rates, tacit faster than written.
 */
import { isMember, presence } from '../community.js';
import { drawProblemClass } from '../problems.js';
import { POISSON_PRODUCT_MAX, poisson, poissonBelow } from '../rng.js';
import type { CommunityState, Simulation } from '../state.js';
import { RETENTION_SPAN_WEEKS } from '../units.js';
import { exp, pow } from '../math.js';

/** Retention per week of know-how that keeps `perFourWeeks` after four weeks. */
export function weeklyRetention(perFourWeeks: number): number {
  return pow(perFourWeeks, 1 / RETENTION_SPAN_WEEKS);
}

export function reuseKnowledge(sim: Simulation, cop: CommunityState): void {
  const k = sim.parameters.knowledge;
  if (!cop.alive) {
    // A CoP that died (or has not started) meets no problems, but what it knew keeps fading.
    if (cop.launched) forget(cop, k, sim.week);
    cop.reuseEvents = 0;
    cop.reinventions = 0;
    cop.solutionsShared = 0;
    cop.hoursSaved = 0;
    return;
  }
  const rng = cop.rng;
  const { competence, savedNow } = sim.people;
  const { state, interestFit, windowAttended, belonging, motivation, tacit, written } = cop;
  const space = sim.problems;
  const refreshed = cop.refreshed;
  const week = sim.week;
  const held = presence(cop, sim.parameters.contributions.window);
  let reused = 0;
  let reinvented = 0;
  let shared = 0;
  let saved = 0;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const mean = k.problemsPerWeek * (interestFit[i] as number);
    if (mean !== cop.problemMean[i]) {
      cop.problemMean[i] = mean;
      cop.problemLimit[i] = mean > 0 && mean <= POISSON_PRODUCT_MAX ? exp(-mean) : Number.NaN;
    }
    const limit = cop.problemLimit[i] as number;
    const problems = Number.isNaN(limit) ? poisson(rng, mean) : poissonBelow(rng, limit);
    if (problems === 0) continue;
    const c = competence[i] as number;
    const recent = Math.min(1, (windowAttended[i] as number) / held);
    const aware = 1 - exp(-(k.attendanceAwareness * recent + k.tiesAwareness * (belonging[i] as number)));
    const cost = k.solveHours * Math.max(k.costFloor, 1 + k.noviceBonus * (0.5 - c));
    const seekChance = 1 - (1 - k.seekExpert) * c;
    for (let j = 0; j < problems; j++) {
      const q = drawProblemClass(space, rng);
      const seek = rng() < seekChance;
      const pReuse = seek
        ? 1 - (1 - (tacit[q] as number) * aware) * (1 - (written[q] as number) * k.findability)
        : 0;
      if (rng() < pReuse) {
        reused++;
        const s = cost * (1 - k.reuseCost);
        saved += s;
        savedNow[i] = (savedNow[i] as number) + s;
        tacit[q] = 1;
        refreshed[q] = week;
      } else {
        reinvented++;
        if (rng() < k.share * (motivation[i] as number) * (k.shareAbsent + (1 - k.shareAbsent) * recent)) {
          tacit[q] = 1;
          refreshed[q] = week;
          cop.freshItems++;
          shared++;
          if (rng() < k.write) written[q] = 1;
        }
      }
      competence[i] = (competence[i] as number) + k.learning * (1 - (competence[i] as number));
    }
  }
  forget(cop, k, week);
  cop.reuseEvents = reused;
  cop.reinventions = reinvented;
  cop.solutionsShared = shared;
  cop.hoursSaved = saved;
}

/** The weekly decay of the repertoire, sparing the classes refreshed this week. */
function forget(cop: CommunityState, k: Simulation['parameters']['knowledge'], week: number): void {
  const { tacit, written, refreshed } = cop;
  const rt = weeklyRetention(k.tacitRetention);
  const rw = weeklyRetention(k.writtenRetention);
  for (let q = 0; q < tacit.length; q++) {
    if (refreshed[q] === week) continue;
    tacit[q] = (tacit[q] as number) * rt;
    written[q] = (written[q] as number) * rw;
  }
}
