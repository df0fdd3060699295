/**
 * The perturbation kernel of population Monte Carlo ABC: a multivariate normal centred on a
 * particle, with a covariance matrix Σ (twice the weighted covariance of the population, as
 * Beaumont et al. 2009 show is optimal for the Kullback–Leibler divergence).
 *
 *   Σ ──cholesky──▶ L (Σ = LLᵀ) ──▶ draw θ = μ + Lz, z ~ N(0, I) · log density of θ around μ
 */
import { normal, type Rng } from '../engine/rng.js';

/** A normal kernel N(·, Σ), ready to draw from and to evaluate. */
export interface NormalKernel {
  /** The lower Cholesky factor L of Σ. */
  readonly factor: readonly (readonly number[])[];
  /** log of the density's constant: −(d/2)·ln 2π − ln det L. */
  readonly logConstant: number;
}

/** Σ has no Cholesky factor: the particles have collapsed onto a line or a point. */
export class SingularKernelError extends Error {
  constructor(readonly dimension: number) {
    super(
      `the particles no longer vary along parameter ${dimension + 1} (or a combination of parameters): ` +
        'the kernel covariance is singular; the distance may not depend on that parameter',
    );
    this.name = 'SingularKernelError';
  }
}

/**
 * The kernel with covariance `covariance` (symmetric, positive definite).
 *
 * @throws SingularKernelError when it is not positive definite
 * @example normalKernel([[4]]).factor // → [[2]]
 */
export function normalKernel(covariance: readonly (readonly number[])[]): NormalKernel {
  const d = covariance.length;
  const factor = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  let logDet = 0;
  for (let j = 0; j < d; j++) {
    const row = factor[j] as number[];
    let diagonal = (covariance[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) diagonal -= (row[k] as number) ** 2;
    if (!(diagonal > 0) || !Number.isFinite(diagonal)) throw new SingularKernelError(j);
    const pivot = Math.sqrt(diagonal);
    row[j] = pivot;
    logDet += Math.log(pivot);
    for (let i = j + 1; i < d; i++) {
      const below = factor[i] as number[];
      let sum = (covariance[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (below[k] as number) * (row[k] as number);
      below[j] = sum / pivot;
    }
  }
  return { factor, logConstant: -0.5 * d * Math.log(2 * Math.PI) - logDet };
}

/** A draw μ + Lz from the kernel around `centre`, with z from `rng` (one Box–Muller pair per coordinate). */
export function drawKernel(kernel: NormalKernel, centre: readonly number[], rng: Rng): number[] {
  const d = centre.length;
  const z = Array.from({ length: d }, () => normal(rng));
  return centre.map((mu, i) => {
    const row = kernel.factor[i] as readonly number[];
    let x = mu;
    for (let k = 0; k <= i; k++) x += (row[k] as number) * (z[k] as number);
    return x;
  });
}

/**
 * The log density of the kernel around `centre` at `x`: logConstant − ½‖L⁻¹(x − centre)‖²,
 * solving Ly = x − centre by forward substitution.
 *
 * @example Math.exp(kernelLogDensity(normalKernel([[1]]), [0], [0])) // → 0.3989… (1/√(2π))
 */
export function kernelLogDensity(kernel: NormalKernel, centre: readonly number[], x: readonly number[]): number {
  const d = centre.length;
  const y = new Array<number>(d);
  let squares = 0;
  for (let i = 0; i < d; i++) {
    const row = kernel.factor[i] as readonly number[];
    let r = (x[i] as number) - (centre[i] as number);
    for (let k = 0; k < i; k++) r -= (row[k] as number) * (y[k] as number);
    const yi = r / (row[i] as number);
    y[i] = yi;
    squares += yi * yi;
  }
  return kernel.logConstant - 0.5 * squares;
}
