/**
 * The explorer's controls, read off the scenario schema rather than written by hand: every
 * setting's kind (number with its documented range, choice, switch), label and description
 * come from `scenarioSchema`, so a setting added to the schema appears in the explorer.
 *
 *   scenarioSchema ──settingFields(scenario)──▶ FieldGroup[] (run, organisation, one per CoP, parameters)
 *
 * Pure data: the page turns each field into a slider, a select or a switch.
 */
import type { z } from 'zod';
import { formatPath } from '../scenario/errors.js';
import { copSchema, scenarioSchema, type Scenario } from '../scenario/schema.js';
import { copIds } from '../scenario/vocabulary.js';
import { numberBounds, numberOrKeywords, unwrapSchema } from '../scenario/schema-walk.js';

type Schema = z.core.$ZodType;

/** What every control has: where its value lives, how it is named and what it means. */
interface FieldBase {
  /** The setting's path, as `--set` takes it: `cops.0.support.fundedHours`. */
  readonly path: string;
  /** The last key, e.g. `fundedHours`. */
  readonly key: string;
  /** The key in words: `funded hours`. */
  readonly label: string;
  /** The schema's description of the setting. */
  readonly description: string;
}

/** One setting's control. */
export type Field =
  | (FieldBase & {
      readonly kind: 'number';
      /** The documented range; a slider needs both ends (a missing end is taken from the scenario). */
      readonly min?: number;
      readonly max?: number;
      readonly integer: boolean;
      /** Words the setting also takes in place of a number, e.g. `auto` for steering. */
      readonly keywords: readonly string[];
    })
  | (FieldBase & { readonly kind: 'choice'; readonly options: readonly string[] })
  | (FieldBase & { readonly kind: 'switch' })
  | (FieldBase & {
      /** A discriminated union of objects (a CoP's target group): a choice of kind, then the kind's own choices. */
      readonly kind: 'union';
      readonly discriminator: string;
      readonly variants: readonly { readonly tag: string; readonly choices: readonly { key: string; options: readonly string[] }[] }[];
    })
  | (FieldBase & { readonly kind: 'group'; readonly fields: readonly Field[] });

/** A panel of controls. */
export interface FieldGroup {
  /** `run`, `organisation`, `cops.0`, `parameters`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly Field[];
}

/** Keys that describe a scenario or a CoP instead of setting it, or that have controls of their own. */
const NOT_CONTROLS = new Set(['$schema', 'name', 'description', 'source', 'extends', 'id', 'cops', 'events', 'organisation', 'parameters']);

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
  discriminator?: string;
}

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

/** The description of a schema, looking through its wrappers. */
function describedAs(schema: Schema): string {
  let current: Schema | undefined = schema;
  while (current !== undefined) {
    const text = (current as { description?: string }).description;
    if (text !== undefined && text !== '') return text;
    const def = current._zod.def as unknown as { innerType?: Schema; in?: Schema };
    current = def.innerType ?? def.in;
  }
  return '';
}

/**
 * A camelCase key in words.
 *
 * @example keyLabel('fundedHours') // → 'funded hours'
 */
export function keyLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The control for one setting, or undefined for a kind the explorer has no control for. */
export function fieldOf(schema: Schema, path: readonly (string | number)[]): Field | undefined {
  const key = String(path[path.length - 1] ?? '');
  const base: FieldBase = { path: formatPath(path), key, label: keyLabel(key), description: describedAs(schema) };
  const inner = unwrapSchema(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'number': {
      const bounds = numberBounds(inner);
      return { ...base, kind: 'number', ...bounds, keywords: [] };
    }
    case 'boolean':
      return { ...base, kind: 'switch' };
    case 'enum':
      return { ...base, kind: 'choice', options: Object.values(def.entries ?? {}) };
    case 'union': {
      const mixed = numberOrKeywords(inner);
      if (mixed !== undefined) return { ...base, kind: 'number', ...mixed.bounds, keywords: mixed.keywords };
      if (def.discriminator === undefined) return undefined;
      return { ...base, kind: 'union', discriminator: def.discriminator, variants: (def.options ?? []).map((o) => variantOf(o, def.discriminator as string)) };
    }
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).flatMap(([k, child]) => {
        const field = fieldOf(child, [...path, k]);
        return field === undefined ? [] : [field];
      });
      return { ...base, kind: 'group', fields };
    }
    default:
      return undefined;
  }
}

function variantOf(option: Schema, discriminator: string): { tag: string; choices: { key: string; options: string[] }[] } {
  const shape = defOf(unwrapSchema(option)).shape ?? {};
  const tagSchema = shape[discriminator];
  const tag = String((tagSchema === undefined ? [] : (defOf(unwrapSchema(tagSchema)).values ?? []))[0] ?? '');
  const choices = Object.entries(shape).flatMap(([key, child]) => {
    if (key === discriminator) return [];
    const def = defOf(unwrapSchema(child));
    return def.type === 'enum' ? [{ key, options: Object.values(def.entries ?? {}) }] : [];
  });
  return { tag, choices };
}

function objectFields(schema: Schema, path: readonly (string | number)[], skip: ReadonlySet<string> = NOT_CONTROLS): Field[] {
  const shape = defOf(unwrapSchema(schema)).shape ?? {};
  return Object.entries(shape).flatMap(([key, child]) => {
    if (skip.has(key)) return [];
    const field = fieldOf(child, [...path, key]);
    return field === undefined ? [] : [field];
  });
}

/**
 * The panels of controls for a scenario: the run (weeks), the organisation, one per CoP, and
 * the model parameters. Only the number of CoPs and their names come from the scenario; every
 * control comes from the schema.
 *
 * @example settingFields(loadBuiltin('baseline').scenario).map((g) => g.id)
 * // → ['run', 'organisation', 'cops.0', 'parameters']
 */
export function settingFields(scenario: Pick<Scenario, 'cops'>): FieldGroup[] {
  const shape = defOf(scenarioSchema).shape ?? {};
  const section = (key: string): Schema => shape[key] as Schema;
  const ids = copIds(scenario);
  return [
    { id: 'run', title: 'Run', description: describedAs(scenarioSchema), fields: objectFields(scenarioSchema, []) },
    { id: 'organisation', title: 'Organisation', description: describedAs(section('organisation')), fields: objectFields(section('organisation'), ['organisation']) },
    ...scenario.cops.map((cop, i) => ({
      id: `cops.${i}`,
      title: cop.name ?? ids[i] ?? `cop${i + 1}`,
      description: describedAs(copSchema),
      fields: objectFields(copSchema, ['cops', i]),
    })),
    { id: 'parameters', title: 'Model parameters', description: describedAs(section('parameters')), fields: objectFields(section('parameters'), ['parameters']) },
  ];
}
