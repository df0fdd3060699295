import { describe, expect, it } from 'vitest';
import { exceedsSmallestEffect, hypothesisVerdict, isDecided } from '../../src/stats/index.js';

const ci = (ciLow: number, ciHigh: number) => ({ ciLow, ciHigh });

describe('hypothesisVerdict', () => {
  it('supports a predicted increase when the whole interval is above zero', () => {
    expect(hypothesisVerdict(ci(0.2, 1.4), 'increase', 0.5)).toBe('supported');
    expect(hypothesisVerdict(ci(0.01, 0.6), 'increase', 0.5)).toBe('supported');
  });

  it('supports a predicted decrease when the whole interval is below zero', () => {
    expect(hypothesisVerdict(ci(-1.4, -0.2), 'decrease', 0.5)).toBe('supported');
    expect(hypothesisVerdict(ci(-1.4, -0.2), 'increase', 0.5)).toBe('contradicted');
  });

  it('contradicts when the whole interval is on the other side of zero', () => {
    expect(hypothesisVerdict(ci(-3, -2), 'increase', 0.5)).toBe('contradicted');
    expect(hypothesisVerdict(ci(2, 3), 'decrease', 0)).toBe('contradicted');
  });

  it('contradicts when the whole interval is inside the negligible band, whatever its sign', () => {
    expect(hypothesisVerdict(ci(0.1, 0.3), 'increase', 0.5)).toBe('contradicted');
    expect(hypothesisVerdict(ci(-0.3, 0.4), 'increase', 0.5)).toBe('contradicted');
    expect(hypothesisVerdict(ci(-0.3, 0.4), 'decrease', 0.5)).toBe('contradicted');
  });

  it('is inconclusive when the interval straddles zero and reaches effects that matter', () => {
    expect(hypothesisVerdict(ci(-0.2, 1.4), 'increase', 0.5)).toBe('inconclusive');
    expect(hypothesisVerdict(ci(-0.6, 0.4), 'increase', 0.5)).toBe('inconclusive');
    // With δ = 0 only the sign is tested: a narrow interval around zero stays inconclusive.
    expect(hypothesisVerdict(ci(-0.01, 0.01), 'increase', 0)).toBe('inconclusive');
  });

  it('is inconclusive when a bound is missing', () => {
    expect(hypothesisVerdict(ci(NaN, NaN), 'increase', 0.5)).toBe('inconclusive');
  });

  it('refuses a negative or missing smallest effect', () => {
    expect(() => hypothesisVerdict(ci(1, 2), 'increase', -1)).toThrow(/smallestEffect/);
    expect(() => hypothesisVerdict(ci(1, 2), 'increase', NaN)).toThrow(/smallestEffect/);
  });
});

describe('exceedsSmallestEffect', () => {
  it('holds only when the whole interval clears the smallest effect on the predicted side', () => {
    expect(exceedsSmallestEffect(ci(0.6, 1.4), 'increase', 0.5)).toBe(true);
    expect(exceedsSmallestEffect(ci(0.2, 1.4), 'increase', 0.5)).toBe(false);
    expect(exceedsSmallestEffect(ci(-1.4, -0.6), 'decrease', 0.5)).toBe(true);
    expect(exceedsSmallestEffect(ci(-1.4, -0.6), 'increase', 0.5)).toBe(false);
    expect(exceedsSmallestEffect(ci(NaN, NaN), 'increase', 0)).toBe(false);
  });
});

describe('isDecided', () => {
  it('treats supported and contradicted as final, inconclusive as not', () => {
    expect(isDecided('supported')).toBe(true);
    expect(isDecided('contradicted')).toBe(true);
    expect(isDecided('inconclusive')).toBe(false);
  });
});
