/**
 * A run's output folder, complete: the tables and manifest, then every chart (spec, SVG, PNG)
 * and the report, all built from those tables. `copsim run` writes it; `copsim plot` rebuilds
 * the charts and report from the tables already there, so both give the same files.
 *
 *   RunOutput ──writeRunOutput──▶ summary.csv, replications.csv, manifest.json
 *             ──runCharts──▶ NamedChart[] ──writeCharts──▶ <name>.vl.json/.svg/.png
 *             ──buildReportInput──▶ ReportInput ──writeReport──▶ report.html
 */
import { runCharts } from '../charts/run-charts.js';
import { writeCharts } from '../charts/write.js';
import { readRunOutput } from '../output/read.js';
import { writeRunOutput, type RunOutput } from '../output/write.js';
import { buildReportInput } from '../report/input.js';
import { writeReport } from '../report/write.js';
import { loadBuiltin } from '../scenario/index.js';
import type { Scenario } from '../scenario/schema.js';

/** The files of a run folder besides its tables. */
export interface PresentationFiles {
  readonly charts: readonly string[];
  readonly report: string;
}

/**
 * Writes a run's tables and manifest (`writeRunOutput`), then its charts and report. Each file
 * is written atomically; the tables come first, so an interruption while charts are drawn
 * leaves complete tables that `copsim plot` can draw from.
 *
 * @param baseline the scenario the report lists differences from; default the built-in `baseline`
 * @example await writeRunFolder('copsim-out/baseline', buildRunOutput(collected, provenance))
 */
export async function writeRunFolder(dir: string, output: RunOutput, baseline?: Scenario): Promise<PresentationFiles> {
  await writeRunOutput(dir, output);
  return writePresentation(dir, output, baseline);
}

/**
 * Rebuilds the charts and report of an existing run folder from its tables and manifest.
 * Throws `RunOutputError` (naming the file and what was expected) when the folder is not a
 * complete copsim run output.
 *
 * @example await replotRunFolder('copsim-out/baseline') // → { charts: [...], report: 'copsim-out/baseline/report.html' }
 */
export async function replotRunFolder(dir: string, baseline?: Scenario): Promise<PresentationFiles> {
  return writePresentation(dir, await readRunOutput(dir), baseline);
}

async function writePresentation(dir: string, output: RunOutput, baseline?: Scenario): Promise<PresentationFiles> {
  const charts = runCharts(output);
  const chartFiles = await writeCharts(dir, charts);
  const report = await writeReport(
    dir,
    buildReportInput({
      summary: output.summary,
      replications: output.replications,
      manifest: output.manifest,
      charts,
      baseline: baseline ?? loadBuiltin('baseline').scenario,
    }),
  );
  return { charts: chartFiles, report };
}
