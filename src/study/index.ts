/**
 * The study verbs: every study the CLI runs is one call here, with the same files when written.
 *
 *   run · compare · sweep · sensitivity (morris, sobol) · hypotheses · calibrate ──(options)──▶ result ──writeStudy──▶ folder
 *   plot ──▶ charts and report.html redrawn from a run folder's tables
 *   run with shard ──▶ shard folders ──merge──▶ the run folder of the whole
 */
export { run, RUN_DEFAULT_RUNS, type RunOptions, type RunResult } from './run.js';
export { compare, armName, COMPARE_DEFAULT_RUNS, type CompareArm, type CompareOptions, type CompareResult, type ComparedScenario } from './compare.js';
export { sweep, checkMeasure, SWEEP_DEFAULT_RUNS, type SweepOptions, type SweepStudy } from './sweep.js';
export { sensitivity, SENSITIVITY_DEFAULT_RUNS, type SensitivityOptions, type SensitivityStudy } from './sensitivity.js';
export { SOBOL_DEFAULT_RUNS, SOBOL_DEFAULT_SAMPLES, SOBOL_DEFAULT_MEASURES, type SobolOptions, type SobolStudy } from './sobol.js';
export { hypotheses, studyFile, HYPOTHESES_DEFAULT_RUNS, type HypothesesOptions, type HypothesesStudy } from './hypotheses.js';
export {
  calibrate,
  CALIBRATE_DEFAULT_RUNS,
  CALIBRATE_DEFAULT_PARTICLES,
  CHECKPOINT,
  type CalibrateOptions,
  type CalibrationSettings,
  type CalibrationStudy,
} from './calibrate.js';
export { plot, type PlotOptions, type PlotResult } from './plot.js';
export { merge, type MergeOptions, type MergeResult, type MergedRun, type MergedComparison, type MergedSweep, type MergedSensitivity, type MergedSobol, type MergedHypotheses, type DesignCoverage } from './merge.js';
export { writeStudy, type StudyResult } from './write.js';
export { StudyError } from './errors.js';
export { DEFAULT_ROOT, earlierResults } from './folder.js';
export {
  describeWorkers,
  safeFolderName,
  resolveScenario,
  type NamedScenario,
  type CheckpointProgress,
  type ScenarioRef,
  type StudyOptions,
  type StudyPlan,
} from './options.js';
export { studySummary, studySummaryJson } from './summary.js';
