/**
 * `plot`: redraws the charts and report.html of run folders from the tables already there.
 * The library verb behind `copsim plot`.
 */
import { replotRunFolder, type PresentationFiles } from '../publish/run-folder.js';
import { writeError } from './folder.js';

/** Options of `plot`. */
export interface PlotOptions {
  /** Run folders written by `run` (each holds summary.csv, replications.csv, manifest.json). */
  readonly dirs: readonly string[];
}

/** The files redrawn in one folder. */
export interface PlotResult extends PresentationFiles {
  readonly dir: string;
}

/**
 * Rebuilds every chart (spec, SVG, PNG) and report.html of each folder from its tables and
 * manifest: the same bytes `run` wrote.
 *
 * @throws RunOutputError naming the file and what was expected when a folder is not a complete run output
 * @example await plot({ dirs: ['copsim-out/baseline'] }) // → [{ dir: 'copsim-out/baseline', charts: [...], report: '…/report.html' }]
 */
export async function plot(options: PlotOptions): Promise<PlotResult[]> {
  const results: PlotResult[] = [];
  for (const dir of options.dirs) {
    const files = await replotRunFolder(dir).catch((error: unknown) => {
      throw writeError(error, dir);
    });
    results.push({ dir, ...files });
  }
  return results;
}
