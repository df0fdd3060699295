/**
 * Priors of the free parameters of a calibration: their densities, draws and text form.
 *
 * | text                 | density on its bounds                                   |
 * | -------------------- | ------------------------------------------------------- |
 * | `uniform(lo, hi)`    | 1 / (hi − lo) on [lo, hi]                                |
 * | `log-uniform(lo, hi)`| 1 / (x · ln(hi / lo)) on [lo, hi], 0 < lo                |
 * | `normal(mean, sd)`   | the normal density truncated to its bounds [lo, hi]      |
 *
 * Draws use the inverse of the cumulative distribution, one uniform number each, so a prior
 * draw costs the same one number from its stream whatever the prior.
 */
import type { Rng } from '../engine/rng.js';
import { normalCdf } from '../stats/normal-cdf.js';
import { normalQuantile } from '../stats/normal-quantile.js';

/** A prior on one parameter; every prior has finite bounds `lo` < `hi`. */
export type Prior =
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'log-uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly lo: number; readonly hi: number };

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/**
 * The prior's density at `x`; 0 outside its bounds.
 *
 * @example priorDensity({ kind: 'uniform', lo: 0, hi: 4 }, 1) // → 0.25
 * @example priorDensity({ kind: 'log-uniform', lo: 1, hi: Math.E }, 2) // → 0.5
 */
export function priorDensity(prior: Prior, x: number): number {
  if (!(x >= prior.lo && x <= prior.hi)) return 0;
  switch (prior.kind) {
    case 'uniform':
      return 1 / (prior.hi - prior.lo);
    case 'log-uniform':
      return 1 / (x * Math.log(prior.hi / prior.lo));
    case 'normal': {
      const z = (x - prior.mean) / prior.sd;
      return Math.exp(-0.5 * z * z) / (prior.sd * SQRT_TWO_PI * normalMass(prior));
    }
  }
}

/** The joint density of independent priors at `theta`. */
export function jointPriorDensity(priors: readonly Prior[], theta: readonly number[]): number {
  let density = 1;
  for (let k = 0; k < priors.length; k++) density *= priorDensity(priors[k] as Prior, theta[k] as number);
  return density;
}

/** True when `theta` lies within every prior's bounds. */
export function withinBounds(priors: readonly Prior[], theta: readonly number[]): boolean {
  return priors.every((prior, k) => {
    const x = theta[k] as number;
    return x >= prior.lo && x <= prior.hi;
  });
}

/**
 * The prior's quantile function: the value below which a share `u` of its mass lies.
 *
 * @example priorQuantile({ kind: 'uniform', lo: 0, hi: 4 }, 0.25) // → 1
 * @example priorQuantile({ kind: 'log-uniform', lo: 1, hi: 100 }, 0.5) // → 10
 */
export function priorQuantile(prior: Prior, u: number): number {
  switch (prior.kind) {
    case 'uniform':
      return prior.lo + u * (prior.hi - prior.lo);
    case 'log-uniform':
      return prior.lo * Math.pow(prior.hi / prior.lo, u);
    case 'normal': {
      const a = normalCdf((prior.lo - prior.mean) / prior.sd);
      const b = normalCdf((prior.hi - prior.mean) / prior.sd);
      const x = prior.mean + prior.sd * normalQuantile(a + u * (b - a));
      // Rounding far out in a tail must not step outside the bounds.
      return Math.min(prior.hi, Math.max(prior.lo, x));
    }
  }
}

/** One draw from the prior: its quantile at one uniform number of `rng`. */
export function samplePrior(prior: Prior, rng: Rng): number {
  return priorQuantile(prior, rng());
}

/** The mass of a normal prior's untruncated normal within its bounds. */
function normalMass(prior: Extract<Prior, { kind: 'normal' }>): number {
  return normalCdf((prior.hi - prior.mean) / prior.sd) - normalCdf((prior.lo - prior.mean) / prior.sd);
}

/**
 * The prior as written in a targets file, with its bounds for a normal prior.
 *
 * @example priorText({ kind: 'normal', mean: 0.6, sd: 0.1, lo: 0, hi: 1 }) // → 'normal(0.6, 0.1) on [0, 1]'
 */
export function priorText(prior: Prior): string {
  switch (prior.kind) {
    case 'uniform':
    case 'log-uniform':
      return `${prior.kind}(${prior.lo}, ${prior.hi})`;
    case 'normal':
      return `normal(${prior.mean}, ${prior.sd}) on [${prior.lo}, ${prior.hi}]`;
  }
}

/** A prior read from its text form, or the reason the text is not one. */
export type ParsedPrior =
  | { readonly ok: true; readonly kind: Prior['kind']; readonly a: number; readonly b: number }
  | { readonly ok: false; readonly message: string };

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const PRIOR_PATTERN = new RegExp(String.raw`^\s*(uniform|log-uniform|normal)\s*\(\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\)\s*$`);

/**
 * Reads `uniform(lo, hi)`, `log-uniform(lo, hi)` or `normal(mean, sd)`; the numbers are
 * checked (lo < hi, 0 < lo for log-uniform, 0 < sd) but not the bounds of a normal prior,
 * which come separately.
 *
 * @example parsePrior('uniform(0.1, 0.5)') // → { ok: true, kind: 'uniform', a: 0.1, b: 0.5 }
 * @example parsePrior('uniform(1)').ok // → false
 */
export function parsePrior(text: string): ParsedPrior {
  const match = PRIOR_PATTERN.exec(text);
  if (!match) {
    return {
      ok: false,
      message: `expected uniform(lo, hi), log-uniform(lo, hi) or normal(mean, sd), got ${JSON.stringify(text)}`,
    };
  }
  const kind = match[1] as Prior['kind'];
  const a = Number(match[2]);
  const b = Number(match[3]);
  if (kind === 'normal') {
    return b > 0 ? { ok: true, kind, a, b } : { ok: false, message: `normal(mean, sd) needs sd > 0, got ${b}` };
  }
  if (!(a < b)) return { ok: false, message: `${kind}(lo, hi) needs lo < hi, got ${a}, ${b}` };
  if (kind === 'log-uniform' && !(a > 0)) return { ok: false, message: `log-uniform(lo, hi) needs 0 < lo, got ${a}` };
  return { ok: true, kind, a, b };
}
