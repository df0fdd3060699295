/**
 * Hypotheses: a declarative file of directional claims, each comparing two arms on one
 * measure, tested with common random numbers and given a verdict.
 *
 *   study.yaml ──readHypothesisFile──▶ data ──resolveHypotheses──▶ ResolvedHypothesis[]
 *     ──testHypotheses(simulate)──▶ HypothesisOutcome[] ──hypothesisRows / hypothesesChart──▶
 *     writeHypothesesOutput: hypotheses.csv, hypotheses.vl.json/.svg/.png, manifest.json
 */
export {
  hypothesisFileSchema,
  hypothesisSchema,
  type HypothesisFileData,
  type HypothesisData,
  type ArmRef,
  type HypothesisKind,
} from './schema.js';
export { parseHypothesisFile, readHypothesisFile, formatHypothesisPath, HypothesisError } from './parse.js';
export {
  resolveHypotheses,
  selectHypotheses,
  scenarioKey,
  type Arm,
  type ResolvedHypothesis,
  type ResolvedHypotheses,
  type ResolveOptions,
} from './resolve.js';
export { evaluateHypothesis, verdictReason, CONFIDENCE, type HypothesisEvaluation, type VerdictSpec } from './evaluate.js';
export {
  testHypotheses,
  plannedReplications,
  DEFAULT_MAX_RUNS,
  type HypothesisOutcome,
  type TestHypothesesOptions,
} from './test-hypotheses.js';
export { hypothesisRows, HYPOTHESIS_COLUMNS, type HypothesisRow } from './table.js';
export { hypothesisJsonSchemaText, HYPOTHESIS_SCHEMA_ID } from './jsonschema.js';
export { hypothesesChart, forestData, baseScenarios, type ForestDatum, type HypothesesChartOptions } from './chart.js';
export {
  writeHypothesesOutput,
  type HypothesesManifest,
  type HypothesesOutput,
  type ArmProvenance,
} from './write.js';
