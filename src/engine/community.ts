/**
 * Creating a CoP's state, deriving the numbers its settings imply, and deciding who is
 * eligible to join (target group, openness, scope).
 */
import type { CoP, CoPSettings } from '../scenario/schema.js';
import { ROLES, THEMES } from '../scenario/vocabulary.js';
import type { Parameters } from './parameters.js';
import type { Rng } from './rng.js';
import { MemberState, Unit, type CommunityState, type Derived, type People, type Simulation } from './state.js';

const MANDATE = { voluntary: 0, expected: 0.4, mandatory: 1 } as const;
const DECISION = { none: 0, influence: 0.5, decide: 1 } as const;
const LEAD = { none: 0, 'part-time': 1, 'full-time': 2 } as const;
/** Reach of the outside announcement by acceptance: management promotion raises visibility. */
const VISIBILITY = { unaware: 0.5, tolerated: 1, approved: 1.5, initiated: 2 } as const;

/**
 * The numbers a CoP's settings imply (see `Derived`). Pure. Acceptance protects time: with
 * approval or initiation by management, a share `recognitionProtection` of the funded hours'
 * unprotected part is protected too.
 */
export function deriveSettings(settings: CoPSettings, parameters: Parameters): Derived {
  const { support, meetings } = settings;
  const externalPerMeeting = (support.budget / 52) * meetings.cadence;
  const recognised = settings.acceptance === 'approved' || settings.acceptance === 'initiated' ? 1 : 0;
  const steering =
    settings.steering === 'auto'
      ? settings.initiation === 'top-down'
        ? parameters.launch.topDownSteering
        : 0
      : settings.steering;
  return {
    steering,
    mandate: MANDATE[settings.participation],
    mandatory: settings.participation === 'mandatory',
    expected: settings.participation === 'expected',
    decisionPower: DECISION[settings.decisionPower],
    recognised,
    visibility: VISIBILITY[settings.acceptance],
    lead: LEAD[support.lead],
    protectedHours:
      support.fundedHours *
      meetings.cadence *
      (support.protection + (1 - support.protection) * parameters.timeBudget.recognitionProtection * recognised),
    externalSession: Math.min(1, externalPerMeeting),
    closed: settings.openness === 'closed',
    themeIndex: THEMES.indexOf(settings.theme),
  };
}

/**
 * Marks who may join: 1 for the target group within scope, 2 for others within scope when the
 * CoP is open and role-based (they join at a reduced rate), 0 otherwise. A team-of-teams CoP
 * is for the first team of teams of the development organisation.
 */
export function computeEligibility(people: People, settings: CoPSettings, out: Uint8Array): void {
  for (let i = 0; i < people.n; i++) computeEligibilityOne(people, settings, i, out);
}

/** Eligibility of person i (see `computeEligibility`). */
export function computeEligibilityOne(people: People, settings: CoPSettings, i: number, out: Uint8Array): void {
  const unit = people.unit[i] as number;
  let inScope: boolean;
  switch (settings.scope) {
    case 'team-of-teams':
      inScope = unit === Unit.development && people.group[i] === 0;
      break;
    case 'development-organisation':
      inScope = unit === Unit.development;
      break;
    case 'company':
      inScope = unit !== Unit.partner;
      break;
    case 'cross-company':
      inScope = true;
      break;
  }
  const roleTarget = settings.targetGroup.kind === 'role' ? ROLES.indexOf(settings.targetGroup.role) : -1;
  if (!inScope) out[i] = 0;
  else if (roleTarget < 0 || people.role[i] === roleTarget) out[i] = 1;
  else out[i] = settings.openness === 'closed' ? 0 : 2;
}

/** Development teams with at least one target-group member. */
export function countTargetTeams(people: People, eligible: Uint8Array): number {
  const seen = new Uint8Array(people.nDevTeams);
  let count = 0;
  for (let i = 0; i < people.n; i++) {
    const t = people.team[i] as number;
    if (eligible[i] === 1 && t < people.nDevTeams && !seen[t]) {
      seen[t] = 1;
      count++;
    }
  }
  return count;
}

/** Copies each person's interest in the CoP's theme into `cop.interestFit`. */
export function computeInterest(people: People, themeIndex: number, out: Float64Array): void {
  const nThemes = THEMES.length;
  for (let i = 0; i < people.n; i++) out[i] = people.interest[i * nThemes + themeIndex] as number;
}

/**
 * A person's autonomous motivation toward a CoP before any experience of it: the trait level,
 * scaled by interest in the theme.
 */
export function initialMotivation(people: People, interest: number, i: number): number {
  return (people.motivationTrait[i] as number) * (0.4 + 0.6 * interest);
}

/** Forgets the rolling window of attendance and contributions of person i. */
function clearWindow(cop: CommunityState, i: number): void {
  const w = cop.ringAttended.length / cop.state.length;
  cop.ringAttended.fill(0, i * w, i * w + w);
  cop.ringContributions.fill(0, i * w, i * w + w);
  cop.windowAttended[i] = 0;
  cop.windowContributions[i] = 0;
}

/** Resets person i's state in a CoP to that of someone who has never taken part. */
export function resetMember(cop: CommunityState, people: People, p: Parameters, i: number): void {
  cop.state[i] = MemberState.nonMember;
  cop.motivation[i] = initialMotivation(people, cop.interestFit[i] as number, i);
  cop.expectation[i] = 0.5 * (cop.interestFit[i] as number);
  cop.safety[i] = p.safety.base;
  cop.habit[i] = 0;
  cop.belonging[i] = 0;
  cop.cumulativeContributions[i] = 0;
  cop.attending[i] = 0;
  cop.lastContributions[i] = 0;
  clearWindow(cop, i);
  cop.missed[i] = 0;
  cop.attendedCount[i] = 0;
  cop.returnPending[i] = 0;
  cop.mandated[i] = 0;
  cop.joinedWeek[i] = -1;
}

/** Makes person i a member (newcomer) of a CoP. */
export function enrol(cop: CommunityState, i: number, week: number): void {
  // attendedCount is kept: someone released from a mandate who rejoins is no first-timer
  // (for anyone else it is 0, set by resetMember).
  cop.state[i] = MemberState.newcomer;
  cop.missed[i] = 0;
  cop.joinedWeek[i] = week;
}

/** Creates the state of one CoP (not yet launched). */
export function createCommunity(
  cop: CoP,
  id: string,
  index: number,
  people: People,
  parameters: Parameters,
  rng: Rng,
): CommunityState {
  const n = people.n;
  const { id: _id, name: _name, launchWeek, ...settings } = cop;
  const derived = deriveSettings(settings, parameters);
  const w = parameters.contributions.window;
  const state: CommunityState = {
    id,
    index,
    rng,
    settings,
    derived,
    launchWeek,
    launched: false,
    alive: false,
    deathWeek: Number.NaN,
    eligible: new Uint8Array(n),
    state: new Uint8Array(n),
    interestFit: new Float64Array(n),
    motivation: new Float64Array(n),
    expectation: new Float64Array(n),
    safety: new Float64Array(n),
    habit: new Float64Array(n),
    belonging: new Float64Array(n),
    cumulativeContributions: new Float64Array(n),
    attending: new Uint8Array(n),
    lastContributions: new Uint8Array(n),
    ringAttended: new Uint8Array(n * w),
    ringContributions: new Uint8Array(n * w),
    windowAttended: new Uint16Array(n),
    windowContributions: new Uint16Array(n),
    missed: new Uint16Array(n),
    attendedCount: new Int32Array(n),
    returnPending: new Uint8Array(n),
    mandated: new Uint8Array(n),
    joinedWeek: new Int32Array(n).fill(-1),
    meetingsHeld: 0,
    heldThisWeek: false,
    organiser: -1,
    weeksSinceMeeting: 0,
    failingMeetings: 0,
    pulseStart: Number.NaN,
    attendance: 0,
    contributions: 0,
    lastAttendance: 0,
    lastParticipation: 0,
    climate: parameters.safety.base,
    quality: 0,
    freshItems: 0,
    tacit: new Float64Array(parameters.knowledge.problemClasses),
    written: new Float64Array(parameters.knowledge.problemClasses),
    refreshed: new Int32Array(parameters.knowledge.problemClasses).fill(-1),
    reuseEvents: 0,
    reinventions: 0,
    hoursSaved: 0,
    hoursInvested: 0,
    firstTimers: 0,
    returners: 0,
    teamsCoveredSum: 0,
    targetTeams: 0,
    teamSeen: new Uint8Array(people.nTeams),
    satTeam: new Int32Array(people.nTeams),
    eliTeam: new Int32Array(people.nTeams),
    satGroup: new Int32Array(people.nGroups),
    eliGroup: new Int32Array(people.nGroups),
  };
  computeEligibility(people, settings, state.eligible);
  state.targetTeams = countTargetTeams(people, state.eligible);
  computeInterest(people, derived.themeIndex, state.interestFit);
  for (let i = 0; i < n; i++) resetMember(state, people, parameters, i);
  return state;
}

/**
 * Founds a CoP at its launch week. Top-down: management appoints founders from the target
 * group at random. Bottom-up: founders self-select, the most interested and willing first,
 * and start with at least `founderMotivation`. A mandatory CoP enrols its whole target group.
 * Founders start with belonging, habit and expectation from `parameters.launch`.
 */
export function launch(sim: Simulation, cop: CommunityState): void {
  const { people } = sim;
  const rng = cop.rng;
  const launchParameters = sim.parameters.launch;
  cop.launched = true;
  cop.alive = true;
  cop.weeksSinceMeeting = 0;
  // A top-down launch is announced by management; a bottom-up CoP spreads by word of mouth.
  if (cop.settings.initiation === 'top-down') cop.pulseStart = sim.week;
  const candidates: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < people.n; i++) {
    if (cop.eligible[i] === 1) {
      candidates.push(i);
      // Bottom-up founders are those who care most; a random key breaks ties and adds chance.
      score.push(
        cop.settings.initiation === 'bottom-up'
          ? (cop.interestFit[i] as number) * (0.5 + (people.willingness[i] as number)) + 0.3 * rng()
          : rng(),
      );
    }
  }
  const order = candidates.map((_, k) => k).sort((a, b) => (score[b] as number) - (score[a] as number));
  const founders = Math.min(cop.settings.founders, order.length);
  for (let k = 0; k < founders; k++) {
    const i = candidates[order[k] as number] as number;
    enrol(cop, i, sim.week);
    cop.state[i] = MemberState.active;
    // Founders are no newcomers: they have met before, which also keeps them out of the
    // newcomer return rate.
    cop.attendedCount[i] = 1;
    // Founders already know each other and have met informally.
    cop.belonging[i] = launchParameters.founderBelonging;
    cop.habit[i] = launchParameters.founderHabit;
    cop.expectation[i] = Math.max(cop.expectation[i] as number, launchParameters.founderExpectation);
    if (cop.settings.initiation === 'bottom-up') {
      cop.motivation[i] = Math.max(cop.motivation[i] as number, launchParameters.founderMotivation);
    }
  }
  if (cop.derived.mandatory) enrolTargetGroup(cop, people, sim.parameters, sim.week);
}

/**
 * Enrols every eligible target-group person who is not yet a member (mandatory participation);
 * someone who had left starts afresh.
 */
export function enrolTargetGroup(cop: CommunityState, people: People, parameters: Parameters, week: number): void {
  for (let i = 0; i < cop.state.length; i++) {
    const s = cop.state[i] as number;
    if (cop.eligible[i] === 1 && (s === MemberState.nonMember || s === MemberState.left)) {
      if (s === MemberState.left) resetMember(cop, people, parameters, i);
      enrol(cop, i, week);
      cop.mandated[i] = 1;
    }
  }
}

/**
 * Ends a mandate: everyone the mandate enrolled is released and becomes a non-member again,
 * keeping what they experienced (motivation, expectation, habit, ties). Who wants to stay
 * rejoins through recruitment, where their motivation, crowded out or not, decides.
 */
export function releaseMandated(cop: CommunityState): void {
  for (let i = 0; i < cop.state.length; i++) {
    if (!cop.mandated[i]) continue;
    cop.mandated[i] = 0;
    if (isMember(cop.state[i] as number)) {
      cop.state[i] = MemberState.nonMember;
      cop.returnPending[i] = 0;
      // Roles are classified from the meetings of one's current membership only.
      clearWindow(cop, i);
    }
  }
}

/** True if the state code counts as a member (newcomer, peripheral, active, core, dormant). */
export function isMember(s: number): boolean {
  return s >= MemberState.newcomer && s <= MemberState.dormant;
}
