/**
 * Mechanism 6, contributions and roles. Each attendee makes k ~ Poisson(μ_i) contributions:
 *
 *   μ_i = rate · M_i · (0.3 + 0.7·S_i) · (0.5 + C_i) · (1 + a·ln(1 + K_i))
 *         · crowding / (crowding + n) · (1 − presentationSlots·p)
 *
 * M: autonomous motivation (not compliance), S: safety, C: competence, K: one's past
 * contributions (cumulative advantage), n: attendance, p: presentation share. Each
 * contribution keeps the tacit know-how of one (Zipf-drawn) problem class fresh.
 *
 * Roles come from absolute thresholds over the last `window` held meetings, never from
 * quantiles: core if attended ≥ coreAttended and contributed ≥ coreContributions; active if
 * attended ≥ activeAttended and contributed ≥ activeContributions; otherwise peripheral.
 * Newcomers keep their state until their second meeting; dormancy is decided by churn.
 */
import { isMember } from '../community.js';
import { poisson } from '../rng.js';
import { drawProblemClass } from './knowledge.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';

export function contribute(sim: Simulation, cop: CommunityState): void {
  cop.contributions = 0;
  if (!cop.heldThisWeek) return;
  const c = sim.parameters.contributions;
  const rng = cop.rng;
  const competence = sim.people.competence;
  const {
    state,
    attending,
    motivation,
    safety,
    cumulativeContributions,
    lastContributions,
    ringAttended,
    ringContributions,
    windowAttended,
    windowContributions,
    attendedCount,
    tacit,
  } = cop;
  const n = cop.attendance;
  const w = c.window;
  const slot = cop.meetingsHeld % w;
  const common =
    c.rate * (c.crowding / (c.crowding + n)) * (1 - c.presentationSlots * cop.settings.meetings.presentationShare);
  let total = 0;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    let k = 0;
    if (attending[i]) {
      const mu =
        common *
        (motivation[i] as number) *
        (0.3 + 0.7 * (safety[i] as number)) *
        (0.5 + (competence[i] as number)) *
        (1 + c.cumulativeAdvantage * Math.log1p(cumulativeContributions[i] as number));
      k = Math.min(255, poisson(rng, mu));
      lastContributions[i] = k;
      cumulativeContributions[i] = (cumulativeContributions[i] as number) + k;
      total += k;
      for (let j = 0; j < k; j++) {
        const q = drawProblemClass(sim.problems, rng);
        tacit[q] = 1;
        cop.refreshed[q] = sim.week;
      }
    }
    const r = i * w + slot;
    windowAttended[i] = (windowAttended[i] as number) - (ringAttended[r] as number) + (attending[i] as number);
    windowContributions[i] = (windowContributions[i] as number) - (ringContributions[r] as number) + k;
    ringAttended[r] = attending[i] as number;
    ringContributions[r] = k;
    if (s === MemberState.newcomer && (attendedCount[i] as number) + (attending[i] as number) < 2) continue;
    if (s === MemberState.dormant && !attending[i]) continue;
    const wa = windowAttended[i] as number;
    const wc = windowContributions[i] as number;
    state[i] =
      wa >= c.coreAttended && wc >= c.coreContributions
        ? MemberState.core
        : wa >= c.activeAttended && wc >= c.activeContributions
          ? MemberState.active
          : MemberState.peripheral;
  }
  cop.contributions = total;
  cop.meetingsHeld++;
}
