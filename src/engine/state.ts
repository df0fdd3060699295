/**
 * The simulation state: plain data, one typed array per attribute (struct of arrays), so the
 * weekly step touches contiguous memory and allocates nothing.
 *
 * People are indexed 0..n-1. Per-CoP member state lives in one `CommunityState` per CoP with
 * arrays of length n (index = person).
 */
import type { CoPSettings, Scenario } from '../scenario/schema.js';
import type { Parameters } from './parameters.js';
import type { Rng, Streams } from './rng.js';

/** Membership states of a person in one CoP (MODEL.md section 1). */
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

/** The organisation and everything about people that does not depend on a CoP. */
export interface People {
  readonly n: number;
  /** Team index of each person (deadlines strike whole teams). */
  readonly team: Int32Array;
  /** Team-of-teams (ART, tribe) index. */
  readonly group: Int32Array;
  readonly site: Uint8Array;
  /** Index into ROLES. */
  readonly role: Uint8Array;
  /** 0 team member, 1 team-of-teams staff, 2 manager. */
  readonly level: Uint8Array;
  /** Unit code (see `Unit`). */
  readonly unit: Uint8Array;
  readonly nTeams: number;
  readonly nGroups: number;
  /** Number of development teams (the first nDevTeams team indices). */
  readonly nDevTeams: number;
  /** Size of each team and group, for word-of-mouth fractions. */
  readonly teamSize: Int32Array;
  readonly groupSize: Int32Array;

  // Traits (redrawn when a person is replaced by a newcomer to the organisation).
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
  /** Free hours this week after project load (mechanism 1); consumed by CoP activity. */
  readonly slack: Float64Array;
  /** Hours saved by reuse in the current week (all CoPs). */
  readonly savedNow: Float64Array;
  /** Hours saved by reuse last week; they come back as slack. */
  readonly savedLast: Float64Array;
  /** 1 if the person's team has a deadline this week. */
  readonly teamDeadline: Uint8Array;
}

/** Settings-derived numbers of one CoP, recomputed whenever an event changes its settings. */
export interface Derived {
  /** Effective steering: the setting, or for `auto` the default of the CoP's initiation. */
  readonly steering: number;
  /** Compliance pressure: 0 voluntary, 0.4 expected, 1 mandatory. */
  readonly mandate: number;
  readonly mandatory: boolean;
  readonly expected: boolean;
  /** Decision power: 0 none, 0.5 influence, 1 decide. */
  readonly decisionPower: number;
  /** 1 if approved or initiated by management. */
  readonly recognised: number;
  /** Visibility multiplier of the outside announcement, by acceptance. */
  readonly visibility: number;
  /** 0 none, 1 part-time, 2 full-time. */
  readonly lead: number;
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
  /** 1 if the person attends this week's meeting. */
  readonly attending: Uint8Array;
  /** Contributions made at the person's last attended meeting. */
  readonly lastContributions: Uint8Array;
  /** Rolling windows over the last `window` held meetings: attended flags and contributions. */
  readonly ringAttended: Uint8Array;
  readonly ringContributions: Uint8Array;
  readonly windowAttended: Uint16Array;
  readonly windowContributions: Uint16Array;
  /** Held meetings missed in a row. */
  readonly missed: Uint16Array;
  /** Meetings attended since joining. */
  readonly attendedCount: Int32Array;
  /** Held meetings left in which a first-time attendee may come back (0: not pending). */
  readonly returnPending: Uint8Array;
  /** 1 if the person was enrolled by a mandate rather than by their own choice. */
  readonly mandated: Uint8Array;
  /** Week the person last joined (became a newcomer); -1 if never. */
  readonly joinedWeek: Int32Array;

  // Community-level state.
  /** Held meetings so far (indexes the rolling window). */
  meetingsHeld: number;
  heldThisWeek: boolean;
  /** Who organised this week's meeting when there is no lead (-1: nobody, or a lead). */
  organiser: number;
  weeksSinceMeeting: number;
  failingMeetings: number;
  /** Week the current launch or recognition pulse started (NaN: none). */
  pulseStart: number;
  /** Attendance and contributions of the meeting held this week. */
  attendance: number;
  contributions: number;
  /** Attendance of the most recent meeting held (state: closed CoPs invite by it). */
  lastAttendance: number;
  /** Output only: participation rate of the most recent meeting, set when recording. */
  lastParticipation: number;
  /** Climate of psychological safety at the last meeting. */
  climate: number;
  /** Quality factor of the last meeting (value per unit of topic fit). */
  quality: number;
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
  hoursSaved: number;
  hoursInvested: number;

  // Per-run tallies.
  firstTimers: number;
  returners: number;
  teamsCoveredSum: number;
  /** Development teams with at least one target-group member (the teams the CoP could cover). */
  targetTeams: number;
  /** Scratch: per-team flag for team coverage. */
  readonly teamSeen: Uint8Array;
  /** Scratch for word of mouth: satisfied members and eligible people per team and group. */
  readonly satTeam: Int32Array;
  readonly eliTeam: Int32Array;
  readonly satGroup: Int32Array;
  readonly eliGroup: Int32Array;
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
  readonly streams: Streams;
  readonly seed: number;
  readonly people: People;
  readonly cops: CommunityState[];
  readonly problems: ProblemSpace;
  /** Organisation settings that events may change. */
  projectLoad: Scenario['organisation']['projectLoad'];
  turnover: number;
  /** The week about to be simulated (0-based). */
  week: number;
  /** Order in which CoPs claim members' slack this week (shuffled weekly for fairness). */
  readonly copOrder: Int32Array;
}
