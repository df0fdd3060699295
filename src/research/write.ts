/**
 * Writing a study's files: its tidy tables, its charts and its manifest, each atomically.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCharts } from '../charts/write.js';
import type { NamedChart } from '../charts/types.js';
import { writeFileAtomic } from '../output/atomic.js';
import { toCsv } from '../output/csv.js';
import { makeDirectory } from '../output/directory.js';

/** A table to write: its file name, rows and columns in order. */
export interface StudyTable {
  readonly file: string;
  readonly rows: readonly object[];
  readonly columns: readonly string[];
}

/** What a study writes. */
export interface StudyOutput {
  readonly tables: readonly StudyTable[];
  readonly charts: readonly NamedChart[];
  /** manifest.json's text. */
  readonly manifest: string;
}

/**
 * Creates `dir` if needed and writes the tables (CSV), the charts (`<name>.vl.json`, `.svg`,
 * `.png`) and `manifest.json`, each atomically. An earlier manifest is removed first and the
 * new one written last, so a manifest beside the tables marks a complete output of one study.
 * Returns the paths written, in order.
 *
 * @example await writeStudyOutput('copsim-out/baseline-sweep', { tables: [{ file: 'sweep.csv', rows, columns }], charts, manifest })
 */
export async function writeStudyOutput(dir: string, output: StudyOutput): Promise<string[]> {
  await makeDirectory(dir);
  const manifest = join(dir, 'manifest.json');
  await rm(manifest, { force: true });
  const written: string[] = [];
  for (const table of output.tables) {
    const path = join(dir, table.file);
    await writeFileAtomic(path, toCsv(table.rows as Record<string, unknown>[], table.columns));
    written.push(path);
  }
  written.push(...(await writeCharts(dir, output.charts)));
  await writeFileAtomic(manifest, output.manifest);
  written.push(manifest);
  return written;
}
