import { describe, expect, it } from 'vitest';
import { elementaryEffects, morrisCost, morrisDesign, scaleDesign, type MorrisDesign } from '../../src/stats/index.js';

/** The trajectories of a design as lists of points. */
function trajectories(design: MorrisDesign): number[][][] {
  const k = design.factors;
  return Array.from({ length: design.trajectories }, (_, t) => design.points.slice(t * (k + 1), (t + 1) * (k + 1)));
}

/** Sobol's g-function: Π (|4x − 2| + a_i) / (1 + a_i); a small a_i makes x_i important. */
function gFunction(a: readonly number[]) {
  return (x: readonly number[]): number => x.reduce((p, xi, i) => p * (Math.abs(4 * xi - 2) + (a[i] as number)) / (1 + (a[i] as number)), 1);
}

describe('morrisDesign', () => {
  const design = morrisDesign({ factors: 5, trajectories: 12, levels: 4, seed: 42 });

  it('has r · (k + 1) points, the cost morrisCost reports', () => {
    expect(design.points).toHaveLength(morrisCost(5, 12));
    expect(morrisCost(6, 20)).toBe(140);
    expect(design.factorMoved).toHaveLength(12 * 5);
    expect(design.delta).toBeCloseTo(2 / 3, 15);
  });

  it('moves each factor exactly once per trajectory, by ±Δ, and nothing else', () => {
    trajectories(design).forEach((points, t) => {
      const moved = design.factorMoved.slice(t * 5, (t + 1) * 5);
      expect([...moved].sort()).toEqual([0, 1, 2, 3, 4]);
      for (let j = 0; j < 5; j++) {
        const before = points[j] as number[];
        const after = points[j + 1] as number[];
        for (let i = 0; i < 5; i++) {
          const change = (after[i] as number) - (before[i] as number);
          if (i === moved[j]) expect(Math.abs(change)).toBeCloseTo(design.delta, 12);
          else expect(change).toBe(0);
        }
      }
    });
  });

  it('keeps every point on the grid {0, 1/(p − 1), …, 1}', () => {
    for (const levels of [2, 4, 6, 8]) {
      const d = morrisDesign({ factors: 4, trajectories: 20, levels, seed: levels });
      for (const x of d.points) {
        for (const u of x) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
          const j = u * (levels - 1);
          expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('steps both up and down and visits every level', () => {
    const d = morrisDesign({ factors: 3, trajectories: 40, seed: 3 });
    const values = new Set(d.points.flat().map((u) => Math.round(u * 3)));
    expect([...values].sort()).toEqual([0, 1, 2, 3]);
    const steps = trajectories(d).flatMap((pts, t) =>
      pts.slice(1).map((x, j) => {
        const f = d.factorMoved[t * 3 + j] as number;
        return Math.sign((x[f] as number) - ((pts[j] as number[])[f] as number));
      }),
    );
    expect(steps).toContain(1);
    expect(steps).toContain(-1);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(morrisDesign({ factors: 5, trajectories: 12, seed: 42 })).toEqual(design);
    expect(morrisDesign({ factors: 5, trajectories: 12, seed: 43 }).points).not.toEqual(design.points);
  });

  it('refuses impossible options with a message naming the option', () => {
    expect(() => morrisDesign({ factors: 0, trajectories: 5, seed: 1 })).toThrow(/factors/);
    expect(() => morrisDesign({ factors: 2, trajectories: 1.5, seed: 1 })).toThrow(/trajectories/);
    expect(() => morrisDesign({ factors: 2, trajectories: 5, levels: 5, seed: 1 })).toThrow(/levels must be an even/);
    expect(() => morrisDesign({ factors: 2, trajectories: 5, seed: NaN })).toThrow(/seed/);
  });
});

describe('scaleDesign', () => {
  it('maps [0, 1] onto each range', () => {
    expect(scaleDesign([[0, 1], [0.5, 0.25]], [{ min: 10, max: 20 }, { min: -1, max: 1 }])).toEqual([[10, 1], [15, -0.5]]);
  });

  it('refuses a range or point that does not fit', () => {
    expect(() => scaleDesign([[0]], [{ min: 2, max: 1 }])).toThrow(/range 0/);
    expect(() => scaleDesign([[0, 1]], [{ min: 0, max: 1 }])).toThrow(/point 0 has 2/);
  });
});

describe('elementaryEffects', () => {
  const design = morrisDesign({ factors: 4, trajectories: 15, seed: 9 });

  it('recovers the coefficients of a linear model exactly, with σ = 0', () => {
    const a = [3, -2, 0.5, 0];
    const y = design.points.map((x) => x.reduce((s, xi, i) => s + (a[i] as number) * xi, 0));
    const results = elementaryEffects(design, y);
    results.forEach((r, i) => {
      expect(r.factor).toBe(i);
      expect(r.r).toBe(15);
      expect(r.mu).toBeCloseTo(a[i] as number, 12);
      expect(r.muStar).toBeCloseTo(Math.abs(a[i] as number), 12);
      expect(r.sigma).toBeCloseTo(0, 12);
    });
    // A factor that does not enter the model has no effect at all.
    expect((results[3] as { muStar: number }).muStar).toBe(0);
  });

  it('expresses effects per unit of each parameter when given the ranges', () => {
    const ranges = [{ min: 0, max: 10 }, { min: 100, max: 200 }, { min: 0, max: 1 }, { min: -5, max: 5 }];
    const scaled = scaleDesign(design.points, ranges);
    const y = scaled.map(([p, q, s, t]) => 2 * (p as number) + 0.01 * (q as number) - (s as number) + 0 * (t as number));
    const perUnit = elementaryEffects(design, y, ranges);
    expect(perUnit.map((r) => r.mu).map((m) => Number(m.toFixed(10)))).toEqual([2, 0.01, -1, 0]);
    // Per full range instead: 2 · 10, 0.01 · 100, −1 · 1.
    const perRange = elementaryEffects(design, y);
    expect(perRange.map((r) => r.mu).map((m) => Number(m.toFixed(10)))).toEqual([20, 1, -1, 0]);
  });

  it('gives σ > 0 to factors that interact or act non-linearly, and μ* ≥ |μ|', () => {
    const y = design.points.map(([x0, x1, x2]) => (x0 as number) * (x1 as number) + (x2 as number) ** 2);
    const [f0, f1, f2, f3] = elementaryEffects(design, y);
    expect(f0?.sigma).toBeGreaterThan(0);
    expect(f1?.sigma).toBeGreaterThan(0);
    expect(f2?.sigma).toBeGreaterThan(0);
    expect(f3?.muStar).toBe(0);
    for (const r of [f0, f1, f2]) expect(r?.muStar).toBeGreaterThanOrEqual(Math.abs(r?.mu ?? 0));
  });

  it("uses μ* so that effects of opposite sign do not cancel (Campolongo et al. 2007)", () => {
    // y = (x0 − ½)²-like V shape on the grid: |4x − 2| rises on one side, falls on the other.
    const y = design.points.map(([x0]) => Math.abs(4 * (x0 as number) - 2));
    const [f0] = elementaryEffects(design, y);
    expect(Math.abs(f0?.mu ?? NaN)).toBeLessThan(f0?.muStar ?? NaN);
    // Every step of Δ = 2/3 from {0, 1/3} to {2/3, 1} changes |4x − 2| by ±4/3: |EE| = 2.
    expect(f0?.muStar).toBeCloseTo(2, 12);
  });

  it("ranks Sobol's g-function factors by importance (a test function of Saltelli et al. 2008)", () => {
    // a = (0, 1, 4.5, 9, 99, 99, 99, 99): importance falls as a_i grows; the last four are
    // nearly irrelevant. Assert the ranking for several designs, not particular digits.
    const g = gFunction([0, 1, 4.5, 9, 99, 99, 99, 99]);
    for (const seed of [1, 2, 3]) {
      const d = morrisDesign({ factors: 8, trajectories: 40, seed });
      const muStar = elementaryEffects(d, d.points.map(g)).map((r) => r.muStar);
      const [m0, m1, m2, m3, ...rest] = muStar as [number, number, number, number, ...number[]];
      expect(m0).toBeGreaterThan(m1);
      expect(m1).toBeGreaterThan(m2);
      expect(m2).toBeGreaterThan(m3);
      for (const m of rest) expect(m).toBeLessThan(m3);
      for (const m of rest) expect(m).toBeLessThan(0.1 * m0);
    }
  });

  it('skips steps whose outputs are missing and counts the effects used', () => {
    const y = design.points.map((x) => x[0] as number);
    y[0] = NaN; // the first point of trajectory 0: only its first step is lost
    const results = elementaryEffects(design, y);
    expect(results.reduce((s, r) => s + r.r, 0)).toBe(15 * 4 - 1);
    expect(results[0]?.mu).toBeCloseTo(1, 12);
  });

  it('refuses outputs or ranges that do not match the design', () => {
    expect(() => elementaryEffects(design, [1, 2, 3])).toThrow(/expected 75 outputs/);
    expect(() => elementaryEffects(design, design.points.map(() => 0), [{ min: 0, max: 1 }])).toThrow(/expected 4 ranges/);
  });
});
