/**
 * Hypotheses across the model's declared domain: every hypothesis tested again at each point of
 * the validation's design (`DESIGN`, research/domain.ts), with the same seeds, so that a verdict
 * can be read as "supported at k of m contexts".
 *
 *   DESIGN ──hypothesisContexts (run length left to the hypothesis)──▶ contexts
 *   for each context: arms + pointSets (where the arms agree) ──resolveHypotheses──▶ testHypotheses
 *
 * A context sets the organisation's size and the measured CoP's cadence and kind (target group
 * and theme), after every other setting of the arm, so it wins over `--set` and the arm's own
 * `set`, with one exception: a setting in which the two arms differ is part of the comparison
 * and left to each arm (the target group and theme of `open-topic-broad-size`, say). The run
 * length is the hypothesis' own, since its measure names its weeks ("years 2–3"); design
 * points that differ only in run length are therefore one context.
 */
import { sortKeys } from '../../output/provenance.js';
import { parseSet } from '../../scenario/overrides.js';
import { ScenarioError } from '../../scenario/errors.js';
import { DESIGN, pointSets, type CopKind, type Point } from '../domain.js';
import { valueAt } from './parse.js';
import { resolveHypotheses, type Arm, type ResolvedHypothesis } from './resolve.js';
import type { ArmRef, HypothesisData, HypothesisFileData } from './schema.js';
import { plannedReplications, readMeasures, testHypotheses, type HypothesisOutcome, type MeasureSource } from './test-hypotheses.js';

/** A point of the declared domain, without the run length (which stays each hypothesis' own). */
export interface HypothesisContext {
  /** `e<employees>-c<cadence>-<kind>`, e.g. `e300-c2-scrumMaster`. */
  readonly id: string;
  readonly employees: number;
  readonly cadence: number;
  readonly kind: CopKind;
}

/** One hypothesis tested at one context. */
export interface ContextOutcome {
  readonly id: string;
  readonly context: HypothesisContext;
  /** The test at the context; undefined when the context cannot be applied (see `problem`). */
  readonly outcome: HypothesisOutcome | undefined;
  /** The settings the context applied to arm a, as `path=value`. */
  readonly applied: readonly string[];
  /** The context's settings left to the arms because the arms differ in them, as paths. */
  readonly leftToArms: readonly string[];
  /** Why the context could not be applied (e.g. a scenario it makes invalid). */
  readonly problem: string | undefined;
}

/** "Supported at k of m": one hypothesis across the contexts. */
export interface HypothesisContexts {
  readonly id: string;
  /** Contexts at which the hypothesis is supported. */
  readonly supported: number;
  /** Contexts at which it was tested (those that could be applied). */
  readonly tested: number;
  /** The ids of the contexts at which it was tested and not supported. */
  readonly notSupported: readonly string[];
}

/** Options of `testContexts`: where the values come from (as for `testHypotheses`), and the contexts' settings. */
export type ContextsOptions = MeasureSource & {
  /** Replications per arm at every context. */
  readonly runs: number;
  /** The master seed of every arm, as in the intact test. */
  readonly seed: number;
  /** The hypothesis file, for messages and relative scenario paths. */
  readonly file?: string;
  /** `--set` overrides for every arm (applied before the context's). */
  readonly sets?: readonly string[];
  /** The design points. Default the validation's design, `DESIGN`. */
  readonly points?: readonly Point[];
  /** Called with each scenario warning met while applying a context. */
  readonly warn?: (message: string) => void;
  /** Called before each context with its index (for progress). */
  readonly onContext?: (context: HypothesisContext, index: number) => void;
};

/**
 * The contexts of a design: its points without their run length, each distinct one once, in
 * the design's order.
 *
 * @example hypothesisContexts().length // → 13 (the design's 15 points less the two that vary only the run length)
 */
export function hypothesisContexts(points: readonly Point[] = DESIGN): HypothesisContext[] {
  const seen = new Map<string, HypothesisContext>();
  for (const p of points) {
    const id = `e${p.employees}-c${p.cadence}-${p.kind}`;
    if (!seen.has(id)) seen.set(id, { id, employees: p.employees, cadence: p.cadence, kind: p.kind });
  }
  return [...seen.values()];
}

/**
 * The settings a context gives each arm of `h` (resolved without it): the design point's
 * `--set` overrides for the arm's measured CoP, less those in which the arms differ.
 */
export function contextSets(
  h: ResolvedHypothesis,
  context: HypothesisContext,
): { a: string[]; b: string[]; leftToArms: string[] } {
  const forArm = (arm: Arm): string[] => {
    const index = Math.max(0, arm.scenario.cops.findIndex((c) => c.id === arm.measure.cop));
    const point: Point = { ...context, weeks: arm.scenario.weeks };
    return pointSets(point, { cop: index, weeks: false });
  };
  const setsA = forArm(h.a);
  const setsB = forArm(h.b);
  const a: string[] = [];
  const b: string[] = [];
  const leftToArms: string[] = [];
  setsA.forEach((setA, i) => {
    const setB = setsB[i] as string;
    const pathA = parseSet(setA).path;
    const pathB = parseSet(setB).path;
    const same = canonical(valueAt(h.a.scenario, pathA)) === canonical(valueAt(h.b.scenario, pathB));
    if (same) {
      a.push(setA);
      b.push(setB);
    } else leftToArms.push(pathA.join('.'));
  });
  return { a, b, leftToArms };
}

/**
 * Tests every hypothesis of `data` (resolved intact as `intact`, in the same order) at every
 * context of the design, `runs` replications per arm from `seed`.
 *
 * @example const outcomes = await testContexts(data, resolved, { runs: 50, seed: 1, simulate })
 */
export async function testContexts(
  data: HypothesisFileData,
  intact: readonly ResolvedHypothesis[],
  options: ContextsOptions,
): Promise<ContextOutcome[]> {
  const byId = new Map(data.hypotheses.map((h) => [h.id, h]));
  const results: ContextOutcome[] = [];
  const contexts = hypothesisContexts(options.points);
  const measures = readMeasures(options);
  for (const [index, context] of contexts.entries()) {
    options.onContext?.(context, index);
    const prepared: { h: ResolvedHypothesis; applied: string[]; leftToArms: string[] }[] = [];
    const cells: ContextOutcome[] = [];
    for (const h of intact) {
      const sets = contextSets(h, context);
      const raw = byId.get(h.id) as HypothesisData;
      const hypothesis: HypothesisData = {
        ...raw,
        compare: { a: withSets(raw.compare.a, sets.a, h.a.measure.cop), b: withSets(raw.compare.b, sets.b, h.b.measure.cop) },
      };
      try {
        const resolved = resolveHypotheses({ ...data, hypotheses: [hypothesis] }, {
          ...(options.file === undefined ? {} : { file: options.file }),
          sets: options.sets ?? [],
        });
        for (const w of resolved.warnings) options.warn?.(`${context.id}: ${w.message}`);
        prepared.push({ h: resolved.hypotheses[0] as ResolvedHypothesis, applied: sets.a, leftToArms: sets.leftToArms });
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        cells.push({
          id: h.id,
          context,
          outcome: undefined,
          applied: sets.a,
          leftToArms: sets.leftToArms,
          problem: error.issues.map((i) => i.message).join('; '),
        });
      }
    }
    const outcomes = await testHypotheses(
      prepared.map((p) => p.h),
      { runs: options.runs, seed: options.seed, measures },
    );
    prepared.forEach((p, i) => {
      cells.push({ id: p.h.id, context, outcome: outcomes[i], applied: p.applied, leftToArms: p.leftToArms, problem: undefined });
    });
    // In the file's order within each context.
    const order = new Map(intact.map((h, i) => [h.id, i]));
    cells.sort((x, y) => (order.get(x.id) as number) - (order.get(y.id) as number));
    results.push(...cells);
  }
  return results;
}

/** Replications a test at every context simulates: each context's distinct arms, `runs` each. */
export function plannedContextReplications(hypotheses: readonly ResolvedHypothesis[], runs: number, points: readonly Point[] = DESIGN): number {
  return hypothesisContexts(points).length * plannedReplications(hypotheses, runs);
}

/**
 * "Supported at k of m" for each hypothesis, in the order of `ids`.
 *
 * @example contextCounts(['h'], outcomes)[0] // → { id: 'h', supported: 11, tested: 13, notSupported: ['e300-c2-scrumMaster', ...] }
 */
export function contextCounts(ids: readonly string[], outcomes: readonly ContextOutcome[]): HypothesisContexts[] {
  return ids.map((id) => {
    const tested = outcomes.filter((o) => o.id === id && o.outcome !== undefined);
    const notSupported = tested.filter((o) => o.outcome?.verdict !== 'supported').map((o) => o.context.id);
    return { id, supported: tested.length - notSupported.length, tested: tested.length, notSupported };
  });
}

/** An arm reference with `sets` appended to its own and its CoP named, so the measured CoP stays the one of the intact arm. */
function withSets(ref: ArmRef, sets: readonly string[], cop: string | undefined): ArmRef {
  const arm = typeof ref === 'string' ? { scenario: ref } : ref;
  const own = arm.set === undefined ? [] : [arm.set].flat();
  return { ...arm, set: [...own, ...sets], ...(cop === undefined ? {} : { cop }) };
}

function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : sortKeys(value));
}
