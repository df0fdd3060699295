/**
 * Targets files of `copsim calibrate`: the free parameters with their priors and the patterns
 * the model should reproduce.
 *
 *   patterns.yaml ──readTargetsFile──▶ data ──resolveTargets──▶ parameters, arms, patterns
 *     ──loadArm(θ)──▶ scenarios to simulate per particle
 */
export { targetsFileSchema, patternSchema, parameterSchema, type TargetsFileData, type PatternData, type ParameterData } from './schema.js';
export { parseTargetsFile, readTargetsFile, TargetsError } from './parse.js';
export {
  resolveTargets,
  thetaSets,
  loadArm,
  type CalibrationArm,
  type CalibrationParameter,
  type CalibrationPattern,
  type ResolvedTargets,
  type ResolveTargetsOptions,
  type TargetsDefaults,
} from './resolve.js';
export { targetsJsonSchemaText, TARGETS_SCHEMA_ID } from './jsonschema.js';
