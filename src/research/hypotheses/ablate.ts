/**
 * Which channels carry a hypothesis: every hypothesis tested again with one channel of the
 * model knocked out in both arms (`parameters.knockouts`), with the same replication seeds as
 * the intact test (common random numbers), one channel at a time.
 *
 *   ResolvedHypothesis[] ──knockOut(h, channel) for every channel──▶ testHypotheses(simulate)
 *     ──carries(intact, off)──▶ HypothesisAblation[]: the carrying channels and the measured kind
 *
 * A channel **carries** an effect when the intact test supports it and, with the channel off,
 * the effect vanishes or reverses: the test no longer supports it (the interval includes 0,
 * lies wholly within ±smallest_effect, or lies on the other side of 0), or, where the intact
 * interval cleared the smallest effect, the interval with the channel off no longer does (the
 * effect that matters is gone, a sign may remain); and the knock-out really took the effect down: the 95%
 * interval of the change, intact effect minus effect without the channel, taken replication by
 * replication (the same seeds), lies wholly on the predicted side of 0. The last condition keeps
 * a marginal effect that a channel acting on both arms merely reshuffles from being credited to
 * that channel. A hypothesis none of whose single knock-outs removes its
 * effect is **emergent**; one that some knock-out removes is a **mechanism** check, named with
 * the channels that carry it. No channel is skipped: each hypothesis is tested with every
 * channel of `CHANNELS` off. A channel that acts on neither arm (a coach's climate term when
 * no arm has a coach) gives exactly the intact numbers, so it never carries anything.
 */
import { CHANNELS, type ChannelName } from '../../engine/channels.js';
import { pairedDifference } from '../../stats/paired-difference.js';
import { CONFIDENCE } from './evaluate.js';
import { scenarioKey, type Arm, type ResolvedHypothesis } from './resolve.js';
import type { HypothesisKind } from './schema.js';
import { plannedReplications, readMeasures, testHypotheses, type HypothesisOutcome, type MeasureSource } from './test-hypotheses.js';

/** Every channel of the model, in the order of `CHANNELS`: the knock-outs of an ablation. */
export const ABLATION_CHANNELS: readonly ChannelName[] = CHANNELS.map((c) => c.name);

/** A hypothesis tested with one channel knocked out in both arms. */
export interface KnockoutOutcome {
  readonly channel: ChannelName;
  /** The test with the channel off: same arms, same seeds, same replications as the intact one. */
  readonly outcome: HypothesisOutcome;
  /**
   * The change the knock-out made: intact effect minus effect with the channel off, the mean
   * over replications of (b − a) intact − (b − a) off, with its 95% t interval (NaN with fewer
   * than two replications valued in all four).
   */
  readonly change: { readonly mean: number; readonly ciLow: number; readonly ciHigh: number };
  /** Whether the channel carries the effect (see `carries`). */
  readonly carries: boolean;
}

/** What carries one hypothesis' effect. */
export interface HypothesisAblation {
  readonly id: string;
  /** The channels whose knock-out removes the effect, in the order of `CHANNELS`. */
  readonly carriedBy: readonly ChannelName[];
  /**
   * The kind measured: `mechanism` when some single knock-out removes the effect (a mechanism
   * check), `emergent` when none does; undefined when the intact test does not support the
   * effect, so there is nothing to attribute.
   */
  readonly measuredKind: HypothesisKind | undefined;
  /** The kind the file declares, if any. */
  readonly declaredKind: HypothesisKind | undefined;
  /** Whether the declared kind is the measured one; undefined when either is missing. */
  readonly agrees: boolean | undefined;
  /** One test per channel, in the order of the channels ablated. */
  readonly knockouts: readonly KnockoutOutcome[];
}

/** Options of `ablateHypotheses`: the master seed, where the values come from (as for `testHypotheses`), the channels. */
export type AblateOptions = MeasureSource & {
  /** The master seed of the intact test. */
  readonly seed: number;
  /** The channels to knock out, one at a time. Default every channel (`ABLATION_CHANNELS`). */
  readonly channels?: readonly ChannelName[];
};

/**
 * An arm with `channel` knocked out, on top of any knock-outs its scenario has.
 *
 * @example knockOutArm(arm, 'coach.climate').scenario.parameters.knockouts // → [..., 'coach.climate']
 */
export function knockOutArm(arm: Arm, channel: ChannelName): Arm {
  const parameters = arm.scenario.parameters;
  const knockouts = parameters.knockouts.includes(channel) ? parameters.knockouts : [...parameters.knockouts, channel];
  const scenario = { ...arm.scenario, parameters: { ...parameters, knockouts } };
  return { ...arm, scenario, key: scenarioKey(scenario) };
}

/** A hypothesis with `channel` knocked out in both arms. */
export function knockOut(h: ResolvedHypothesis, channel: ChannelName): ResolvedHypothesis {
  return { ...h, a: knockOutArm(h.a, channel), b: knockOutArm(h.b, channel) };
}

/**
 * How firmly a test establishes its effect: 2 when supported with the whole interval beyond
 * the smallest effect, 1 when supported by its sign alone, 0 when not supported.
 */
export function effectLevel(o: Pick<HypothesisOutcome, 'verdict' | 'exceedsSmallestEffect'>): 0 | 1 | 2 {
  if (o.verdict !== 'supported') return 0;
  return o.exceedsSmallestEffect ? 2 : 1;
}

/**
 * Whether knocking a channel out removed the effect: the intact test supports it; with the
 * channel off the effect is established less firmly (`effectLevel`: no longer supported, or no
 * longer beyond the smallest effect where the intact interval was); and the change (intact −
 * off) has an interval wholly on the predicted side of 0: the knock-out took the effect down,
 * beyond what chance reshuffles.
 *
 * @example carries({ verdict: 'supported', exceedsSmallestEffect: true, expected: 'increase' }, { verdict: 'inconclusive', exceedsSmallestEffect: false }, { ciLow: 0.4, ciHigh: 0.9 }) // → true
 */
export function carries(
  intact: Pick<HypothesisOutcome, 'verdict' | 'exceedsSmallestEffect' | 'expected'>,
  off: Pick<HypothesisOutcome, 'verdict' | 'exceedsSmallestEffect'>,
  change: { readonly ciLow: number; readonly ciHigh: number },
): boolean {
  const down = intact.expected === 'increase' ? change.ciLow > 0 : change.ciHigh < 0;
  return effectLevel(intact) > 0 && effectLevel(off) < effectLevel(intact) && down;
}

/**
 * The change a knock-out made to an effect, replication by replication: (b − a) intact minus
 * (b − a) with the channel off, its mean and 95% t interval.
 */
export function knockoutChange(
  intact: { readonly a: ArrayLike<number>; readonly b: ArrayLike<number> },
  off: { readonly a: ArrayLike<number>; readonly b: ArrayLike<number> },
): KnockoutOutcome['change'] {
  const differences = (v: typeof intact): Float64Array => Float64Array.from({ length: v.a.length }, (_, r) => (v.b[r] as number) - (v.a[r] as number));
  const paired = pairedDifference(differences(off), differences(intact), CONFIDENCE);
  return { mean: paired.mean, ciLow: paired.ciLow, ciHigh: paired.ciHigh };
}

/** The measured kind from the intact verdict and the carrying channels (see `HypothesisAblation`). */
export function measuredKind(intact: Pick<HypothesisOutcome, 'verdict'>, carriedBy: readonly string[]): HypothesisKind | undefined {
  if (intact.verdict !== 'supported') return undefined;
  return carriedBy.length > 0 ? 'mechanism' : 'emergent';
}

/**
 * Replications an ablation simulates: every channel, each hypothesis at the replications of
 * its intact test (each distinct knocked-out arm once per channel and number of replications).
 */
export function plannedAblationReplications(
  hypotheses: readonly ResolvedHypothesis[],
  runs: (h: ResolvedHypothesis) => number,
  channels: readonly ChannelName[] = ABLATION_CHANNELS,
): number {
  let total = 0;
  for (const [r, group] of byRuns(hypotheses, runs)) total += plannedReplications(group, r);
  return total * channels.length;
}

/**
 * Tests every hypothesis with each channel knocked out in both arms, at the replications and
 * seed of its intact test (`outcomes`, in the order of `hypotheses`, tested with `keepValues`),
 * and names the channels that carry each effect.
 *
 * @throws RangeError when an intact outcome lacks its values (tested without `keepValues`)
 *
 * @example const ablations = await ablateHypotheses(hypotheses, outcomes, { seed: 1, simulate })
 * ablations[0].carriedBy // → ['initiation.launchPulse']
 */
export async function ablateHypotheses(
  hypotheses: readonly ResolvedHypothesis[],
  outcomes: readonly HypothesisOutcome[],
  options: AblateOptions,
): Promise<HypothesisAblation[]> {
  const channels = options.channels ?? ABLATION_CHANNELS;
  const measures = readMeasures(options);
  const intact = new Map(outcomes.map((o) => [o.id, o]));
  for (const o of outcomes) {
    if (o.values === undefined) throw new RangeError(`ablateHypotheses: the intact outcome of ${o.id} has no values (test it with keepValues)`);
  }
  const runsOf = (h: ResolvedHypothesis): number => (intact.get(h.id) as HypothesisOutcome).runs;
  const knocked = new Map<string, KnockoutOutcome[]>(hypotheses.map((h) => [h.id, []]));
  for (const channel of channels) {
    for (const [runs, group] of byRuns(hypotheses, runsOf)) {
      const off = await testHypotheses(
        group.map((h) => knockOut(h, channel)),
        { runs, seed: options.seed, measures, keepValues: true },
      );
      for (const { values, ...o } of off) {
        const whole = intact.get(o.id) as HypothesisOutcome;
        const change = knockoutChange(whole.values as NonNullable<HypothesisOutcome['values']>, values as NonNullable<HypothesisOutcome['values']>);
        (knocked.get(o.id) as KnockoutOutcome[]).push({ channel, outcome: o, change, carries: carries(whole, o, change) });
      }
    }
  }
  return hypotheses.map((h) => {
    const knockouts = knocked.get(h.id) as KnockoutOutcome[];
    const carriedBy = knockouts.filter((k) => k.carries).map((k) => k.channel);
    const measured = measuredKind(intact.get(h.id) as HypothesisOutcome, carriedBy);
    return {
      id: h.id,
      carriedBy,
      measuredKind: measured,
      declaredKind: h.kind,
      agrees: measured === undefined || h.kind === undefined ? undefined : measured === h.kind,
      knockouts,
    };
  });
}

/**
 * Why a declared kind disagrees with the measured one, in words; undefined when they agree or
 * either is missing.
 *
 * @example kindDisagreement({ id: 'h', declaredKind: 'emergent', measuredKind: 'mechanism', carriedBy: ['coach.climate'], agrees: false })
 * // → 'h: the file declares kind emergent, but knocking out coach.climate removes the effect (a mechanism check)'
 */
export function kindDisagreement(a: Pick<HypothesisAblation, 'id' | 'declaredKind' | 'measuredKind' | 'carriedBy' | 'agrees'>): string | undefined {
  if (a.agrees !== false) return undefined;
  if (a.measuredKind === 'mechanism') {
    return (
      `${a.id}: the file declares kind ${a.declaredKind ?? ''}, but knocking out ${a.carriedBy.join(' or ')} ` +
      'removes the effect (a mechanism check)'
    );
  }
  return `${a.id}: the file declares kind ${a.declaredKind ?? ''}, but no single knock-out removes the effect (emergent)`;
}

/** The hypotheses grouped by the replications of their intact test, in order of first appearance. */
function byRuns(hypotheses: readonly ResolvedHypothesis[], runs: (h: ResolvedHypothesis) => number): Map<number, ResolvedHypothesis[]> {
  const groups = new Map<number, ResolvedHypothesis[]>();
  for (const h of hypotheses) {
    const r = runs(h);
    const group = groups.get(r);
    if (group === undefined) groups.set(r, [h]);
    else group.push(h);
  }
  return groups;
}
