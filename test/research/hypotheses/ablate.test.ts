/**
 * Ablation: each channel knocked out in both arms with the intact test's seeds; a channel
 * carries an effect when, without it, the effect is no longer supported and the knock-out took
 * it down; emergent when no single knock-out does.
 */
import { describe, expect, it } from 'vitest';
import type { Collected } from '../../../src/aggregate/types.js';
import type { ChannelName } from '../../../src/engine/channels.js';
import {
  ablateHypotheses,
  ablationChart,
  ablationRows,
  ABLATION_CHANNELS,
  ABLATION_COLUMNS,
  carries,
  hypothesisColumns,
  hypothesisRows,
  kindDisagreement,
  knockOut,
  plannedAblationReplications,
  testHypotheses,
  type HypothesisOutcome,
  type ResolvedHypothesis,
} from '../../../src/research/hypotheses/index.js';
import { compileSpec } from '../../../src/charts/render.js';
import { runMonteCarlo } from '../../../src/runner/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { fakeBatch, hypothesis, resolve, SMALL } from './helpers.js';

/** Intact test (with the values an ablation needs) and the ablation, with `simulate` for both. */
async function ablate(
  hypotheses: ResolvedHypothesis[],
  simulate: (scenario: Scenario, runs: number) => Promise<Collected>,
  runs: number,
  channels?: readonly ChannelName[],
) {
  const intact = await testHypotheses(hypotheses, { runs, seed: 3, simulate, keepValues: true });
  const ablations = await ablateHypotheses(hypotheses, intact, { seed: 3, simulate, ...(channels === undefined ? {} : { channels }) });
  return { intact, ablations };
}

describe('ablateHypotheses with the engine', () => {
  // A coach raises safety through one term, the channel coach.climate; a bottom-up CoP has no
  // appointed founders, so initiation.appointed acts on neither arm.
  const hypotheses = resolve(
    {
      hypotheses: [
        hypothesis('coach-safety', { scenario: 'baseline', set: ['cops.0.support.coach=true'] }, {
          kind: 'emergent',
          measure: { metric: 'safety', at: { from: 8, to: 19 }, while_alive: true },
          smallest_effect: 0.005,
        }),
      ],
    },
    ['weeks=20', 'organisation.employees=300'],
  );
  const simulate = (scenario: Scenario, runs: number): Promise<Collected> => runMonteCarlo(scenario, { runs, masterSeed: 3, workers: 0 });
  const channels: ChannelName[] = ['initiation.appointed', 'coach.climate', 'lead.climate'];

  it('names the one channel that carries an effect, and calls it a mechanism check, not emergent', async () => {
    const { intact, ablations } = await ablate(hypotheses, simulate, 6, channels);
    expect(intact[0]?.verdict).toBe('supported');
    const [a] = ablations;
    expect(a?.carriedBy).toEqual(['coach.climate']);
    expect(a?.measuredKind).toBe('mechanism');
    // The file declares the hypothesis emergent: the ablation says otherwise.
    expect(a?.agrees).toBe(false);
    expect(kindDisagreement(a!)).toBe(
      'coach-safety: the file declares kind emergent, but knocking out coach.climate removes the effect (a mechanism check)',
    );
    // Without the coach's term the two arms are the same model: the difference is exactly 0.
    const coach = a?.knockouts.find((k) => k.channel === 'coach.climate');
    expect([coach?.outcome.difference, coach?.outcome.ciLow, coach?.outcome.ciHigh]).toEqual([0, 0, 0]);
    expect(coach?.change.mean).toBe(intact[0]?.difference);
  });

  it('does not credit a channel that acts on neither arm: the same seeds give exactly the intact numbers', async () => {
    const { intact, ablations } = await ablate(hypotheses, simulate, 6, channels);
    const unrelated = ablations[0]?.knockouts.find((k) => k.channel === 'initiation.appointed');
    expect(unrelated?.carries).toBe(false);
    const { difference, ciLow, ciHigh, verdict } = intact[0] as HypothesisOutcome;
    expect(unrelated?.outcome).toMatchObject({ difference, ciLow, ciHigh, verdict });
    expect(unrelated?.change).toEqual({ mean: 0, ciLow: 0, ciHigh: 0 });
    // A channel that acts on both arms but leaves the effect supported does not carry it either.
    const lead = ablations[0]?.knockouts.find((k) => k.channel === 'lead.climate');
    expect(lead?.outcome.verdict).toBe('supported');
    expect(lead?.carries).toBe(false);
  });

  it('writes one ablation.csv row per hypothesis and channel, the carrying channels in hypotheses.csv, and a chart that compiles', async () => {
    const { intact, ablations } = await ablate(hypotheses, simulate, 6, channels);
    const rows = ablationRows(ablations);
    expect(rows.map((r) => [r.hypothesis, r.channel, r.carries])).toEqual([
      ['coach-safety', 'initiation.appointed', 'no'],
      ['coach-safety', 'coach.climate', 'yes'],
      ['coach-safety', 'lead.climate', 'no'],
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual([...ABLATION_COLUMNS]);
    const summary = hypothesisRows(intact, { ablations });
    expect(summary[0]).toMatchObject({ carried_by: 'coach.climate', measured_kind: 'mechanism', kind: 'emergent' });
    expect(hypothesisColumns({ ablations }).slice(-2)).toEqual(['carried_by', 'measured_kind']);
    const chart = ablationChart(intact, ablations, { file: 'h.yaml' });
    const rowsDrawn = (chart.spec as unknown as { data: { values: { row: string }[] } }).data.values.map((v) => v.row);
    expect(rowsDrawn).toEqual(['coach-safety', 'coach-safety without coach.climate']);
    expect((await compileSpec(chart.spec)).warnings).toEqual([]);
  });
});

describe('ablateHypotheses, steered exactly', () => {
  // b − a per replication, by the channel knocked out (none: intact).
  const hypotheses = resolve({ hypotheses: [hypothesis('h', { scenario: 'baseline', set: ['cops.0.support.coach=true'] })] }, SMALL);
  const knockedOut = (scenario: Scenario): string | undefined => scenario.parameters.knockouts[0];
  const steered =
    (effect: (channel: string | undefined, r: number) => number) =>
    async (scenario: Scenario, runs: number): Promise<Collected> => {
      const b = scenario.cops[0]?.support.coach === true;
      return fakeBatch(runs, (r) => (b ? effect(knockedOut(scenario), r) : 0));
    };

  it('calls an effect emergent when no single knock-out removes it', async () => {
    const { ablations } = await ablate(hypotheses, steered((_, r) => 5 + (r % 3)), 8, ['coach.climate', 'lead.climate']);
    expect(ablations[0]).toMatchObject({ carriedBy: [], measuredKind: 'emergent', declaredKind: 'mechanism', agrees: false });
    expect(kindDisagreement(ablations[0]!)).toBe('h: the file declares kind mechanism, but no single knock-out removes the effect (emergent)');
  });

  it('counts a reversed effect as removed', async () => {
    const { ablations } = await ablate(hypotheses, steered((c, r) => (c === 'lead.climate' ? -3 : 5) + (r % 3)), 8, ['coach.climate', 'lead.climate']);
    expect(ablations[0]?.carriedBy).toEqual(['lead.climate']);
    expect(ablations[0]?.knockouts[1]?.outcome.verdict).toBe('contradicted');
  });

  it('does not credit a channel whose knock-out only reshuffles a marginal effect', async () => {
    // Intact: 1 ± 1 alternating, supported; off: the same mean with a wider spread, so the
    // interval reaches 0, but the change (intact − off) has mean 0: no channel took it down.
    const { intact, ablations } = await ablate(
      hypotheses,
      steered((c, r) => (c === 'lead.climate' ? 1 + (r % 2 === 0 ? 3 : -3) : 1 + (r % 2 === 0 ? 1 : -1))),
      16,
      ['lead.climate'],
    );
    expect(intact[0]?.verdict).toBe('supported');
    const k = ablations[0]?.knockouts[0];
    expect(k?.outcome.verdict).toBe('inconclusive');
    expect(k?.change.ciLow).toBeLessThan(0);
    expect(k?.carries).toBe(false);
    expect(ablations[0]?.measuredKind).toBe('emergent');
  });

  it('attributes nothing to an effect the intact test does not support', async () => {
    const { ablations } = await ablate(hypotheses, steered((_, r) => (r % 2 === 0 ? 1 : -1)), 8, ['lead.climate']);
    expect(ablations[0]).toMatchObject({ carriedBy: [], measuredKind: undefined, agrees: undefined });
  });

  it('knocks the channel out in both arms, on top of the knock-outs a scenario has', () => {
    const [h] = resolve({ hypotheses: [hypothesis('h', { scenario: 'baseline', set: ['parameters.knockouts=[lead.welcome]'] })] }, SMALL);
    const off = knockOut(h!, 'coach.climate');
    expect(off.a.scenario.parameters.knockouts).toEqual(['coach.climate']);
    expect(off.b.scenario.parameters.knockouts).toEqual(['lead.welcome', 'coach.climate']);
    expect(off.a.key).not.toBe(h?.a.key);
    expect(knockOut(off, 'coach.climate').b.scenario.parameters.knockouts).toEqual(['lead.welcome', 'coach.climate']);
  });

  it('plans one test per channel, every channel by default', () => {
    expect(plannedAblationReplications(hypotheses, () => 10)).toBe(ABLATION_CHANNELS.length * 2 * 10);
    expect(carries({ verdict: 'supported', expected: 'decrease' }, { verdict: 'inconclusive' }, { ciLow: -2, ciHigh: -1 })).toBe(true);
    expect(carries({ verdict: 'supported', expected: 'decrease' }, { verdict: 'inconclusive' }, { ciLow: 1, ciHigh: 2 })).toBe(false);
  });

  it('refuses intact outcomes tested without their values', async () => {
    const simulate = steered(() => 1);
    const intact = await testHypotheses(hypotheses, { runs: 4, seed: 3, simulate });
    await expect(ablateHypotheses(hypotheses, intact, { seed: 3, simulate })).rejects.toThrow(/keepValues/);
  });
});
