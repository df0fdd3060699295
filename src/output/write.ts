/**
 * writeRunOutput: a run's three files, each written atomically.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPLICATION_COLUMNS, SUMMARY_COLUMNS, type ReplicationRow, type SummaryRow } from '../aggregate/types.js';
import { writeFileAtomic } from './atomic.js';
import { makeDirectory } from './directory.js';
import { toCsv } from './csv.js';
import { serializeManifest, type Manifest } from './manifest.js';

/** What a run writes. */
export interface RunOutput {
  readonly summary: readonly SummaryRow[];
  readonly replications: readonly ReplicationRow[];
  readonly manifest: Manifest;
}

/** Paths of the files written. */
export interface RunOutputFiles {
  readonly summary: string;
  readonly replications: string;
  readonly manifest: string;
}

/**
 * Creates `dir` (and its parents) if needed and writes `summary.csv`, `replications.csv` and
 * `manifest.json` into it, each atomically (`writeFileAtomic`). The CSV files are
 * byte-identical for identical inputs; the manifest differs only in `startedAt` and
 * `wallTimeSeconds`. An earlier manifest in `dir` is removed first and the new one written
 * last, so a manifest beside the CSV files always marks a complete output of one run.
 *
 * @example await writeRunOutput('copsim-out/baseline', { summary, replications, manifest })
 * // → { summary: 'copsim-out/baseline/summary.csv', ... }
 */
export async function writeRunOutput(dir: string, output: RunOutput): Promise<RunOutputFiles> {
  await makeDirectory(dir);
  const files: RunOutputFiles = {
    summary: join(dir, 'summary.csv'),
    replications: join(dir, 'replications.csv'),
    manifest: join(dir, 'manifest.json'),
  };
  await rm(files.manifest, { force: true });
  await writeFileAtomic(files.summary, toCsv(output.summary, SUMMARY_COLUMNS));
  await writeFileAtomic(files.replications, toCsv(output.replications, REPLICATION_COLUMNS));
  await writeFileAtomic(files.manifest, serializeManifest(output.manifest));
  return files;
}
