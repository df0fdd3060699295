import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, studentTCdf, tQuantile } from '../../src/stats/index.js';

/** Relative closeness, for values that span several orders of magnitude. */
function expectRelative(got: number, want: number, tolerance: number): void {
  expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(tolerance);
}

describe('tQuantile (Student t inverse CDF)', () => {
  it('matches the printed two-sided 95% table', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.04523, 5);
    expect(tQuantile(0.975, 199)).toBeCloseTo(1.971957, 6);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 6);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('matches reference values to near double precision (scipy.stats.t.ppf)', () => {
    const cases: [p: number, df: number, want: number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2, 4.302652729749462],
      [0.975, 4, 2.7764451051977934],
      [0.975, 9, 2.262157162798205],
      [0.975, 29, 2.045229642132703],
      [0.975, 199, 1.9719565442517533],
      [0.95, 2, 2.9199855803537242],
      [0.995, 4, 4.604094871349992],
      [0.9, 3.5, 1.5765766051364052],
      [0.999, 1, 318.30883898555015],
      [0.6, 0.5, 0.3979754267847907],
      [0.9999999, 5, 39.341819621052615],
      [1e-10, 3, -2225.769284683093],
      [0.975, 5e4, 1.9600114310936798],
      [0.975, 2e5, 1.959975845966768],
      [0.975, 1e9, 1.959963986912325],
    ];
    for (const [p, df, want] of cases) expectRelative(tQuantile(p, df), want, 1e-10);
  });

  it('is symmetric about zero and 0 at the median', () => {
    // 1 − 0.75 is exactly 0.25 in binary, so the mirror is exact there.
    expect(tQuantile(0.25, 9)).toBe(-tQuantile(0.75, 9));
    expect(tQuantile(0.025, 9)).toBeCloseTo(-tQuantile(0.975, 9), 13);
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
  });

  it('inverts studentTCdf', () => {
    for (const df of [1, 2.5, 6, 40]) {
      for (const p of [0.001, 0.1, 0.45, 0.8, 0.99]) {
        expect(studentTCdf(tQuantile(p, df), df)).toBeCloseTo(p, 13);
      }
    }
  });

  it('rejects invalid p and df', () => {
    expect(() => tQuantile(1.2, 3)).toThrow(/p must be in \[0, 1\]/);
    expect(() => tQuantile(0.9, 0)).toThrow(/df must be positive/);
    expect(() => tQuantile(0.9, Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTCdf, normalCdf and normalQuantile', () => {
  it('match reference values', () => {
    expect(studentTCdf(1.5, 3)).toBeCloseTo(0.8847080673775886, 14);
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300933, 16);
    expectRelative(normalCdf(-10), 7.61985302416047e-24, 1e-12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    expect(normalQuantile(0.5)).toBe(0);
  });
});
