/**
 * Scenario events as chart annotations: the week a change takes effect and a short label.
 */
import type { Scenario, ScenarioEvent } from '../scenario/schema.js';
import type { ChartEvent } from './types.js';

/** How many changed settings an unlabelled event's label lists before it says "…". */
const MAX_CHANGES = 2;

/**
 * The events of a scenario that fall within its simulated weeks, in week order, each with a
 * readable label: "week W: " and the event's own `label`, or else the settings it changes
 * ("participation → voluntary"). With several CoPs the CoP changed is named.
 *
 * @example chartEvents(mandateLifted) // → [{ week: 52, label: 'week 52: mandate lifted' }]
 */
export function chartEvents(scenario: Pick<Scenario, 'weeks' | 'cops' | 'events'>): ChartEvent[] {
  const names = new Map(scenario.cops.map((cop, i) => [cop.id ?? `cop${i + 1}`, cop.name ?? cop.id ?? `cop${i + 1}`]));
  return scenario.events
    .map((event, order) => ({ event, order }))
    .filter(({ event }) => event.week < scenario.weeks)
    .sort((a, b) => a.event.week - b.event.week || a.order - b.order)
    .map(({ event }) => {
      const what = event.label ?? describeChanges(event);
      const where = scenario.cops.length > 1 && event.cop !== undefined ? ` (${names.get(event.cop) ?? event.cop})` : '';
      return { week: event.week, label: `week ${event.week}: ${what}${where}` };
    });
}

/**
 * The settings an event changes, as "path → value", the first two of them.
 *
 * @example describeChanges({ week: 52, set: { support: { fundedHours: 0 } } }) // → 'support.fundedHours → 0'
 */
export function describeChanges(event: Pick<ScenarioEvent, 'set' | 'organisation'>): string {
  const changes = [...leaves(event.set, ''), ...leaves(event.organisation, '')].map(
    ([path, value]) => `${path} → ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  if (changes.length === 0) return 'no change';
  const shown = changes.slice(0, MAX_CHANGES).join(', ');
  return changes.length > MAX_CHANGES ? `${shown}, …` : shown;
}

function leaves(value: unknown, prefix: string): [string, unknown][] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix === '' ? key : `${prefix}.${key}`));
}
