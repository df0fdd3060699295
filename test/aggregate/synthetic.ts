/** Synthetic run results from a seeded generator, for aggregation tests. */
import { metricKind, N_FIGURES, N_WEEKLY, WEEKLY_METRICS, type RunResult } from '../../src/engine/result.js';
import { makeRng, type Rng } from '../../src/engine/rng.js';

/** A replication's result with pseudo-random values, some of them NaN (empty). */
export function syntheticResult(copIds: readonly string[], weeks: number, replication: number, employees = 100): RunResult {
  const rng = makeRng(`synthetic/${replication}`);
  const weekly = new Float64Array(copIds.length * N_WEEKLY * weeks);
  for (let i = 0; i < weekly.length; i++) {
    const u = rng();
    // Mixed integers, fractions and gaps, like real metrics; 0/1 for the indicators (alive, meetings).
    const metric = WEEKLY_METRICS[Math.floor(i / weeks) % N_WEEKLY]!;
    if (metricKind(metric) === 'indicator') weekly[i] = u < 0.03 ? Number.NaN : u < 0.6 ? 1 : 0;
    else weekly[i] = u < 0.03 ? Number.NaN : i % 3 === 0 ? Math.floor(u * 50) : u * 10;
  }
  const figures = new Float64Array(copIds.length * N_FIGURES);
  for (let i = 0; i < figures.length; i++) {
    const u = rng();
    figures[i] = u < 0.2 ? Number.NaN : Math.round(u * 1000) / 7;
  }
  return { seed: 1000 + replication * 7919, weeks, copIds, weekly, figures, employees };
}

/** Fisher–Yates shuffle of 0..n−1 driven by `rng`. */
export function shuffledIndices(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
