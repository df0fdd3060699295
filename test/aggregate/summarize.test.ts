import { describe, expect, it } from 'vitest';
import { summarize, type Collected } from '../../src/aggregate/index.js';
import { metricKind, N_FIGURES, N_WEEKLY, WEEKLY_INDEX, WEEKLY_METRICS } from '../../src/engine/result.js';
import { meanConfidenceInterval } from '../../src/stats/index.js';
import { syntheticResult } from './synthetic.js';
import { createCollector } from '../../src/aggregate/index.js';

/**
 * A Collected whose weekly value is `value(cop, metric, week, replication)`, except that a 0/1
 * metric (alive, meetings) holds 1 where `value` gives anything but 0, 1 or NaN.
 */
function collectedOf(
  copIds: string[],
  weeks: number,
  runs: number,
  value: (cop: number, metric: number, week: number, r: number) => number,
): Collected {
  const weekly = new Float64Array(copIds.length * N_WEEKLY * weeks * runs);
  for (let c = 0; c < copIds.length; c++)
    for (let m = 0; m < N_WEEKLY; m++)
      for (let w = 0; w < weeks; w++)
        for (let r = 0; r < runs; r++) {
          const v = value(c, m, w, r);
          const indicator = metricKind(WEEKLY_METRICS[m]!) === 'indicator';
          weekly[((c * N_WEEKLY + m) * weeks + w) * runs + r] = indicator && v !== 0 && v !== 1 && !Number.isNaN(v) ? 1 : v;
        }
  return {
    copIds,
    weeks,
    runs,
    seeds: Uint32Array.from({ length: runs }, (_, r) => r + 1),
    weekly,
    figures: new Float64Array(copIds.length * N_FIGURES * runs),
    employees: 50,
  };
}

describe('summarize', () => {
  it('orders rows by cop, then metric (WEEKLY_METRICS order), then week', () => {
    const rows = summarize(collectedOf(['a', 'b'], 3, 2, () => 1), 'sc');
    expect(rows).toHaveLength(2 * N_WEEKLY * 3);
    expect(rows.slice(0, 4).map((r) => [r.cop, r.metric, r.week])).toEqual([
      ['a', 'members', 0],
      ['a', 'members', 1],
      ['a', 'members', 2],
      ['a', 'attendance', 0],
    ]);
    const second = rows[N_WEEKLY * 3];
    expect([second?.cop, second?.metric, second?.week]).toEqual(['b', 'members', 0]);
    expect(rows.at(-1)?.metric).toBe(WEEKLY_METRICS.at(-1));
    expect(rows.every((r) => r.scenario === 'sc')).toBe(true);
  });

  it('computes n, mean, sd, CI and type 7 quantiles over replications', () => {
    // Replication r holds (r * 7) % 10 + 1: the values 1..10 in a scrambled order.
    const rows = summarize(collectedOf(['a'], 2, 10, (_c, _m, _w, r) => ((r * 7) % 10) + 1), 'sc');
    const row = rows[0]!;
    expect(row.n).toBe(10);
    expect(row.mean).toBe(5.5);
    expect(row.sd).toBeCloseTo(3.0276503540974917, 14);
    expect(row.ci_low).toBeCloseTo(3.334149410331831, 12);
    expect(row.ci_high).toBeCloseTo(7.665850589668169, 12);
    expect([row.p05, row.p25, row.p50, row.p75, row.p95].map((x) => Number(x.toFixed(10)))).toEqual([
      1.45, 3.25, 5.5, 7.75, 9.55,
    ]);
  });

  it('agrees exactly with meanConfidenceInterval on each cell of an unbounded metric', () => {
    const collector = createCollector(['x'], 5, 30, 100);
    for (let r = 0; r < 30; r++) collector.add(r, syntheticResult(['x'], 5, r));
    const collected = collector.finish();
    const rows = summarize(collected, 'sc');
    const unbounded = rows.filter((row) => metricKind(row.metric) === 'unbounded');
    for (const row of [unbounded[0]!, unbounded[7]!, unbounded[33]!, unbounded.at(-1)!]) {
      const m = WEEKLY_INDEX[row.metric];
      const start = (m * 5 + row.week) * 30;
      const ci = meanConfidenceInterval(collected.weekly.subarray(start, start + 30));
      expect([row.n, row.mean, row.sd, row.ci_low, row.ci_high]).toEqual([ci.n, ci.mean, ci.sd, ci.low, ci.high]);
    }
  });

  it("gives 0/1 metrics (alive, meetings) Wilson's interval, within [0, 1] also when every run agrees", () => {
    const alive = WEEKLY_INDEX.alive;
    const meetings = WEEKLY_INDEX.meetings;
    // alive: 196 of 200 runs in week 0, all 200 in week 1; meetings: none in either week.
    const value = (_c: number, m: number, w: number, r: number) =>
      m === alive ? (w === 0 && r < 4 ? 0 : 1) : m === meetings ? 0 : r;
    const rows = summarize(collectedOf(['a'], 2, 200, value), 'sc');
    const row = (metric: string, week: number) => rows.find((x) => x.metric === metric && x.week === week)!;
    // R: prop.test(196, 200, correct = FALSE)$conf.int → 0.94971291309417349 0.9921955735836504
    expect(row('alive', 0).mean).toBe(0.98);
    expect(row('alive', 0).ci_low).toBeCloseTo(0.94971291309417349, 12);
    expect(row('alive', 0).ci_high).toBeCloseTo(0.9921955735836504, 12);
    // R: prop.test(200, 200, correct = FALSE)$conf.int → 0.98115467362273334 1 (a t interval: [1, 1])
    expect(row('alive', 1).ci_high).toBe(1);
    expect(row('alive', 1).ci_low).toBeCloseTo(0.98115467362273334, 12);
    // R: prop.test(0, 200, correct = FALSE)$conf.int → 0 0.018845326377266564
    expect(row('meetings', 0).ci_low).toBe(0);
    expect(row('meetings', 0).ci_high).toBeCloseTo(0.018845326377266564, 12);
    expect(row('alive', 0).sd).toBeCloseTo(Math.sqrt((196 * 0.02 * 0.02 + 4 * 0.98 * 0.98) / 199), 14);
  });

  it('clips the t interval of a share (reuse_rate) to [0, 1], keeping the mean inside', () => {
    const rate = WEEKLY_INDEX.reuse_rate;
    // Runs 0..4 of reuse_rate: 0, 0.02, 0, 0.01, 0.5; R: t.test(x)$conf.int → −0.16767 0.37967.
    const shares = [0, 0.02, 0, 0.01, 0.5];
    const rows = summarize(collectedOf(['a'], 1, 5, (_c, m, _w, r) => (m === rate ? shares[r]! : m === WEEKLY_INDEX.alive ? 1 : r)), 'sc');
    const row = rows.find((x) => x.metric === 'reuse_rate')!;
    expect(row.ci_low).toBe(0);
    expect(row.ci_high).toBeCloseTo(0.37967356166401905, 12);
  });

  it('skips NaN: n counts finite values; an all-NaN cell has n = 0 and NaN statistics', () => {
    const value = (_c: number, m: number, w: number, r: number) =>
      w === 0 ? Number.NaN : w === 1 && r % 2 === 0 ? Number.NaN : m + r;
    const rows = summarize(collectedOf(['a'], 3, 6, value), 'sc');
    const empty = rows[0]!;
    expect(empty.n).toBe(0);
    for (const key of ['mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95'] as const) expect(empty[key]).toBeNaN();
    const half = rows[1]!; // week 1 of 'members' (metric 0): replications 1, 3, 5 → values 1, 3, 5
    expect(half.n).toBe(3);
    expect(half.mean).toBe(3);
    expect(half.p50).toBe(3);
    expect(half.sd).toBe(2);
  });

  it('gives NaN bounds and sd with a single replication, but mean and quantiles', () => {
    const [row] = summarize(collectedOf(['a'], 1, 1, () => 4), 'sc');
    expect(row?.n).toBe(1);
    expect(row?.mean).toBe(4);
    expect(row?.p95).toBe(4);
    expect(row?.sd).toBeNaN();
    expect(row?.ci_low).toBeNaN();
  });
});
