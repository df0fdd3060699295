/**
 * Testing hypotheses: common random numbers, one simulation per distinct arm, and adding
 * replications until decided.
 */
import { describe, expect, it } from 'vitest';
import type { Collected } from '../../../src/aggregate/types.js';
import {
  hypothesesChart,
  hypothesisRows,
  HYPOTHESIS_COLUMNS,
  plannedReplications,
  testHypotheses,
} from '../../../src/research/hypotheses/index.js';
import { compileSpec } from '../../../src/charts/render.js';
import { runMonteCarlo } from '../../../src/runner/index.js';
import { measureValues } from '../../../src/research/measure.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { fakeBatch, hypothesis, resolve, SMALL } from './helpers.js';

describe('testHypotheses with the engine', () => {
  it('gives both arms the same replication seeds: a scenario against itself differs by exactly 0', async () => {
    const hypotheses = resolve({ hypotheses: [hypothesis('self', 'baseline', { measure: { metric: 'members', at: 'auc' } })] }, SMALL);
    const seen: Uint32Array[] = [];
    const [outcome] = await testHypotheses(hypotheses, {
      runs: 6,
      seed: 5,
      simulate: async (scenario, runs) => {
        const collected = await runMonteCarlo(scenario, { runs, masterSeed: 5, workers: 0 });
        seen.push(collected.seeds);
        return collected;
      },
    });
    // Both arms are the same scenario, so it is simulated once and read twice.
    expect(seen).toHaveLength(1);
    expect(outcome?.n).toBe(6);
    expect(outcome?.meanA).toBeGreaterThan(0);
    expect(outcome?.difference).toBe(0);
    expect([outcome?.ciLow, outcome?.ciHigh]).toEqual([0, 0]);
    expect(outcome?.verdict).toBe('contradicted');
  });

  it('simulates different arms from the same seeds, and each distinct arm once', async () => {
    const hypotheses = resolve(
      {
        hypotheses: [
          hypothesis('h1', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }),
          hypothesis('h2', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }, { measure: { metric: 'members' } }),
        ],
      },
      SMALL,
    );
    expect(plannedReplications(hypotheses, 4)).toBe(8);
    const seeds: number[][] = [];
    const outcomes = await testHypotheses(hypotheses, {
      runs: 4,
      seed: 9,
      simulate: async (scenario, runs) => {
        const collected = await runMonteCarlo(scenario, { runs, masterSeed: 9, workers: 0 });
        seeds.push(Array.from(collected.seeds));
        return collected;
      },
    });
    expect(seeds).toHaveLength(2);
    expect(seeds[1]).toEqual(seeds[0]);
    expect(outcomes.map((o) => [o.id, o.runs, o.seed])).toEqual([
      ['h1', 4, 9],
      ['h2', 4, 9],
    ]);
    for (const o of outcomes) expect(Number.isFinite(o.difference) && Number.isFinite(o.ciLow) && Number.isFinite(o.ciHigh)).toBe(true);
  });

  it('reads the same outcomes from given measures as from simulations, one read per distinct arm with its distinct measures', async () => {
    const hypotheses = resolve(
      {
        hypotheses: [
          hypothesis('h1', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }),
          hypothesis('h2', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }, { measure: { metric: 'members' } }),
        ],
      },
      SMALL,
    );
    const simulate = (scenario: Scenario, runs: number) => runMonteCarlo(scenario, { runs, masterSeed: 3, workers: 0 });
    const simulated = await testHypotheses(hypotheses, { runs: 4, seed: 3, simulate });
    const reads: number[] = [];
    const given = await testHypotheses(hypotheses, {
      runs: 4,
      seed: 3,
      measures: async (scenario, runs, measures) => {
        reads.push(measures.length);
        const collected = await simulate(scenario, runs);
        return measures.map((measure) => measureValues(collected, measure));
      },
    });
    expect(given).toEqual(simulated);
    // Two arms (baseline, coach), each read once for the two measures the hypotheses take of it.
    expect(reads).toEqual([2, 2]);
    // A read that gives other values gives other outcomes: the values are what the verdicts are made of.
    const shifted = await testHypotheses(hypotheses, {
      runs: 4,
      seed: 3,
      measures: async (scenario, runs, measures) => {
        const collected = await simulate(scenario, runs);
        const coach = scenario.cops[0]?.support.coach === true;
        return measures.map((measure) => measureValues(collected, measure).map((v) => (coach ? v + 100 : v)));
      },
    });
    expect(shifted[1]?.difference).toBeCloseTo((simulated[1]?.difference ?? 0) + 100, 9);
  });
});

describe('testHypotheses --until-decided', () => {
  // Arm b exceeds a by 0.3 ± 1 alternating: the interval shrinks as 1/√n and clears 0 at n ≈ 45.
  const hypotheses = resolve({
    hypotheses: [
      hypothesis('slow', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }),
      hypothesis('fast', { scenario: 'baseline', set: ['cops.0.decisionPower=decide'] }),
    ],
  }, SMALL);
  const simulate = async (scenario: Scenario, runs: number): Promise<Collected> => {
    const coach = scenario.cops[0]?.support.coach === true;
    const decide = scenario.cops[0]?.decisionPower === 'decide';
    return fakeBatch(runs, (r) => (coach ? 0.3 + (r % 2 === 0 ? 1 : -1) : decide ? 5 + (r % 3) : 0));
  };

  it('doubles the replications of undecided hypotheses only, until decided', async () => {
    const rounds: number[][] = [];
    const outcomes = await testHypotheses(hypotheses, {
      runs: 4,
      seed: 1,
      simulate,
      untilDecided: true,
      maxRuns: 1000,
      onRound: (round) => rounds.push([round.runs, round.hypotheses, round.replications]),
    });
    expect(outcomes.map((o) => [o.id, o.verdict, o.runs, o.looks])).toEqual([
      ['slow', 'supported', 64, 5],
      ['fast', 'supported', 4, 1],
    ]);
    // Rounds after the first: only "slow" (its two arms) at 8, 16, 32, 64 runs.
    expect(rounds).toEqual([
      [8, 1, 16],
      [16, 1, 32],
      [32, 1, 64],
      [64, 1, 128],
    ]);
  });

  it('stops at the cap and reports the hypothesis as still inconclusive', async () => {
    const outcomes = await testHypotheses(hypotheses, { runs: 4, seed: 1, simulate, untilDecided: true, maxRuns: 20 });
    expect(outcomes.map((o) => [o.id, o.verdict, o.runs])).toEqual([
      ['slow', 'inconclusive', 20],
      ['fast', 'supported', 4],
    ]);
  });

  it('runs one round without --until-decided', async () => {
    const outcomes = await testHypotheses(hypotheses, { runs: 4, seed: 1, simulate });
    expect(outcomes.map((o) => [o.runs, o.looks])).toEqual([
      [4, 1],
      [4, 1],
    ]);
  });

  it('gives tidy rows in the contract column order and a forest chart that compiles', async () => {
    const outcomes = await testHypotheses(hypotheses, { runs: 8, seed: 1, simulate });
    const rows = hypothesisRows(outcomes);
    expect(Object.keys(rows[0] ?? {})).toEqual([...HYPOTHESIS_COLUMNS]);
    expect(rows[1]).toMatchObject({
      id: 'fast',
      expected: 'increase',
      smallest_effect: 0.1,
      runs: 8,
      seed: 1,
      verdict: 'supported',
      kind: 'mechanism',
      exceeds_smallest_effect: true,
      reason: 'CI wholly above 0 and beyond the smallest effect',
      dropped: 0,
      a: 'baseline',
      b: 'baseline [cops.0.decisionPower=decide]',
      looks: 1,
    });
    expect(rows[1]?.p_value_t).toBeLessThan(0.001);
    const chart = hypothesesChart(outcomes, { file: 'scenarios/hypotheses/study.yaml' });
    expect(chart.name).toBe('hypotheses');
    const heading = (chart.spec as unknown as { title: { text: string | string[]; subtitle: string[] } }).title;
    expect([heading.text].flat().join(' ')).toBe('Hypotheses of study.yaml: differences and verdicts');
    expect(heading.subtitle.join(' ')).toMatch(/^Base scenarios?: \S/);
    expect((await compileSpec(chart.spec)).warnings).toEqual([]);
  });
});

describe('forestData', () => {
  it('scales by the smallest effect and turns a predicted decrease to the right', async () => {
    const { forestData } = await import('../../../src/research/hypotheses/index.js');
    const base = { id: 'h', statement: 's', verdict: 'supported', smallestEffect: 2, runs: 10 } as const;
    const [down, up] = forestData([
      { ...base, expected: 'decrease', difference: -4, ciLow: -6, ciHigh: -2 },
      { ...base, expected: 'increase', difference: 1, ciLow: Number.NaN, ciHigh: 3 },
    ] as unknown as Parameters<typeof forestData>[0]);
    expect(down).toMatchObject({ scaled: 2, scaled_low: 1, scaled_high: 3, difference: -4 });
    expect(up).toMatchObject({ scaled: 0.5, scaled_low: null, scaled_high: 1.5 });
  });

  it('draws a sign test (smallest effect 0) in standard deviations of the differences', async () => {
    const { forestData } = await import('../../../src/research/hypotheses/index.js');
    const [row] = forestData([
      { id: 'h', statement: 's', verdict: 'supported', exceedsSmallestEffect: true, smallestEffect: 0, runs: 10, expected: 'increase', difference: 2, effectSize: 4, ciLow: 1, ciHigh: 3 },
    ] as unknown as Parameters<typeof forestData>[0]);
    expect(row).toMatchObject({ unit: 0.5, unit_name: 'SD of the differences', scaled: 4, scaled_low: 2, scaled_high: 6, standing: 'supported' });
  });

  it('tells a supported verdict whose interval does not clear the smallest effect apart', async () => {
    const { forestData } = await import('../../../src/research/hypotheses/index.js');
    const base = { id: 'h', statement: 's', verdict: 'supported', smallestEffect: 2, runs: 10, expected: 'increase', difference: 1, effectSize: 1, ciLow: 0.5, ciHigh: 1.5 };
    const rows = forestData([
      { ...base, exceedsSmallestEffect: false },
      { ...base, exceedsSmallestEffect: true },
    ] as unknown as Parameters<typeof forestData>[0]);
    expect(rows.map((r) => r.standing)).toEqual(['supported, not beyond the smallest effect', 'supported']);
  });
});
