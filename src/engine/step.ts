/**
 * The weekly tick: an explicit, ordered list of the twelve mechanisms (MODEL.md section 3).
 * Organisation-wide mechanisms run once; community mechanisms run for each CoP. Within
 * mechanisms 2 and 3, CoPs claim members' slack in an order shuffled each week, so no CoP is
 * favoured in the competition for time; the others run in scenario order.
 *
 *   events → launches → 1 time budget → 2 meeting held → 3 attendance → 4 meeting value
 *   → 5 safety → 6 contributions → 7 knowledge reuse → 8 motivation → 9 recruitment
 *   → 10 churn (then organisational turnover) → 11 habit → 12 death → record
 */
import { launch } from './community.js';
import { applyEvents } from './events.js';
import { attend } from './mechanisms/attendance.js';
import { churn, turnOver } from './mechanisms/churn.js';
import { contribute } from './mechanisms/contributions.js';
import { dieOut } from './mechanisms/death.js';
import { formHabit } from './mechanisms/habit.js';
import { holdMeeting } from './mechanisms/meetingHeld.js';
import { reuseKnowledge } from './mechanisms/knowledge.js';
import { valueMeeting } from './mechanisms/meetingValue.js';
import { motivate } from './mechanisms/motivation.js';
import { recruit } from './mechanisms/recruitment.js';
import { updateSafety } from './mechanisms/safety.js';
import { budgetTime } from './mechanisms/timeBudget.js';
import type { CommunityState, Simulation } from './state.js';

export interface Mechanism {
  /** The mechanism's number and name in the model description. */
  readonly name: string;
  /** `organisation`: runs once a week; `community`: once per CoP; `shuffled`: per CoP in the week's shuffled order. */
  readonly scope: 'organisation' | 'community' | 'shuffled';
  readonly run: ((sim: Simulation) => void) | ((sim: Simulation, cop: CommunityState) => void);
}

/** The tick, in order. */
export const MECHANISMS: readonly Mechanism[] = [
  { name: '1 time budget', scope: 'organisation', run: budgetTime },
  { name: '2 meeting held', scope: 'shuffled', run: holdMeeting },
  { name: '3 attendance', scope: 'shuffled', run: attend },
  { name: '4 meeting value', scope: 'community', run: valueMeeting },
  { name: '5 psychological safety', scope: 'community', run: updateSafety },
  { name: '6 contributions', scope: 'community', run: contribute },
  { name: '7 knowledge reuse', scope: 'community', run: reuseKnowledge },
  { name: '8 motivation', scope: 'community', run: motivate },
  { name: '9 recruitment', scope: 'community', run: recruit },
  { name: '10 churn', scope: 'community', run: churn },
  { name: '10 turnover', scope: 'organisation', run: turnOver },
  { name: '11 habit', scope: 'community', run: formHabit },
  { name: '12 death', scope: 'community', run: dieOut },
];

/** Shuffles `sim.copOrder` (Fisher–Yates, from the `sim` stream). */
function shuffleCops(sim: Simulation): void {
  const order = sim.copOrder;
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(sim.streams.sim() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** Advances the simulation by one week (without recording). */
export function step(sim: Simulation): void {
  applyEvents(sim);
  for (const cop of sim.cops) {
    cop.hoursInvested = 0;
    if (!cop.launched && sim.week >= cop.launchWeek) launch(sim, cop);
  }
  if (sim.cops.length > 1) shuffleCops(sim);
  for (const m of MECHANISMS) {
    if (m.scope === 'organisation') {
      (m.run as (sim: Simulation) => void)(sim);
    } else if (m.scope === 'shuffled') {
      for (let k = 0; k < sim.copOrder.length; k++) {
        (m.run as (sim: Simulation, cop: CommunityState) => void)(sim, sim.cops[sim.copOrder[k] as number] as CommunityState);
      }
    } else {
      for (const cop of sim.cops) (m.run as (sim: Simulation, cop: CommunityState) => void)(sim, cop);
    }
  }
}
