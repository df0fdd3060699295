/**
 * A CoP's state: creating it, deriving the numbers its settings imply, deciding who is
 * eligible (target group, openness, scope), and the membership changes every mechanism shares
 * (joining, leaving, resetting, belonging).
 */
import type { CoP, CoPSettings } from '../scenario/schema.js';
import { ROLES, THEMES } from '../scenario/vocabulary.js';
import type { ChannelFlags } from './channels.js';
import type { Parameters } from './parameters.js';
import type { Rng } from './rng.js';
import { MemberState, Unit, type CommunityState, type Derived, type Network, type People } from './state.js';
import { slotStrength } from './network.js';
import { exp } from './math.js';

/**
 * The numbers a CoP's settings imply (see `Derived`). Pure. A knocked-out channel takes its
 * neutral value here, so the mechanisms need not know about knock-outs for these.
 */
export function deriveSettings(settings: CoPSettings, parameters: Parameters, on: ChannelFlags): Derived {
  const { support, meetings } = settings;
  const recognised = settings.acceptance === 'approved' || settings.acceptance === 'initiated' ? 1 : 0;
  const steering =
    settings.steering === 'auto'
      ? settings.initiation === 'top-down'
        ? parameters.launch.topDownSteering
        : 0
      : settings.steering;
  const mandatory = settings.participation === 'mandatory';
  const expected = settings.participation === 'expected';
  const a = parameters.attendance;
  const r = parameters.recruitment;
  const visibility = !on['acceptance.visibility']
    ? 1
    : { unaware: r.unawareVisibility, tolerated: r.toleratedVisibility, approved: 1, initiated: r.initiatedVisibility }[
        settings.acceptance
      ];
  const m = parameters.meeting;
  const v = parameters.value;
  const recognisedProtection = on['acceptance.protection'] ? parameters.timeBudget.recognitionProtection * recognised : 0;
  return {
    steering,
    pressure: mandatory ? 1 : expected ? parameters.motivation.expectedPressure : 0,
    mandatory,
    compliance: on['participation.compliance'] ? (mandatory ? a.mandatory : expected ? a.expected : 0) : 0,
    decisionPower: { none: 0, influence: v.influence, decide: 1 }[settings.decisionPower],
    recognised,
    visibility,
    leadHours: { none: 0, 'part-time': m.partTimeLeadHours, 'full-time': m.fullTimeLeadHours }[support.lead],
    leadContent: on['lead.content']
      ? { none: 0, 'part-time': v.partTimeContent, 'full-time': v.fullTimeContent }[support.lead]
      : 0,
    protectedHours: on['support.fundedTime']
      ? support.fundedHours * meetings.cadence * (support.protection + (1 - support.protection) * recognisedProtection)
      : 0,
    externalSession: on['support.externalContent'] ? Math.min(1, (support.budget / 52) * meetings.cadence) : 0,
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

/**
 * Each person's colleague ties to the CoP's potential members: the target group, each weighted
 * by their interest in the theme (`cop.targetTies`; the denominator of word of mouth).
 */
export function computeTargetTies(net: Network, cop: CommunityState): void {
  for (let i = 0; i < cop.targetTies.length; i++) computeTargetTiesOne(net, cop, i);
}

/** `computeTargetTies` for person i alone. */
export function computeTargetTiesOne(net: Network, cop: CommunityState, i: number): void {
  const { eligible, interestFit } = cop;
  let x = 0;
  const end = net.colleagueStart[i + 1] as number;
  for (let k = net.colleagueStart[i] as number; k < end; k++) {
    const j = net.colleagues[k] as number;
    if (eligible[j] === 1) x += (net.colleagueStrength[k] as number) * (interestFit[j] as number);
  }
  cop.targetTies[i] = x;
}

/** Copies each person's interest in the CoP's theme into `cop.interestFit`. */
export function computeInterest(people: People, themeIndex: number, out: Float64Array): void {
  const nThemes = THEMES.length;
  for (let i = 0; i < people.n; i++) out[i] = people.interest[i * nThemes + themeIndex] as number;
}

/**
 * A person's autonomous motivation toward a CoP before any experience of it: the trait level,
 * directed at the CoP as far as its theme interests them.
 */
export function initialMotivation(people: People, p: Parameters, interest: number, i: number): number {
  const floor = p.motivation.fitFloor;
  return (people.motivationTrait[i] as number) * (floor + (1 - floor) * interest);
}

/** Forgets the rolling window of attendance and contributions of person i. */
function clearWindow(cop: CommunityState, i: number): void {
  const w = cop.ringAttended.length / cop.state.length;
  cop.ringAttended.fill(0, i * w, i * w + w);
  cop.ringContributions.fill(0, i * w, i * w + w);
  cop.ringOpportunities.fill(0, i * w, i * w + w);
  cop.windowAttended[i] = 0;
  cop.windowContributions[i] = 0;
  cop.windowOpportunities[i] = 0;
}

/** Resets person i's state in a CoP to that of someone who has never taken part. */
export function resetMember(cop: CommunityState, people: People, p: Parameters, i: number): void {
  cop.state[i] = MemberState.nonMember;
  cop.motivation[i] = initialMotivation(people, p, cop.interestFit[i] as number, i);
  cop.expectation[i] = p.value.priorExpectation * (cop.interestFit[i] as number);
  cop.safety[i] = p.safety.base;
  cop.habit[i] = 0;
  cop.belonging[i] = 0;
  cop.cumulativeContributions[i] = 0;
  cop.competenceAtJoin[i] = 0;
  cop.attending[i] = 0;
  cop.spoken[i] = 0;
  clearWindow(cop, i);
  cop.missed[i] = 0;
  cop.attendedCount[i] = 0;
  cop.mandated[i] = 0;
  cop.joinedWeek[i] = -1;
  cop.leftWeek[i] = -1;
  cop.affinityStamp[i] = -1;
}

/**
 * The control person i feels in a CoP: its compliance pressure (1 mandatory,
 * `expectedPressure` expected, 0 voluntary) times their unwillingness, 1 − w_i. Those who did
 * not want to come feel coerced; those who did barely notice the mandate (Stukas, Snyder &
 * Clary 1999). Felt control crowds out autonomous motivation (motivation), slows the forming
 * of habit (habit) and is discounted from the value credited to the CoP (meeting value); all
 * three are the channel `participation.crowdingOut` (Deci, Koestner & Ryan 1999).
 */
export function feltControl(cop: CommunityState, willingness: number, on: ChannelFlags): number {
  return on['participation.crowdingOut'] ? cop.derived.pressure * (1 - willingness) : 0;
}

/** True if the state code counts as a member (newcomer, peripheral, active, core, dormant). */
export function isMember(s: number): boolean {
  return s >= MemberState.newcomer && s <= MemberState.dormant;
}

/**
 * Person i's exposure to the CoP through ties: the strength of their ties (colleague and CoP
 * ties) to members, each weighted by that member's share of the held meetings of the rolling
 * window they attended (`presence`). Belonging and awareness of know-how come from it.
 */
export function exposure(net: Network, cop: CommunityState, window: number, week: number, i: number): number {
  const { state, windowAttended } = cop;
  let x = 0;
  const end = net.colleagueStart[i + 1] as number;
  for (let k = net.colleagueStart[i] as number; k < end; k++) {
    const j = net.colleagues[k] as number;
    if (isMember(state[j] as number)) x += (net.colleagueStrength[k] as number) * (windowAttended[j] as number);
  }
  if (net.tieCount[i] !== 0) {
    const base = i * net.capacity;
    for (let s = base; s < base + net.capacity; s++) {
      const j = net.tieTo[s] as number;
      if (j >= 0 && isMember(state[j] as number)) x += slotStrength(net, s, week) * (windowAttended[j] as number);
    }
  }
  return x / presence(cop, window);
}

/** Held meetings in the rolling window so far: the denominator of a member's presence. */
export function presence(cop: CommunityState, window: number): number {
  return Math.max(1, Math.min(window, cop.meetingsHeld));
}

/** Belonging from exposure: 1 − exp(−exposure / belongingScale), 0 when the channel is off. */
export function belongingOf(exposureValue: number, p: Parameters, on: ChannelFlags): number {
  return on['network.belonging'] ? 1 - exp(-exposureValue / p.value.belongingScale) : 0;
}

/** Makes person i a member (newcomer) of a CoP at `week`. */
export function enrol(cop: CommunityState, competence: number, i: number, week: number): void {
  cop.state[i] = MemberState.newcomer;
  cop.missed[i] = 0;
  cop.joinedWeek[i] = week;
  cop.competenceAtJoin[i] = competence;
}

/** Person i leaves the CoP at `week`. */
export function leave(cop: CommunityState, i: number, week: number): void {
  cop.state[i] = MemberState.left;
  cop.mandated[i] = 0;
  cop.leftWeek[i] = week;
  cop.affinityStamp[i] = -1;
  if (cop.lead === i) cop.lead = -1;
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
      enrol(cop, people.competence[i] as number, i, week);
      cop.mandated[i] = 1;
    }
  }
}

/**
 * Appoints a lead from the members: the most motivated active or core member, else the most
 * motivated member (on a tie, the lower index). No members, no lead.
 */
export function appointLead(cop: CommunityState): void {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < cop.state.length; i++) {
    const s = cop.state[i] as number;
    if (!isMember(s)) continue;
    const score = (cop.motivation[i] as number) + (s === MemberState.active || s === MemberState.core ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  cop.lead = best;
}

/** Creates the state of one CoP (not yet launched). */
export function createCommunity(
  cop: CoP,
  id: string,
  index: number,
  people: People,
  network: Network,
  parameters: Parameters,
  on: ChannelFlags,
  rng: Rng,
): CommunityState {
  const n = people.n;
  const { id: _id, name: _name, launchWeek, ...settings } = cop;
  const derived = deriveSettings(settings, parameters, on);
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
    lead: -1,
    eligible: new Uint8Array(n),
    state: new Uint8Array(n),
    interestFit: new Float64Array(n),
    motivation: new Float64Array(n),
    expectation: new Float64Array(n),
    safety: new Float64Array(n),
    habit: new Float64Array(n),
    belonging: new Float64Array(n),
    cumulativeContributions: new Float64Array(n),
    competenceAtJoin: new Float64Array(n),
    attending: new Uint8Array(n),
    spoken: new Uint8Array(n),
    breakout: new Int32Array(n).fill(-1),
    groupContributions: new Float64Array(n),
    groupStart: new Int32Array(n + 1),
    groupOrder: new Int32Array(n),
    ringAttended: new Uint8Array(n * w),
    ringContributions: new Uint8Array(n * w),
    windowAttended: new Uint16Array(n),
    windowContributions: new Uint16Array(n),
    ringOpportunities: new Float64Array(n * w),
    windowOpportunities: new Float64Array(n),
    missed: new Uint16Array(n),
    attendedCount: new Int32Array(n),
    mandated: new Uint8Array(n),
    joinedWeek: new Int32Array(n).fill(-1),
    leftWeek: new Int32Array(n).fill(-1),
    attendees: new Int32Array(n),
    targetTies: new Float64Array(n),
    gathered: new Float64Array(n),
    problemMean: new Float64Array(n).fill(Number.NaN),
    problemLimit: new Float64Array(n),
    affinity: new Float64Array(n),
    affinityStamp: new Int32Array(n).fill(-1),
    settingsStamp: 0,
    heard: new Float64Array(n),
    heardWeek: new Int32Array(n).fill(-1),
    meetingsHeld: 0,
    heldThisWeek: false,
    organiser: -1,
    leadPrepared: false,
    unorganised: 0,
    failingMeetings: 0,
    pulseStart: Number.NaN,
    attendance: 0,
    contributions: 0,
    exchangeContributions: 0,
    plenaryContributions: 0,
    groups: 0,
    climate: parameters.safety.base,
    freshItems: 0,
    tacit: new Float64Array(parameters.knowledge.problemClasses),
    written: new Float64Array(parameters.knowledge.problemClasses),
    refreshed: new Int32Array(parameters.knowledge.problemClasses).fill(-1),
    reuseEvents: 0,
    reinventions: 0,
    solutionsShared: 0,
    hoursSaved: 0,
    hoursInvested: 0,
    crossTeamTies: 0,
    joins: 0,
    joinsByWord: 0,
  };
  computeEligibility(people, settings, state.eligible);
  computeInterest(people, derived.themeIndex, state.interestFit);
  computeTargetTies(network, state);
  for (let i = 0; i < n; i++) resetMember(state, people, parameters, i);
  return state;
}
