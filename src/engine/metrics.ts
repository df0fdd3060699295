/**
 * Recording: the weekly metrics of each CoP at the end of a week, and the per-run figures at
 * the end of a run (see result.ts for their definitions).
 */
import { isMember } from './community.js';
import { topicFit } from './mechanisms/meetingValue.js';
import { FIGURE_INDEX as F, N_FIGURES, N_WEEKLY, WEEKLY_INDEX as W } from './result.js';
import { MemberState, type CommunityState, type Simulation } from './state.js';

/** Writes week `sim.week` of CoP `cop` into `weekly` (layout of RunResult.weekly). */
export function recordWeek(sim: Simulation, cop: CommunityState, weekly: Float64Array): void {
  const weeks = sim.scenario.weeks;
  const base = cop.index * N_WEEKLY * weeks + sim.week;
  const { state, motivation, safety, habit, interestFit, attending } = cop;
  const alignment = sim.people.alignment;
  const steering = cop.derived.steering;
  let members = 0;
  let core = 0;
  let active = 0;
  let peripheral = 0;
  let newcomers = 0;
  let dormant = 0;
  let mSum = 0;
  let sSum = 0;
  let hSum = 0;
  let fSum = 0;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) continue;
    members++;
    if (s === MemberState.core) core++;
    else if (s === MemberState.active) active++;
    else if (s === MemberState.peripheral) peripheral++;
    else if (s === MemberState.newcomer) newcomers++;
    else dormant++;
    mSum += motivation[i] as number;
    sSum += safety[i] as number;
    hSum += habit[i] as number;
    fSum += topicFit(interestFit[i] as number, alignment[i] as number, steering);
  }
  if (cop.heldThisWeek) {
    cop.lastParticipation = members > 0 ? cop.attendance / members : 0;
    // Team coverage: share of the target group's development teams with one of their
    // target-group members in the room.
    const seen = cop.teamSeen;
    seen.fill(0);
    let covered = 0;
    const team = sim.people.team;
    const nDev = sim.people.nDevTeams;
    for (let i = 0; i < attending.length; i++) {
      if (!attending[i] || cop.eligible[i] !== 1) continue;
      const t = team[i] as number;
      if (t < nDev && !seen[t]) {
        seen[t] = 1;
        covered++;
      }
    }
    cop.teamsCoveredSum += covered / Math.max(1, cop.targetTeams);
  }
  let repertoire = 0;
  for (let q = 0; q < cop.tacit.length; q++) repertoire += Math.max(cop.tacit[q] as number, cop.written[q] as number);
  const problems = cop.reuseEvents + cop.reinventions;
  weekly[base + W.members * weeks] = members;
  weekly[base + W.attendance * weeks] = cop.lastAttendance;
  weekly[base + W.participation_rate * weeks] = cop.lastParticipation;
  weekly[base + W.core * weeks] = core;
  weekly[base + W.active * weeks] = active;
  weekly[base + W.peripheral * weeks] = peripheral;
  weekly[base + W.newcomers * weeks] = newcomers;
  weekly[base + W.dormant * weeks] = dormant;
  weekly[base + W.contributions * weeks] = cop.contributions;
  weekly[base + W.reuse_events * weeks] = cop.reuseEvents;
  const reusedBefore = sim.week > 0 ? (weekly[base + W.cumulative_reuse * weeks - 1] as number) : 0;
  weekly[base + W.cumulative_reuse * weeks] = reusedBefore + cop.reuseEvents;
  weekly[base + W.reinventions * weeks] = cop.reinventions;
  weekly[base + W.reuse_rate * weeks] = problems > 0 ? cop.reuseEvents / problems : 0;
  weekly[base + W.hours_saved * weeks] = cop.hoursSaved;
  weekly[base + W.hours_invested * weeks] = cop.hoursInvested;
  weekly[base + W.motivation * weeks] = members > 0 ? mSum / members : 0;
  weekly[base + W.safety * weeks] = members > 0 ? sSum / members : 0;
  weekly[base + W.habit * weeks] = members > 0 ? hSum / members : 0;
  weekly[base + W.topic_fit * weeks] = members > 0 ? fSum / members : 0;
  weekly[base + W.repertoire * weeks] = repertoire;
  weekly[base + W.meetings * weeks] = cop.heldThisWeek ? 1 : 0;
  weekly[base + W.alive * weeks] = cop.alive ? 1 : 0;
}

/** Writes the per-run figures of every CoP (layout of RunResult.figures). */
export function recordFigures(sim: Simulation, weekly: Float64Array, figures: Float64Array): void {
  const weeks = sim.scenario.weeks;
  for (const cop of sim.cops) {
    const series = (metric: number): Float64Array => {
      const start = (cop.index * N_WEEKLY + metric) * weeks;
      return weekly.subarray(start, start + weeks);
    };
    const sum = (metric: number): number => series(metric).reduce((a, b) => a + b, 0);
    const put = (figure: number, value: number): void => {
      figures[cop.index * N_FIGURES + figure] = value;
    };
    const members = series(W.members);
    let peak = 0;
    for (let t = 0; t < weeks; t++) peak = Math.max(peak, members[t] as number);
    const held = sum(W.meetings);
    const meetings = series(W.meetings);
    const attendance = series(W.attendance);
    let attendances = 0;
    for (let t = 0; t < weeks; t++) if (meetings[t]) attendances += attendance[t] as number;
    const contributions = sum(W.contributions);
    // Role shares over the second half of the run, while the CoP is alive.
    let coreShare = 0;
    let activeShare = 0;
    let k = 0;
    const core = series(W.core);
    const active = series(W.active);
    for (let t = Math.floor(weeks / 2); t < weeks; t++) {
      const m = members[t] as number;
      if (m > 0) {
        coreShare += (core[t] as number) / m;
        activeShare += (active[t] as number) / m;
        k++;
      }
    }
    put(F.death_week, cop.deathWeek);
    put(F.peak_members, peak);
    put(F.final_members, members[weeks - 1] as number);
    put(F.total_contributions, contributions);
    put(F.total_reuse_events, sum(W.reuse_events));
    put(F.total_reinventions, sum(W.reinventions));
    put(F.total_hours_saved, sum(W.hours_saved));
    put(F.total_hours_invested, sum(W.hours_invested));
    put(F.meetings_held, held);
    put(F.mean_attendance, held > 0 ? attendances / held : Number.NaN);
    // First-timers whose return window is still open at the end cannot have returned yet:
    // they are left out rather than counted as not returning.
    let open = 0;
    for (let i = 0; i < cop.returnPending.length; i++) if ((cop.returnPending[i] as number) > 0) open++;
    const decided = cop.firstTimers - open;
    put(F.newcomer_return_rate, decided > 0 ? cop.returners / decided : Number.NaN);
    put(F.core_share, k > 0 ? coreShare / k : Number.NaN);
    put(F.active_share, k > 0 ? activeShare / k : Number.NaN);
    put(F.contributions_per_attendee, attendances > 0 ? contributions / attendances : Number.NaN);
    put(F.teams_covered, held > 0 ? cop.teamsCoveredSum / held : Number.NaN);
  }
}
