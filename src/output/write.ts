/**
 * writeRunOutput: a run's three files, each written atomically.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReplicationTable } from '../aggregate/replication-table.js';
import { REPLICATION_COLUMNS, SUMMARY_COLUMNS, type SummaryRow } from '../aggregate/types.js';
import { writeChunksAtomic, writeFileAtomic } from './atomic.js';
import { makeDirectory } from './directory.js';
import { csvChunks, toCsv } from './csv.js';
import { serializeManifest, type Manifest } from './provenance.js';
import { AGENT_COLUMNS, TIE_COLUMNS, type AgentRow, type TieRow } from './agents.js';
import { SERIES_FILE, seriesParquetChunks, type SeriesMetadata, type SeriesSource } from './series-parquet.js';

/** What series.parquet's footer says of the run: what is needed to trace it, no times. */
function seriesMetadata(manifest: Manifest): SeriesMetadata {
  return [
    { key: 'copsim.scenario', value: manifest.scenarioName },
    { key: 'copsim.masterSeed', value: String(manifest.masterSeed) },
    { key: 'copsim.runs', value: String(manifest.runs) },
    { key: 'copsim.weeks', value: String(manifest.weeks) },
    ...(manifest.partial === undefined ? [] : [{ key: 'copsim.partial', value: `${manifest.partial.replications} of ${manifest.partial.of} replications` }]),
  ];
}

/** What a run writes. */
export interface RunOutput {
  readonly summary: readonly SummaryRow[];
  readonly replications: ReplicationTable;
  readonly manifest: Manifest;
  /**
   * Every replication's weekly series, for series.parquet; absent in an output read back from
   * its folder (whose series.parquet is left as it is).
   */
  readonly series?: SeriesSource;
  /** Agent-level tables, when the run kept agent-level state (`--agents K`). */
  readonly agents?: readonly AgentRow[];
  readonly ties?: readonly TieRow[];
}

/** Paths of the files written. */
export interface RunOutputFiles {
  readonly summary: string;
  readonly replications: string;
  readonly manifest: string;
}

/**
 * Creates `dir` (and its parents) if needed and writes `summary.csv`, `replications.csv`,
 * `series.parquet` (when the output has the series), `agents.csv` and `ties.csv` when the
 * output has them, and `manifest.json` into it, each atomically (`writeFileAtomic`). The CSV files are
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
  // One row per replication, CoP and figure: written piece by piece, never held as one text.
  await writeChunksAtomic(files.replications, csvChunks(output.replications, REPLICATION_COLUMNS));
  if (output.series !== undefined) {
    await writeChunksAtomic(join(dir, SERIES_FILE), seriesParquetChunks(output.series, `copsim ${output.manifest.copsim}`, seriesMetadata(output.manifest)));
  }
  // Agent-level tables of an earlier run would not match this one's manifest.
  const agentsFile = join(dir, 'agents.csv');
  const tiesFile = join(dir, 'ties.csv');
  if (output.agents && output.ties) {
    await writeFileAtomic(agentsFile, toCsv(output.agents, AGENT_COLUMNS));
    await writeFileAtomic(tiesFile, toCsv(output.ties, TIE_COLUMNS));
  } else {
    await rm(agentsFile, { force: true });
    await rm(tiesFile, { force: true });
  }
  await writeFileAtomic(files.manifest, serializeManifest(output.manifest));
  return files;
}
