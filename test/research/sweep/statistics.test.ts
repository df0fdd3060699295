import { describe, expect, it } from 'vitest';
import { pointStatistics } from '../../../src/research/sweep/index.js';
import { sweepRows } from '../../../src/research/sweep/rows.js';

describe('pointStatistics', () => {
  it('gives n, mean, sd, the t interval and type 7 quantiles of 1..10 (R: t.test, quantile)', () => {
    const s = pointStatistics([10, 3, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(s.n).toBe(10);
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(3.0276503540974917, 12);
    // R: t.test(1:10)$conf.int → 3.334149 7.665851
    expect(s.ci_low).toBeCloseTo(3.334149, 5);
    expect(s.ci_high).toBeCloseTo(7.665851, 5);
    // R: quantile(1:10, c(.05, .5, .95)) → 1.45 5.50 9.55
    expect(s.p05).toBeCloseTo(1.45, 12);
    expect(s.p50).toBe(5.5);
    expect(s.p95).toBeCloseTo(9.55, 12);
  });
  it('skips values that are not finite', () => {
    const s = pointStatistics([Number.NaN, 2, 4, Number.POSITIVE_INFINITY]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(3);
    expect(s.p50).toBe(3);
  });
  it('has NaN statistics when no value is finite, and no interval from one value', () => {
    expect(Number.isNaN(pointStatistics([Number.NaN]).mean)).toBe(true);
    const one = pointStatistics([7]);
    expect(one.mean).toBe(7);
    expect(Number.isNaN(one.ci_low)).toBe(true);
  });
  it("gives a 0/1 measure Wilson's interval and a share the t interval clipped to [0, 1]", () => {
    // R: prop.test(3, 4, correct = FALSE)$conf.int → 0.30064184258240201 0.95441273919029945
    const alive = pointStatistics([1, 0, 1, 1], 'indicator');
    expect(alive.ci_low).toBeCloseTo(0.30064184258240201, 12);
    expect(alive.ci_high).toBeCloseTo(0.95441273919029945, 12);
    // The t interval of the same values, R: t.test(c(1, 0, 1, 1))$conf.int → −0.0456 1.5456
    expect(pointStatistics([1, 0, 1, 1]).ci_low).toBeCloseTo(-0.04561158, 6);
    // R: t.test(c(1, 1, 1, 0.9))$conf.int → 0.89543884236790738 1.0545611576320926
    const share = pointStatistics([1, 1, 1, 0.9], 'unit');
    expect(share.ci_low).toBeCloseTo(0.89543884236790738, 12);
    expect(share.ci_high).toBe(1);
  });
});

describe('sweepRows', () => {
  it("uses the measure's kind: alive in the final week gets Wilson's interval", () => {
    const axes = [{ path: 'cops.0.support.fundedHours', values: [0, 2] }];
    const points = [
      { index: 0, values: [0], sets: ['cops.0.support.fundedHours=0'] },
      { index: 1, values: [2], sets: ['cops.0.support.fundedHours=2'] },
    ];
    const values = [Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 0, 1, 1])];
    const [all, most] = sweepRows(axes, points, values, { metric: 'alive' }, 'a');
    // R: prop.test(4, 4, correct = FALSE)$conf.int → 0.51010916354540281 1
    expect(all!.ci_low).toBeCloseTo(0.51010916354540281, 12);
    expect(all!.ci_high).toBe(1);
    expect(most!.ci_low).toBeCloseTo(0.30064184258240201, 12);
  });
});
