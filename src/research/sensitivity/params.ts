/**
 * `--params`: the settings a screening varies and their ranges, from the scenario schema or
 * given as `path=min:max`.
 */
import { ScenarioError } from '../../scenario/errors.js';
import { applySets, parseSet } from '../../scenario/overrides.js';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { numberBounds, schemaAt, unwrapSchema } from '../../scenario/schema-walk.js';
import { DesignError } from '../sweep/errors.js';

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
 * The factors of a screening: each parameter with its given range, else the schema's. A given
 * range must lie within the schema's bounds. Whole-number settings need whole-number ends at
 * least `levels − 1` apart, so that every grid level rounds to a value of its own.
 *
 * @throws DesignError naming the parameter and what was expected
 */
export function resolveFactors(specs: readonly ParamSpec[], scenario: Scenario, levels: number): Factor[] {
  return specs.map((spec) => {
    const fail = (message: string): never => {
      throw new DesignError(`--params ${spec.path}: ${message}`);
    };
    let factor: Factor;
    if (spec.range === undefined) {
      factor = schemaRange(spec.path, scenario);
    } else {
      const bounds = settingBounds(spec.path, scenario);
      const { min, max } = spec.range;
      if (bounds.min !== undefined && min < bounds.min) fail(`the range ${min}:${max} reaches below the schema's minimum ${bounds.min}`);
      if (bounds.max !== undefined && max > bounds.max) fail(`the range ${min}:${max} reaches above the schema's maximum ${bounds.max}`);
      factor = { path: spec.path, min, max, integer: bounds.integer };
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
