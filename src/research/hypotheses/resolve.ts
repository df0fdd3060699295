/**
 * Resolving hypotheses: each arm's scenario loaded with its settings, each measure checked
 * against the scenarios it reads (CoP, weeks), so that nothing can fail after the simulation.
 *
 *   HypothesisFileData ──loadScenario per arm (file weeks, --set, arm's set)──▶ ResolvedHypothesis[]
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { sortKeys } from '../../output/provenance.js';
import { loadScenario } from '../../scenario/load.js';
import { formatIssue, ScenarioError, type ScenarioIssue } from '../../scenario/errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { copIds } from '../../scenario/vocabulary.js';
import { measureProblem, type Measure, type MeasureTime } from '../measure.js';
import { formatHypothesisPath, HypothesisError } from './parse.js';
import type { ArmRef, HypothesisFileData, HypothesisKind, MeasureData } from './schema.js';

/** One side of a comparison, ready to simulate. */
export interface Arm {
  /** How the arm is named in tables: the scenario and its changed settings. */
  readonly label: string;
  /** The scenario as named in the file (a built-in name or a path relative to the file). */
  readonly scenarioRef: string;
  /** `builtin:NAME` or the scenario file's path. */
  readonly source: string;
  /** The arm's own `set` overrides, in order. */
  readonly sets: readonly string[];
  /** The scenario as simulated: file weeks, `--set` and the arm's overrides applied. */
  readonly scenario: Scenario;
  /** What is read from each replication of this arm (its CoP resolved). */
  readonly measure: Measure;
  /** Equal for arms that simulate the same scenario, so each is simulated once. */
  readonly key: string;
}

/** A hypothesis with both arms resolved. */
export interface ResolvedHypothesis {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  /** The kind the file declares: one channel carries the effect (`mechanism`) or none alone does (`emergent`); undefined when not declared. */
  readonly kind: HypothesisKind | undefined;
  readonly expected: 'increase' | 'decrease';
  readonly smallestEffect: number;
  /** The measure as written (its CoP may differ per arm). */
  readonly measure: Measure;
  readonly a: Arm;
  readonly b: Arm;
}

/** Options of `resolveHypotheses`. */
export interface ResolveOptions {
  /** The file the hypotheses came from, for messages and relative scenario paths. Default `<input>` and the working directory. */
  readonly file?: string;
  /** `--set` overrides for every arm, applied after the file's weeks and before the arm's own `set`. Default none. */
  readonly sets?: readonly string[];
}

/** Resolved hypotheses and the scenario warnings met on the way. */
export interface ResolvedHypotheses {
  readonly hypotheses: ResolvedHypothesis[];
  readonly warnings: ScenarioIssue[];
}

/**
 * Loads every arm's scenario and checks every measure against it. Settings are applied in this
 * order: the file's `weeks`, the hypothesis' `weeks`, the `sets` (command line), the arm's own
 * `set` — so an arm's settings, which define the comparison, always win.
 *
 * @throws HypothesisError naming the hypothesis and arm for an unknown scenario, a bad
 *   setting, or a measure the scenario cannot give (unknown CoP, week outside the run)
 * @example resolveHypotheses(readHypothesisFile('study.yaml'), { file: 'study.yaml' }).hypotheses[0].a.label
 * // → 'baseline'
 */
export function resolveHypotheses(data: HypothesisFileData, options: ResolveOptions = {}): ResolvedHypotheses {
  const file = options.file ?? '<input>';
  const baseDir = options.file === undefined ? process.cwd() : dirname(resolve(options.file));
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const hypotheses: ResolvedHypothesis[] = [];
  data.hypotheses.forEach((h, i) => {
    const weeks = h.weeks ?? data.weeks;
    const common = [...(weeks === undefined ? [] : [`weeks=${weeks}`]), ...(options.sets ?? [])];
    const measure = toMeasure(h.measure);
    const arms = (['a', 'b'] as const).map((side) => {
      const path = formatHypothesisPath(['hypotheses', i, 'compare', side]);
      try {
        const arm = resolveArm(h.compare[side], measure, common, baseDir);
        warnings.push(...arm.warnings);
        const problem = measureProblem(arm.arm.measure, copIds(arm.arm.scenario), arm.arm.scenario.weeks);
        if (problem !== undefined) {
          issues.push({ file, path: formatHypothesisPath(['hypotheses', i, 'measure']), message: `${problem} (in ${arm.arm.label})` });
          return undefined;
        }
        return arm.arm;
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        issues.push(...error.issues.map((issue) => armIssue(issue, file, path)));
        return undefined;
      }
    });
    const [a, b] = arms;
    if (a === undefined || b === undefined) return;
    hypotheses.push({
      id: h.id,
      statement: h.statement,
      source: h.source,
      kind: h.kind,
      expected: h.expect,
      smallestEffect: h.smallest_effect,
      measure,
      a,
      b,
    });
  });
  if (issues.length > 0) throw new HypothesisError(issues);
  return { hypotheses, warnings };
}

/** The hypotheses whose ids are in `only`, in file order; all of them when `only` is empty. */
export function selectHypotheses(data: HypothesisFileData, only: readonly string[]): HypothesisFileData {
  if (only.length === 0) return data;
  return { ...data, hypotheses: data.hypotheses.filter((h) => only.includes(h.id)) };
}

/** A measure as a file writes it (`while_alive`, a week as a number) → a `Measure`. */
export function toMeasure(data: MeasureData): Measure {
  const at = data.at;
  const time: MeasureTime | undefined = typeof at === 'number' ? { week: at } : at;
  return {
    metric: data.metric as Measure['metric'],
    ...(data.cop === undefined ? {} : { cop: data.cop }),
    ...(time === undefined ? {} : { at: time }),
    ...(data.while_alive === true ? { whileAlive: true } : {}),
  };
}

function resolveArm(
  ref: ArmRef,
  measure: Measure,
  common: readonly string[],
  baseDir: string,
): { arm: Arm; warnings: ScenarioIssue[] } {
  const { scenario: scenarioRef, set, cop } = typeof ref === 'string' ? { scenario: ref, set: undefined, cop: undefined } : ref;
  const sets = set === undefined ? [] : [set].flat();
  const target = looksLikePath(scenarioRef) && !isAbsolute(scenarioRef) ? join(baseDir, scenarioRef) : scenarioRef;
  const loaded = loadScenario(target, { sets: [...common, ...sets] });
  const scenario = loaded.scenario;
  const armCop = cop ?? measure.cop ?? copIds(scenario)[0];
  const armMeasure: Measure = { ...measure, ...(armCop === undefined ? {} : { cop: armCop }) };
  const label = sets.length === 0 ? scenarioRef : `${scenarioRef} [${sets.join(', ')}]`;
  return {
    arm: { label, scenarioRef, source: loaded.source, sets, scenario, measure: armMeasure, key: scenarioKey(scenario) },
    warnings: loaded.warnings,
  };
}

/** True for a scenario named by a file path rather than a built-in name. */
export function looksLikePath(value: string): boolean {
  return /[/\\]/.test(value) || /\.(ya?ml|json)$/i.test(value);
}

/** A scenario problem placed at the arm that caused it; its own file and path kept in the message. */
export function armIssue(issue: ScenarioIssue, file: string, path: string): ScenarioIssue {
  const { suggestion, ...rest } = issue;
  return { file, path, message: formatIssue(rest), ...(suggestion === undefined ? {} : { suggestion }) };
}

/** The scenario as canonical JSON (keys sorted), so equal scenarios get equal keys. */
export function scenarioKey(scenario: Scenario): string {
  return JSON.stringify(sortKeys(scenario));
}
