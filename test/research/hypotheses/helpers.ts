/**
 * Helpers of the hypothesis tests: a hypothesis as a file holds it, resolving it, and a fake
 * batch whose measure is steered exactly.
 */
import type { Collected } from '../../../src/aggregate/types.js';
import { FIGURE_INDEX, N_FIGURES, N_WEEKLY } from '../../../src/engine/result.js';
import { parseHypothesisFile, resolveHypotheses, type ResolvedHypothesis } from '../../../src/research/hypotheses/index.js';

/** A hypothesis on `total_contributions` comparing baseline with `b`; `extra` overrides any key. */
export function hypothesis(id: string, b: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    statement: 's',
    source: 'Interview study §4.3',
    kind: 'mechanism',
    compare: { a: 'baseline', b },
    measure: { metric: 'total_contributions' },
    expect: 'increase',
    smallest_effect: 0.1,
    ...extra,
  };
}

/** Hypothesis file data, validated and resolved with `sets` on every arm. */
export function resolve(raw: unknown, sets: string[] = []): ResolvedHypothesis[] {
  return resolveHypotheses(parseHypothesisFile(raw, 'h.yaml'), { sets }).hypotheses;
}

/** Small, fast scenarios: a short run of a small organisation. */
export const SMALL = ['weeks=12', 'organisation.employees=70'];

/**
 * A fake batch whose `total_contributions` in replication r is `value(r)` (for the first of
 * `copIds`): lets the verdict's path be steered exactly.
 */
export function fakeBatch(runs: number, value: (r: number) => number, copIds: readonly string[] = ['scrum-masters']): Collected {
  const figures = new Float64Array(N_FIGURES * runs * copIds.length);
  for (let r = 0; r < runs; r++) figures[FIGURE_INDEX.total_contributions * runs + r] = value(r);
  return {
    copIds: [...copIds],
    weeks: 12,
    runs,
    seeds: new Uint32Array(runs),
    weekly: new Float64Array(N_WEEKLY * 12 * runs * copIds.length),
    figures,
    employees: 70,
  };
}
