/**
 * Writing a study's result to a folder: one call for every verb, the same files the CLI writes.
 *
 *   RunResult ──writeRunFolder──▶ tables, manifest, charts, report.html
 *   CompareResult ──▶ one run folder per scenario, comparison.csv/.json, charts, report.html
 *   SweepStudy, SensitivityStudy, SobolStudy, HypothesesStudy ──writeStudyOutput──▶ tables, charts, manifest.json
 *   CalibrationStudy ──▶ posterior.csv, predictive.csv, generations.csv, charts, report.html, calibration.json
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCharts } from '../charts/write.js';
import { compareCharts } from '../compare/charts.js';
import { comparisonReportInput } from '../compare/report.js';
import { COMPARISON_COLUMNS } from '../compare/paired.js';
import { writeFileAtomic } from '../output/atomic.js';
import { toCsv } from '../output/csv.js';
import { makeDirectory } from '../output/directory.js';
import { writeRunFolder } from '../publish/run-folder.js';
import { writeStudyOutput } from '../research/write.js';
import { writeReport } from '../report/write.js';
import { readReportScripts } from '../report/assets.js';
import { tablesPageHtml } from '../report/tables-page.js';
import type { CalibrationStudy } from './calibrate.js';
import type { CompareResult } from './compare.js';
import { stageInto } from './checkpoint.js';
import { writingTo } from './folder.js';
import type { HypothesesStudy } from './hypotheses.js';
import type { RunResult } from './run.js';
import type { SensitivityStudy } from './sensitivity.js';
import type { SobolStudy } from './sobol.js';
import type { SweepStudy } from './sweep.js';

/** The result of any study verb. */
export type StudyResult = RunResult | CompareResult | SweepStudy | SensitivityStudy | SobolStudy | HypothesesStudy | CalibrationStudy;

/**
 * Writes a study's files into `dir` (created if needed): first into a staging folder inside it,
 * then moved into place, the manifest last, so that a stop at any moment leaves the old
 * complete output, the new complete output, or a folder without its manifest, never a mix of
 * old and new files. A manifest beside the tables marks a complete output. Returns `dir`.
 *
 * @throws StudyError naming the folder when it cannot be written
 * @example await writeStudy('out/baseline', await run({ runs: 50 }))
 */
export async function writeStudy(dir: string, result: StudyResult): Promise<string> {
  await stageInto(dir, (staging) => writeStudyFiles(staging, result));
  return dir;
}

/**
 * Writes a study's files straight into `dir` (created if needed), each atomically, a manifest
 * last: what `writeStudy` and a checkpoint's commit write into their staging folder.
 */
export async function writeStudyFiles(dir: string, result: StudyResult): Promise<string> {
  await writingTo(dir, async () => {
    switch (result.kind) {
      case 'run':
        await writeRunFolder(dir, result.output);
        return;
      case 'compare':
        await writeComparisonFolder(dir, result);
        return;
      case 'calibrate':
        await writeCalibrationFolder(dir, result);
        return;
      default:
        await writeStudyOutput(dir, { tables: result.tables, charts: result.charts, manifest: result.manifest });
    }
  });
  return dir;
}

/** A comparison: every scenario's run folder, then comparison.csv, its charts, report.html and comparison.json. */
async function writeComparisonFolder(dir: string, result: CompareResult): Promise<void> {
  for (const s of result.scenarios) await writeRunFolder(join(dir, s.folder), s.output);
  const runs = result.scenarios.map((s) => ({ name: s.name, summary: s.output.summary, manifest: s.output.manifest }));
  const charts = compareCharts({ runs, comparison: result.comparison });
  await makeDirectory(dir);
  await writeFileAtomic(join(dir, 'comparison.csv'), toCsv(result.comparison, COMPARISON_COLUMNS));
  await writeCharts(dir, charts);
  await writeReport(
    dir,
    comparisonReportInput({ runs: result.scenarios.map((s) => ({ name: s.name, folder: s.folder, output: s.output })), charts }),
  );
  await writeFileAtomic(join(dir, 'comparison.json'), result.manifest);
}

/** A calibration: its tables, charts and report.html, then calibration.json (removed first, written last). */
async function writeCalibrationFolder(dir: string, result: CalibrationStudy): Promise<void> {
  await makeDirectory(dir);
  const manifest = join(dir, 'calibration.json');
  await rm(manifest, { force: true });
  for (const table of result.tables) {
    await writeFileAtomic(join(dir, table.file), toCsv(table.rows as Record<string, unknown>[], table.columns));
  }
  await writeCharts(dir, result.charts);
  await writeFileAtomic(join(dir, 'report.html'), tablesPageHtml(result.page, await readReportScripts()));
  await writeFileAtomic(manifest, result.manifest);
}
