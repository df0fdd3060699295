/**
 * Contributions and roles. The meeting's exchange part takes place in breakout groups of at
 * most `groupSize` (breakouts.ts: people sit with the people they know); its presentation part
 * is a plenary of all n attendees. Each attendee makes k ~ Poisson(μ_x) + Poisson(μ_p)
 * contributions, in the exchange and in the plenary:
 *
 *   μ_x = rate·L·(1 − p)·airtime / (airtime + g_i − 1) · propensity_i
 *   μ_p = rate·L·p·plenary·airtime / (airtime + n − 1) · propensity_i
 *   propensity_i = M_i · (u + (1 − u)·S_i) · (c + (1 − c)·C_i) · (1 + a·ln(1 + K_i))
 *
 * L: meeting length, p: presentation share (channel `format.speaking`), g_i: size of i's
 * group; M: autonomous motivation (not compliance), S: safety (channel `safety.speakingUp`;
 * u = `unsafeShare`), C: competence (c = `noviceShare`), K: one's contributions in the
 * rolling window (cumulative advantage: who has spoken lately is heard and asked again). Speaking time is shared with the others in the conversation
 * (airtime), so a crowd of n leaves little to say in the plenary and nothing changes in the
 * exchange once the groups are full. Each contribution keeps the tacit know-how of one
 * (Zipf-drawn) problem class fresh.
 *
 * Roles come from absolute thresholds over the last `window` held meetings, never from
 * quantiles. Speaking share = contributions / speaking opportunities, where a meeting's
 * opportunities are μ_x + μ_p at full propensity (what the room's airtime allowed): core if
 * attended ≥ coreAttended and speaking share ≥ coreSpeaking; active if attended ≥
 * activeAttended and speaking share ≥ activeSpeaking (at least one contribution);
 * otherwise peripheral (until the window has filled, the attendance thresholds scale with the
 * meetings held). Measuring speaking against the airtime one had keeps the roles of a
 * large CoP comparable with those of a small one (Wenger, McDermott & Snyder 2002: shares of
 * the community). Newcomers keep their state until their second meeting; dormancy is decided
 * by churn.
 */
import { formBreakouts } from '../breakouts.js';
import { isMember } from '../community.js';
import { drawProblemClass } from '../problems.js';
import { poisson } from '../rng.js';
import { MemberState, type CommunityState, type Simulation } from '../state.js';
import { ROUNDING_SLACK, UINT8_MAX } from '../units.js';
import { log1p } from '../math.js';

export function contribute(sim: Simulation, cop: CommunityState): void {
  if (!cop.heldThisWeek) return;
  const c = sim.parameters.contributions;
  const rng = cop.rng;
  const competence = sim.people.competence;
  const {
    state,
    attending,
    breakout,
    groupContributions,
    motivation,
    safety,
    cumulativeContributions,
    spoken,
    ringAttended,
    ringContributions,
    windowAttended,
    windowContributions,
    ringOpportunities,
    windowOpportunities,
    attendedCount,
    tacit,
  } = cop;
  const n = cop.attendance;
  const { length, presentationShare } = cop.settings.meetings;
  const p = sim.channels['format.speaking'] ? presentationShare : 0;
  const safe = sim.channels['safety.speakingUp'];

  formBreakouts(cop, sim.network, c, sim.week);
  const groups = cop.groups;
  for (let g = 0; g < groups; g++) groupContributions[g] = 0;
  const { groupStart } = cop;

  const exchange = c.rate * length * (1 - p);
  const plenary = c.rate * length * p * c.plenary * (c.airtime / (c.airtime + n - 1));
  let total = 0;
  let inExchange = 0;
  let inPlenary = 0;
  const w = c.window;
  const slot = cop.meetingsHeld % w;
  // Until the window has filled, the attendance thresholds are scaled to the meetings held.
  const filled = Math.min(w, cop.meetingsHeld + 1) / w;
  const coreAttended = Math.ceil(c.coreAttended * filled - ROUNDING_SLACK);
  const activeAttended = Math.ceil(c.activeAttended * filled - ROUNDING_SLACK);
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    let k = 0;
    let chances = 0;
    if (attending[i]) {
      const g = breakout[i] as number;
      const size = (groupStart[g + 1] as number) - (groupStart[g] as number);
      const propensity =
        (motivation[i] as number) *
        (safe ? c.unsafeShare + (1 - c.unsafeShare) * (safety[i] as number) : 1) *
        (c.noviceShare + (1 - c.noviceShare) * (competence[i] as number)) *
        (1 + c.cumulativeAdvantage * log1p(windowContributions[i] as number));
      const room = exchange * (c.airtime / (c.airtime + size - 1));
      chances = room + plenary;
      const kx = poisson(rng, room * propensity);
      const kp = poisson(rng, plenary * propensity);
      k = Math.min(UINT8_MAX, kx + kp);
      groupContributions[g] = (groupContributions[g] as number) + kx;
      inExchange += kx;
      inPlenary += kp;
      spoken[i] = k;
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
    windowOpportunities[i] = (windowOpportunities[i] as number) - (ringOpportunities[r] as number) + chances;
    ringAttended[r] = attending[i] as number;
    ringContributions[r] = k;
    ringOpportunities[r] = chances;
    if (s === MemberState.newcomer && (attendedCount[i] as number) + (attending[i] as number) < 2) continue;
    if (s === MemberState.dormant && !attending[i]) continue;
    const wa = windowAttended[i] as number;
    const wc = windowContributions[i] as number;
    const wo = windowOpportunities[i] as number;
    state[i] =
      wc > 0 && wa >= coreAttended && wc >= c.coreSpeaking * wo
        ? MemberState.core
        : wc > 0 && wa >= activeAttended && wc >= c.activeSpeaking * wo
          ? MemberState.active
          : MemberState.peripheral;
  }
  cop.contributions = total;
  cop.exchangeContributions = inExchange;
  cop.plenaryContributions = inPlenary;
  cop.meetingsHeld++;
}
