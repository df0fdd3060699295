/**
 * The verdict tables: one tidy row per hypothesis, as written to hypotheses.csv; with an
 * ablation, one row per hypothesis and channel (ablation.csv); with contexts, one row per
 * hypothesis and context (contexts.csv).
 */
import type { HypothesisAblation } from './ablate.js';
import type { ContextOutcome, HypothesisContexts } from './contexts.js';
import type { HypothesisOutcome } from './test-hypotheses.js';

/** How the channels or contexts of one cell are listed: separated by "; ". */
const LIST_SEPARATOR = '; ';

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
  /** With an ablation: the channels whose knock-out removes the effect, "; "-separated. */
  carried_by?: string;
  /** With an ablation: `mechanism` (some knock-out removes the effect), `emergent` (none does), empty when the effect is not supported. */
  measured_kind?: 'mechanism' | 'emergent' | undefined;
  /** With contexts: the contexts at which the hypothesis is supported (k of m). */
  contexts_supported?: number;
  /** With contexts: the contexts at which it was tested (m). */
  contexts?: number;
  /** With contexts: the ids of the contexts at which it was tested and not supported, "; "-separated. */
  contexts_not_supported?: string;
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

/** The ablation and contexts of a test, when they were run: each adds columns to hypotheses.csv. */
export interface HypothesisExtras {
  /** One per outcome, in the same order. */
  readonly ablations?: readonly HypothesisAblation[] | undefined;
  /** One per outcome, in the same order. */
  readonly contexts?: readonly HypothesisContexts[] | undefined;
}

/** The columns an ablation adds to hypotheses.csv. */
export const ABLATION_SUMMARY_COLUMNS = ['carried_by', 'measured_kind'] as const satisfies readonly (keyof HypothesisRow)[];

/** The columns a test at the contexts adds to hypotheses.csv. */
export const CONTEXT_SUMMARY_COLUMNS = ['contexts_supported', 'contexts', 'contexts_not_supported'] as const satisfies readonly (keyof HypothesisRow)[];

/**
 * The columns of hypotheses.csv: `HYPOTHESIS_COLUMNS`, then those of the ablation and of the
 * contexts when they were run.
 */
export function hypothesisColumns(extras: HypothesisExtras = {}): (keyof HypothesisRow & string)[] {
  return [
    ...HYPOTHESIS_COLUMNS,
    ...(extras.ablations === undefined ? [] : ABLATION_SUMMARY_COLUMNS),
    ...(extras.contexts === undefined ? [] : CONTEXT_SUMMARY_COLUMNS),
  ];
}

/**
 * The rows of hypotheses.csv, in the order of the outcomes.
 *
 * @example hypothesisRows(outcomes)[0].verdict // → 'supported'
 */
export function hypothesisRows(outcomes: readonly HypothesisOutcome[], extras: HypothesisExtras = {}): HypothesisRow[] {
  return outcomes.map((o, i) => ({
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
    ...ablationSummary(extras.ablations?.[i]),
    ...contextSummary(extras.contexts?.[i]),
  }));
}

function ablationSummary(a: HypothesisAblation | undefined): Pick<HypothesisRow, 'carried_by' | 'measured_kind'> {
  return a === undefined ? {} : { carried_by: a.carriedBy.join(LIST_SEPARATOR), measured_kind: a.measuredKind };
}

function contextSummary(c: HypothesisContexts | undefined): Pick<HypothesisRow, 'contexts_supported' | 'contexts' | 'contexts_not_supported'> {
  return c === undefined
    ? {}
    : { contexts_supported: c.supported, contexts: c.tested, contexts_not_supported: c.notSupported.join(LIST_SEPARATOR) };
}

/** One row of ablation.csv: a hypothesis tested with one channel knocked out in both arms. */
export interface AblationRow {
  hypothesis: string;
  /** The channel knocked out. */
  channel: string;
  /** Mean paired difference b − a with the channel off. */
  effect: number;
  /** Its 95% Student t interval. */
  low: number;
  high: number;
  /** The verdict with the channel off. */
  verdict: 'supported' | 'contradicted' | 'inconclusive';
  /**
   * What the knock-out took away: intact effect minus effect with the channel off, replication
   * by replication (same seeds), and its 95% t interval.
   */
  change: number;
  change_low: number;
  change_high: number;
  /** `yes` when the channel carries the effect: supported intact, not supported with it off, and the change's interval on the predicted side of 0. */
  carries: 'yes' | 'no';
  /** Why the verdict with the channel off. */
  reason: string;
  /** Pairs used. */
  n: number;
  /** Replications per arm (those of the intact test, same seeds). */
  runs: number;
}

/** The columns of ablation.csv, in order. */
export const ABLATION_COLUMNS = [
  'hypothesis',
  'channel',
  'effect',
  'low',
  'high',
  'verdict',
  'change',
  'change_low',
  'change_high',
  'carries',
  'reason',
  'n',
  'runs',
] as const satisfies readonly (keyof AblationRow)[];

/**
 * The rows of ablation.csv: for each hypothesis, one per channel knocked out.
 *
 * @example ablationRows(ablations)[0] // → { hypothesis: 'top-down-reach', channel: 'initiation.appointed', ..., carries: 'no' }
 */
export function ablationRows(ablations: readonly HypothesisAblation[]): AblationRow[] {
  return ablations.flatMap((a) =>
    a.knockouts.map((k) => ({
      hypothesis: a.id,
      channel: k.channel,
      effect: k.outcome.difference,
      low: k.outcome.ciLow,
      high: k.outcome.ciHigh,
      verdict: k.outcome.verdict,
      change: k.change.mean,
      change_low: k.change.ciLow,
      change_high: k.change.ciHigh,
      carries: k.carries ? 'yes' : 'no',
      reason: k.outcome.reason,
      n: k.outcome.n,
      runs: k.outcome.runs,
    })),
  );
}

/** One row of contexts.csv: a hypothesis tested at one context of the declared domain. */
export interface ContextRow {
  hypothesis: string;
  /** The context's id, `e<employees>-c<cadence>-<kind>`. */
  context: string;
  employees: number;
  cadence: number;
  /** The kind of CoP: `scrumMaster`, `productOwner`, `tester` (role-based) or `topic`. */
  cop_kind: string;
  /** The context's settings applied to arm a, "; "-separated. */
  applied: string;
  /** The context's settings left to the arms because they differ in them, "; "-separated. */
  left_to_arms: string;
  n: number;
  difference: number;
  ci_low: number;
  ci_high: number;
  /** Empty when the context could not be applied (see `reason`). */
  verdict: 'supported' | 'contradicted' | 'inconclusive' | undefined;
  exceeds_smallest_effect: boolean | undefined;
  /** Why the verdict, or why the context could not be applied. */
  reason: string;
  dropped: number;
  runs: number;
}

/** The columns of contexts.csv, in order. */
export const CONTEXT_COLUMNS = [
  'hypothesis',
  'context',
  'employees',
  'cadence',
  'cop_kind',
  'applied',
  'left_to_arms',
  'n',
  'difference',
  'ci_low',
  'ci_high',
  'verdict',
  'exceeds_smallest_effect',
  'reason',
  'dropped',
  'runs',
] as const satisfies readonly (keyof ContextRow)[];

/**
 * The rows of contexts.csv, one per hypothesis and context, contexts in the design's order.
 *
 * @example contextRows(outcomes)[0] // → { hypothesis: 'top-down-reach', context: 'e1000-c2-scrumMaster', ..., verdict: 'supported' }
 */
export function contextRows(outcomes: readonly ContextOutcome[]): ContextRow[] {
  return outcomes.map((c) => {
    const o = c.outcome;
    return {
      hypothesis: c.id,
      context: c.context.id,
      employees: c.context.employees,
      cadence: c.context.cadence,
      cop_kind: c.context.kind,
      applied: c.applied.join(LIST_SEPARATOR),
      left_to_arms: c.leftToArms.join(LIST_SEPARATOR),
      n: o?.n ?? Number.NaN,
      difference: o?.difference ?? Number.NaN,
      ci_low: o?.ciLow ?? Number.NaN,
      ci_high: o?.ciHigh ?? Number.NaN,
      verdict: o?.verdict,
      exceeds_smallest_effect: o?.exceedsSmallestEffect,
      reason: o?.reason ?? `not applied: ${c.problem ?? ''}`,
      dropped: o?.dropped ?? Number.NaN,
      runs: o?.runs ?? Number.NaN,
    };
  });
}
