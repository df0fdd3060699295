/**
 * The simulation state: plain data, one typed array per attribute (struct of arrays), so the
 * weekly step touches contiguous memory and allocates nothing.
 *
 * People are indexed 0..n-1. Per-CoP member state lives in one `CommunityState` per CoP with
 * arrays of length n (index = person). The social network is a `Network`: fixed colleague
 * ties (team, team of teams, site, role) and ties formed by meeting in CoPs. What only the
 * outputs need (coverage tallies, membership spells, return windows) is the recorder's
 * (recorder.ts), not the model's.
 */
import type { CoPSettings, Scenario } from '../scenario/schema.js';
import type { ChannelFlags } from './channels.js';
import type { Parameters } from './parameters.js';
import type { Rng, Streams } from './rng.js';

/** Membership states of a person in one CoP (the model brief, section 1). */
export const MemberState = {
  nonMember: 0,
  newcomer: 1,
  peripheral: 2,
  active: 3,
  core: 4,
  dormant: 5,
  left: 6,
} as const;
export type MemberStateCode = (typeof MemberState)[keyof typeof MemberState];

/** Units people belong to: they decide eligibility by scope. */
export const Unit = { development: 0, business: 1, partner: 2 } as const;

/** Hierarchy levels. */
export const Level = { team: 0, staff: 1, manager: 2 } as const;

/** The organisation and everything about people that does not depend on a CoP. */
export interface People {
  readonly n: number;
  /** Team index of each person (deadlines strike whole teams). */
  readonly team: Int32Array;
  /** Team-of-teams (ART, tribe) index. */
  readonly group: Int32Array;
  /** Site index: a team of teams sits on one site. */
  readonly site: Int32Array;
  /** Index into ROLES. */
  readonly role: Uint8Array;
  /** See `Level`. */
  readonly level: Uint8Array;
  /** Unit code (see `Unit`). */
  readonly unit: Uint8Array;
  readonly nTeams: number;
  readonly nGroups: number;
  readonly nSites: number;
  /** Number of development teams (the first nDevTeams team indices). */
  readonly nDevTeams: number;

  // Traits (redrawn when a person is replaced by a new hire).
  /** Trait level of autonomous motivation, 0..1. */
  readonly motivationTrait: Float64Array;
  /** Prior willingness to take part, 0..1. */
  readonly willingness: Float64Array;
  /** Competence, 0..1; grows with learning. */
  readonly competence: Float64Array;
  /** Match of own interests with management's agenda, 0..1. */
  readonly alignment: Float64Array;
  /** Interest in each theme, row-major `person * nThemes + theme`. */
  readonly interest: Float64Array;
  /** Personal offset of project load, hours (some people are busier). */
  readonly loadOffset: Float64Array;
  /** Week the person joined the organisation (negative for the initial staff). */
  readonly hiredWeek: Int32Array;

  // Weekly time budget.
  /** Free hours this week after project load (time budget); consumed by CoP activity. */
  readonly slack: Float64Array;
  /** Hours saved by reuse in the current week (all CoPs). */
  readonly savedNow: Float64Array;
  /** Hours saved by reuse last week; they come back as slack. */
  readonly savedLast: Float64Array;
  /** 1 if the person's team has a deadline this week. */
  readonly teamDeadline: Uint8Array;
}

/**
 * The social network. Colleague ties are fixed for a run and belong to positions (a new hire
 * takes over the predecessor's colleagues); CoP ties are formed by meeting and fade unless
 * renewed. Both are undirected: a CoP tie is stored at both ends with the same strength.
 */
export interface Network {
  /** Colleague ties of person i: `colleagues[colleagueStart[i] .. colleagueStart[i+1])`. */
  readonly colleagueStart: Int32Array;
  readonly colleagues: Int32Array;
  /** Strength of each colleague tie (team or cross-team). */
  readonly colleagueStrength: Float64Array;
  /** Sum of person i's colleague-tie strengths. */
  readonly colleagueTotal: Float64Array;
  /** Slots per person for CoP ties (`parameters.network.tieCapacity`). */
  readonly capacity: number;
  /** CoP-tie slots each person has in use (so that someone with none is passed over quickly). */
  readonly tieCount: Int32Array;
  /** Partner of each CoP-tie slot, `person * capacity + slot`; -1 when free. */
  readonly tieTo: Int32Array;
  /** Strength of the slot's tie when last renewed. */
  readonly tieStrength: Float64Array;
  /** Week the slot's tie was last renewed. */
  readonly tieWeek: Int32Array;
  /** `retention[d]`: strength kept after d weeks without renewal (0 beyond the table). */
  readonly retention: Float64Array;
  /** Strength below which a CoP tie counts as lost. */
  readonly floor: number;
}

/** Settings-derived numbers of one CoP, recomputed whenever an event changes its settings. */
export interface Derived {
  /** Effective steering: the setting, or for `auto` the default of the CoP's initiation. */
  readonly steering: number;
  /** Compliance pressure: 0 voluntary, `parameters.motivation.expectedPressure` expected, 1 mandatory. */
  readonly pressure: number;
  readonly mandatory: boolean;
  /** Compliance term of the attendance logit. */
  readonly compliance: number;
  /** Decision power: 0 none, `parameters.value.influence` influence, 1 decide. */
  readonly decisionPower: number;
  /** 1 if approved or initiated by management. */
  readonly recognised: number;
  /** Reach of management's announcements, by acceptance (approved = 1). */
  readonly visibility: number;
  /** Weekly lead hours: 0 without a lead. */
  readonly leadHours: number;
  /** Items the lead prepares per meeting. */
  readonly leadContent: number;
  /** Protected hours available per meeting (funded hours over the cadence times protection). */
  readonly protectedHours: number;
  /** Chance that a given meeting has a funded external session. */
  readonly externalSession: number;
  readonly closed: boolean;
  readonly themeIndex: number;
}

/** The state of one CoP and its (potential) members. */
export interface CommunityState {
  readonly id: string;
  readonly index: number;
  /** This CoP's own random stream: its draws do not depend on which other CoPs exist. */
  readonly rng: Rng;
  settings: CoPSettings;
  derived: Derived;
  readonly launchWeek: number;
  launched: boolean;
  alive: boolean;
  deathWeek: number;
  /** The person who leads the CoP (-1: none). */
  lead: number;

  /** 0 not eligible, 1 target group, 2 eligible outsider of an open CoP. */
  readonly eligible: Uint8Array;
  readonly state: Uint8Array;
  /** Topic interest of each person in this CoP's theme (0..1). */
  readonly interestFit: Float64Array;
  readonly motivation: Float64Array;
  readonly expectation: Float64Array;
  readonly safety: Float64Array;
  readonly habit: Float64Array;
  readonly belonging: Float64Array;
  readonly cumulativeContributions: Float64Array;
  /** Competence when the person last joined (people development). */
  readonly competenceAtJoin: Float64Array;
  /** 1 if the person attends this week's meeting. */
  readonly attending: Uint8Array;
  /** Contributions made at this week's meeting. */
  readonly spoken: Uint8Array;
  /** Breakout group of each attendee this week (-1: none). */
  readonly breakout: Int32Array;
  /** Contributions made in each breakout group this week, by group. */
  readonly groupContributions: Float64Array;
  /** Where each breakout group starts in `attendees` (groups + 1 entries are set). */
  readonly groupStart: Int32Array;
  /** Scratch for forming breakout groups. */
  readonly groupOrder: Int32Array;
  /** Rolling windows over the last `window` held meetings: attended flags and contributions. */
  readonly ringAttended: Uint8Array;
  readonly ringContributions: Uint8Array;
  readonly windowAttended: Uint16Array;
  readonly windowContributions: Uint16Array;
  /** Speaking opportunities over the same window: the contributions one would make at full propensity. */
  readonly ringOpportunities: Float64Array;
  readonly windowOpportunities: Float64Array;
  /** Held meetings missed in a row. */
  readonly missed: Uint16Array;
  /** Meetings attended since joining. */
  readonly attendedCount: Int32Array;
  /** 1 if the person was enrolled by a mandate rather than by their own choice. */
  readonly mandated: Uint8Array;
  /** Week the person last joined (became a newcomer); -1 if never. */
  readonly joinedWeek: Int32Array;
  /** Week the person last left; -1 if never. */
  readonly leftWeek: Int32Array;
  /** Scratch: the week's attendees, in index order, then shuffled into breakout groups. */
  readonly attendees: Int32Array;
  /**
   * A non-member's affinity to join (recruitment), kept while it cannot change: it is valid when
   * `affinityStamp` equals `settingsStamp` (reset on a change of settings, of the person, or on
   * leaving).
   */
  readonly affinity: Float64Array;
  readonly affinityStamp: Int32Array;
  /** Counts changes of the CoP's settings (events), for `affinityStamp`. */
  settingsStamp: number;
  /** Strength of each person's colleague ties to the target group (recomputed when eligibility changes). */
  readonly targetTies: Float64Array;
  /** Scratch: each member's exposure, gathered from the members who come (meeting value). */
  readonly gathered: Float64Array;
  /**
   * Cache of knowledge reuse: the mean weekly problems each person's chance was last computed
   * for (NaN before), and e^−mean, the Poisson draw's limit. The mean changes only with the
   * person's interest (a new hire) or the parameters, so the exponential is rarely recomputed.
   */
  readonly problemMean: Float64Array;
  readonly problemLimit: Float64Array;
  /** Scratch for word of mouth: tie strength to satisfied members, and when it was set. */
  readonly heard: Float64Array;
  readonly heardWeek: Int32Array;

  // Community-level state.
  /** Held meetings so far (indexes the rolling window). */
  meetingsHeld: number;
  heldThisWeek: boolean;
  /** Who organised this week's meeting (-1: nobody, or the lead). */
  organiser: number;
  /** Whether the lead had the hours to prepare this week's meeting (its content, if they come). */
  leadPrepared: boolean;
  /** Planned meetings in a row that nobody organised. */
  unorganised: number;
  failingMeetings: number;
  /** Week the current launch or recognition pulse started (NaN: none). */
  pulseStart: number;
  /** Attendance, contributions and breakout groups of the meeting held this week. */
  attendance: number;
  contributions: number;
  /** Contributions made in the exchange part this week. */
  exchangeContributions: number;
  groups: number;
  /** Contributions made in the plenary (presentation) part this week. */
  plenaryContributions: number;
  /** Climate of psychological safety at the last meeting. */
  climate: number;
  /** Solutions entered into the repertoire since the last meeting (fresh content). */
  freshItems: number;
  /** Repertoire: strength of tacit and written know-how per problem class, 0..1. */
  readonly tacit: Float64Array;
  readonly written: Float64Array;
  /** Week each problem class was last refreshed (used, shared or discussed); -1: never. */
  readonly refreshed: Int32Array;
  /** Weekly flows. */
  reuseEvents: number;
  reinventions: number;
  solutionsShared: number;
  hoursSaved: number;
  hoursInvested: number;
  /** New CoP ties this week between people of different teams (networking). */
  crossTeamTies: number;
  /** People who joined through recruitment this week, and the part of them word of mouth brought (each join split by the terms of its chance). */
  joins: number;
  joinsByWord: number;
}

/** Cumulative distribution of problem classes (Zipf), shared by all CoPs of a run. */
export interface ProblemSpace {
  readonly classes: number;
  readonly cdf: Float64Array;
}

/** A running simulation: the model owns its random streams, as in Agents.jl. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly parameters: Parameters;
  /** Which channels are on (parameters.knockouts switches them off). */
  readonly channels: ChannelFlags;
  readonly streams: Streams;
  readonly seed: number;
  readonly people: People;
  readonly network: Network;
  readonly cops: CommunityState[];
  readonly problems: ProblemSpace;
  /** Organisation settings that events may change. */
  projectLoad: Scenario['organisation']['projectLoad'];
  turnover: number;
  /** The week being simulated (0-based); `step` advances it at its end. */
  week: number;
  /** Order in which CoPs claim members' slack this week (shuffled weekly for fairness). */
  readonly copOrder: Int32Array;
}
