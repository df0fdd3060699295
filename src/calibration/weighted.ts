/**
 * Statistics of weighted particles: the effective sample size, the weighted mean, standard
 * deviation, quantiles and covariance. Weights need not sum to 1; each function normalises.
 */

/**
 * Kish's effective sample size (Σw)² / Σw²: the number of equally weighted, independent
 * draws that would estimate a mean as precisely.
 *
 * @example effectiveSampleSize([1, 1, 1, 1]) // → 4
 * @example effectiveSampleSize([1, 0, 0, 0]) // → 1
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * The weighted mean Σ wᵢxᵢ / Σ wᵢ.
 *
 * @example weightedMean([1, 3], [1, 3]) // → 2.5
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((x, i) => {
    const w = weights[i] as number;
    sum += w * x;
    total += w;
  });
  return sum / total;
}

/**
 * The weighted standard deviation √(Σ wᵢ(xᵢ − x̄)² / Σ wᵢ), the spread of the weighted sample
 * as a distribution (no small-sample correction: particles stand for a distribution, not a
 * sample of one).
 *
 * @example weightedSd([0, 2], [1, 1]) // → 1
 */
export function weightedSd(values: readonly number[], weights: readonly number[]): number {
  const mean = weightedMean(values, weights);
  let sum = 0;
  let total = 0;
  values.forEach((x, i) => {
    const w = weights[i] as number;
    sum += w * (x - mean) ** 2;
    total += w;
  });
  return Math.sqrt(sum / total);
}

/**
 * Weighted quantile at probability `p`: the inverse of the weighted distribution function
 * with each value placed at the middle of its weight (value i at (Wᵢ₋₁ + Wᵢ)/2 of the
 * cumulative normalised weights W), interpolated linearly between values and held at the
 * ends. With equal weights it is Hazen's quantile (type 5 of Hyndman & Fan 1996).
 *
 * @example weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5) // → 2.5
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let previousPosition = Number.NaN;
  let previousValue = Number.NaN;
  for (const i of order) {
    const w = (weights[i] as number) / total;
    if (w <= 0) continue;
    const position = cumulative + w / 2;
    cumulative += w;
    const x = values[i] as number;
    if (p <= position) {
      if (Number.isNaN(previousPosition)) return x;
      return previousValue + ((x - previousValue) * (p - previousPosition)) / (position - previousPosition);
    }
    previousPosition = position;
    previousValue = x;
  }
  return previousValue;
}

/**
 * The weighted covariance matrix Σ wᵢ(θᵢ − θ̄)(θᵢ − θ̄)ᵀ / Σ wᵢ of points `thetas` (rows).
 *
 * @example weightedCovariance([[0, 0], [2, 2]], [1, 1]) // → [[1, 1], [1, 1]]
 */
export function weightedCovariance(thetas: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const d = thetas[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = new Array<number>(d).fill(0);
  thetas.forEach((theta, i) => {
    for (let k = 0; k < d; k++) mean[k] = (mean[k] as number) + ((weights[i] as number) * (theta[k] as number)) / total;
  });
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  thetas.forEach((theta, i) => {
    const w = (weights[i] as number) / total;
    for (let a = 0; a < d; a++) {
      const da = (theta[a] as number) - (mean[a] as number);
      for (let b = 0; b <= a; b++) {
        const row = cov[a] as number[];
        row[b] = (row[b] as number) + w * da * ((theta[b] as number) - (mean[b] as number));
      }
    }
  });
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) (cov[a] as number[])[b] = (cov[b] as number[])[a] as number;
  return cov;
}
