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
import { cos, exp, log, pow } from './math.js';

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

/** A standard normal deviate (Box–Muller; one of the pair is discarded for statelessness). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
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
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
