/**
 * Events: changes of settings at a given week (a mandate lifted, funding withdrawn,
 * recognition by management, a lead leaving). They apply at the start of the week, before
 * any mechanism, in the order the scenario lists them.
 *
 * Settings change, people do not: lifting a mandate leaves everyone it enrolled a member, free
 * from then on to stay, drift to dormancy or leave like any volunteer (their own motivation,
 * habit and belonging decide). Recognition (acceptance rising to approved or initiated)
 * starts a new announcement pulse, as a top-down launch does. A lead appointed by an event is
 * the most motivated active or core member; a lead removed leaves the CoP without one.
 */
import type { CoPSettings, CoPSettingsPatch, ScenarioEvent } from '../scenario/schema.js';
import { appointLead, computeEligibility, computeInterest, computeTargetTies, deriveSettings } from './community.js';
import type { Simulation } from './state.js';

/** Settings after a patch: nested `support` and `meetings` merge field by field. Pure. */
export function patchSettings(settings: CoPSettings, patch: CoPSettingsPatch): CoPSettings {
  const { support, meetings, ...flat } = patch;
  const next: CoPSettings = { ...settings };
  for (const [key, value] of Object.entries(flat)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  if (support) next.support = { ...settings.support, ...stripUndefined(support) };
  if (meetings) next.meetings = { ...settings.meetings, ...stripUndefined(meetings) };
  return next;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Applies one event to the running simulation. */
export function applyEvent(sim: Simulation, event: ScenarioEvent): void {
  if (event.organisation) {
    const { projectLoad, turnover } = event.organisation;
    if (projectLoad) sim.projectLoad = { ...sim.projectLoad, ...stripUndefined(projectLoad) };
    if (turnover !== undefined) sim.turnover = turnover;
  }
  if (!event.set) return;
  const cop = event.cop === undefined ? sim.cops[0] : sim.cops.find((c) => c.id === event.cop);
  if (!cop) throw new Error(`event at week ${event.week} names unknown CoP "${event.cop}"`);
  const before = cop.settings;
  const wasRecognised = cop.derived.recognised;
  const after = patchSettings(before, event.set);
  cop.settings = after;
  cop.derived = deriveSettings(after, sim.parameters, sim.channels);
  cop.settingsStamp++;
  if (after.theme !== before.theme) computeInterest(sim.people, cop.derived.themeIndex, cop.interestFit);
  const pool = after.targetGroup !== before.targetGroup || after.scope !== before.scope || after.openness !== before.openness;
  if (pool) computeEligibility(sim.people, after, cop.eligible);
  if (pool || after.theme !== before.theme) computeTargetTies(sim.network, cop);
  // Those a mandate enrolled become volunteers: still members, now free to leave.
  if (before.participation === 'mandatory' && after.participation !== 'mandatory') cop.mandated.fill(0);
  if (after.support.lead === 'none') cop.lead = -1;
  else if (before.support.lead === 'none' && cop.launched && cop.alive) appointLead(cop);
  if (cop.derived.recognised && !wasRecognised && sim.channels['initiation.launchPulse']) cop.pulseStart = sim.week;
}

/** Applies every event scheduled for the current week. */
export function applyEvents(sim: Simulation): void {
  for (const event of sim.scenario.events) if (event.week === sim.week) applyEvent(sim, event);
}
