/**
 * The terminal tables of `copsim hypotheses`: the verdicts with what each rests on (the
 * interval, whether it clears the smallest effect, the t test, the looks), the channels that
 * carry each effect and the contexts where it holds, and the verdicts counted.
 */
import type { HypothesisAblation, HypothesisContexts, HypothesisOutcome } from '../research/hypotheses/index.js';
import type { HypothesesStudy } from '../study/index.js';
import { formatNumber, formatTable } from './table.js';

/** The terminal table: one line per hypothesis. */
export function verdictTable(outcomes: readonly HypothesisOutcome[]): string {
  const interval = (o: HypothesisOutcome): string => `[${formatNumber(o.ciLow)}, ${formatNumber(o.ciHigh)}]`;
  return formatTable(
    ['id', 'verdict', 'kind', 'expected', 'difference', '95% CI', 'beyond smallest', 'p (t)', 'd_z', 'n', 'looks', 'dropped'],
    outcomes.map((o) => [
      o.id,
      o.verdict,
      o.kind ?? '',
      o.expected,
      o.difference,
      interval(o),
      o.exceedsSmallestEffect ? `yes (${formatNumber(o.smallestEffect)})` : `no (${formatNumber(o.smallestEffect)})`,
      formatP(o.pValueT),
      o.effectSize,
      o.n,
      o.looks,
      o.dropped,
    ]),
  );
}

/**
 * What carries each hypothesis and where it holds: one line per hypothesis, with the columns
 * of whichever of the ablation and the contexts were run.
 */
export function carriersTable(study: Pick<HypothesesStudy, 'outcomes' | 'ablations' | 'contextCounts'>): string {
  const { outcomes, ablations, contextCounts } = study;
  const header = [
    'id',
    'verdict',
    ...(ablations === undefined ? [] : ['measured kind', 'carried by', 'declared kind']),
    ...(contextCounts === undefined ? [] : ['supported at', 'not supported at']),
  ];
  return formatTable(
    header,
    outcomes.map((o, i) => [
      o.id,
      o.verdict,
      ...(ablations === undefined ? [] : ablationCells(ablations[i] as HypothesisAblation)),
      ...(contextCounts === undefined ? [] : contextCells(contextCounts[i] as HypothesisContexts)),
    ]),
  );
}

function ablationCells(a: HypothesisAblation): string[] {
  const kind = a.measuredKind === undefined ? 'not supported intact' : a.measuredKind === 'mechanism' ? 'mechanism check' : 'emergent';
  return [kind, a.carriedBy.length === 0 ? '–' : a.carriedBy.join(', '), a.declaredKind ?? '–'];
}

function contextCells(c: HypothesisContexts): string[] {
  return [`${c.supported} of ${c.tested}`, c.notSupported.length === 0 ? '–' : c.notSupported.join(', ')];
}

/** A p-value for the terminal: below 0.001 as "< 0.001", since rounding would show 0. */
function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : formatNumber(p);
}

/**
 * The verdicts counted, and plainly which "supported" verdicts rest on the sign alone: their
 * interval does not wholly clear the smallest effect.
 *
 * @example verdictCounts(outcomes) // → '13 supported (2 of them not beyond the smallest effect), 2 contradicted, 0 inconclusive\n…'
 */
export function verdictCounts(outcomes: readonly HypothesisOutcome[]): string {
  const count = (verdict: string): number => outcomes.filter((o) => o.verdict === verdict).length;
  const short = outcomes.filter((o) => o.verdict === 'supported' && !o.exceedsSmallestEffect && o.smallestEffect > 0);
  const note = short.length === 0 ? '' : ` (${short.length} of them not beyond the smallest effect)`;
  const counts = `${count('supported')} supported${note}, ${count('contradicted')} contradicted, ${count('inconclusive')} inconclusive`;
  if (short.length === 0) return counts;
  return (
    `${counts}\n` +
    `supported, but the interval does not clear the smallest effect (the sign is as predicted; the effect may be smaller than what matters): ` +
    short.map((o) => o.id).join(', ')
  );
}
