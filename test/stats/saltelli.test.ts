/**
 * Known answers of the Sobol indices. Every tolerance is measured, not typed in: an estimate
 * must lie within 4 bootstrap standard errors of the published value, plus KNOWN_ROUNDING for the
 * published values' four decimals (so ±0.00005) and the O(1/N) bias of dividing by an estimated
 * variance, which at N = 2^14 is far below 0.00005 for these functions. The bootstrap treats the
 * blocks as independent draws, so for scrambled Sobol points (whose error shrinks faster than
 * 1/√N) it overstates the error: 4 SE is a generous bound, and fixed seeds make it stable.
 */
import { describe, expect, it } from 'vitest';
import { isPowerOfTwo, saltelliCost, saltelliDesign, saltelliRole, sobolIndices, type SobolIndex } from '../../src/stats/saltelli.js';

const KNOWN_ROUNDING = 1e-4;

function expectNear(index: SobolIndex, truth: { S1: number; ST: number }, label: string): void {
  expect(Math.abs(index.S1 - truth.S1), `${label} S1 = ${index.S1} ± ${index.S1_se}, truth ${truth.S1}`).toBeLessThanOrEqual(4 * index.S1_se + KNOWN_ROUNDING);
  expect(Math.abs(index.ST - truth.ST), `${label} ST = ${index.ST} ± ${index.ST_se}, truth ${truth.ST}`).toBeLessThanOrEqual(4 * index.ST_se + KNOWN_ROUNDING);
  expect(index.S1_low).toBeLessThanOrEqual(index.S1);
  expect(index.S1_high).toBeGreaterThanOrEqual(index.S1);
  expect(index.ST_low).toBeLessThanOrEqual(index.ST);
  expect(index.ST_high).toBeGreaterThanOrEqual(index.ST);
}

/** Ishigami & Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³. */
function ishigami([u1, u2, u3]: readonly number[], a = 7, b = 0.1): number {
  const [x1, x2, x3] = [u1, u2, u3].map((u) => -Math.PI + 2 * Math.PI * (u as number)) as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** Sobol's G function: Π (|4x_i − 2| + a_i) / (1 + a_i) on [0, 1]^k. */
function gFunction(a: readonly number[]) {
  return (x: readonly number[]): number => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + (a[i] as number))) / (1 + (a[i] as number)), 1);
}

describe('saltelliDesign', () => {
  it('has N · (k + 2) points in blocks A, AB^(1) … AB^(k), B', () => {
    const design = saltelliDesign({ factors: 3, samples: 8, seed: 1 });
    expect(design.points).toHaveLength(saltelliCost(8, 3));
    expect(saltelliCost(64, 10)).toBe(768);
    for (let j = 0; j < 8; j++) {
      const [a, ab1, ab2, ab3, b] = design.points.slice(j * 5, j * 5 + 5) as [number[], number[], number[], number[], number[]];
      expect(ab1).toEqual([b[0], a[1], a[2]]);
      expect(ab2).toEqual([a[0], b[1], a[2]]);
      expect(ab3).toEqual([a[0], a[1], b[2]]);
    }
    expect(saltelliRole(5, 3)).toEqual({ block: 1, matrix: 'A' });
    expect(saltelliRole(7, 3)).toEqual({ block: 1, matrix: 'AB', factor: 1 });
    expect(saltelliRole(9, 3)).toEqual({ block: 1, matrix: 'B' });
  });

  it('is the same for the same seed and needs a power of two', () => {
    expect(saltelliDesign({ factors: 2, samples: 4, seed: 3 })).toEqual(saltelliDesign({ factors: 2, samples: 4, seed: 3 }));
    expect(() => saltelliDesign({ factors: 2, samples: 6, seed: 3 })).toThrow(/samples must be a power of two/);
    expect(() => saltelliDesign({ factors: 556, samples: 4, seed: 3 })).toThrow(/factors must be a whole number from 1 to 555/);
    expect([1, 2, 64].every(isPowerOfTwo)).toBe(true);
    expect([0, 3, 6, 0.5].some(isPowerOfTwo)).toBe(false);
  });
});

describe('sobolIndices: known answers', () => {
  it('Ishigami (a = 7, b = 0.1): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437', () => {
    const design = saltelliDesign({ factors: 3, samples: 2 ** 14, seed: 11 });
    const { indices, samples } = sobolIndices(design.points.map((x) => ishigami(x)), 3, { seed: 5 });
    expect(samples).toBe(2 ** 14);
    const truth = [
      { S1: 0.3139, ST: 0.5576 },
      { S1: 0.4424, ST: 0.4424 },
      { S1: 0, ST: 0.2437 },
    ];
    indices.forEach((index, i) => expectNear(index, truth[i] as { S1: number; ST: number }, `x${i + 1}`));
  });

  it('the G function with a = (0, 1, 4.5, 9, 99, 99, 99, 99)', () => {
    // Analytic: V_i = 1 / (3 (1 + a_i)²), V = Π (1 + V_i) − 1, S_i = V_i / V,
    // ST_i = V_i Π_{j≠i} (1 + V_j) / V.
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const published = [
      { S1: 0.7162, ST: 0.7871 },
      { S1: 0.1791, ST: 0.2422 },
      { S1: 0.0237, ST: 0.0343 },
      { S1: 0.0072, ST: 0.0105 },
      ...Array.from({ length: 4 }, () => ({ S1: 0.00007, ST: 0.0001 })),
    ];
    const design = saltelliDesign({ factors: 8, samples: 2 ** 14, seed: 12 });
    const { indices } = sobolIndices(design.points.map(gFunction(a)), 8, { seed: 6 });
    indices.forEach((index, i) => expectNear(index, published[i] as { S1: number; ST: number }, `x${i + 1}`));
  });

  it('a linear model: S1 = ST = c_i² / Σ c², and an unused factor gets exactly 0', () => {
    const c = [3, 2, 1, 0];
    const design = saltelliDesign({ factors: 4, samples: 2 ** 12, seed: 2 });
    const { indices } = sobolIndices(design.points.map((x) => x.reduce((s, xi, i) => s + (c[i] as number) * xi, 0)), 4, { seed: 1 });
    indices.forEach((index, i) => expectNear(index, { S1: (c[i] as number) ** 2 / 14, ST: (c[i] as number) ** 2 / 14 }, `x${i + 1}`));
    expect(indices[3]?.S1).toBe(0);
    expect(indices[3]?.ST).toBe(0);
  });
});

describe('sobolIndices: robustness', () => {
  it('does not depend on the order the outputs were evaluated in, or on how many hands evaluated them', async () => {
    const design = saltelliDesign({ factors: 3, samples: 256, seed: 4 });
    const inOrder = design.points.map((x) => ishigami(x));
    // Evaluate in a shuffled order, by 3 concurrent "workers" finishing at different times,
    // each output stored at its design point's index.
    const order = design.points.map((_, i) => i).sort((p, q) => ((p * 7919) % 1031) - ((q * 7919) % 1031));
    const outputs = new Float64Array(design.points.length);
    const queue = [...order];
    await Promise.all(
      [0, 1, 2].map(async (worker) => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          await new Promise((resolve) => setTimeout(resolve, (i + worker) % 2));
          outputs[i] = ishigami(design.points[i] as number[]);
        }
      }),
    );
    expect(sobolIndices(outputs, 3, { seed: 9 })).toEqual(sobolIndices(inOrder, 3, { seed: 9 }));
  });

  it('leaves out blocks with a non-finite output and says how many it kept', () => {
    const design = saltelliDesign({ factors: 2, samples: 64, seed: 1 });
    const outputs = design.points.map(([x, y]) => (x as number) + 2 * (y as number));
    outputs[4 * 3] = Number.NaN; // an AB^(2) point of block 3
    const result = sobolIndices(outputs, 2, { seed: 1 });
    expect(result.samples).toBe(63);
    expect(Number.isFinite(result.indices[0]?.S1)).toBe(true);
  });

  it('gives NaN for a constant output, and no intervals without resamples', () => {
    const constant = sobolIndices(new Array(4 * 8).fill(3), 2, { seed: 1 });
    expect(constant.variance).toBe(0);
    expect(constant.indices.every((i) => Number.isNaN(i.S1) && Number.isNaN(i.ST))).toBe(true);
    const design = saltelliDesign({ factors: 2, samples: 16, seed: 1 });
    const noBootstrap = sobolIndices(design.points.map(([x]) => x as number), 2, { seed: 1, resamples: 0 });
    expect(Number.isNaN(noBootstrap.indices[0]?.S1_low)).toBe(true);
    expect(noBootstrap.indices[0]?.ST).toBeGreaterThan(0.5);
  });

  it('checks its arguments', () => {
    expect(() => sobolIndices([1, 2, 3], 2, { seed: 1 })).toThrow(/multiple of k \+ 2 = 4/);
    expect(() => sobolIndices([1, 2, 3, 4], 2, { seed: 1, confidence: 1 })).toThrow(/confidence/);
  });
});
