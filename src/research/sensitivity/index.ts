/**
 * Sensitivity screening: Morris elementary effects of many settings on one measure, from a
 * design of r trajectories × (k + 1) points, each point simulated with the same replication
 * seeds. See docs/SENSITIVITY.md.
 *
 *   --params ──parseParams / resolveFactors──▶ Factor[] ──planSensitivity──▶ design and scenarios
 *            ──simulateSensitivity──▶ SensitivityRow[] (μ, μ*, σ, rank) ──▶ sensitivity.csv, design.csv, chart
 */
export {
  parseParams,
  resolveFactors,
  modelParameterPaths,
  modelParameterFactors,
  ORDERED_PARAMETERS,
  schemaRange,
  schemaRangeWarning,
  settingBounds,
  SCHEMA_RANGE_FLOOR,
  type Factor,
  type ParamSpec,
  type SettingBounds,
} from './params.js';
export { sensitivityDesign, type SensitivityDesign, type SensitivityDesignOptions } from './design.js';
export { sensitivityRows, SENSITIVITY_COLUMNS, type SensitivityRow } from './effects.js';
export {
  planSensitivity,
  simulateSensitivity,
  designRows,
  designColumns,
  type SensitivityInput,
  type SensitivityPlan,
  type SensitivityResult,
} from './run.js';
export {
  planSobol,
  simulateSobol,
  sobolValues,
  sobolResult,
  sobolDesignPlan,
  sobolDesignRows,
  sobolDesignColumns,
  SOBOL_COLUMNS,
  SOBOL_RESAMPLES,
  type SobolInput,
  type SobolPlan,
  type SobolResult,
  type SobolMeasureResult,
  type SobolRow,
} from './sobol.js';
