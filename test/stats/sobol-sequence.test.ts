import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolDirections, sobolSequence } from '../../src/stats/sobol-sequence.js';

describe('sobolSequence, unscrambled', () => {
  it('gives the published first points (Joe & Kuo 2008; scipy.stats.qmc.Sobol(scramble=False))', () => {
    // scipy 1.17: qmc.Sobol(d=10, scramble=False).random(8)
    const expected = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625],
      [0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125],
      [0.625, 0.125, 0.875, 0.625, 0.625, 0.875, 0.125, 0.125, 0.125, 0.375],
      [0.125, 0.625, 0.375, 0.125, 0.125, 0.375, 0.625, 0.625, 0.625, 0.875],
    ];
    expect(sobolSequence(8, 10)).toEqual(expected);
  });

  it('matches scipy deep into the table, where the recurrence and high-degree polynomials matter', () => {
    // scipy 1.17: qmc.Sobol(d=1111, scramble=False).random(1024), points 5, 100, 777 and 1023 of
    // dimensions 3, 10, 100, 338 (the first of degree 12), 500, 1000 and 1111, times 1024.
    const dims = [3, 10, 100, 338, 500, 1000, 1111];
    const expected: Record<number, number[]> = {
      5: [128, 128, 384, 128, 128, 640, 384],
      100: [792, 712, 904, 296, 504, 936, 472],
      777: [167, 331, 523, 491, 329, 393, 599],
      1023: [627, 871, 543, 815, 485, 877, 603],
    };
    const points = sobolSequence(1024, SOBOL_MAX_DIMENSIONS);
    for (const [i, row] of Object.entries(expected)) {
      expect(dims.map((d) => (points[Number(i)] as number[])[d - 1] as number * 1024), `point ${i}`).toEqual(row);
    }
  });

  it('is a (t, s)-sequence: each dyadic interval of the first 2^k points holds exactly one of them, in every dimension', () => {
    // A Sobol sequence is a (t, s)-sequence in base 2; each one-dimensional projection is a
    // (0, 1)-sequence, so its first 2^k points put one point in each [j/2^k, (j+1)/2^k).
    const points = sobolSequence(2 ** 10, 40);
    for (const k of [1, 4, 7, 10]) {
      for (let d = 0; d < 40; d++) {
        const boxes = new Array<number>(2 ** k).fill(0);
        for (const p of points.slice(0, 2 ** k)) boxes[Math.floor((p[d] as number) * 2 ** k)]! += 1;
        expect(boxes.every((n) => n === 1), `k = ${k}, dimension ${d + 1}`).toBe(true);
      }
    }
  });

  it('fills every 2-D dyadic box of the first two dimensions equally (t = 0 for that pair)', () => {
    // Dimensions 1 and 2 form a (0, 2)-sequence: 2^m points put one point in each dyadic box of
    // area 2^−m, e.g. 2^6 points one in each 1/8 × 1/8 box.
    const points = sobolSequence(64, 2);
    const boxes = new Set(points.map(([x, y]) => `${Math.floor((x as number) * 8)},${Math.floor((y as number) * 8)}`));
    expect(boxes.size).toBe(64);
  });

  it('derives the directions of dimension 2 from its polynomial x + 1', () => {
    expect(Array.from(sobolDirections(2)[1]!.slice(0, 3))).toEqual([2 ** 31, 3 * 2 ** 30, 5 * 2 ** 29]);
  });

  it('refuses dimensions and counts it cannot give', () => {
    expect(() => sobolSequence(4, 0)).toThrow(/dimensions must be a whole number from 1 to 1111/);
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
    expect(() => sobolSequence(-1, 2)).toThrow(/count must be a whole number/);
  });
});

describe('sobolSequence, scrambled', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(sobolSequence(16, 5, { scramble: 3 })).toEqual(sobolSequence(16, 5, { scramble: 3 }));
    expect(sobolSequence(16, 5, { scramble: 3 })).not.toEqual(sobolSequence(16, 5, { scramble: 4 }));
  });

  it('keeps the net: still one point in each dyadic interval and each 2-D box of the first two dimensions', () => {
    for (const seed of [1, 2, 3]) {
      const points = sobolSequence(256, 12, { scramble: seed });
      for (let d = 0; d < 12; d++) {
        const boxes = new Set(points.map((p) => Math.floor((p[d] as number) * 256)));
        expect(boxes.size, `seed ${seed}, dimension ${d + 1}`).toBe(256);
      }
      const pairs = new Set(points.map(([x, y]) => `${Math.floor((x as number) * 16)},${Math.floor((y as number) * 16)}`));
      expect(pairs.size).toBe(256);
    }
  });

  it('moves the points off the grid of the plain sequence, into [0, 1)', () => {
    const points = sobolSequence(64, 3, { scramble: 9 });
    expect(points[0]).not.toEqual([0, 0, 0]);
    expect(points.flat().every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('has uniform coordinates: the mean over seeds of the first point is near 1/2', () => {
    // Each coordinate of a scrambled point is U[0, 1): over 400 seeds the mean of one coordinate
    // has standard error 1/sqrt(12 · 400) ≈ 0.0144; allow 4 of them.
    const firsts = Array.from({ length: 400 }, (_, seed) => (sobolSequence(1, 1, { scramble: seed })[0] as number[])[0] as number);
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 / Math.sqrt(12 * 400));
  });
});
