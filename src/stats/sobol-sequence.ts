/**
 * The Sobol low-discrepancy sequence (Sobol 1967) with the direction numbers of Joe & Kuo
 * (2008), in Gray-code order (Antonov & Saleev 1979), optionally randomised by a seeded linear
 * matrix scramble and digital shift (Matoušek 1998; Owen 2003), as scipy.stats.qmc.Sobol does.
 *
 *   table (sobol-directions.ts) ──sobolDirections──▶ 32 direction integers per dimension
 *     ──(scramble: L·v per dimension, then a shift ⊕ s)──▶ x_{i+1} = x_i ⊕ v_{c(i)} ──▶ x / 2^32
 */
import { makeRng } from '../engine/rng.js';
import { JOE_KUO_DIRECTIONS, SOBOL_MAX_DIMENSIONS } from './sobol-directions.js';

export { SOBOL_MAX_DIMENSIONS };

/** Binary digits of every coordinate: points are multiples of 2^−32, up to 2^32 points. */
const BITS = 32;
const SCALE = 2 ** -BITS;

/** The table's lines, read once: for dimension d (from 2), its degree s, coefficients a and m_1 … m_s. */
let parsed: { s: number; a: number; m: number[] }[] | undefined;

function table(): { s: number; a: number; m: number[] }[] {
  if (parsed === undefined) {
    parsed = JOE_KUO_DIRECTIONS.trim()
      .split('\n')
      .map((line) => {
        const [, s, a, ...m] = line.split(' ').map(Number) as [number, number, number, ...number[]];
        return { s, a, m };
      });
  }
  return parsed;
}

/**
 * The 32 direction integers v_1 … v_32 of each of the first `dimensions` dimensions: v_k is
 * the k-th direction number m_k / 2^k as a 32-bit integer (m_k · 2^(32 − k)). Dimension 1 has
 * every m_k = 1 (the van der Corput sequence); dimension d ≥ 2 takes m_1 … m_s from the table
 * and the rest from the recurrence of its primitive polynomial x^s + a_1 x^(s−1) + … + 1:
 * v_k = v_(k−s) ⊕ (v_(k−s) >> s) ⊕ a_1 v_(k−1) ⊕ … ⊕ a_(s−1) v_(k−s+1) (Bratley & Fox 1988).
 *
 * @example sobolDirections(2)[1].slice(0, 3) // → Uint32Array [2147483648, 3221225472, 2684354560] (0.5, 0.75, 0.625)
 */
export function sobolDirections(dimensions: number): Uint32Array[] {
  checkDimensions(dimensions);
  const rows = table();
  const out: Uint32Array[] = [];
  for (let d = 0; d < dimensions; d++) {
    const v = new Uint32Array(BITS);
    if (d === 0) {
      for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    } else {
      const { s, a, m } = rows[d - 1] as { s: number; a: number; m: number[] };
      for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k] as number) * 2 ** (BITS - 1 - k);
      for (let k = s; k < BITS; k++) {
        let x = (v[k - s] as number) ^ ((v[k - s] as number) >>> s);
        for (let i = 1; i < s; i++) if (((a >>> (s - 1 - i)) & 1) === 1) x ^= v[k - i] as number;
        v[k] = x;
      }
    }
    out.push(v);
  }
  return out;
}

/** Options of `sobolSequence`. */
export interface SobolSequenceOptions {
  /**
   * Seed of a linear matrix scramble and digital shift; omitted, the plain sequence (whose
   * first point is the origin).
   */
  readonly scramble?: number | string | undefined;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol sequence in [0, 1), in
 * Gray-code order: point i + 1 is point i with direction v_c of every dimension xor-ed in, c
 * the position of the lowest zero bit of i. Every coordinate is a multiple of 2^−32.
 *
 * With `scramble`, each dimension's direction integers are multiplied by a random lower
 * triangular binary matrix with unit diagonal (a linear matrix scramble: digit r of a
 * coordinate becomes digit r xor-ed with a random choice of the digits before it) and every
 * point is xor-ed with a random shift. Each coordinate is then uniform on [0, 1), the digital
 * net structure is kept (every dyadic box holds the same number of points as before), and the
 * draws come from seeded xor4096 streams, one per dimension, so a seed gives the same points.
 *
 * The first 2^m points are a (t, m, s)-net: balanced; take a power of two of them.
 *
 * @throws RangeError for a count or dimension out of range
 * @example sobolSequence(4, 2) // → [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 * @example sobolSequence(4, 2, { scramble: 7 }) // → four points, one in each quarter of either axis
 */
export function sobolSequence(count: number, dimensions: number, options: SobolSequenceOptions = {}): number[][] {
  if (!(Number.isInteger(count) && count >= 0 && count <= 2 ** BITS)) {
    throw new RangeError(`sobolSequence: count must be a whole number from 0 to 2^${BITS}, got ${count}`);
  }
  const directions = sobolDirections(dimensions);
  const shift = new Uint32Array(dimensions);
  if (options.scramble !== undefined) {
    for (let d = 0; d < dimensions; d++) {
      const rng = makeRng(`sobol/${String(options.scramble)}/${d}`);
      const word = (): number => Math.floor(rng() * 2 ** BITS) >>> 0;
      directions[d] = scrambled(directions[d] as Uint32Array, word);
      shift[d] = word();
    }
  }
  const x = Uint32Array.from(shift);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      const c = lowestZeroBit(i - 1);
      for (let d = 0; d < dimensions; d++) x[d] = (x[d] as number) ^ ((directions[d] as Uint32Array)[c] as number);
    }
    points.push(Array.from(x, (value) => value * SCALE));
  }
  return points;
}

/**
 * The direction integers multiplied by a random lower triangular binary matrix L with unit
 * diagonal: digit r (from the most significant) of the result is the parity of row r of L
 * and-ed with the digits of v. Row r holds the diagonal and a random choice of digits 0 … r − 1.
 */
function scrambled(v: Uint32Array, word: () => number): Uint32Array {
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    const before = r === 0 ? 0 : (0xffffffff << (BITS - r)) >>> 0;
    rows[r] = ((word() & before) | (2 ** (BITS - 1 - r))) >>> 0;
  }
  return v.map((value) => {
    let out = 0;
    for (let r = 0; r < BITS; r++) if (parity(((rows[r] as number) & value) >>> 0) === 1) out = (out | (2 ** (BITS - 1 - r))) >>> 0;
    return out;
  });
}

/** 1 when `x` has an odd number of set bits. */
function parity(x: number): number {
  let y = x ^ (x >>> 16);
  y ^= y >>> 8;
  y ^= y >>> 4;
  y ^= y >>> 2;
  y ^= y >>> 1;
  return y & 1;
}

/** The position of the lowest zero bit of i ≥ 0 (0 for an even i). */
function lowestZeroBit(i: number): number {
  let c = 0;
  while (Math.floor(i / 2 ** c) % 2 === 1) c++;
  return c;
}

function checkDimensions(dimensions: number): void {
  if (!(Number.isInteger(dimensions) && dimensions >= 1 && dimensions <= SOBOL_MAX_DIMENSIONS)) {
    throw new RangeError(`sobolSequence: dimensions must be a whole number from 1 to ${SOBOL_MAX_DIMENSIONS} (the Joe–Kuo table shipped), got ${dimensions}`);
  }
}
