/**
 * Hypotheses: a declarative file of directional claims, each comparing two arms on one
 * measure, tested with common random numbers and given a verdict.
 *
 *   study.yaml ──readHypothesisFile──▶ data ──resolveHypotheses──▶ ResolvedHypothesis[]
 *     ──testHypotheses(simulate)──▶ HypothesisOutcome[] ──hypothesisRows / hypothesesChart──▶
 *   ablateHypotheses: each channel knocked out in both arms ──▶ carrying channels, measured kind (ablation.csv)
 *   testContexts: each point of the declared domain ──▶ "supported at k of m" (contexts.csv)
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
  readMeasures,
  DEFAULT_MAX_RUNS,
  type HypothesisOutcome,
  type MeasureSource,
  type ReadMeasures,
  type TestHypothesesOptions,
} from './test-hypotheses.js';
export {
  hypothesisRows,
  hypothesisColumns,
  HYPOTHESIS_COLUMNS,
  ABLATION_SUMMARY_COLUMNS,
  CONTEXT_SUMMARY_COLUMNS,
  ablationRows,
  ABLATION_COLUMNS,
  contextRows,
  CONTEXT_COLUMNS,
  type HypothesisRow,
  type HypothesisExtras,
  type AblationRow,
  type ContextRow,
} from './table.js';
export {
  ablateHypotheses,
  knockOut,
  knockOutArm,
  carries,
  measuredKind,
  kindDisagreement,
  plannedAblationReplications,
  ABLATION_CHANNELS,
  type AblateOptions,
  type HypothesisAblation,
  type KnockoutOutcome,
} from './ablate.js';
export {
  testContexts,
  hypothesisContexts,
  contextSets,
  contextCounts,
  plannedContextReplications,
  type ContextOutcome,
  type ContextsOptions,
  type HypothesisContext,
  type HypothesisContexts,
} from './contexts.js';
export { hypothesisJsonSchemaText, HYPOTHESIS_SCHEMA_ID } from './jsonschema.js';
export {
  hypothesesChart,
  ablationChart,
  contextsChart,
  forestData,
  forestDatum,
  forestUnit,
  standing,
  baseScenarios,
  type ForestDatum,
  type ForestInput,
  type ForestStanding,
  type HypothesesChartOptions,
} from './chart.js';
export type { HypothesesManifest, ArmProvenance } from '../../output/provenance.js';
