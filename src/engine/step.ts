/**
 * The weekly tick: an explicit, ordered schedule. Its entries of kind `mechanism` are the
 * model's mechanisms, numbered by their position in it (docs/ODD.md lists them in this
 * order); the other entries are the bookkeeping of the week (events, launches, the start of
 * the week, the order in which CoPs claim time). Organisation-wide entries run once; community
 * entries run for each CoP, in scenario order, or in the week's shuffled order where CoPs
 * compete for members' slack.
 *
 *   events → launches → week start → shuffle → time budget → meeting held → attendance
 *   → contributions → meeting value → safety → knowledge reuse → motivation → recruitment
 *   → churn → turnover → habit → death;  then the week advances
 */
import { applyEvents } from './events.js';
import { attend } from './mechanisms/attendance.js';
import { churn } from './mechanisms/churn.js';
import { contribute } from './mechanisms/contributions.js';
import { dieOut } from './mechanisms/death.js';
import { formHabit } from './mechanisms/habit.js';
import { reuseKnowledge } from './mechanisms/knowledge.js';
import { launch } from './mechanisms/launch.js';
import { holdMeeting } from './mechanisms/meetingHeld.js';
import { valueMeeting } from './mechanisms/meetingValue.js';
import { motivate } from './mechanisms/motivation.js';
import { recruit } from './mechanisms/recruitment.js';
import { updateSafety } from './mechanisms/safety.js';
import { budgetTime } from './mechanisms/timeBudget.js';
import { turnOver } from './mechanisms/turnover.js';
import type { CommunityState, Simulation } from './state.js';

/** What an entry of the schedule is: a mechanism of the model, or the week's bookkeeping. */
export type EntryKind = 'mechanism' | 'schedule';

/** One entry of the weekly schedule. */
export type ScheduleEntry =
  | {
      readonly name: string;
      readonly kind: EntryKind;
      /** Runs once a week for the whole organisation. */
      readonly scope: 'organisation';
      readonly run: (sim: Simulation) => void;
    }
  | {
      readonly name: string;
      readonly kind: EntryKind;
      /** `community`: once per CoP in scenario order; `shuffled`: per CoP in the week's shuffled order. */
      readonly scope: 'community' | 'shuffled';
      readonly run: (sim: Simulation, cop: CommunityState) => void;
    };

/** Starts a CoP's week: no meeting yet, every weekly flow at zero. */
export function startWeek(_sim: Simulation, cop: CommunityState): void {
  if (cop.heldThisWeek) {
    const { attendees, attending, breakout, spoken } = cop;
    for (let k = 0; k < cop.attendance; k++) {
      const i = attendees[k] as number;
      attending[i] = 0;
      breakout[i] = -1;
      spoken[i] = 0;
    }
  }
  cop.heldThisWeek = false;
  cop.organiser = -1;
  cop.leadPrepared = false;
  cop.attendance = 0;
  cop.contributions = 0;
  cop.exchangeContributions = 0;
  cop.plenaryContributions = 0;
  cop.groups = 0;
  cop.reuseEvents = 0;
  cop.reinventions = 0;
  cop.solutionsShared = 0;
  cop.hoursSaved = 0;
  cop.hoursInvested = 0;
  cop.crossTeamTies = 0;
  cop.joins = 0;
  cop.joinsByWord = 0;
}

/** Shuffles `sim.copOrder` (Fisher–Yates, from the `sim` stream; nothing to do for one CoP). */
export function shuffleCops(sim: Simulation): void {
  const order = sim.copOrder;
  if (order.length < 2) return;
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(sim.streams.sim() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** The week, in order. */
export const SCHEDULE: readonly ScheduleEntry[] = [
  { name: 'events', kind: 'schedule', scope: 'organisation', run: applyEvents },
  { name: 'launch', kind: 'schedule', scope: 'community', run: launch },
  { name: 'week start', kind: 'schedule', scope: 'community', run: startWeek },
  { name: 'shuffle', kind: 'schedule', scope: 'organisation', run: shuffleCops },
  { name: 'time budget', kind: 'mechanism', scope: 'organisation', run: budgetTime },
  { name: 'meeting held', kind: 'mechanism', scope: 'shuffled', run: holdMeeting },
  { name: 'attendance', kind: 'mechanism', scope: 'shuffled', run: attend },
  { name: 'contributions', kind: 'mechanism', scope: 'community', run: contribute },
  { name: 'meeting value', kind: 'mechanism', scope: 'community', run: valueMeeting },
  { name: 'psychological safety', kind: 'mechanism', scope: 'community', run: updateSafety },
  { name: 'knowledge reuse', kind: 'mechanism', scope: 'community', run: reuseKnowledge },
  { name: 'motivation', kind: 'mechanism', scope: 'community', run: motivate },
  { name: 'recruitment', kind: 'mechanism', scope: 'community', run: recruit },
  { name: 'churn', kind: 'mechanism', scope: 'community', run: churn },
  { name: 'turnover', kind: 'mechanism', scope: 'organisation', run: turnOver },
  { name: 'habit', kind: 'mechanism', scope: 'community', run: formHabit },
  { name: 'death', kind: 'mechanism', scope: 'community', run: dieOut },
];

/** The model's mechanisms in tick order; a mechanism's number is its position here plus one. */
export const MECHANISMS: readonly ScheduleEntry[] = SCHEDULE.filter((e) => e.kind === 'mechanism');

/** Advances the simulation by one week: runs the schedule, then moves the clock on. */
export function step(sim: Simulation): void {
  for (const entry of SCHEDULE) {
    switch (entry.scope) {
      case 'organisation':
        entry.run(sim);
        break;
      case 'shuffled':
        for (let k = 0; k < sim.copOrder.length; k++) entry.run(sim, sim.cops[sim.copOrder[k] as number] as CommunityState);
        break;
      case 'community':
        for (const cop of sim.cops) entry.run(sim, cop);
        break;
    }
  }
  sim.week++;
}
