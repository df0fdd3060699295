/**
 * The forest plot of hypothesis verdicts: one row per hypothesis, its mean difference and 95%
 * interval on a common scale, coloured by verdict.
 *
 * Hypotheses measure different things in different units, so each difference is drawn in
 * units of its own smallest effect that matters and signed so that the predicted direction is
 * to the right: x = ±(b − a) / smallest_effect. On that scale the verdict rule is visible: an
 * interval wholly right of 0 is supported, one wholly left of 0 or wholly inside (−1, 1) is
 * contradicted, and anything else is inconclusive.
 */
import { basename } from 'node:path';
import { chartFrame } from '../../charts/frame.js';
import { CHART_WIDTH } from '../../charts/style.js';
import type { NamedChart, TopLevelSpec } from '../../charts/types.js';
import type { HypothesisOutcome } from './test-hypotheses.js';

/** Verdict colours: green, red and grey (colour-blind safe against each other with the shapes). */
const VERDICT_COLORS = { supported: '#59a14f', contradicted: '#e15759', inconclusive: '#9d9d9d' } as const;

/**
 * Symmetric log x scale: linear within ±1 smallest effect, where the verdict rule lives, and
 * logarithmic beyond, so an effect of 80 smallest effects does not flatten one of 2.
 */
const X_SCALE = { type: 'symlog', constant: 1 } as const;

/**
 * Ticks of the symmetric log axis: ±1 (the smallest effect) and 1–2–5 steps beyond it. Those
 * outside the plotted range are not drawn.
 */
const X_TICKS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].flatMap((t) => [-t, t]).concat(0).sort((a, b) => a - b);

/** Height per hypothesis row, pixels. */
const ROW_HEIGHT = 26;

/** One row of the chart's data; null where a number does not exist (NaN is not JSON). */
export interface ForestDatum {
  id: string;
  statement: string;
  verdict: string;
  /** The oriented difference in units of the smallest effect. */
  scaled: number | null;
  scaled_low: number | null;
  scaled_high: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  smallest_effect: number;
  expected: string;
  runs: number;
}

/**
 * The chart's data: each difference and interval divided by its smallest effect and, for a
 * predicted decrease, negated (so the interval's ends swap).
 *
 * @example forestData([{ id: 'h', expected: 'decrease', smallestEffect: 2, difference: -4, ciLow: -6, ciHigh: -2, ... }])
 * // → [{ id: 'h', scaled: 2, scaled_low: 1, scaled_high: 3, ... }]
 */
export function forestData(outcomes: readonly HypothesisOutcome[]): ForestDatum[] {
  return outcomes.map((o) => {
    const sign = o.expected === 'increase' ? 1 : -1;
    const scale = (x: number): number | null => finite((sign * x) / o.smallestEffect);
    const [low, high] = sign > 0 ? [o.ciLow, o.ciHigh] : [o.ciHigh, o.ciLow];
    return {
      id: o.id,
      statement: o.statement,
      verdict: o.verdict,
      scaled: scale(o.difference),
      scaled_low: scale(low),
      scaled_high: scale(high),
      difference: finite(o.difference),
      ci_low: finite(o.ciLow),
      ci_high: finite(o.ciHigh),
      smallest_effect: o.smallestEffect,
      expected: o.expected,
      runs: o.runs,
    };
  });
}

/** What the forest plot names besides the hypotheses. */
export interface HypothesesChartOptions {
  /** The hypothesis file, named (without its folder) in the title. Default: not named. */
  readonly file?: string;
}

/**
 * The base scenarios of the hypotheses (the scenario of each arm a, without its overrides),
 * each once, in order.
 *
 * @example baseScenarios([{ a: 'top-down-voluntary' }, { a: 'baseline [weeks=52]' }]) // → ['top-down-voluntary', 'baseline']
 */
export function baseScenarios(outcomes: readonly Pick<HypothesisOutcome, 'a'>[]): string[] {
  return [...new Set(outcomes.map((o) => o.a.replace(/\s*\[.*$/, '')))];
}

/**
 * The forest plot of `outcomes` as a Vega-Lite spec named `hypotheses` (hypotheses.vl.json,
 * .svg, .png), hypotheses top to bottom in the order given. The title names the hypothesis
 * file, and the subtitle the base scenarios.
 *
 * @example hypothesesChart(outcomes, { file: 'scenarios/hypotheses/study.yaml' }).name // → 'hypotheses'
 */
export function hypothesesChart(outcomes: readonly HypothesisOutcome[], options: HypothesesChartOptions = {}): NamedChart {
  const values = forestData(outcomes);
  const title = options.file === undefined ? 'Hypotheses: differences and verdicts' : `Hypotheses of ${basename(options.file)}: differences and verdicts`;
  const bases = baseScenarios(outcomes);
  const ids = values.map((d) => d.id);
  const y = { field: 'id', type: 'nominal', sort: ids, title: null, axis: { labelLimit: 260 } } as const;
  const color = {
    field: 'verdict',
    type: 'nominal',
    title: 'Verdict',
    scale: { domain: Object.keys(VERDICT_COLORS), range: Object.values(VERDICT_COLORS) },
  } as const;
  const tooltip = [
    { field: 'id', type: 'nominal', title: 'Hypothesis' },
    { field: 'statement', type: 'nominal', title: 'Statement' },
    { field: 'verdict', type: 'nominal', title: 'Verdict' },
    { field: 'difference', type: 'quantitative', title: 'Difference b − a', format: '.3~g' },
    { field: 'ci_low', type: 'quantitative', title: '95% CI low', format: '.3~g' },
    { field: 'ci_high', type: 'quantitative', title: '95% CI high', format: '.3~g' },
    { field: 'smallest_effect', type: 'quantitative', title: 'Smallest effect' },
    { field: 'runs', type: 'quantitative', title: 'Replications' },
  ] as const;
  const x = {
    field: 'scaled',
    type: 'quantitative',
    title: 'Difference in the predicted direction, in smallest effects (symmetric log scale)',
    scale: X_SCALE,
    axis: { values: X_TICKS },
  } as const;
  const spec: TopLevelSpec = {
    ...chartFrame({
      title,
      subtitle: [
        `Base scenario${bases.length === 1 ? '' : 's'}: ${bases.join(', ')}; ${values.length === 1 ? 'one hypothesis' : `${values.length} hypotheses`}, ${runsText(values)}`,
        'Point: mean paired difference; bar: its 95% interval; right of 0 is the predicted direction.',
        'Dashed lines at ±1 smallest effect: an interval wholly between them is negligible (contradicted).',
      ],
      description:
        'Forest plot of the hypotheses: for each, the mean paired difference b − a and its 95% confidence interval, ' +
        'divided by the smallest effect that matters and signed so that the predicted direction is positive, coloured by verdict.',
    }),
    width: CHART_WIDTH,
    height: Math.max(ROW_HEIGHT * values.length, 60),
    data: { values },
    layer: [
      {
        data: { values: [{ x: -1 }, { x: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#888888' },
        encoding: { x: { field: 'x', type: 'quantitative', scale: X_SCALE } },
      },
      {
        data: { values: [{ x: 0 }] },
        mark: { type: 'rule', color: '#333333' },
        encoding: { x: { field: 'x', type: 'quantitative', scale: X_SCALE } },
      },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          x: { field: 'scaled_low', type: 'quantitative' },
          x2: { field: 'scaled_high' },
          color,
          tooltip: [...tooltip],
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: { y, x, color, shape: { field: 'verdict', type: 'nominal', title: 'Verdict' }, tooltip: [...tooltip] },
      },
    ],
  };
  return {
    name: 'hypotheses',
    title,
    description:
      'Each hypothesis’ mean paired difference and 95% interval in units of its smallest effect, predicted direction to the right, coloured by verdict.',
    spec,
  };
}

/** "20 replications per arm", or their range when hypotheses took different numbers. */
function runsText(values: readonly ForestDatum[]): string {
  const runs = values.map((v) => v.runs);
  const [low, high] = [Math.min(...runs), Math.max(...runs)];
  return low === high ? `${low} replications per arm` : `${low} to ${high} replications per arm`;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
