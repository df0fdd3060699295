/**
 * The HTML report: one self-contained page per run, rebuilt from the run's output folder.
 *
 *   summary.csv + replications.csv + manifest.json ──readRunOutput──▶ tables, manifest
 *     + charts + baseline ──buildReportInput──▶ ReportInput
 *       ──reportHtml (pure) / writeReport (atomic)──▶ report.html
 *
 * The pieces: key figures from the tables (`keyFiguresFromTables`), the settings that differ
 * from the baseline (`settingsDiff`), the key-figure table's cells (`keyFigureCells`, shared
 * with the terminal table), and the inlined chart libraries (`readReportScripts`).
 */
export { readReportScripts, type ReportScripts } from './assets.js';
export { formatNumber } from './format-number.js';
export { escapeHtml, EMBED_OPTIONS, inlineScript, reportHtml, scriptJson } from './html.js';
export { buildReportInput, provenanceLines, type ProvenanceLine, type ReportInput, type ReportSources } from './input.js';
export { KEY_FIGURE_HEADER, keyFigureCells, type Cell } from './key-figure-cells.js';
export { keyFiguresFromTables } from './key-figures.js';
export { settingsDiff, type SettingDifference } from './settings-diff.js';
export { writeReport } from './write.js';
