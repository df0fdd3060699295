/**
 * A screening from its parameters to its ranked table.
 *
 *   --params ──parseParams / resolveFactors──▶ Factor[] ──sensitivityDesign──▶ design points
 *            ──load (every point, before any simulation)──▶ scenarios
 *            ──simulate (same seed at every point)──▶ mean of the measure per point
 *            ──sensitivityRows (elementaryEffects)──▶ SensitivityRow[]
 */
import type { Collected } from '../../aggregate/types.js';
import { ScenarioError } from '../../scenario/errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { copIds } from '../../scenario/vocabulary.js';
import { mean } from '../../stats/mean.js';
import { countFinite } from '../../stats/count-finite.js';
import { measureProblem, measureValues, type Measure } from '../measure.js';
import { DesignError } from '../errors.js';
import { sensitivityDesign, type SensitivityDesign } from './design.js';
import { sensitivityRows, type SensitivityRow } from './effects.js';
import type { Factor } from './params.js';

/** What `planSensitivity` needs. */
export interface SensitivityInput {
  readonly factors: readonly Factor[];
  readonly measure: Measure;
  /** Trajectories r; default 10. */
  readonly trajectories?: number;
  /** Grid levels p; default 4. */
  readonly levels?: number;
  /** Seed of the design's draws. */
  readonly seed: number;
  /** The scenario of a design point, from its overrides (`path=value`, applied last). */
  readonly load: (sets: readonly string[]) => Scenario;
}

/** A screening ready to simulate. */
export interface SensitivityPlan {
  readonly design: SensitivityDesign;
  readonly measure: Measure;
  /** One scenario per design point. */
  readonly scenarios: readonly Scenario[];
  readonly cop: string;
}

/** A finished screening. */
export interface SensitivityResult {
  readonly plan: SensitivityPlan;
  /** The measure at each design point: the mean over its replications (NaN when none has a value). */
  readonly outputs: Float64Array;
  /** Replications with a value at each design point. */
  readonly counts: number[];
  /** Ranked, most influential first. */
  readonly rows: SensitivityRow[];
}

/**
 * The design and every design point's scenario, loaded and checked before anything is
 * simulated.
 *
 * @throws DesignError; ScenarioError naming the design point for a value the scenario refuses
 */
export function planSensitivity(input: SensitivityInput): SensitivityPlan {
  const design = sensitivityDesign(input.factors, {
    seed: input.seed,
    ...(input.trajectories === undefined ? {} : { trajectories: input.trajectories }),
    ...(input.levels === undefined ? {} : { levels: input.levels }),
  });
  const scenarios = design.sets.map((sets, point) => loadDesignPoint(input.load, sets, point, [input.measure]));
  const cop = input.measure.cop ?? (copIds(scenarios[0] as Scenario)[0] as string);
  return { design, measure: input.measure, scenarios, cop };
}

/**
 * The scenario of one design point, checked: a value the scenario refuses names the point and
 * its overrides, and every measure must be readable from it.
 *
 * @throws ScenarioError naming the design point; DesignError for a measure the point cannot give
 */
export function loadDesignPoint(
  load: (sets: readonly string[]) => Scenario,
  sets: readonly string[],
  point: number,
  measures: readonly Measure[],
): Scenario {
  let scenario: Scenario;
  try {
    scenario = load(sets);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(error.issues.map((issue) => ({ ...issue, file: `${issue.file} (design point ${point}: ${pointLabel(sets, issue)})` })));
  }
  for (const measure of measures) {
    const problem = measureProblem(measure, copIds(scenario), scenario.weeks);
    if (problem !== undefined) throw new DesignError(`design point ${point}: ${problem}`);
  }
  return scenario;
}

/**
 * The overrides of a design point, as an error names them: all of a few; of many, those the
 * issue names (by path or in its message) and how many there are.
 */
function pointLabel(sets: readonly string[], issue: { readonly path: string; readonly message: string }): string {
  if (sets.length <= 4) return sets.join(', ');
  const named = sets.filter((set) => {
    const path = set.slice(0, set.indexOf('='));
    return issue.path === path || issue.message.includes(path);
  });
  return `${named.join(', ')}${named.length > 0 ? ', ' : ''}… (${sets.length} settings)`;
}

/** Simulates every design point in order and ranks the parameters. */
export async function simulateSensitivity(
  plan: SensitivityPlan,
  simulate: (scenario: Scenario, point: number) => Promise<Collected>,
): Promise<SensitivityResult> {
  const outputs = new Float64Array(plan.scenarios.length);
  const counts: number[] = [];
  for (let point = 0; point < plan.scenarios.length; point++) {
    const values = measureValues(await simulate(plan.scenarios[point] as Scenario, point), plan.measure);
    outputs[point] = mean(values);
    counts.push(countFinite(values));
  }
  return { plan, outputs, counts, rows: sensitivityRows(plan.design, outputs) };
}

/**
 * design.csv's rows: each design point with its trajectory, the value of every parameter and
 * the measure's mean (`mean`) over `n` replications with a value.
 */
export function designRows(result: SensitivityResult): Record<string, number>[] {
  const { design } = result.plan;
  const perTrajectory = design.factors.length + 1;
  return design.values.map((values, point) => {
    const row: Record<string, number> = { point, trajectory: Math.floor(point / perTrajectory) };
    design.factors.forEach((factor, i) => (row[factor.path] = values[i] as number));
    row['n'] = result.counts[point] as number;
    row['mean'] = result.outputs[point] as number;
    return row;
  });
}

/**
 * The columns of design.csv: point, trajectory, one per parameter (named by its path), n, mean.
 */
export function designColumns(factors: readonly Factor[]): string[] {
  return ['point', 'trajectory', ...factors.map((f) => f.path), 'n', 'mean'];
}
