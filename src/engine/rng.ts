/**
 * Random numbers: seeded generators and the derivation of replication seeds.
 *
 * Each replication owns independent streams derived from its seed, one per purpose, so that
 * two scenarios run with the same replication seed share the same organisation, the same
 * project-load shocks and, CoP by CoP, the same chances, even where their mechanisms draw
 * different amounts (common random numbers; Law 2015, ch. 11): the organisation, its network,
 * project load, the weekly order of CoPs, and one stream per CoP (by its position in the
 * scenario).
 */
import seedrandom from 'seedrandom';
import { exp, log, pow } from './math.js';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The streams of one replication. */
export interface Streams {
  /** Organisation and member traits, new hires. */
  readonly org: Rng;
  /** The colleague ties of the social network. */
  readonly net: Rng;
  /** Project load and deadlines. */
  readonly load: Rng;
  /** Organisation-wide chance outside any CoP: the weekly order in which CoPs claim time. */
  readonly sim: Rng;
}

/** A seeded xor4096 generator (Brent 2006), ~2 ns a number here; 32 bits of resolution. */
export function makeRng(seed: string | number): Rng {
  const prng = seedrandom.xor4096(String(seed));
  return prng as unknown as Rng;
}

/**
 * The stream of the CoP at `index` in replication `seed`: meetings, attendance, contributions,
 * problems, recruitment and churn of that CoP. A scenario with an extra CoP leaves the others'
 * streams unchanged.
 */
export function communityStream(seed: number, index: number): Rng {
  return makeRng(`${seed}/cop/${index}`);
}

/** The organisation-wide streams of replication `seed`. */
export function makeStreams(seed: number): Streams {
  return {
    org: makeRng(`${seed}/org`),
    net: makeRng(`${seed}/net`),
    load: makeRng(`${seed}/load`),
    sim: makeRng(`${seed}/sim`),
  };
}

/**
 * The seed of replication `index` under `masterSeed`: a 32-bit unsigned integer from a
 * splitmix32-style finaliser, so neighbouring indices give unrelated streams.
 * Replication i of two scenarios with the same master seed gets the same seed.
 *
 * @example replicationSeed(1, 0) // → a fixed uint32, the same on every machine
 */
export function replicationSeed(masterSeed: number, index: number): number {
  let h = (Math.imul(masterSeed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return h;
}

/** Layers of the ziggurat; the bottom layer holds the tail beyond `ZIGGURAT_R`. */
const ZIGGURAT_LAYERS = 128;
/** Where the tail starts, and the area of each layer, for 128 layers (Marsaglia & Tsang 2000). */
const ZIGGURAT_R = 3.442619855899;
const ZIGGURAT_V = 9.91256303526217e-3;

/**
 * The ziggurat's layer edges x[0..128] (x[0] = V/f(R) for the bottom layer with its tail,
 * x[1] = R, …, x[128] = 0) and, per layer, the share x[i+1]/x[i] of it that lies wholly under
 * the density. Built with the engine's portable `exp` and `log`, so the same in every engine.
 */
const ZIGGURAT = ((): { readonly x: Float64Array; readonly inner: Float64Array } => {
  const x = new Float64Array(ZIGGURAT_LAYERS + 1);
  let f = exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
  x[0] = ZIGGURAT_V / f;
  x[1] = ZIGGURAT_R;
  for (let i = 2; i < ZIGGURAT_LAYERS; i++) {
    const xi = Math.sqrt(-2 * log(ZIGGURAT_V / (x[i - 1] as number) + f));
    x[i] = xi;
    f = exp(-0.5 * xi * xi);
  }
  x[ZIGGURAT_LAYERS] = 0;
  const inner = new Float64Array(ZIGGURAT_LAYERS);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) inner[i] = (x[i + 1] as number) / (x[i] as number);
  return { x, inner };
})();

/**
 * A standard normal deviate by the ziggurat method (Marsaglia & Tsang 2000, with Doornik's
 * 2005 layout of 128 layers): one uniform gives the layer (its low 7 bits) and a signed
 * position in it (its upper 25 bits); about 98.8% of deviates are then one multiplication. The
 * wedges and the tail (beyond 3.44) take a few more draws and the portable `exp` and `log`.
 * The 32-bit uniforms of `makeRng` give positions on a grid of 2⁻²⁴ of the layer's width.
 */
export function normal(rng: Rng): number {
  const { x, inner } = ZIGGURAT;
  for (;;) {
    const bits = Math.floor(rng() * 4294967296);
    const layer = bits & (ZIGGURAT_LAYERS - 1);
    // Upper 25 bits → a position in (−1, 1), symmetric, never 0 or ±1.
    const u = (2 * (bits >>> 7) + 1) / 33554432 - 1;
    const edge = x[layer] as number;
    if (Math.abs(u) < (inner[layer] as number)) return u * edge;
    if (layer === 0) return normalTail(rng, u < 0);
    // A wedge: accept under the density between this layer's edges.
    const z = u * edge;
    const next = x[layer + 1] as number;
    const f0 = exp(-0.5 * (edge * edge - z * z));
    const f1 = exp(-0.5 * (next * next - z * z));
    if (f1 + rng() * (f0 - f1) < 1) return z;
  }
}

/** A deviate from the normal tail beyond `ZIGGURAT_R` (Marsaglia 1964), on the side asked for. */
function normalTail(rng: Rng, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = log(1 - rng()) / ZIGGURAT_R;
    y = log(1 - rng());
  } while (-2 * y < x * x);
  return negative ? x - ZIGGURAT_R : ZIGGURAT_R - x;
}

/**
 * How many trials fail before the next success, for a success chance p given as
 * `logStay` = ln(1 − p): Geometric(p) by inversion, one draw. `logStay` = −∞ (p = 1) gives 0.
 * Walking a population by these gaps picks each person independently with chance p, at one
 * draw per person picked instead of one per person.
 *
 * @example geometricGap(rng, Math.log(1 - 0.01)) // → 73, say
 */
export function geometricGap(rng: Rng, logStay: number): number {
  return logStay === Number.NEGATIVE_INFINITY ? 0 : Math.floor(log(1 - rng()) / logStay);
}

/** A Beta deviate with mean `mean` and concentration `kappa` (= a + b): X/(X+Y) of two gammas. */
export function beta(rng: Rng, mean: number, kappa: number): number {
  const m = Math.min(Math.max(mean, 1e-6), 1 - 1e-6);
  const a = m * kappa;
  const b = (1 - m) * kappa;
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** A Gamma(shape, 1) deviate (Marsaglia & Tsang 2000; boosted for shape < 1). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng();
    return gamma(rng, shape + 1) * pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

/**
 * A Poisson deviate by Knuth's multiplication of uniforms; meant for the small means of weekly counts.
 * Means above 30 fall back to a rounded normal approximation.
 */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > POISSON_PRODUCT_MAX) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  return poissonBelow(rng, exp(-mean));
}

/**
 * The largest mean `poisson` draws by the product of uniforms; above it, by the rounded normal
 * approximation (where the product would take more than about thirty uniforms).
 */
export const POISSON_PRODUCT_MAX = 30;

/**
 * The multiplication step of `poisson` for a mean whose limit e^−mean the caller has kept
 * (0 < mean ≤ `POISSON_PRODUCT_MAX`): the same draws and the same result as `poisson(rng, mean)`.
 */
export function poissonBelow(rng: Rng, limit: number): number {
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
