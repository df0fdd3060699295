/**
 * settingsDiff: the settings in which a scenario differs from a reference scenario (the
 * built-in `baseline` in reports), as `--set`-style paths.
 */
import { describeChanges } from '../charts/events.js';
import { copIds, copSchema, type Scenario, type ScenarioEvent } from '../scenario/schema.js';

/** One setting that differs: its path (as `--set` takes it), the scenario's value and the reference's. */
export interface SettingDifference {
  /** e.g. `cops.0.participation`, `organisation.employees`. */
  readonly path: string;
  /** The scenario's value; `undefined` when it is not set (or the CoP was removed). */
  readonly value: unknown;
  /** The reference's value; `undefined` when it has no such setting (e.g. an added CoP). */
  readonly baseline: unknown;
  /**
   * The values in words where JSON would not read well: a whole event as "week 52: mandate
   * lifted (scrum-masters)". Absent for other settings.
   */
  readonly valueText?: string;
  readonly baselineText?: string;
}

/** What describes a scenario rather than sets it: never reported. */
const DESCRIPTIVE_KEYS = new Set(['$schema', 'name', 'description', 'source', 'extends']);

/**
 * The settings of `scenario` that differ from `baseline`, in the scenario's key order, as leaf
 * paths. CoPs and events are compared by position. A CoP beyond the reference's last is
 * compared with a CoP of default settings, so only its non-default settings are listed (each
 * with `baseline: undefined`); a CoP the scenario lacks is one entry with `value: undefined`.
 * Descriptive keys (`name`, `description`, `source`, `extends`, `$schema`) are ignored.
 *
 * @example settingsDiff(loadScenario('baseline', { sets: ['cops.0.participation=mandatory'] }).scenario, baseline)
 * // → [{ path: 'cops.0.participation', value: 'mandatory', baseline: 'voluntary' }]
 */
export function settingsDiff(scenario: Scenario, baseline: Scenario): SettingDifference[] {
  const out: SettingDifference[] = [];
  for (const key of unionKeys(scenario, baseline)) {
    if (DESCRIPTIVE_KEYS.has(key)) continue;
    const value = (scenario as Record<string, unknown>)[key];
    const reference = (baseline as Record<string, unknown>)[key];
    if (key === 'cops') diffCops(value as Scenario['cops'], reference as Scenario['cops'], out);
    else diffValues(value, reference, key, out);
  }
  return out.map((d) => withEventText(d, scenario, baseline));
}

/**
 * A whole event (an event one scenario has and the other lacks) in words, as the charts mark
 * it, with the CoP it changes: "week 52: mandate lifted (scrum-masters)".
 *
 * @example eventText({ week: 52, label: 'mandate lifted', cop: 'scrum-masters' }, scenario) // → 'week 52: mandate lifted (scrum-masters)'
 */
export function eventText(event: ScenarioEvent, scenario: Pick<Scenario, 'cops'>): string {
  const ids = copIds(scenario);
  const cop = event.cop ?? (event.set !== undefined && ids.length === 1 ? ids[0] : undefined);
  return `week ${event.week}: ${event.label ?? describeChanges(event)}${cop === undefined ? '' : ` (${cop})`}`;
}

function withEventText(d: SettingDifference, scenario: Scenario, baseline: Scenario): SettingDifference {
  if (!/^events\.\d+$/.test(d.path)) return d;
  const text = (value: unknown, of: Scenario): string | undefined =>
    isRecord(value) && typeof value['week'] === 'number' ? eventText(value as ScenarioEvent, of) : undefined;
  const [valueText, baselineText] = [text(d.value, scenario), text(d.baseline, baseline)];
  return { ...d, ...(valueText === undefined ? {} : { valueText }), ...(baselineText === undefined ? {} : { baselineText }) };
}

function diffCops(cops: Scenario['cops'], reference: Scenario['cops'], out: SettingDifference[]): void {
  const defaults = copSchema.parse({});
  for (let i = 0; i < Math.max(cops.length, reference.length); i++) {
    const path = `cops.${i}`;
    if (i >= cops.length) out.push({ path, value: undefined, baseline: reference[i] });
    else if (i >= reference.length) {
      for (const d of listDiffs(cops[i], defaults, path)) out.push({ ...d, baseline: undefined });
    } else diffValues(cops[i], reference[i], path, out);
  }
}

function listDiffs(value: unknown, reference: unknown, path: string): SettingDifference[] {
  const out: SettingDifference[] = [];
  diffValues(value, reference, path, out);
  return out;
}

function diffValues(value: unknown, reference: unknown, path: string, out: SettingDifference[]): void {
  if (Array.isArray(value) && Array.isArray(reference)) {
    for (let i = 0; i < Math.max(value.length, reference.length); i++) {
      diffValues(value[i], reference[i], `${path}.${i}`, out);
    }
    return;
  }
  if (isRecord(value) && isRecord(reference)) {
    for (const key of unionKeys(value, reference)) diffValues(value[key], reference[key], `${path}.${key}`, out);
    return;
  }
  if (!Object.is(value, reference)) out.push({ path, value, baseline: reference });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The keys of `a`, then those only `b` has. */
function unionKeys(a: object, b: object): string[] {
  const keys = Object.keys(a);
  for (const key of Object.keys(b)) if (!(key in a)) keys.push(key);
  return keys;
}
