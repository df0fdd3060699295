/**
 * The forest plot of hypothesis verdicts: one row per hypothesis, its mean difference and 95%
 * interval on a common scale, coloured by verdict.
 *
 * Hypotheses measure different things in different units, so each difference is drawn in
 * units of its own smallest effect that matters and signed so that the predicted direction is
 * to the right: x = ±(b − a) / smallest_effect. On that scale the verdict rule is visible: an
 * interval wholly right of 0 is supported (wholly right of 1: beyond the smallest effect), one
 * wholly left of 0 or wholly inside (−1, 1) is contradicted, and anything else is
 * inconclusive. A hypothesis with smallest effect 0 (the sign alone tested) is drawn in
 * standard deviations of its paired differences instead.
 */
import { basename } from 'node:path';
import { chartFrame } from '../../charts/frame.js';
import { CHART_WIDTH } from '../../charts/style.js';
import type { NamedChart, TopLevelSpec } from '../../charts/types.js';
import type { HypothesisAblation } from './ablate.js';
import type { ContextOutcome } from './contexts.js';
import type { HypothesisOutcome } from './test-hypotheses.js';

/**
 * What a row of the forest plot stands for: its verdict, with "supported" split by whether the
 * whole interval also clears the smallest effect, so a verdict that rests on the sign alone is
 * plain to see.
 */
export type ForestStanding = 'supported' | 'supported, not beyond the smallest effect' | 'contradicted' | 'inconclusive';

/** Standing colours: dark and light green, red and grey (told apart by shape as well). */
const STANDING_COLORS: Record<ForestStanding, string> = {
  supported: '#59a14f',
  'supported, not beyond the smallest effect': '#b5dba5',
  contradicted: '#e15759',
  inconclusive: '#9d9d9d',
};

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

/** Height per row, pixels. */
const ROW_HEIGHT = 26;

/** One row of the chart's data; null where a number does not exist (NaN is not JSON). */
export interface ForestDatum {
  id: string;
  /** The row's label on the y axis: the hypothesis id, or what was changed for it. */
  row: string;
  statement: string;
  verdict: string;
  standing: ForestStanding;
  /** The oriented difference in units of `unit`. */
  scaled: number | null;
  scaled_low: number | null;
  scaled_high: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  smallest_effect: number;
  /** What one unit of the x axis is for this row: the smallest effect, or (when it is 0) the SD of the differences. */
  unit: number;
  unit_name: 'smallest effect' | 'SD of the differences';
  expected: string;
  runs: number;
}

/** What a forest row is drawn from: a hypothesis' comparison and verdict. */
export type ForestInput = Pick<
  HypothesisOutcome,
  'id' | 'statement' | 'verdict' | 'expected' | 'smallestEffect' | 'difference' | 'ciLow' | 'ciHigh' | 'effectSize' | 'exceedsSmallestEffect' | 'runs'
>;

/**
 * The x unit of a hypothesis: its smallest effect; for smallest effect 0 (the sign alone
 * tested), the standard deviation of its paired differences (|difference / d_z|), else 1.
 *
 * @example forestUnit({ smallestEffect: 0, difference: 2, effectSize: 4 }) // → { unit: 0.5, name: 'SD of the differences' }
 */
export function forestUnit(o: Pick<ForestInput, 'smallestEffect' | 'difference' | 'effectSize'>): {
  unit: number;
  name: ForestDatum['unit_name'];
} {
  if (o.smallestEffect > 0) return { unit: o.smallestEffect, name: 'smallest effect' };
  const sd = Math.abs(o.difference / o.effectSize);
  return { unit: Number.isFinite(sd) && sd > 0 ? sd : 1, name: 'SD of the differences' };
}

/**
 * One row of a forest plot: the difference and interval of `o` divided by `unit` (default
 * `forestUnit(o)`) and, for a predicted decrease, negated (so the interval's ends swap).
 */
export function forestDatum(o: ForestInput, row: string = o.id, unit = forestUnit(o)): ForestDatum {
  const sign = o.expected === 'increase' ? 1 : -1;
  const scale = (x: number): number | null => finite((sign * x) / unit.unit);
  const [low, high] = sign > 0 ? [o.ciLow, o.ciHigh] : [o.ciHigh, o.ciLow];
  return {
    id: o.id,
    row,
    statement: o.statement,
    verdict: o.verdict,
    standing: standing(o),
    scaled: scale(o.difference),
    scaled_low: scale(low),
    scaled_high: scale(high),
    difference: finite(o.difference),
    ci_low: finite(o.ciLow),
    ci_high: finite(o.ciHigh),
    smallest_effect: o.smallestEffect,
    unit: unit.unit,
    unit_name: unit.name,
    expected: o.expected,
    runs: o.runs,
  };
}

/**
 * The chart's data: each difference and interval divided by its smallest effect and, for a
 * predicted decrease, negated (so the interval's ends swap).
 *
 * @example forestData([{ id: 'h', expected: 'decrease', smallestEffect: 2, difference: -4, ciLow: -6, ciHigh: -2, ... }])
 * // → [{ id: 'h', scaled: 2, scaled_low: 1, scaled_high: 3, ... }]
 */
export function forestData(outcomes: readonly ForestInput[]): ForestDatum[] {
  return outcomes.map((o) => forestDatum(o));
}

/** A verdict, with "supported" split by whether the interval clears the smallest effect. */
export function standing(o: Pick<ForestInput, 'verdict' | 'exceedsSmallestEffect'>): ForestStanding {
  if (o.verdict !== 'supported') return o.verdict;
  return o.exceedsSmallestEffect ? 'supported' : 'supported, not beyond the smallest effect';
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
  return {
    name: 'hypotheses',
    title,
    description:
      'Each hypothesis’ mean paired difference and 95% interval in units of its smallest effect, predicted direction to the right, coloured by verdict.',
    spec: forestSpec({
      title,
      subtitle: [
        `Base scenario${bases.length === 1 ? '' : 's'}: ${bases.join(', ')}; ${values.length === 1 ? 'one hypothesis' : `${values.length} hypotheses`}, ${runsText(values)}`,
      ],
      description:
        'Forest plot of the hypotheses: for each, the mean paired difference b − a and its 95% confidence interval, ' +
        'divided by the smallest effect that matters and signed so that the predicted direction is positive, coloured by verdict.',
      values,
    }),
  };
}

/**
 * The forest plot of an ablation, named `ablation`: for each hypothesis, its intact difference
 * and, below it, the difference with each channel that carries it knocked out, all in the
 * intact hypothesis' units (its smallest effect), so the rows of one hypothesis compare
 * directly. A hypothesis no single knock-out moves off "supported" has its intact row only.
 *
 * @example ablationChart(outcomes, ablations, { file: 'study.yaml' }).name // → 'ablation'
 */
export function ablationChart(
  outcomes: readonly HypothesisOutcome[],
  ablations: readonly HypothesisAblation[],
  options: HypothesesChartOptions = {},
): NamedChart {
  const values = outcomes.flatMap((o, i) => {
    const ablation = ablations[i] as HypothesisAblation;
    const unit = forestUnit(o);
    const note =
      ablation.measuredKind === undefined ? ' (not supported intact)' : ablation.measuredKind === 'emergent' ? ' (emergent: no knock-out removes it)' : '';
    const carried = ablation.knockouts.filter((k) => k.carries);
    return [
      forestDatum(o, `${o.id}${note}`, unit),
      ...carried.map((k) => forestDatum(k.outcome, `${o.id} without ${k.channel}`, unit)),
    ];
  });
  const of = options.file === undefined ? 'Hypotheses' : `Hypotheses of ${basename(options.file)}`;
  const title = `${of} with and without the channels that carry them`;
  return {
    name: 'ablation',
    title,
    description:
      'Each hypothesis’ intact difference and, below it, the difference with each channel that carries it knocked out in both arms, ' +
      'in units of its smallest effect, predicted direction to the right.',
    spec: forestSpec({
      title,
      subtitle: [
        `Each channel knocked out in both arms with the seeds of the intact test, ${runsText(values)}. A channel carries an effect ` +
          'when, without it, the effect is no longer supported and the knock-out took it down beyond chance. ' +
          'Only the carrying channels are drawn (ablation.csv has every one).',
      ],
      description:
        'Forest plot of an ablation: for each hypothesis the intact mean paired difference and its 95% interval, then the same ' +
        'with each carrying channel knocked out, divided by the smallest effect and signed so that the predicted direction is positive.',
      values,
    }),
  };
}

/**
 * The verdicts at the contexts of the declared domain, named `contexts`: a grid of hypotheses
 * (rows) by contexts (columns), each cell coloured by its verdict (supported split by whether
 * the interval clears the smallest effect).
 *
 * @example contextsChart(outcomes, { file: 'study.yaml' }).name // → 'contexts'
 */
export function contextsChart(outcomes: readonly ContextOutcome[], options: HypothesesChartOptions = {}): NamedChart {
  const values = outcomes.map((c) => ({
    hypothesis: c.id,
    context: c.context.id,
    standing: c.outcome === undefined ? 'not applied' : standing(c.outcome),
    difference: c.outcome === undefined ? null : finite(c.outcome.difference),
    ci_low: c.outcome === undefined ? null : finite(c.outcome.ciLow),
    ci_high: c.outcome === undefined ? null : finite(c.outcome.ciHigh),
  }));
  const hypotheses = [...new Set(values.map((v) => v.hypothesis))];
  const contexts = [...new Set(values.map((v) => v.context))];
  const domain = [...(Object.keys(STANDING_COLORS) as ForestStanding[]), 'not applied'];
  const of = options.file === undefined ? 'Hypotheses' : `Hypotheses of ${basename(options.file)}`;
  const title = `${of} across the declared domain`;
  return {
    name: 'contexts',
    title,
    description: 'The verdict of every hypothesis at every context of the declared domain (size, cadence, kind of CoP).',
    spec: {
      ...chartFrame({
        title,
        subtitle: [
          'Context: e<employees>-c<cadence in weeks>-<kind of CoP>; each hypothesis keeps its own run length.',
          'Light green: supported, but the interval does not wholly clear the smallest effect.',
        ],
        description: 'Grid of hypotheses by contexts, each cell coloured by the verdict there.',
      }),
      width: Math.max(CONTEXT_CELL * contexts.length, 120),
      height: Math.max(CONTEXT_CELL * hypotheses.length, 60),
      data: { values },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x: { field: 'context', type: 'nominal', sort: contexts, title: 'Context', axis: { labelAngle: -45 } },
        y: { field: 'hypothesis', type: 'nominal', sort: hypotheses, title: null, axis: { labelLimit: 260 } },
        color: {
          field: 'standing',
          type: 'nominal',
          title: 'Verdict',
          legend: { labelLimit: 320 },
          scale: { domain, range: [...domain.slice(0, -1).map((d) => STANDING_COLORS[d as ForestStanding]), '#ffffff'] },
        },
        tooltip: [
          { field: 'hypothesis', type: 'nominal', title: 'Hypothesis' },
          { field: 'context', type: 'nominal', title: 'Context' },
          { field: 'standing', type: 'nominal', title: 'Verdict' },
          ...DIFFERENCE_TOOLTIP,
        ],
      },
    },
  };
}

/** The tooltip lines of a difference and its interval. */
const DIFFERENCE_TOOLTIP = [
  { field: 'difference', type: 'quantitative', title: 'Difference b − a', format: '.3~g' },
  { field: 'ci_low', type: 'quantitative', title: '95% CI low', format: '.3~g' },
  { field: 'ci_high', type: 'quantitative', title: '95% CI high', format: '.3~g' },
] as const;

/** Side of a cell of the contexts grid, pixels. */
const CONTEXT_CELL = 26;

/** A forest plot's heading and rows. */
export interface ForestSpecInput {
  readonly title: string;
  /** Lines above the plot's explanation of point, bar and dashed lines. */
  readonly subtitle: readonly string[];
  readonly description: string;
  /** The rows, top to bottom; `row` labels them. */
  readonly values: readonly ForestDatum[];
}

/**
 * A forest plot: one row per datum, its scaled difference and interval on a symmetric log
 * axis, the dashed lines at ±1 unit and a rule at 0, coloured and shaped by standing.
 */
export function forestSpec(input: ForestSpecInput): TopLevelSpec {
  const { values } = input;
  const rows = values.map((d) => d.row);
  const y = { field: 'row', type: 'nominal', sort: rows, title: null, axis: { labelLimit: 320 } } as const;
  const present = Object.keys(STANDING_COLORS) as ForestStanding[];
  const color = {
    field: 'standing',
    type: 'nominal',
    title: 'Verdict',
    scale: { domain: present, range: present.map((s) => STANDING_COLORS[s]) },
    legend: { labelLimit: 320 },
  } as const;
  const tooltip = [
    { field: 'row', type: 'nominal', title: 'Row' },
    { field: 'statement', type: 'nominal', title: 'Statement' },
    { field: 'standing', type: 'nominal', title: 'Verdict' },
    ...DIFFERENCE_TOOLTIP,
    { field: 'smallest_effect', type: 'quantitative', title: 'Smallest effect' },
    { field: 'unit_name', type: 'nominal', title: 'Unit of the x axis' },
    { field: 'runs', type: 'quantitative', title: 'Replications' },
  ] as const;
  const x = {
    field: 'scaled',
    type: 'quantitative',
    title: 'Difference in the predicted direction, in smallest effects (symmetric log scale)',
    scale: X_SCALE,
    axis: { values: X_TICKS },
  } as const;
  const signOnly = values.some((d) => d.unit_name === 'SD of the differences');
  return {
    ...chartFrame({
      title: input.title,
      subtitle: [
        ...input.subtitle,
        'Point: mean paired difference; bar: its 95% interval; right of 0 is the predicted direction.',
        'Dashed lines at ±1 smallest effect: an interval wholly between them is negligible (contradicted); light green: supported, but the interval does not wholly clear the smallest effect.',
        ...(signOnly ? ['Rows with smallest effect 0 (the sign alone tested) are drawn in standard deviations of their paired differences.'] : []),
      ],
      description: input.description,
    }),
    width: CHART_WIDTH,
    height: Math.max(ROW_HEIGHT * values.length, 60),
    data: { values: [...values] },
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
        encoding: { y, x, color, shape: { field: 'standing', type: 'nominal', title: 'Verdict', legend: { labelLimit: 320 } }, tooltip: [...tooltip] },
      },
    ],
  };
}

/** "20 replications per arm", or their range when hypotheses took different numbers. */
export function runsText(values: readonly Pick<ForestDatum, 'runs'>[]): string {
  const runs = values.map((v) => v.runs);
  const [low, high] = [Math.min(...runs), Math.max(...runs)];
  return low === high ? `${low} replications per arm` : `${low} to ${high} replications per arm`;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
