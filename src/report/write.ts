/**
 * writeReport: a run's report.html, written atomically into its output folder.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { readReportScripts, type ReportScripts } from './assets.js';
import { reportHtml } from './html.js';
import type { ReportInput } from './input.js';

/**
 * Writes `report.html` into `dir` (created if needed) atomically and returns its path. The
 * chart libraries are read from the installed packages unless `scripts` are given.
 *
 * @example await writeReport('copsim-out/baseline', buildReportInput({ ...output, charts, baseline }))
 * // → 'copsim-out/baseline/report.html'
 */
export async function writeReport(dir: string, input: ReportInput, scripts?: ReportScripts): Promise<string> {
  const html = reportHtml(input, scripts ?? (await readReportScripts()));
  await makeDirectory(dir);
  const path = join(dir, 'report.html');
  await writeFileAtomic(path, html);
  return path;
}
