/**
 * The record types that copsim's options and results are made of: the rows of each study's
 * tables, the plans and manifests of shards and merges, the engine's state. The verbs and
 * their options are at the top of `copsim`; these are here to name what they return, e.g.
 *
 * @example
 *   import { compare, type types } from 'copsim';
 *   const result = await compare({ scenarios: ['baseline', 'top-down-mandatory'] });
 *   const rows: types.ComparisonRow[] = result.comparison;
 *
 * @module
 */

// The verbs' options and results, besides run's (at the top level).
export type {
  StudyPlan,
  CheckpointProgress,
  CompareArm,
  CompareOptions,
  CompareResult,
  ComparedScenario,
  SweepOptions,
  SweepStudy,
  SensitivityOptions,
  SensitivityStudy,
  SobolOptions,
  SobolStudy,
  HypothesesOptions,
  HypothesesStudy,
  CalibrateOptions,
  CalibrationStudy,
  PlotOptions,
  PlotResult,
  MergeOptions,
  MergeResult,
  MergedRun,
  MergedComparison,
  MergedSweep,
  DesignCoverage,
  MergedSensitivity,
  MergedSobol,
  MergedHypotheses,
} from './study/index.js';
export type { ExploreOptions, ExploreResult } from './explore/index.js';

// Scenarios.
export type { LoadOptions, ScenarioIssue } from './scenario/index.js';
export type { LoadedScenario, ParseOptions } from './scenario/load.js';
export type { CoP, CoPSettings } from './scenario/schema.js';

// The engine: one replication's state, result and schedule.
export type { Simulation, People, Network, CommunityState, Derived, ProblemSpace } from './engine/state.js';
export type { Streams, Rng } from './engine/rng.js';
export type { ChannelFlags, ChannelName } from './engine/channels.js';
export type { SimulateOptions } from './engine/simulate.js';
export type { RunResult as ReplicationResult, WeeklyMetric, RunFigure } from './engine/result.js';
export type { AgentSnapshot, AgentCopState } from './engine/agents.js';
export type { ScheduleEntry, EntryKind } from './engine/step.js';
export type { Layout } from './engine/organisation.js';

// Replications on worker threads, and what is read from them.
export type { MonteCarloOptions, DoneReplications } from './runner/index.js';
export type { WorkerPool, PoolJob, PoolOptions } from './runner/pool.js';
export type { ResultMessage } from './runner/protocol.js';
export type { CopKeyFigures } from './aggregate/index.js';
export type { CollectedCells } from './aggregate/cells.js';
export type { WeeklyStore } from './aggregate/types.js';
export type { Measure, MeasureTime } from './research/measure.js';
export type { ComparisonRow, NamedBatch } from './compare/paired.js';

// Shards and provenance.
export type { ShardSpec, ShardSlice } from './shard/spec.js';
export type { Manifest, ShardRecord, PartialCoverage } from './output/provenance.js';
export type { RunOutput } from './output/write.js';
export type { SeriesSource, SeriesMetadata } from './output/series-parquet.js';
export type { RunProvenance } from './output/run-output.js';
export type { AgentRow, TieRow } from './output/agents.js';
export type { StudyTable } from './research/write.js';
export type { TablesPage, PageTable } from './report/tables-page.js';
export type { ProvenanceLine } from './report/input.js';

// Charts.
export type { NamedChart } from './charts/index.js';
export type { RunChartInput } from './charts/run-charts.js';

// The rows of the research verbs.
export type { SweepAxis, SweepValue } from './research/sweep/vary.js';
export type { PointStatistics } from './research/sweep/statistics.js';
export type { SweepPoint } from './research/sweep/grid.js';
export type { SweepRow } from './research/sweep/rows.js';
export type { Factor } from './research/sensitivity/params.js';
export type { SensitivityPlan } from './research/sensitivity/run.js';
export type { SensitivityDesign } from './research/sensitivity/design.js';
export type { SensitivityRow } from './research/sensitivity/effects.js';
export type { SobolPlan, SobolMeasureResult, SobolRow } from './research/sensitivity/sobol.js';
export type { HypothesisOutcome } from './research/hypotheses/test-hypotheses.js';
export type { HypothesisRow, AblationRow, ContextRow } from './research/hypotheses/table.js';
export type { HypothesisAblation, KnockoutOutcome } from './research/hypotheses/ablate.js';
export type { HypothesisContexts, HypothesisContext, ContextOutcome } from './research/hypotheses/contexts.js';
export type { ResolvedTargets, TargetsDefaults, CalibrationArm, CalibrationParameter, CalibrationPattern } from './research/targets/resolve.js';
export type { ParameterPosterior, PredictiveRow } from './research/targets/statistics.js';
export type { CalibrationSettings } from './research/targets/page.js';
export type { AbcState, GenerationRecord, Particle, StopReason } from './calibration/apmc.js';
export type { Prior } from './calibration/priors.js';
