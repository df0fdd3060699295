/**
 * `--params`: the settings a screening varies and their ranges, from the scenario schema or
 * given as `path=min:max`.
 */
import { parametersSchema } from '../../engine/parameters.js';
import { ScenarioError } from '../../scenario/errors.js';
import { applySets, parseSet } from '../../scenario/overrides.js';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { childOf, numberBounds, schemaAt, unwrapSchema } from '../../scenario/schema-walk.js';
import { DesignError } from '../errors.js';

/** A parameter as given: a path, and a range when one was given. */
export interface ParamSpec {
  readonly path: string;
  readonly range?: { readonly min: number; readonly max: number } | undefined;
}

/** A screened parameter: its path and the range its values are drawn from. */
export interface Factor {
  readonly path: string;
  readonly min: number;
  readonly max: number;
  /** Whether the setting takes whole numbers only (its design values are rounded). */
  readonly integer: boolean;
  /**
   * Where the range came from: `given` as `path=min:max`, `schema`, the setting's validity
   * bounds (see `schemaRangeWarning`), or `suggested`, from the schema's minimum to about twice
   * the scenario's value, for a setting of a default design whose value sits in the bottom of
   * its schema range (see `modelParameterFactors`); absent for a factor built in code.
   */
  readonly rangeFrom?: 'given' | 'schema' | 'suggested';
}

/**
 * Reads `--params` items: each `path` or `path=min:max`, several per item when separated by
 * commas.
 *
 * @throws DesignError naming the item and what was expected
 * @example parseParams(['parameters.attendance.habit,cops.0.support.fundedHours=0:8'])
 * // → [{ path: 'parameters.attendance.habit' }, { path: 'cops.0.support.fundedHours', range: { min: 0, max: 8 } }]
 */
export function parseParams(items: readonly string[]): ParamSpec[] {
  const specs = items.flatMap((item) => item.split(',')).map((text) => text.trim()).filter((text) => text !== '').map(parseParam);
  if (specs.length === 0) throw new DesignError('--params is required: name the settings to screen, e.g. --params parameters.attendance.habit,cops.0.support.fundedHours');
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.path)) throw new DesignError(`--params names ${spec.path} twice`);
    seen.add(spec.path);
  }
  return specs;
}

function parseParam(text: string): ParamSpec {
  const fail = (message: string): never => {
    throw new DesignError(`--params ${text}: ${message}`);
  };
  const eq = text.indexOf('=');
  const path = (eq < 0 ? text : text.slice(0, eq)).trim();
  try {
    parseSet(`${path}=0`);
  } catch {
    fail(`expected a dotted setting path like cops.0.support.fundedHours, got "${path}"`);
  }
  if (eq < 0) return { path };
  const parts = text.slice(eq + 1).split(':').map((p) => p.trim());
  const numbers = parts.map((p) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(p) ? Number(p) : Number.NaN));
  if (parts.length !== 2 || numbers.some((n) => !Number.isFinite(n))) fail('expected a range path=min:max of two numbers, e.g. cops.0.support.fundedHours=0:8');
  const [min, max] = numbers as [number, number];
  if (!(min < max)) fail(`the range must have min < max, got ${min}:${max}`);
  return { path, range: { min, max } };
}

/** A numeric setting's bounds in the schema (either may be missing) and whether it takes whole numbers. */
export interface SettingBounds {
  readonly min?: number;
  readonly max?: number;
  readonly integer: boolean;
}

/**
 * The bounds the scenario schema gives a numeric setting. `scenario` resolves which option of
 * a union applies (e.g. a CoP's target group).
 *
 * @throws DesignError when the path names no setting, or not a number
 * @example settingBounds('cops.0.founders', scenario) // → { min: 1, max: 1000, integer: true }
 */
export function settingBounds(path: string, scenario: Scenario): SettingBounds {
  const segments = parseSet(`${path}=0`).path;
  const schema = schemaAt(scenarioSchema, segments, scenario);
  if (schema === undefined) throw new DesignError(`--params ${path}: ${unknownSetting(path, scenario)}`);
  if (!isNumeric(schema)) {
    throw new DesignError(`--params ${path}: not a number setting; screening varies numbers only (use "copsim sweep --vary ${path}=a,b" for choices)`);
  }
  return numberBounds(schema);
}

/**
 * The range of a numeric setting as the schema bounds it, and whether it takes whole numbers.
 *
 * @throws DesignError as `settingBounds`, and when the schema does not bound the setting on
 *   both sides (give a range `path=min:max` then)
 * @example schemaRange('cops.0.support.fundedHours', scenario) // → { path: 'cops.0.support.fundedHours', min: 0, max: 40, integer: false }
 */
export function schemaRange(path: string, scenario: Scenario): Factor {
  const { min, max, integer } = settingBounds(path, scenario);
  if (min === undefined || max === undefined) {
    const missing = min === undefined && max === undefined ? 'no bounds' : min === undefined ? 'no lower bound' : 'no upper bound';
    throw new DesignError(
      `--params ${path}: the schema gives ${missing} for this setting; give its range, e.g. --params ${path}=${min ?? 0}:${max ?? (min ?? 0) + 10}`,
    );
  }
  return { path, min, max, integer };
}

/** Why `path` names no setting, with the scenario loader's suggestion. */
function unknownSetting(path: string, scenario: Scenario): string {
  try {
    applySets(scenario, [`${path}=0`]);
  } catch (error) {
    if (error instanceof ScenarioError) {
      return error.issues.map((issue) => `${issue.path}: ${issue.message}${issue.suggestion ? ` (did you mean "${issue.suggestion}"?)` : ''}`).join('; ');
    }
  }
  return 'no such setting';
}

function isNumeric(schema: Parameters<typeof unwrapSchema>[0]): boolean {
  const def = unwrapSchema(schema)._zod.def as unknown as { type: string; options?: Parameters<typeof unwrapSchema>[0][] };
  if (def.type === 'number') return true;
  return def.type === 'union' && (def.options ?? []).some((o) => isNumeric(o));
}

/**
 * Share of the schema's range below which the scenario's value marks the range as a validity
 * bound rather than a plausible range: a value in the bottom 1% (founders 5 of 1..1000, an
 * announcement probability 0.002 of 0..1) means every design level but the lowest lies tens of
 * times above it, where the model may saturate. See docs/SENSITIVITY.md.
 */
export const SCHEMA_RANGE_FLOOR = 0.01;

/**
 * The factors of a screening: each parameter with its given range, else the schema's. A given
 * range must lie within the schema's bounds. A schema range is refused when the scenario's value
 * of the setting lies in its bottom `SCHEMA_RANGE_FLOOR` (the range is then out of proportion to
 * the value; give one, even `path=min:max` of the schema's own bounds). Whole-number settings need
 * whole-number ends at least `levels − 1` apart, so that every grid level rounds to a value of
 * its own.
 *
 * @throws DesignError naming the parameter and what was expected
 * @example resolveFactors(parseParams(['parameters.attendance.habit']), scenario, 4)
 * // → [{ path: 'parameters.attendance.habit', min: 0, max: 10, integer: false, rangeFrom: 'schema' }]
 */
export function resolveFactors(specs: readonly ParamSpec[], scenario: Scenario, levels: number): Factor[] {
  return specs.map((spec) => {
    const fail = (message: string): never => {
      throw new DesignError(`--params ${spec.path}: ${message}`);
    };
    let factor: Factor;
    if (spec.range === undefined) {
      factor = { ...schemaRange(spec.path, scenario), rangeFrom: 'schema' };
      const value = settingValue(spec.path, scenario);
      const { min, max } = factor;
      if (typeof value === 'number' && value - min < SCHEMA_RANGE_FLOOR * (max - min)) {
        fail(
          `the scenario's value ${value} lies in the bottom ${SCHEMA_RANGE_FLOOR * 100}% of the schema's range ${min}:${max}, ` +
            'which is a validity bound, not a plausible range: the design would screen values far above the scenario\'s, ' +
            `where the effect may saturate. Give the range to screen, e.g. --params ${spec.path}=${exampleRange(factor, value, levels)} ` +
            `(or --params ${spec.path}=${min}:${max} to screen the whole schema range)`,
        );
      }
    } else {
      const bounds = settingBounds(spec.path, scenario);
      const { min, max } = spec.range;
      if (bounds.min !== undefined && min < bounds.min) fail(`the range ${min}:${max} reaches below the schema's minimum ${bounds.min}`);
      if (bounds.max !== undefined && max > bounds.max) fail(`the range ${min}:${max} reaches above the schema's maximum ${bounds.max}`);
      factor = { path: spec.path, min, max, integer: bounds.integer, rangeFrom: 'given' };
    }
    if (factor.integer) {
      const { min, max } = factor;
      if (!Number.isInteger(min) || !Number.isInteger(max)) fail(`takes whole numbers: give a range of whole numbers, got ${min}:${max}`);
      if (max - min < levels - 1) {
        fail(`takes whole numbers: its range ${min}:${max} must span at least levels − 1 = ${levels - 1}, so that the ${levels} levels stay distinct (widen it or use fewer --levels)`);
      }
    }
    return factor;
  });
}

/**
 * The warning for a factor screened over the schema's range, or undefined for a given range.
 *
 * @example schemaRangeWarning({ path: 'cops.0.support.fundedHours', min: 0, max: 40, integer: false, rangeFrom: 'schema' })
 * // → "--params cops.0.support.fundedHours: screening 0:40, the schema's validity range, not a plausible range; …"
 */
export function schemaRangeWarning(factor: Factor): string | undefined {
  if (factor.rangeFrom !== 'schema') return undefined;
  return (
    `--params ${factor.path}: screening ${factor.min}:${factor.max}, the schema's validity range, not a plausible range; ` +
    `effects are measured over all of it, so give the range you mean with --params ${factor.path}=min:max`
  );
}

/** The scenario's value at a setting path, or undefined when it has none there. */
function settingValue(path: string, scenario: Scenario): unknown {
  return parseSet(`${path}=0`).path.reduce<unknown>((data, segment) => childOf(data, segment), scenario);
}

/**
 * A range to suggest around a value in the bottom of its schema range: from the schema's minimum
 * to about twice the value (a tenth of the range when the value sits on the minimum), whole and
 * at least `levels − 1` wide for a whole-number setting.
 */
function exampleRange(factor: Factor, value: number, levels: number): string {
  const { min, max, integer } = factor;
  const raw = value > min ? min + 2 * (value - min) : min + (max - min) / 10;
  const high = integer ? Math.max(Math.ceil(raw), min + levels - 1) : Number(raw.toPrecision(2));
  return `${min}:${Math.min(max, high)}`;
}

/**
 * Every model parameter a design can vary: the numeric settings under `parameters.` (all of
 * docs/PARAMETERS.md but `parameters.knockouts`, a list of channels), in schema order.
 *
 * @example modelParameterPaths()[0] // → 'parameters.population.concentration'
 */
export function modelParameterPaths(): string[] {
  const paths: string[] = [];
  for (const [group, groupSchema] of Object.entries(parametersSchema.shape)) {
    const def = unwrapSchema(groupSchema)._zod.def as unknown as { shape?: Record<string, Parameters<typeof unwrapSchema>[0]> };
    for (const [name, field] of Object.entries(def.shape ?? {})) {
      if (isNumeric(field)) paths.push(`parameters.${group}.${name}`);
    }
  }
  return paths;
}

/**
 * Chains of model parameters that must stay in order, lowest first, for a scenario to be valid
 * (`checkScenario` in scenario/postcheck.ts): a member can reach the role thresholds only if
 * activeAttended ≤ coreAttended ≤ window and activeSpeaking ≤ coreSpeaking.
 */
export const ORDERED_PARAMETERS: readonly (readonly string[])[] = [
  ['parameters.contributions.activeAttended', 'parameters.contributions.coreAttended', 'parameters.contributions.window'],
  ['parameters.contributions.activeSpeaking', 'parameters.contributions.coreSpeaking'],
];

/**
 * The factors of a design that names no parameters: every model parameter
 * (`modelParameterPaths`) over its documented range, the schema's (docs/PARAMETERS.md), with
 * two exceptions, each marked `rangeFrom: 'suggested'`:
 *
 * - a parameter whose scenario value lies in the bottom `SCHEMA_RANGE_FLOOR` of that range (a
 *   rate of 0.006 in 0..1, a weight of 0 in 0..2), which `resolveFactors` would refuse, is varied
 *   from the schema's minimum to about twice its value (a tenth of the range when the value is
 *   the minimum);
 * - the parameters of an `ORDERED_PARAMETERS` chain are varied in adjoining ranges that keep
 *   their order at every design point: the first from its schema minimum to the second's value,
 *   each next one from its own value to the following one's, the last from its value to its
 *   schema maximum. One whose range would be empty (its value equals the next one's) is left
 *   out of the design.
 *
 * @param levels distinct whole values a whole-number parameter's range must hold (Morris's p; 2 for Sobol)
 * @example modelParameterFactors(scenario, 2).find((f) => f.path === 'parameters.recruitment.announcement')
 * // → { path: 'parameters.recruitment.announcement', min: 0, max: 0.012, integer: false, rangeFrom: 'suggested' }
 */
export function modelParameterFactors(scenario: Scenario, levels: number): Factor[] {
  const ordered = new Map<string, { min: number; max: number }>();
  for (const chain of ORDERED_PARAMETERS) {
    const values = chain.map((path) => settingValue(path, scenario) as number);
    chain.forEach((path, i) => {
      const { min, max } = schemaRange(path, scenario);
      ordered.set(path, { min: i === 0 ? min : (values[i] as number), max: i === chain.length - 1 ? max : (values[i + 1] as number) });
    });
  }
  return modelParameterPaths().flatMap((path): Factor[] => {
    const factor: Factor = { ...schemaRange(path, scenario), rangeFrom: 'schema' };
    const chained = ordered.get(path);
    if (chained !== undefined) return chained.min < chained.max ? [{ ...factor, ...chained, rangeFrom: 'suggested' }] : [];
    const value = settingValue(path, scenario);
    const { min, max } = factor;
    if (typeof value !== 'number' || value - min >= SCHEMA_RANGE_FLOOR * (max - min)) return [factor];
    const [low, high] = exampleRange(factor, value, levels).split(':').map(Number) as [number, number];
    return [{ ...factor, min: low, max: high, rangeFrom: 'suggested' }];
  });
}
