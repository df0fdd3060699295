/**
 * Testing hypotheses: every distinct arm simulated once with the same master seed (common
 * random numbers: replication r of every arm starts from the same seed), each hypothesis'
 * measure read from its two arms and evaluated; optionally more replications for the
 * undecided ones.
 *
 *   ResolvedHypothesis[] ──distinct arms──▶ simulate(scenario, runs) ──measureValues──▶ a[], b[]
 *     ──evaluateHypothesis──▶ HypothesisOutcome[]   (repeat with 2× runs while undecided, if asked)
 *
 * The simulation is passed in, so the command line can show progress and tests can simulate in
 * the main thread.
 */
import type { Collected } from '../../aggregate/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { isDecided } from '../../stats/verdict.js';
import { describeMeasure, measureValues, type Measure } from '../measure.js';
import { evaluateHypothesis, type HypothesisEvaluation } from './evaluate.js';
import type { Arm, ResolvedHypothesis } from './resolve.js';

/** A hypothesis, what was compared, and the verdict. */
export interface HypothesisOutcome extends HypothesisEvaluation {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  /** The kind the file declares (`mechanism` or `emergent`), undefined when it declares none. */
  readonly kind: ResolvedHypothesis['kind'];
  /** The measure in words, e.g. 'attendance (scrum-masters), mean of weeks 52–155'. */
  readonly measure: string;
  readonly expected: 'increase' | 'decrease';
  readonly smallestEffect: number;
  /** The arms' labels. */
  readonly a: string;
  readonly b: string;
  /** Replications simulated per arm. */
  readonly runs: number;
  /**
   * Times the hypothesis was evaluated: 1, or with `untilDecided` one per round it took part
   * in. Each look re-tests a growing sample that contains the earlier ones, so with more than
   * one look the nominal 95% coverage of the last interval is optimistic.
   */
  readonly looks: number;
  /** The master seed both arms shared. */
  readonly seed: number;
  /**
   * With `keepValues`: the measure in every replication of each arm (NaN where it has no
   * value), replication r of a paired with replication r of b.
   */
  readonly values?: { readonly a: Float64Array; readonly b: Float64Array };
}

/**
 * The values of `measures` in `runs` replications of a scenario from the master seed, one array
 * per measure (replication r at index r): what a test reads of its simulations. A shard reads
 * them from its slice of the replications; a merge of shards, from the shards' files.
 */
export type ReadMeasures = (scenario: Scenario, runs: number, measures: readonly Measure[]) => Promise<Float64Array[]>;

/** Where a test's values come from: simulations to read the measures from, or the measures' values themselves. */
export type MeasureSource =
  | {
      /** Simulates `runs` replications of a scenario from the master seed (all arms get the same seed). */
      readonly simulate: (scenario: Scenario, runs: number) => Promise<Collected>;
      readonly measures?: undefined;
    }
  | {
      readonly simulate?: undefined;
      /** The measures' values, in place of simulations (`ReadMeasures`). */
      readonly measures: ReadMeasures;
    };

/** The measures' values read from a source: simulated and read, or given. */
export function readMeasures(source: MeasureSource): ReadMeasures {
  if (source.measures !== undefined) return source.measures;
  const { simulate } = source;
  return async (scenario, runs, measures) => {
    const collected = await simulate(scenario, runs);
    return measures.map((measure) => measureValues(collected, measure));
  };
}

/** Options of `testHypotheses`. */
export type TestHypothesesOptions = MeasureSource & {
  /** Replications per arm in the first round. */
  readonly runs: number;
  /** The master seed of every arm. */
  readonly seed: number;
  /** Keep doubling the replications of undecided hypotheses, up to `maxRuns`. Default false. */
  readonly untilDecided?: boolean;
  /** The cap on replications per arm with `untilDecided`. Default 2000. */
  readonly maxRuns?: number;
  /** Called before each round after the first with the replications it will simulate (for progress). */
  readonly onRound?: (round: { runs: number; hypotheses: number; replications: number }) => void;
  /** Keep each arm's values in the outcome (`values`), e.g. to compare two tests replication by replication. Default false. */
  readonly keepValues?: boolean;
};

/** The replication cap of `--until-decided` unless told otherwise. */
export const DEFAULT_MAX_RUNS = 2000;

/**
 * Replications a round of `runs` per arm simulates for `hypotheses`: each distinct arm once.
 *
 * @example plannedReplications(hypotheses, 200) // → 200 × the number of distinct arms
 */
export function plannedReplications(hypotheses: readonly ResolvedHypothesis[], runs: number): number {
  return distinctArms(hypotheses).length * runs;
}

/**
 * Simulates every distinct arm of `hypotheses` with the same master seed and evaluates each
 * hypothesis, in the order given. With `untilDecided`, hypotheses still inconclusive are tested
 * again with twice the replications (capped at `maxRuns`) until each is decided or at the cap;
 * a round simulates replications 0 … runs − 1 afresh, which by the seed derivation repeats the
 * earlier ones exactly, so a result never depends on the rounds it took. Stopping once decided
 * makes the nominal 95% coverage optimistic (each round is another look at a growing sample
 * that contains the earlier ones); the replications used and the looks taken are reported.
 *
 * @example const outcomes = await testHypotheses(hypotheses, { runs: 200, seed: 1, simulate })
 */
export async function testHypotheses(
  hypotheses: readonly ResolvedHypothesis[],
  options: TestHypothesesOptions,
): Promise<HypothesisOutcome[]> {
  const maxRuns = Math.max(options.maxRuns ?? DEFAULT_MAX_RUNS, options.runs);
  const read = readMeasures(options);
  const outcomes = new Map<string, HypothesisOutcome>();
  const looks = new Map<string, number>();
  let pending = [...hypotheses];
  let runs = options.runs;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) options.onRound?.({ runs, hypotheses: pending.length, replications: plannedReplications(pending, runs) });
    const values = await simulateArms(pending, runs, read);
    for (const h of pending) {
      const a = values.get(valueKey(h.a)) as Float64Array;
      const b = values.get(valueKey(h.b)) as Float64Array;
      const look = (looks.get(h.id) ?? 0) + 1;
      looks.set(h.id, look);
      const tested = outcome(h, evaluateHypothesis(h, a, b), runs, look, options.seed);
      outcomes.set(h.id, options.keepValues ? { ...tested, values: { a, b } } : tested);
    }
    if (!options.untilDecided || runs >= maxRuns) break;
    pending = pending.filter((h) => !isDecided((outcomes.get(h.id) as HypothesisOutcome).verdict));
    runs = Math.min(2 * runs, maxRuns);
  }
  return hypotheses.map((h) => outcomes.get(h.id) as HypothesisOutcome);
}

/** Each distinct arm simulated once; only the measures read from it are kept, each distinct one once. */
async function simulateArms(hypotheses: readonly ResolvedHypothesis[], runs: number, read: ReadMeasures): Promise<Map<string, Float64Array>> {
  const values = new Map<string, Float64Array>();
  for (const arms of distinctArms(hypotheses)) {
    const distinct = new Map<string, Measure>();
    for (const arm of arms) if (!distinct.has(valueKey(arm))) distinct.set(valueKey(arm), arm.measure);
    const got = await read((arms[0] as Arm).scenario, runs, [...distinct.values()]);
    [...distinct.keys()].forEach((key, i) => values.set(key, got[i] as Float64Array));
  }
  return values;
}

/** The arms of `hypotheses` grouped by scenario, in order of first appearance. */
function distinctArms(hypotheses: readonly ResolvedHypothesis[]): Arm[][] {
  const groups = new Map<string, Arm[]>();
  for (const h of hypotheses) {
    for (const arm of [h.a, h.b]) {
      const group = groups.get(arm.key);
      if (group === undefined) groups.set(arm.key, [arm]);
      else group.push(arm);
    }
  }
  return [...groups.values()];
}

function valueKey(arm: Arm): string {
  return `${arm.key}\u0000${JSON.stringify(arm.measure)}`;
}

function outcome(
  h: ResolvedHypothesis,
  evaluation: HypothesisEvaluation,
  runs: number,
  looks: number,
  seed: number,
): HypothesisOutcome {
  const copA = h.a.measure.cop;
  const copB = h.b.measure.cop;
  const measure =
    copA === copB
      ? describeMeasure(h.a.measure)
      : `${describeMeasure({ ...h.measure, cop: undefined })}; CoP ${copA ?? ''} in a, ${copB ?? ''} in b`;
  return {
    id: h.id,
    statement: h.statement,
    source: h.source,
    kind: h.kind,
    measure,
    expected: h.expected,
    smallestEffect: h.smallestEffect,
    a: h.a.label,
    b: h.b.label,
    ...evaluation,
    runs,
    looks,
    seed,
  };
}
