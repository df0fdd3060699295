/**
 * runSweep: a sweep from its axes to its rows.
 *
 *   axes ──sweepPoints──▶ points ──checkSweepPaths, load (every point, before any simulation)──▶ scenarios
 *        ──simulate (same seed at every point)──▶ Collected per point ──measureValues──▶ sweepRows
 */
import type { Collected } from '../../aggregate/types.js';
import { formatIssue, ScenarioError, type ScenarioIssue } from '../../scenario/errors.js';
import { applySets } from '../../scenario/overrides.js';
import type { Scenario } from '../../scenario/schema.js';
import { copIds } from '../../scenario/vocabulary.js';
import { measureProblem, measureValues, type Measure } from '../measure.js';
import { DesignError } from '../errors.js';
import { describePoint, sweepPoints, type SweepPoint } from './grid.js';
import { sweepRows, type SweepRow } from './rows.js';
import type { SweepAxis } from './vary.js';

/** What `runSweep` needs. */
export interface SweepInput {
  /** One or two varied settings. */
  readonly axes: readonly SweepAxis[];
  readonly measure: Measure;
  /** The scenario of a point, from the point's overrides (`path=value`, applied last). */
  readonly load: (sets: readonly string[]) => Scenario;
  /**
   * Replications of a point's scenario. Give every point the same master seed: the points then
   * share their replication seeds (common random numbers), so differences between points come
   * from the settings, not from the draws.
   */
  readonly simulate: (scenario: Scenario, point: SweepPoint) => Promise<Collected>;
}

/** A finished sweep. */
export interface SweepResult {
  readonly axes: readonly SweepAxis[];
  readonly points: readonly SweepPoint[];
  /** The measured CoP's id. */
  readonly cop: string;
  /** One row per point, in point order. */
  readonly rows: SweepRow[];
  /** The measure's value in every replication, per point. */
  readonly values: Float64Array[];
}

/**
 * The scenario of every point, loaded and validated before anything is simulated, so a bad
 * value fails at once. Also checks that the measure can be read from every point.
 *
 * @throws ScenarioError whose issues name the point; DesignError when the measure does not fit a point
 */
export function loadSweepScenarios(
  points: readonly SweepPoint[],
  measure: Measure,
  load: (sets: readonly string[]) => Scenario,
): Scenario[] {
  return points.map((point) => {
    let scenario: Scenario;
    try {
      scenario = load(point.sets);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new ScenarioError(error.issues.map((issue) => atPoint(issue, point)));
    }
    const problem = measureProblem(measure, copIds(scenario), scenario.weeks);
    if (problem !== undefined) throw new DesignError(`sweep point ${describePoint(point)}: ${problem}`);
    return scenario;
  });
}

/** An issue of a point's scenario, naming the point: `--vary a=5` for its own override. */
function atPoint(issue: ScenarioIssue, point: SweepPoint): ScenarioIssue {
  const own = point.sets.find((set) => issue.file === `--set ${set}`);
  const where = `sweep point ${describePoint(point)}`;
  if (own === undefined) return { ...issue, file: `${issue.file} (${where})` };
  return { ...issue, file: point.sets.length === 1 ? `--vary ${own}` : `--vary ${own} (${where})` };
}

/**
 * Refuses an axis whose path names no setting of `scenario` (an unknown key, an index past the
 * end of a list, a field of a number), quoting the `--vary` expression as given and suggesting
 * the nearest valid key. Such a problem is the path's, not a value's, so it is reported once
 * for the axis rather than for a point.
 *
 * @throws DesignError, e.g. `--vary cops.0.support.fundedHourz=0:4:1: cops.0.support: unknown key "fundedHourz" (did you mean "fundedHours"?)`
 */
export function checkSweepPaths(axes: readonly SweepAxis[], scenario: Scenario): void {
  for (const axis of axes) {
    try {
      // Setting a path only walks the schema and the data; the value is checked later, per point.
      applySets(scenario, [`${axis.path}=${String(axis.values[0] ?? 0)}`]);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const problems = error.issues.map((issue) => formatIssue({ ...issue, file: '' })).join('; ');
      throw new DesignError(`--vary ${axis.text ?? `${axis.path}=${axis.values.join(',')}`}: ${problems}`);
    }
  }
}

/** A sweep ready to simulate: its points and their validated scenarios. */
export interface SweepPlan {
  readonly axes: readonly SweepAxis[];
  readonly measure: Measure;
  readonly points: readonly SweepPoint[];
  /** One scenario per point, in point order. */
  readonly scenarios: readonly Scenario[];
  /** The measured CoP's id. */
  readonly cop: string;
}

/**
 * The points of a sweep and their scenarios, every one loaded and checked: nothing is
 * simulated yet, so a bad value fails at once.
 *
 * @throws DesignError for a bad grid, path or measure; ScenarioError naming the point for a bad value
 */
export function planSweep(input: Omit<SweepInput, 'simulate'>): SweepPlan {
  const points = sweepPoints(input.axes);
  checkSweepPaths(input.axes, input.load([]));
  const scenarios = loadSweepScenarios(points, input.measure, input.load);
  const cop = input.measure.cop ?? (copIds(scenarios[0] as Scenario)[0] as string);
  return { axes: input.axes, measure: input.measure, points, scenarios, cop };
}

/**
 * Simulates every point of a planned sweep in order and summarises the measure at each.
 */
export async function simulateSweep(plan: SweepPlan, simulate: SweepInput['simulate']): Promise<SweepResult> {
  const values: Float64Array[] = [];
  for (const point of plan.points) {
    const collected = await simulate(plan.scenarios[point.index] as Scenario, point);
    values.push(measureValues(collected, plan.measure));
  }
  const { axes, points, cop } = plan;
  return { axes, points, cop, rows: sweepRows(axes, points, values, plan.measure, cop), values };
}

/**
 * A sweep from start to end: `planSweep`, then `simulateSweep`.
 *
 * @example
 * const result = await runSweep({
 *   axes: [parseVary('cops.0.support.fundedHours=0:4:2')],
 *   measure: { metric: 'members' },
 *   load: (sets) => loadScenario('baseline', { sets }).scenario,
 *   simulate: (scenario) => runMonteCarlo(scenario, { runs: 50, masterSeed: 1, workers: 4 }),
 * });
 * result.rows[0] // → { 'cops.0.support.fundedHours': 0, cop: 'scrum-masters', metric: 'members', week: 'final', n: 50, mean: …, … }
 */
export async function runSweep(input: SweepInput): Promise<SweepResult> {
  return simulateSweep(planSweep(input), input.simulate);
}
