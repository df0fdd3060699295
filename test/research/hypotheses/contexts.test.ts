/**
 * Hypotheses across the declared domain: the validation's design points less their run
 * length, applied where the arms agree, and "supported at k of m".
 */
import { describe, expect, it } from 'vitest';
import type { Collected } from '../../../src/aggregate/types.js';
import { compileSpec } from '../../../src/charts/render.js';
import { DESIGN } from '../../../src/research/domain.js';
import {
  contextCounts,
  contextRows,
  contextSets,
  contextsChart,
  CONTEXT_COLUMNS,
  hypothesisContexts,
  hypothesisRows,
  parseHypothesisFile,
  resolveHypotheses,
  testContexts,
  testHypotheses,
} from '../../../src/research/hypotheses/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { copIds } from '../../../src/scenario/vocabulary.js';
import { fakeBatch, hypothesis, SMALL } from './helpers.js';

describe('hypothesisContexts', () => {
  it("is the validation's design without the run length: each distinct point once, in the design's order", () => {
    const contexts = hypothesisContexts();
    const distinct = new Set(DESIGN.map((p) => `${p.employees} ${p.cadence} ${p.kind}`));
    expect(contexts).toHaveLength(distinct.size);
    expect(contexts.length).toBeLessThan(DESIGN.length);
    expect(contexts[0]).toEqual({ id: 'e1000-c2-scrumMaster', employees: 1000, cadence: 2, kind: 'scrumMaster' });
    for (const p of DESIGN) expect(contexts.filter((c) => c.employees === p.employees && c.cadence === p.cadence && c.kind === p.kind)).toHaveLength(1);
    // The domain's sizes, cadences and kinds are all there.
    expect(new Set(contexts.map((c) => c.employees))).toEqual(new Set([300, 1000, 5000, 10_000]));
    expect(new Set(contexts.map((c) => c.cadence))).toEqual(new Set([1, 2, 4]));
    expect(new Set(contexts.map((c) => c.kind))).toEqual(new Set(['scrumMaster', 'productOwner', 'tester', 'topic']));
  });
});

const data = parseHypothesisFile(
  {
    weeks: 12,
    hypotheses: [
      hypothesis('coach', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }),
      // The arms differ in their CoP's target group and theme: those stay each arm's own.
      hypothesis('broad', 'open-topic-broad', { measure: { metric: 'total_contributions' } }),
    ],
  },
  'h.yaml',
);
const intact = resolveHypotheses(data, { sets: SMALL }).hypotheses;

describe('contextSets', () => {
  it("applies a context's size, cadence and kind to both arms' measured CoP, except where the arms differ", () => {
    const [coach, broad] = intact;
    const context = hypothesisContexts().find((c) => c.id === 'e300-c4-productOwner')!;
    expect(contextSets(coach!, context)).toEqual({
      a: ['organisation.employees=300', 'cops.0.meetings.cadence=4', 'cops.0.targetGroup={kind: role, role: productOwner}', 'cops.0.theme=product'],
      b: ['organisation.employees=300', 'cops.0.meetings.cadence=4', 'cops.0.targetGroup={kind: role, role: productOwner}', 'cops.0.theme=product'],
      leftToArms: [],
    });
    expect(contextSets(broad!, context)).toEqual({
      a: ['organisation.employees=300', 'cops.0.meetings.cadence=4'],
      b: ['organisation.employees=300', 'cops.0.meetings.cadence=4'],
      leftToArms: ['cops.0.targetGroup', 'cops.0.theme'],
    });
  });
});

describe('testContexts', () => {
  /** The effect b − a is 5 ± 1 in organisations of up to 1,000 employees and −5 ± 1 above. */
  const seen: Scenario[] = [];
  const simulate = async (scenario: Scenario, runs: number): Promise<Collected> => {
    seen.push(scenario);
    const b = scenario.cops[0]?.support.coach === true || scenario.cops[0]?.id === 'ai';
    const sign = scenario.organisation.employees <= 1000 ? 1 : -1;
    return fakeBatch(runs, (r) => (b ? sign * 5 + (r % 2 === 0 ? 1 : -1) : 0), copIds(scenario));
  };

  it('counts the contexts at which each hypothesis is supported: k of m', async () => {
    const outcomes = await testContexts(data, intact, { runs: 6, seed: 1, simulate, sets: SMALL });
    const contexts = hypothesisContexts();
    expect(outcomes).toHaveLength(contexts.length * intact.length);
    const small = contexts.filter((c) => c.employees <= 1000);
    const counts = contextCounts(['coach', 'broad'], outcomes);
    for (const c of counts) {
      expect(c).toMatchObject({ supported: small.length, tested: contexts.length });
      expect(c.notSupported).toEqual(contexts.filter((x) => x.employees > 1000).map((x) => x.id));
    }
    // Every context reached the scenarios simulated: both arms at each size, cadence and kind.
    for (const context of contexts) {
      const at = seen.filter((s) => s.organisation.employees === context.employees && s.cops[0]?.meetings.cadence === context.cadence);
      expect(at.length, context.id).toBeGreaterThanOrEqual(2);
    }
    // The run length stays the hypothesis' own.
    expect(new Set(seen.map((s) => s.weeks))).toEqual(new Set([12]));
  });

  it('writes contexts.csv rows, the k-of-m columns of hypotheses.csv and a grid that compiles', async () => {
    const outcomes = await testContexts(data, intact, { runs: 6, seed: 1, simulate, sets: SMALL });
    const rows = contextRows(outcomes);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CONTEXT_COLUMNS]);
    expect(rows.filter((r) => r.hypothesis === 'broad').every((r) => r.left_to_arms === 'cops.0.targetGroup; cops.0.theme')).toBe(true);
    const tests = await testHypotheses(intact, { runs: 6, seed: 1, simulate });
    const counts = contextCounts(['coach', 'broad'], outcomes);
    const [row] = hypothesisRows(tests, { contexts: counts });
    expect(row).toMatchObject({ contexts_supported: counts[0]?.supported, contexts: counts[0]?.tested });
    const chart = contextsChart(outcomes, { file: 'h.yaml' });
    expect(chart.name).toBe('contexts');
    expect((await compileSpec(chart.spec)).warnings).toEqual([]);
  });
});
