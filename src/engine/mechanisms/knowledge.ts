/**
 * Mechanism 7, knowledge problems and reuse. Each member meets Poisson(problemsPerWeek ·
 * interest) problems in the CoP's domain a week, each of a class q drawn from a Zipf law over
 * `problemClasses` classes (a long tail of rare problems). A member looks for an existing
 * solution with chance 1 − C/2 (novices look more often: they gain more from it) and finds it
 * with
 *
 *   P(reuse) = 1 − (1 − tacit_q · aware_i) · (1 − written_q · findability)
 *   aware_i  = 1 − exp(−(attendanceAwareness · A_i + tiesAwareness · B_i))
 *
 * A_i: share of the last `window` meetings attended (recent attendance), B_i: belonging.
 * Reuse costs `reuseCost` of solving anew and saves the rest:
 * cost_i = solveHours · max(0.25, 1 + noviceBonus · (0.5 − C_i)). A problem not reused is
 * reinvented; the solution enters the repertoire with chance share · M_i · (0.2 + 0.8·A_i),
 * and is written down with chance `write`. Using or sharing know-how refreshes it to 1; unused
 * tacit know-how keeps `tacitRetention` after four weeks (Argote, Beckman & Epple 1990),
 * written know-how `writtenRetention` (weekly decay at the end of the mechanism spares the
 * classes refreshed this week, by reuse, sharing or discussion at a meeting). Each problem worked on, reused or solved anew,
 * raises competence: C ← C + learning·(1 − C).
 */
import { isMember } from '../community.js';
import { poisson, type Rng } from '../rng.js';
import type { CommunityState, ProblemSpace, Simulation } from '../state.js';

/** The Zipf problem space: P(class k) ∝ 1 / (k + 1)^exponent. */
export function createProblemSpace(classes: number, exponent: number): ProblemSpace {
  const cdf = new Float64Array(classes);
  let total = 0;
  for (let k = 0; k < classes; k++) {
    total += 1 / Math.pow(k + 1, exponent);
    cdf[k] = total;
  }
  for (let k = 0; k < classes; k++) cdf[k] = (cdf[k] as number) / total;
  cdf[classes - 1] = 1;
  return { classes, cdf };
}

/** Draws a problem class by binary search on the cumulative distribution. */
export function drawProblemClass(space: ProblemSpace, rng: Rng): number {
  const u = rng();
  const cdf = space.cdf;
  let lo = 0;
  let hi = space.classes - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < (cdf[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Retention per week of know-how that keeps `perFourWeeks` after four weeks. */
export function weeklyRetention(perFourWeeks: number): number {
  return Math.pow(perFourWeeks, 1 / 4);
}

export function reuseKnowledge(sim: Simulation, cop: CommunityState): void {
  cop.reuseEvents = 0;
  cop.reinventions = 0;
  cop.hoursSaved = 0;
  if (!cop.alive) return;
  const k = sim.parameters.knowledge;
  const w = sim.parameters.contributions.window;
  const rng = cop.rng;
  const { competence, savedNow } = sim.people;
  const { state, interestFit, windowAttended, belonging, motivation, tacit, written } = cop;
  const space = sim.problems;
  const refreshed = cop.refreshed;
  const week = sim.week;
  let reused = 0;
  let reinvented = 0;
  let saved = 0;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const problems = poisson(rng, k.problemsPerWeek * (interestFit[i] as number));
    if (problems === 0) continue;
    const c = competence[i] as number;
    const recent = (windowAttended[i] as number) / w;
    const aware = 1 - Math.exp(-(k.attendanceAwareness * recent + k.tiesAwareness * (belonging[i] as number)));
    const cost = k.solveHours * Math.max(0.25, 1 + k.noviceBonus * (0.5 - c));
    for (let j = 0; j < problems; j++) {
      const q = drawProblemClass(space, rng);
      const seek = rng() < 1 - 0.5 * c;
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
        if (rng() < k.share * (motivation[i] as number) * (0.2 + 0.8 * recent)) {
          tacit[q] = 1;
          refreshed[q] = week;
          cop.freshItems++;
          if (rng() < k.write) written[q] = 1;
        }
      }
      competence[i] = (competence[i] as number) + k.learning * (1 - (competence[i] as number));
    }
  }
  const rt = weeklyRetention(k.tacitRetention);
  const rw = weeklyRetention(k.writtenRetention);
  for (let q = 0; q < tacit.length; q++) {
    if (refreshed[q] === week) continue;
    tacit[q] = (tacit[q] as number) * rt;
    written[q] = (written[q] as number) * rw;
  }
  cop.reuseEvents = reused;
  cop.reinventions = reinvented;
  cop.hoursSaved = saved;
}
