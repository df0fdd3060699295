/**
 * Resolving a targets file: every prior read and checked against its setting's range in the
 * scenario schema, every pattern's scenarios loaded (with the priors' medians as the free
 * parameters' values) and its measure checked, so that nothing can fail once simulating has
 * begun. Scenarios that several patterns share are simulated once per particle.
 *
 *   TargetsFileData ──priors, arms (file weeks, pattern set, --set, arm set), measures──▶ ResolvedTargets
 *   ResolvedTargets + θ ──loadArm (θ as the last overrides)──▶ Scenario
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parsePrior, priorQuantile, priorText, type Prior } from '../../calibration/priors.js';
import { ScenarioError, type ScenarioIssue } from '../../scenario/errors.js';
import { loadScenario, parseScenario } from '../../scenario/load.js';
import { parseSet } from '../../scenario/overrides.js';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { numberBounds, schemaAt, unwrapSchema } from '../../scenario/schema-walk.js';
import { copIds } from '../../scenario/vocabulary.js';
import { formatHypothesisPath } from '../hypotheses/parse.js';
import { armIssue, looksLikePath, toMeasure } from '../hypotheses/resolve.js';
import type { ArmRef } from '../hypotheses/schema.js';
import { describeMeasure, measureProblem, type Measure } from '../measure.js';
import { TargetsError } from './parse.js';
import type { ParameterData, PatternData, TargetsFileData } from './schema.js';

/** A free parameter: its setting and prior. */
export interface CalibrationParameter {
  readonly path: string;
  readonly prior: Prior;
  /** The prior as written, with its bounds, e.g. `normal(0.6, 0.15) on [0.1, 1]`. */
  readonly priorText: string;
}

/** A scenario that patterns read, simulated once per particle. */
export interface CalibrationArm {
  /** The scenario and its overrides, as tables name it. */
  readonly label: string;
  /** What `loadScenario` is given: a built-in name or a file path (relative to the targets file resolved). */
  readonly target: string;
  /** `builtin:NAME` or the scenario file's path. */
  readonly source: string;
  /** Overrides before the free parameters': file weeks, the pattern's set, `--set`, the arm's own set. */
  readonly sets: readonly string[];
}

/** A pattern ready to read from simulated arms. */
export interface CalibrationPattern {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  /** `level`: the mean of the measure over one scenario's replications; `difference`: the mean paired difference b − a. */
  readonly kind: 'level' | 'difference';
  /** Indices into `ResolvedTargets.arms`: one (level) or two, a then b (difference). */
  readonly arms: readonly number[];
  /** The measure per arm (its CoP resolved). */
  readonly measures: readonly Measure[];
  /** The measure in words. */
  readonly measureText: string;
  /** The scenario or arms in words, e.g. `baseline [organisation.employees=300]`. */
  readonly label: string;
  readonly target: number;
  readonly tolerance: number;
  readonly weight: number;
}

/** Settings a targets file may give (command-line options win). */
export interface TargetsDefaults {
  readonly particles?: number | undefined;
  readonly alpha?: number | undefined;
  readonly minAcceptance?: number | undefined;
  readonly runs?: number | undefined;
  readonly maxGenerations?: number | undefined;
}

/** A targets file, resolved. */
export interface ResolvedTargets {
  readonly file: string;
  readonly description: string;
  readonly defaults: TargetsDefaults;
  readonly parameters: readonly CalibrationParameter[];
  readonly arms: readonly CalibrationArm[];
  readonly patterns: readonly CalibrationPattern[];
}

/** Options of `resolveTargets`. */
export interface ResolveTargetsOptions {
  /** The file, for messages and relative scenario paths. Default `<input>` and the working directory. */
  readonly file?: string;
  /** `--set` overrides for every scenario, after the pattern's set and before an arm's own. */
  readonly sets?: readonly string[];
}

/**
 * Resolves a targets file; also returns the warnings of the scenarios it loaded.
 *
 * @throws TargetsError naming the field for a prior outside its setting's range, a setting
 *   that is not a number or takes whole numbers, an unknown scenario or setting, or a measure
 *   a scenario cannot give
 * @example resolveTargets(readTargetsFile('patterns.yaml'), { file: 'patterns.yaml' }).targets.arms.length
 */
export function resolveTargets(data: TargetsFileData, options: ResolveTargetsOptions = {}): { targets: ResolvedTargets; warnings: ScenarioIssue[] } {
  const file = options.file ?? '<input>';
  const baseDir = options.file === undefined ? process.cwd() : dirname(resolve(options.file));
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const arms: CalibrationArm[] = [];
  const armIndex = new Map<string, number>();
  const patterns: CalibrationPattern[] = [];
  // The schema is the same for every scenario: check the parameters against the first.
  const first = firstScenario(data, baseDir);
  const parameters = data.parameters.map((p, i) => resolveParameter(p, first, file, formatHypothesisPath(['parameters', i])));
  const checked = parameters.every((p): p is CalibrationParameter => !Array.isArray(p));
  if (!checked) issues.push(...parameters.filter((p): p is ScenarioIssue[] => Array.isArray(p)).flat());
  const middle = checked ? thetaSets(parameters, parameters.map((p) => priorQuantile(p.prior, 0.5))) : [];
  if (checked && first !== undefined) issues.push(...cornerIssues(parameters, first, file));
  data.patterns.forEach((p, i) => {
    const at = (...rest: (string | number)[]): string => formatHypothesisPath(['patterns', i, ...rest]);
    const common = [...(data.weeks === undefined ? [] : [`weeks=${data.weeks}`]), ...[p.set ?? []].flat(), ...(options.sets ?? [])];
    const refs: [string, ArmRef][] = p.compare === undefined ? [['scenario', p.scenario as string]] : [['compare.a', p.compare.a], ['compare.b', p.compare.b]];
    const measure = toMeasure(p.measure);
    const resolved = refs.map(([field, ref]) => {
      const { scenario: name, set, cop } = typeof ref === 'string' ? { scenario: ref, set: undefined, cop: undefined } : ref;
      const target = looksLikePath(name) && !isAbsolute(name) ? join(baseDir, name) : name;
      const own = set === undefined ? [] : [set].flat();
      const sets = [...common, ...own];
      try {
        const loaded = loadScenario(target, { sets: [...sets, ...middle] });
        warnings.push(...loaded.warnings);
        const armCop = cop ?? measure.cop ?? copIds(loaded.scenario)[0];
        const armMeasure: Measure = { ...measure, ...(armCop === undefined ? {} : { cop: armCop }) };
        const problem = measureProblem(armMeasure, copIds(loaded.scenario), loaded.scenario.weeks);
        if (problem !== undefined) {
          issues.push({ file, path: at('measure'), message: `${problem} (in ${armLabel(name, [...[p.set ?? []].flat(), ...own])})` });
          return undefined;
        }
        const label = armLabel(name, sets);
        const key = JSON.stringify([target, sets]);
        let index = armIndex.get(key);
        if (index === undefined) {
          index = arms.length;
          arms.push({ label, target, source: loaded.source, sets });
          armIndex.set(key, index);
        }
        return { index, measure: armMeasure, label };
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        issues.push(...error.issues.map((issue) => armIssue(issue, file, at(field))));
        return undefined;
      }
    });
    if (resolved.some((r) => r === undefined)) return;
    const sides = resolved as { index: number; measure: Measure; label: string }[];
    patterns.push(resolvePattern(p, sides));
  });
  if (issues.length > 0) throw new TargetsError(issues);
  return {
    targets: {
      file,
      description: data.description ?? '',
      defaults: {
        particles: data.particles,
        alpha: data.alpha,
        minAcceptance: data.min_acceptance,
        runs: data.runs,
        maxGenerations: data.max_generations,
      },
      parameters: parameters as CalibrationParameter[],
      arms,
      patterns,
    },
    warnings,
  };
}

function resolvePattern(p: PatternData, sides: readonly { index: number; measure: Measure; label: string }[]): CalibrationPattern {
  const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number] | undefined];
  return {
    id: p.id,
    statement: p.statement ?? '',
    source: p.source ?? '',
    kind: b === undefined ? 'level' : 'difference',
    arms: sides.map((s) => s.index),
    measures: sides.map((s) => s.measure),
    measureText: b === undefined ? describeMeasure(a.measure) : `${describeMeasure(b.measure)}, b − a`,
    label: b === undefined ? a.label : `b: ${b.label} − a: ${a.label}`,
    target: p.target,
    tolerance: p.tolerance,
    weight: p.weight ?? 1,
  };
}

/** The first pattern's scenario as it stands, to check the parameters' settings against; undefined when it does not load (its pattern then says why). */
function firstScenario(data: TargetsFileData, baseDir: string): Scenario | undefined {
  const p = data.patterns[0];
  const ref = p?.scenario ?? p?.compare?.a;
  if (ref === undefined) return undefined;
  const name = typeof ref === 'string' ? ref : ref.scenario;
  try {
    return loadScenario(looksLikePath(name) && !isAbsolute(name) ? join(baseDir, name) : name).scenario;
  } catch {
    return undefined;
  }
}

/** A parameter's prior, checked against its setting in the schema; its issues when it has any. */
function resolveParameter(p: ParameterData, scenario: Scenario | undefined, file: string, at: string): CalibrationParameter | ScenarioIssue[] {
  const fail = (field: string, message: string): ScenarioIssue[] => [{ file, path: `${at}.${field}`, message }];
  const parsed = parsePrior(p.prior);
  if (!parsed.ok) return fail('prior', parsed.message);
  let segments: (string | number)[];
  try {
    segments = parseSet(`${p.path}=0`).path;
  } catch {
    return fail('path', `expected a dotted setting path like parameters.contributions.coreSpeaking, got "${p.path}"`);
  }
  const schema = scenario === undefined ? undefined : schemaAt(scenarioSchema, segments, scenario);
  if (scenario !== undefined && schema === undefined) {
    return fail('path', `no setting "${p.path}" in the scenario schema (see docs/PARAMETERS.md and docs/SETTINGS.md)`);
  }
  const def = schema === undefined ? undefined : (unwrapSchema(schema)._zod.def as unknown as { type: string });
  if (schema !== undefined && def?.type !== 'number' && def?.type !== 'union') {
    return fail('path', `"${p.path}" is not a number setting: only numbers can be calibrated`);
  }
  const bounds = numberBounds(schema);
  if (bounds.integer) return fail('path', `"${p.path}" takes whole numbers; calibration draws continuous values, so calibrate a number setting`);
  const [lo, hi] = parsed.kind === 'normal' ? (p.bounds ?? [bounds.min, bounds.max]) : [parsed.a, parsed.b];
  if (lo === undefined || hi === undefined) {
    return fail('bounds', `the schema does not bound "${p.path}" on both sides: give bounds [lo, hi] for its normal prior`);
  }
  const range = `${bounds.min ?? '−∞'} to ${bounds.max ?? '∞'}`;
  if ((bounds.min !== undefined && lo < bounds.min) || (bounds.max !== undefined && hi > bounds.max)) {
    return fail(parsed.kind === 'normal' ? 'bounds' : 'prior', `[${lo}, ${hi}] reaches outside the range of "${p.path}", ${range}`);
  }
  const prior: Prior = parsed.kind === 'normal' ? { kind: 'normal', mean: parsed.a, sd: parsed.b, lo, hi } : { kind: parsed.kind, lo, hi };
  return { path: p.path, prior, priorText: priorText(prior) };
}

/** Parameters whose corners `cornerIssues` tries; past this, the box has too many corners to try each. */
const MAX_CORNER_PARAMETERS = 8;

/**
 * The problems of the priors' corners: a combination of the parameters' extreme values that
 * makes no valid scenario (such as a core threshold below the active one), which a particle
 * could draw. Cross-field rules of the scenario compare parameters pairwise, so the corners of
 * the box of bounds find them.
 */
function cornerIssues(parameters: readonly CalibrationParameter[], scenario: Scenario, file: string): ScenarioIssue[] {
  if (parameters.length > MAX_CORNER_PARAMETERS) return [];
  for (let corner = 0; corner < 2 ** parameters.length; corner++) {
    const theta = parameters.map((p, k) => ((corner >> k) & 1 ? p.prior.hi : p.prior.lo));
    try {
      parseScenario(scenario, { sets: thetaSets(parameters, theta) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const values = thetaSets(parameters, theta).join(', ');
      const reason = error.issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('; ');
      return [{ file, path: 'parameters', message: `the priors allow ${values}, which is not a valid scenario (${reason}); choose ranges whose every combination is valid` }];
    }
  }
  return [];
}

/**
 * The overrides that give the free parameters the values `theta`, last in a scenario's
 * overrides. A number's text reads back to the same double.
 *
 * @example thetaSets([{ path: 'parameters.churn.welcomeTie', … }], [0.55]) // → ['parameters.churn.welcomeTie=0.55']
 */
export function thetaSets(parameters: readonly Pick<CalibrationParameter, 'path'>[], theta: readonly number[]): string[] {
  return parameters.map((p, k) => `${p.path}=${String(theta[k])}`);
}

/** An arm's scenario with the free parameters at `theta`. */
export function loadArm(arm: CalibrationArm, parameters: readonly CalibrationParameter[], theta: readonly number[]): Scenario {
  return loadScenario(arm.target, { sets: [...arm.sets, ...thetaSets(parameters, theta)] }).scenario;
}

/** A scenario and its overrides in words. */
function armLabel(name: string, sets: readonly string[]): string {
  return sets.length === 0 ? name : `${name} [${sets.join(', ')}]`;
}
