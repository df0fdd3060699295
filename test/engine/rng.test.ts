import { describe, expect, it } from 'vitest';
import { beta, gamma, geometricGap, makeRng, makeStreams, normal, poisson, poissonBelow, replicationSeed } from '../../src/engine/rng.js';

/** Mean and variance of `n` draws of `draw`. */
function moments(n: number, draw: () => number): { mean: number; variance: number } {
  let s = 0;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const x = draw();
    s += x;
    ss += x * x;
  }
  const mean = s / n;
  return { mean, variance: ss / n - mean * mean };
}

describe('random numbers', () => {
  describe('replicationSeed', () => {
    it('is a uint32, the same for the same input', () => {
      for (const [m, i] of [
        [0, 0],
        [42, 0],
        [42, 999],
        [2 ** 32 - 1, 5],
        [-7, 3],
      ] as const) {
        const s = replicationSeed(m, i);
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(2 ** 32);
        expect(replicationSeed(m, i)).toBe(s);
      }
    });

    it('differs across replication indices and master seeds', () => {
      const seeds = new Set<number>();
      for (let i = 0; i < 1000; i++) seeds.add(replicationSeed(42, i));
      expect(seeds.size).toBe(1000);
      expect(replicationSeed(1, 0)).not.toBe(replicationSeed(2, 0));
    });
  });

  describe('streams', () => {
    it('the same seed gives the same numbers', () => {
      const a = makeRng(7);
      const b = makeRng(7);
      for (let k = 0; k < 100; k++) expect(a()).toBe(b());
      expect(makeRng(7)()).not.toBe(makeRng(8)());
    });

    it('numbers lie in [0, 1)', () => {
      const rng = makeRng('unit');
      for (let k = 0; k < 10_000; k++) {
        const u = rng();
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
      }
    });

    it('streams are independent: drawing from sim does not change load or org', () => {
      const a = makeStreams(99);
      const b = makeStreams(99);
      for (let k = 0; k < 1000; k++) a.sim();
      for (let k = 0; k < 10; k++) {
        expect(a.load()).toBe(b.load());
        expect(a.org()).toBe(b.org());
      }
    });

    it('the three streams of one seed differ from each other', () => {
      const s = makeStreams(5);
      const first = [s.org(), s.load(), s.sim()];
      expect(new Set(first).size).toBe(3);
    });
  });

  describe('deviates', () => {
    const n = 40_000;

    it('poisson has mean and variance equal to its mean, and 0 for a mean of 0 or less', () => {
      const rng = makeRng('poisson');
      for (const mu of [0.3, 2, 12]) {
        const m = moments(n, () => poisson(rng, mu));
        // Standard error of the mean √(μ/n); of the variance about μ·√(2/n) (plus a small excess).
        expect(Math.abs(m.mean - mu), `mean ${mu}`).toBeLessThan(5 * Math.sqrt(mu / n));
        expect(Math.abs(m.variance - mu), `variance ${mu}`).toBeLessThan(6 * mu * Math.sqrt(2 / n) + 0.02);
      }
      expect(poisson(rng, 0)).toBe(0);
      expect(poisson(rng, -1)).toBe(0);
    });

    it('poisson gives non-negative integers, also for large means', () => {
      const rng = makeRng('poisson-large');
      for (let k = 0; k < 1000; k++) {
        const x = poisson(rng, k % 2 ? 1.5 : 200);
        expect(Number.isInteger(x) && x >= 0).toBe(true);
      }
      const m = moments(n, () => poisson(rng, 200));
      expect(Math.abs(m.mean - 200)).toBeLessThan(5 * Math.sqrt(200 / n) + 0.01);
    });

    it('beta has the requested mean and variance mean·(1 − mean)/(κ + 1), within (0, 1)', () => {
      const rng = makeRng('beta');
      for (const [mean, kappa] of [
        [0.2, 5],
        [0.55, 5],
        [0.9, 20],
      ] as const) {
        const m = moments(n, () => {
          const x = beta(rng, mean, kappa);
          expect(x > 0 && x < 1).toBe(true);
          return x;
        });
        const variance = (mean * (1 - mean)) / (kappa + 1);
        expect(Math.abs(m.mean - mean), `mean ${mean}`).toBeLessThan(5 * Math.sqrt(variance / n));
        expect(Math.abs(m.variance / variance - 1), `variance ${mean}`).toBeLessThan(0.05);
      }
    });

    it('gamma(shape) has mean and variance equal to its shape, also for shape < 1', () => {
      const rng = makeRng('gamma');
      for (const shape of [0.4, 3]) {
        const m = moments(n, () => gamma(rng, shape));
        expect(Math.abs(m.mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
        expect(Math.abs(m.variance / shape - 1)).toBeLessThan(0.1);
      }
    });

    it('normal deviates follow the normal distribution in the body, the wedges and the tail', () => {
      // Upper-tail probabilities 1 − Φ(x), from the complementary error function; 3.4426… is
      // where the ziggurat's tail starts, so the last bin is drawn by the tail algorithm alone.
      const edges = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.442619855899];
      const upper = [0.5, 0.3085375387259869, 0.15865525393145707, 0.06680720126885809, 0.02275013194817922, 0.006209665325776139, 0.0013498980316300957, 0.00028805425619582025];
      const draws = 400_000;
      const rng = makeRng('ziggurat');
      const counts = new Array<number>(2 * edges.length).fill(0);
      for (let k = 0; k < draws; k++) {
        const z = normal(rng);
        let b = edges.length - 1;
        while (b > 0 && Math.abs(z) < (edges[b] as number)) b--;
        counts[(z < 0 ? edges.length : 0) + b]!++;
      }
      for (let side = 0; side < 2; side++) {
        for (let b = 0; b < edges.length; b++) {
          const p = (upper[b] as number) - (b + 1 < edges.length ? (upper[b + 1] as number) : 0);
          const expected = draws * p;
          const se = Math.sqrt(draws * p * (1 - p));
          expect(Math.abs((counts[side * edges.length + b] as number) - expected), `bin ${side ? '−' : '+'}${edges[b]}`).toBeLessThan(5 * se);
        }
      }
    });

    it('poissonBelow with the limit e^−mean is poisson, draw for draw', () => {
      const a = makeRng('poisson-limit');
      const b = makeRng('poisson-limit');
      for (const mean of [0.05, 0.8, 3, 12]) {
        for (let k = 0; k < 200; k++) expect(poissonBelow(b, Math.exp(-mean))).toBe(poisson(a, mean));
      }
    });

    it('geometric gaps pick each person with the given chance', () => {
      const rng = makeRng('gaps');
      const p = 0.02;
      const people = 1_000_000;
      let picked = 0;
      for (let i = geometricGap(rng, Math.log(1 - p)); i < people; i += 1 + geometricGap(rng, Math.log(1 - p))) picked++;
      expect(Math.abs(picked - people * p)).toBeLessThan(5 * Math.sqrt(people * p * (1 - p)));
      expect(geometricGap(rng, Number.NEGATIVE_INFINITY)).toBe(0);
    });

    it('normal deviates have mean 0 and variance 1', () => {
      const rng = makeRng('normal');
      const m = moments(n, () => normal(rng));
      expect(Math.abs(m.mean)).toBeLessThan(5 / Math.sqrt(n));
      expect(Math.abs(m.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    });
  });
});
