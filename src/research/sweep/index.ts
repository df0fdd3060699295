/**
 * Sweeps: one or two settings varied over a grid, the same replication seeds at every point,
 * and the statistics of one measure per point.
 *
 *   --vary ──parseVary──▶ SweepAxis ──sweepPoints──▶ SweepPoint[] ──runSweep──▶ SweepRow[]
 *          ──sweepCharts / studyManifestText──▶ writeStudyOutput: sweep.csv, sweep.*, manifest.json
 */
export { DesignError } from '../errors.js';
export { parseVary, decimals, MAX_AXIS_VALUES, type SweepAxis, type SweepValue } from './vary.js';
export { sweepPoints, describePoint, MAX_SWEEP_POINTS, type SweepPoint } from './grid.js';
export { pointStatistics, SWEEP_LEVEL, type PointStatistics } from './statistics.js';
export { sweepRows, sweepColumns, SWEEP_STAT_COLUMNS, type SweepRow } from './rows.js';
export { runSweep, planSweep, simulateSweep, loadSweepScenarios, checkSweepPaths, type SweepInput, type SweepPlan, type SweepResult } from './run.js';
