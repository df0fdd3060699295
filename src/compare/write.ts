/**
 * writeComparison: comparison.csv and comparison.json (its provenance), each written
 * atomically into the comparison's folder.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { toCsv } from '../output/csv.js';
import { makeDirectory } from '../output/directory.js';
import { copsimVersion, MANIFEST_SEEDS, SEED_DERIVATION } from '../output/manifest.js';
import { COMPARISON_COLUMNS, type ComparisonRow } from './paired.js';

/** How a comparison came about. */
export interface ComparisonProvenance {
  /** The scenarios in the order given; the first is the reference A. */
  readonly scenarios: readonly { name: string; source: string; folder: string }[];
  readonly masterSeed: number;
  readonly runs: number;
  readonly weeks: number;
  /** Replication seeds, shared by every scenario (only the first `MANIFEST_SEEDS` are kept). */
  readonly seeds: ArrayLike<number>;
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
}

/**
 * Writes `comparison.csv` (columns `COMPARISON_COLUMNS`; the week is empty for per-run figures)
 * and `comparison.json` into `dir` (created if needed). The CSV is byte-identical for equal
 * inputs; comparison.json differs only in `startedAt` and `wallTimeSeconds`.
 *
 * @example await writeComparison('copsim-out/compare-a-vs-b', compareBatches(a, b), provenance)
 */
export async function writeComparison(
  dir: string,
  rows: readonly ComparisonRow[],
  provenance: ComparisonProvenance,
): Promise<{ csv: string; json: string }> {
  await makeDirectory(dir);
  const files = { csv: join(dir, 'comparison.csv'), json: join(dir, 'comparison.json') };
  await writeFileAtomic(files.csv, toCsv(rows, COMPARISON_COLUMNS));
  const json = {
    copsim: copsimVersion(),
    reference: provenance.scenarios[0]?.name,
    scenarios: provenance.scenarios,
    pairing: 'common random numbers: replication r of every scenario uses the same seed; differences are scenario − reference, pair by pair',
    masterSeed: provenance.masterSeed,
    runs: provenance.runs,
    weeks: provenance.weeks,
    node: process.version,
    startedAt: provenance.startedAt,
    wallTimeSeconds: provenance.wallTimeSeconds,
    seeds: { derivation: SEED_DERIVATION, first: Array.from(provenance.seeds).slice(0, MANIFEST_SEEDS) },
  };
  await writeFileAtomic(files.json, `${JSON.stringify(json, null, 2)}\n`);
  return files;
}
