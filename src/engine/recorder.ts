/**
 * Recording: the weekly metrics of each CoP at the end of a week, and the per-run figures at
 * the end of a run (see result.ts for their names and docs/ODD.md, Observation, for their
 * definitions). The recorder owns everything only the outputs need: the most recent meeting's
 * attendance, team coverage, membership spells (for tenure), return windows and tallies. The
 * model never reads it.
 */
import { isMember } from './community.js';
import { topicFit } from './fit.js';
import { slotStrength } from './network.js';
import { FIGURE_INDEX as F, N_FIGURES, N_WEEKLY, WEEKLY_INDEX as W } from './result.js';
import { MemberState, type CommunityState, type Simulation } from './state.js';

/** What the recorder keeps of one CoP. */
interface CopRecord {
  lastAttendance: number;
  lastParticipation: number;
  teamsCoveredSum: number;
  coverageMeetings: number;
  /** Development teams with a target-group member, for the settings last seen. */
  targetTeams: number;
  settingsSeen: unknown;
  readonly teamSeen: Uint8Array;
  /** Membership as the recorder last saw it, and since when. */
  readonly wasMember: Uint8Array;
  readonly since: Int32Array;
  /** Lengths of the membership spells that ended. */
  readonly ended: number[];
  /** Held meetings left in which a first-time attendee, or an established member, may return. */
  readonly pendingNew: Uint8Array;
  readonly pendingEst: Uint8Array;
  firstTimers: number;
  returners: number;
  established: number;
  estReturns: number;
  exchange: number;
  spokenTotal: number;
  /** Network density among members when last measured, and the week. */
  density: number;
  densityWeek: number;
}

/** Weeks between measurements of network density. */
export const DENSITY_WEEKS = 4;

/** The recorder of one run. */
export interface Recorder {
  readonly weeks: number;
  /** Weekly metrics: index `(cop * N_WEEKLY + metric) * weeks + week`. */
  readonly weekly: Float64Array;
  readonly cops: CopRecord[];
  /** Scratch marks for counting ties. */
  readonly stamp: Float64Array;
}

export function createRecorder(sim: Simulation): Recorder {
  const n = sim.people.n;
  const weeks = sim.scenario.weeks;
  return {
    weeks,
    weekly: new Float64Array(sim.cops.length * N_WEEKLY * weeks),
    stamp: new Float64Array(n),
    cops: sim.cops.map(() => ({
      lastAttendance: 0,
      lastParticipation: 0,
      teamsCoveredSum: 0,
      coverageMeetings: 0,
      targetTeams: 0,
      settingsSeen: null,
      teamSeen: new Uint8Array(sim.people.nTeams),
      wasMember: new Uint8Array(n),
      since: new Int32Array(n),
      ended: [],
      pendingNew: new Uint8Array(n),
      pendingEst: new Uint8Array(n),
      firstTimers: 0,
      returners: 0,
      established: 0,
      estReturns: 0,
      exchange: 0,
      spokenTotal: 0,
      density: 0,
      densityWeek: -DENSITY_WEEKS,
    })),
  };
}

/** Development teams with at least one target-group member (the teams a CoP could cover). */
export function countTargetTeams(sim: Simulation, cop: CommunityState): number {
  const { people } = sim;
  const seen = new Uint8Array(people.nDevTeams);
  let count = 0;
  for (let i = 0; i < people.n; i++) {
    const t = people.team[i] as number;
    if (cop.eligible[i] === 1 && t < people.nDevTeams && !seen[t]) {
      seen[t] = 1;
      count++;
    }
  }
  return count;
}

/**
 * Ties among the members of a CoP over the pairs of members (0 with fewer than two). A pair
 * with both a colleague tie and a CoP tie counts once.
 */
function density(sim: Simulation, cop: CommunityState, members: number, week: number, stamp: Float64Array): number {
  if (members < 2) return 0;
  const net = sim.network;
  const { state } = cop;
  let ends = 0;
  for (let i = 0; i < state.length; i++) {
    if (!isMember(state[i] as number)) continue;
    const mark = week * state.length + i + 1;
    const end = net.colleagueStart[i + 1] as number;
    for (let k = net.colleagueStart[i] as number; k < end; k++) {
      const j = net.colleagues[k] as number;
      stamp[j] = mark;
      if (isMember(state[j] as number)) ends++;
    }
    const base = i * net.capacity;
    for (let s = base; s < base + net.capacity; s++) {
      const j = net.tieTo[s] as number;
      if (j >= 0 && stamp[j] !== mark && isMember(state[j] as number) && slotStrength(net, s, week) > 0) ends++;
    }
  }
  return ends / (members * (members - 1));
}

/** Writes week `week` of every CoP into the recorder (after `step` has run that week). */
export function recordWeek(rec: Recorder, sim: Simulation, week: number): void {
  for (const cop of sim.cops) recordCop(rec, sim, cop, week);
}

function recordCop(rec: Recorder, sim: Simulation, cop: CommunityState, week: number): void {
  const weeks = rec.weeks;
  const r = rec.cops[cop.index] as CopRecord;
  const weekly = rec.weekly;
  const base = cop.index * N_WEEKLY * weeks + week;
  const { state, motivation, safety, habit, interestFit, attending, attendedCount, mandated } = cop;
  const alignment = sim.people.alignment;
  const steering = sim.channels['steering.topicFit'] ? cop.derived.steering : 0;
  const held = cop.heldThisWeek;
  const window = sim.parameters.churn.newcomerMeetings;
  const { wasMember, since, pendingNew, pendingEst } = r;
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
  let firstTimers = 0;
  let returners = 0;
  let established = 0;
  let estReturns = 0;
  for (let i = 0; i < state.length; i++) {
    const s = state[i] as number;
    if (!isMember(s)) {
      // A spell ended since last week; return windows close.
      if (wasMember[i]) {
        wasMember[i] = 0;
        r.ended.push(week - (since[i] as number));
        pendingNew[i] = 0;
        pendingEst[i] = 0;
      }
      continue;
    }
    if (!wasMember[i]) {
      wasMember[i] = 1;
      since[i] = Math.max(0, cop.joinedWeek[i] as number);
    }
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
    if (!held) continue;
    // Return windows: first-time attendees and established members who chose to come.
    if (attending[i]) {
      if ((pendingNew[i] as number) > 0) {
        returners++;
        pendingNew[i] = 0;
      }
      if ((pendingEst[i] as number) > 0) {
        estReturns++;
        pendingEst[i] = 0;
      }
      if (mandated[i]) continue;
      const count = attendedCount[i] as number;
      if (count === 1) {
        firstTimers++;
        pendingNew[i] = window;
      } else if (count > window + 1) {
        established++;
        pendingEst[i] = window;
      }
    } else if (cop.joinedWeek[i] !== week) {
      if ((pendingNew[i] as number) > 0) pendingNew[i]!--;
      if ((pendingEst[i] as number) > 0) pendingEst[i]!--;
    }
  }
  r.firstTimers += firstTimers;
  r.returners += returners;
  r.established += established;
  r.estReturns += estReturns;
  if (held) {
    r.lastAttendance = cop.attendance;
    r.lastParticipation = members > 0 ? cop.attendance / members : 0;
    r.exchange += cop.exchangeContributions;
    r.spokenTotal += cop.contributions;
    if (r.settingsSeen !== cop.settings) {
      r.settingsSeen = cop.settings;
      r.targetTeams = countTargetTeams(sim, cop);
    }
    // Team coverage: share of the target group's development teams with one of their
    // target-group members in the room.
    const seen = r.teamSeen;
    seen.fill(0);
    let covered = 0;
    const team = sim.people.team;
    const nDev = sim.people.nDevTeams;
    for (let k = 0; k < cop.attendance; k++) {
      const i = cop.attendees[k] as number;
      if (cop.eligible[i] !== 1) continue;
      const t = team[i] as number;
      if (t < nDev && !seen[t]) {
        seen[t] = 1;
        covered++;
      }
    }
    r.teamsCoveredSum += covered / Math.max(1, r.targetTeams);
    r.coverageMeetings++;
  }
  if (!cop.alive) {
    r.lastAttendance = 0;
    r.lastParticipation = 0;
  }
  let repertoire = 0;
  for (let q = 0; q < cop.tacit.length; q++) repertoire += Math.max(cop.tacit[q] as number, cop.written[q] as number);
  const problems = cop.reuseEvents + cop.reinventions;
  const put = (metric: number, value: number): void => {
    weekly[base + metric * weeks] = value;
  };
  // (Written once each; the helper keeps the index formula in one place.)
  put(W.members, members);
  put(W.attendance, r.lastAttendance);
  put(W.participation_rate, r.lastParticipation);
  put(W.core, core);
  put(W.active, active);
  put(W.peripheral, peripheral);
  put(W.newcomers, newcomers);
  put(W.dormant, dormant);
  put(W.contributions, cop.contributions);
  put(W.reuse_events, cop.reuseEvents);
  const reusedBefore = week > 0 ? (weekly[base + W.cumulative_reuse * weeks - 1] as number) : 0;
  put(W.cumulative_reuse, reusedBefore + cop.reuseEvents);
  put(W.reinventions, cop.reinventions);
  put(W.reuse_rate, problems > 0 ? cop.reuseEvents / problems : 0);
  put(W.hours_saved, cop.hoursSaved);
  put(W.hours_invested, cop.hoursInvested);
  put(W.motivation, members > 0 ? mSum / members : 0);
  put(W.safety, members > 0 ? sSum / members : 0);
  put(W.habit, members > 0 ? hSum / members : 0);
  put(W.topic_fit, members > 0 ? fSum / members : 0);
  put(W.repertoire, repertoire);
  put(W.solutions_shared, cop.solutionsShared);
  // Ties change at meetings: density is measured at a held meeting, at most every four weeks,
  // and carried between.
  if (!cop.alive) r.density = 0;
  else if (held && week - r.densityWeek >= DENSITY_WEEKS) {
    r.density = density(sim, cop, members, week, rec.stamp);
    r.densityWeek = week;
  }
  put(W.density, r.density);
  put(W.cross_team_ties, cop.crossTeamTies);
  put(W.joins, cop.joins);
  put(W.joins_word_of_mouth, cop.joinsByWord);
  put(W.meetings, held ? 1 : 0);
  put(W.alive, cop.alive ? 1 : 0);
}

/**
 * Kaplan–Meier survival of membership spells: the share still members after t weeks, for each
 * t asked, from spells that ended (`ended`, their lengths) and spells still running at the end
 * (`running`, censored). NaN where nobody was observed that long and the curve had not reached 0.
 *
 * @example spellSurvival([1, 3], [2], [0, 1, 2, 3]) // → [1, 2/3, 2/3, 0]
 */
export function spellSurvival(ended: readonly number[], running: readonly number[], at: readonly number[]): number[] {
  const spells = [...ended.map((t) => [t, 1] as const), ...running.map((t) => [t, 0] as const)].sort(
    (a, b) => a[0] - b[0] || b[1] - a[1],
  );
  const times: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let atRisk = spells.length;
  for (let k = 0; k < spells.length; ) {
    const time = (spells[k] as readonly [number, number])[0];
    let d = 0;
    let gone = 0;
    while (k < spells.length && (spells[k] as readonly [number, number])[0] === time) {
      d += (spells[k] as readonly [number, number])[1];
      gone++;
      k++;
    }
    if (d > 0) s *= 1 - d / atRisk;
    atRisk -= gone;
    times.push(time);
    survival.push(s);
  }
  const longest = times.length > 0 ? (times[times.length - 1] as number) : -1;
  return at.map((t) => {
    if (t > longest && s > 0) return Number.NaN;
    let value = 1;
    for (let k = 0; k < times.length && (times[k] as number) <= t; k++) value = survival[k] as number;
    return value;
  });
}

/** Median of a Kaplan–Meier curve of spells: the first length at which survival is at most ½ (NaN if never). */
export function medianSpell(ended: readonly number[], running: readonly number[]): number {
  const times = [...new Set(ended)].sort((a, b) => a - b);
  const curve = spellSurvival(ended, running, times);
  for (let k = 0; k < times.length; k++) if ((curve[k] as number) <= 0.5) return times[k] as number;
  return Number.NaN;
}

/** Gini coefficient of non-negative values (0: all equal; NaN for fewer than two or a zero sum). */
export function gini(values: Float64Array | number[]): number {
  const x = Float64Array.from(values).sort();
  const m = x.length;
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < m; k++) {
    sum += x[k] as number;
    weighted += (k + 1) * (x[k] as number);
  }
  if (m < 2 || sum <= 0) return Number.NaN;
  return (2 * weighted) / (m * sum) - (m + 1) / m;
}

/** Share of the total held by the top ⌈10%⌉ of values (NaN for a zero sum). */
export function topShare(values: Float64Array | number[], share = 0.1): number {
  const x = Float64Array.from(values).sort().reverse();
  const k = Math.ceil(share * x.length);
  let top = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i] as number;
    if (i < k) top += x[i] as number;
  }
  return sum > 0 ? top / sum : Number.NaN;
}

/**
 * Share of the target group the CoP reaches at the end: members, or people with a tie to a
 * member who came to a meeting of the rolling window (distributing information).
 */
function reachOf(sim: Simulation, cop: CommunityState, week: number): number {
  const net = sim.network;
  const { state, eligible, windowAttended } = cop;
  let target = 0;
  let reached = 0;
  const present = (j: number): boolean => isMember(state[j] as number) && (windowAttended[j] as number) > 0;
  for (let i = 0; i < state.length; i++) {
    if (eligible[i] !== 1) continue;
    target++;
    if (isMember(state[i] as number)) {
      reached++;
      continue;
    }
    let hit = false;
    for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number) && !hit; k++) {
      hit = present(net.colleagues[k] as number);
    }
    const base = i * net.capacity;
    for (let s = base; s < base + net.capacity && !hit; s++) {
      const j = net.tieTo[s] as number;
      hit = j >= 0 && slotStrength(net, s, week) > 0 && present(j);
    }
    if (hit) reached++;
  }
  return target > 0 ? reached / target : Number.NaN;
}

/** Tenure points of the retention figures, weeks. */
export const RETENTION_WEEKS = [4, 13, 26, 52, 104] as const;

/** The per-run figures of every CoP (layout of RunResult.figures), at the end of a run. */
export function recordFigures(rec: Recorder, sim: Simulation): Float64Array {
  const weeks = rec.weeks;
  const weekly = rec.weekly;
  const figures = new Float64Array(sim.cops.length * N_FIGURES);
  for (const cop of sim.cops) {
    const r = rec.cops[cop.index] as CopRecord;
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
    // Role shares over the second half of the run, while the CoP has members.
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
    // Members at the end: contributions (inequality), competence gained, spells still running.
    const given: number[] = [];
    const running: number[] = [];
    let gained = 0;
    for (let i = 0; i < cop.state.length; i++) {
      if (!isMember(cop.state[i] as number)) continue;
      given.push(cop.cumulativeContributions[i] as number);
      gained += (sim.people.competence[i] as number) - (cop.competenceAtJoin[i] as number);
      running.push(weeks - (r.since[i] as number));
    }
    const openNew = r.pendingNew.reduce((a, b) => a + (b > 0 ? 1 : 0), 0);
    const openEst = r.pendingEst.reduce((a, b) => a + (b > 0 ? 1 : 0), 0);
    const decided = r.firstTimers - openNew;
    const decidedEst = r.established - openEst;
    const retention = spellSurvival(r.ended, running, RETENTION_WEEKS);
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
    put(F.newcomer_return_rate, decided > 0 ? r.returners / decided : Number.NaN);
    put(F.core_share, k > 0 ? coreShare / k : Number.NaN);
    put(F.active_share, k > 0 ? activeShare / k : Number.NaN);
    put(F.contributions_per_attendee, attendances > 0 ? contributions / attendances : Number.NaN);
    put(F.teams_covered, r.coverageMeetings > 0 ? r.teamsCoveredSum / r.coverageMeetings : Number.NaN);
    put(F.contribution_gini, gini(given));
    put(F.top10_share, topShare(given));
    put(F.established_return_rate, decidedEst > 0 ? r.estReturns / decidedEst : Number.NaN);
    put(F.median_tenure, medianSpell(r.ended, running));
    put(F.retention_4, retention[0] as number);
    put(F.retention_13, retention[1] as number);
    put(F.retention_26, retention[2] as number);
    put(F.retention_52, retention[3] as number);
    put(F.retention_104, retention[4] as number);
    put(F.competence_gain, given.length > 0 ? gained / given.length : Number.NaN);
    put(F.net_hours_saved, sum(W.hours_saved) - sum(W.hours_invested));
    put(F.total_cross_team_ties, sum(W.cross_team_ties));
    put(F.reach, reachOf(sim, cop, weeks - 1));
    put(F.total_solutions_shared, sum(W.solutions_shared));
    put(F.exchange_share, r.spokenTotal > 0 ? r.exchange / r.spokenTotal : Number.NaN);
    const joins = sum(W.joins);
    put(F.word_of_mouth_share, joins > 0 ? sum(W.joins_word_of_mouth) / joins : Number.NaN);
  }
  return figures;
}
