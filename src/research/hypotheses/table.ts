/**
 * The verdict table: one tidy row per hypothesis, as written to hypotheses.csv.
 */
import type { HypothesisOutcome } from './test-hypotheses.js';

/** One row of hypotheses.csv. Numbers that do not exist (too few pairs) are NaN, written empty. */
export interface HypothesisRow {
  id: string;
  statement: string;
  source: string;
  /** The measure in words. */
  measure: string;
  /** The predicted direction of b − a. */
  expected: 'increase' | 'decrease';
  smallest_effect: number;
  /** Pairs used (both values finite). */
  n: number;
  mean_a: number;
  mean_b: number;
  /** Mean paired difference b − a. */
  difference: number;
  /** 95% Student t interval of the mean difference. */
  ci_low: number;
  ci_high: number;
  /** Cohen's d_z. */
  effect_size: number;
  /** Two-sided Wilcoxon signed-rank p-value of the differences. */
  p_value: number;
  /** The test that gave p_value. */
  test: string;
  verdict: 'supported' | 'contradicted' | 'inconclusive';
  /** Replications simulated per arm. */
  runs: number;
  /** Master seed shared by both arms. */
  seed: number;
  /** The kind the file declares, `mechanism` or `emergent`; empty when it declares none. */
  kind: 'mechanism' | 'emergent' | undefined;
  /** Whether the whole interval lies at or beyond smallest_effect in the predicted direction. */
  exceeds_smallest_effect: boolean;
  /** Why the verdict, e.g. 'CI wholly above 0', 'CI within ±smallest effect', 'CI includes 0'. */
  reason: string;
  /** Replications left out because the measure had no value in an arm (e.g. the CoP was dead). */
  dropped: number;
  /** The arms as text: scenario and changed settings. */
  a: string;
  b: string;
  /** Times the hypothesis was evaluated (rounds of --until-decided it took part in). */
  looks: number;
  /** Two-sided p-value of the paired t test (the test that matches the interval). */
  p_value_t: number;
}

/** The columns of hypotheses.csv, in order. */
export const HYPOTHESIS_COLUMNS = [
  'id',
  'statement',
  'source',
  'measure',
  'expected',
  'smallest_effect',
  'n',
  'mean_a',
  'mean_b',
  'difference',
  'ci_low',
  'ci_high',
  'effect_size',
  'p_value',
  'test',
  'verdict',
  'runs',
  'seed',
  'kind',
  'exceeds_smallest_effect',
  'reason',
  'dropped',
  'a',
  'b',
  'looks',
  'p_value_t',
] as const satisfies readonly (keyof HypothesisRow)[];

/**
 * The rows of hypotheses.csv, in the order of the outcomes.
 *
 * @example hypothesisRows(outcomes)[0].verdict // → 'supported'
 */
export function hypothesisRows(outcomes: readonly HypothesisOutcome[]): HypothesisRow[] {
  return outcomes.map((o) => ({
    id: o.id,
    statement: o.statement,
    source: o.source,
    measure: o.measure,
    expected: o.expected,
    smallest_effect: o.smallestEffect,
    n: o.n,
    mean_a: o.meanA,
    mean_b: o.meanB,
    difference: o.difference,
    ci_low: o.ciLow,
    ci_high: o.ciHigh,
    effect_size: o.effectSize,
    p_value: o.pValue,
    test: o.test,
    verdict: o.verdict,
    runs: o.runs,
    seed: o.seed,
    kind: o.kind,
    exceeds_smallest_effect: o.exceedsSmallestEffect,
    reason: o.reason,
    dropped: o.dropped,
    a: o.a,
    b: o.b,
    looks: o.looks,
    p_value_t: o.pValueT,
  }));
}
