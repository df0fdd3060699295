import { describe, expect, it } from 'vitest';
import { mapSpread, spread, timeRepetitions } from '../../src/bench/measure.js';

describe('spread', () => {
  it('takes the middle value of an odd count as the median', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
  });

  it('averages the two middle values of an even count', () => {
    expect(spread([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10, n: 4 });
  });

  it('does not reorder the caller\'s samples', () => {
    const samples = [3, 1, 2];
    spread(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty list', () => {
    expect(() => spread([])).toThrow(RangeError);
  });
});

describe('mapSpread', () => {
  it('keeps min below max when the mapping decreases, as seconds → throughput does', () => {
    expect(mapSpread({ median: 2, min: 1, max: 4, n: 3 }, (s) => 8 / s)).toEqual({ median: 4, min: 2, max: 8, n: 3 });
  });

  it('maps an increasing function value by value', () => {
    expect(mapSpread({ median: 2, min: 1, max: 4, n: 3 }, (s) => s * 10)).toEqual({ median: 20, min: 10, max: 40, n: 3 });
  });
});

describe('timeRepetitions', () => {
  it('calls the work once per repetition, in order, and returns one non-negative time each', () => {
    const calls: number[] = [];
    const progress: string[] = [];
    const seconds = timeRepetitions(
      4,
      (i) => calls.push(i),
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(calls).toEqual([0, 1, 2, 3]);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(seconds).toHaveLength(4);
    for (const s of seconds) expect(s).toBeGreaterThanOrEqual(0);
  });
});
