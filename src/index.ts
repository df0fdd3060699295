/**
 * copsim's public API: the table of contents. The notebooks use only what is exported here.
 *
 *   file ──loadScenario──▶ Scenario ──runMonteCarlo──▶ Collected ──summarize──▶ SummaryRow[]
 *                              │                             └──replicationRows──▶ ReplicationRow[]
 *                              └──simulate(scenario, seed)──▶ RunResult (one replication)
 *   buildRunOutput(collected) ──runCharts──▶ NamedChart[] (Vega-Lite) ──renderSvg / writeCharts
 *                             └──writeRunFolder──▶ tables, charts and report.html
 *   Collected A, B (same seed) ──compareBatches──▶ paired differences; measureValues ──▶ one number per run
 *
 * @example
 *   import { loadScenario, runMonteCarlo, summarize, keyFigures } from 'copsim';
 *   const { scenario } = loadScenario('baseline', { sets: ['cops.0.participation=mandatory'] });
 *   const collected = await runMonteCarlo(scenario, { runs: 100, masterSeed: 1, workers: 2 });
 *   const rows = summarize(collected, 'mandatory'); // tidy rows: cop, week, metric, mean, CI, quantiles
 *   keyFigures(collected); // per CoP: final members, attendance, reuse, death share, ...
 */

// Scenarios: schema (= type = JSON Schema), loading, validation, built-ins.
export {
  scenarioSchema,
  copSchema,
  eventSchema,
  organisationSchema,
  copIds,
  ROLES,
  THEMES,
  type Scenario,
  type ScenarioInput,
  type CoP,
  type CoPSettings,
  type ScenarioEvent,
  type Organisation,
} from './scenario/schema.js';
export {
  loadScenario,
  loadBuiltin,
  parseScenario,
  validateScenarioFiles,
  listBuiltins,
  scenarioJsonSchema,
  ScenarioError,
  parseSet,
  applySets,
  type LoadedScenario,
  type ScenarioIssue,
} from './scenario/index.js';
export { parametersSchema, type Parameters } from './engine/parameters.js';

// The engine: one replication, and the pieces it is made of.
export { simulate, createSimulation } from './engine/simulate.js';
export { step, SCHEDULE, MECHANISMS, type ScheduleEntry } from './engine/step.js';
export { CHANNELS, type Channel, type ChannelName } from './engine/channels.js';
export { snapshotAgents, type AgentSnapshot } from './engine/agents.js';
export { MemberState, type Simulation, type CommunityState, type People } from './engine/state.js';
export { replicationSeed, makeRng, makeStreams, type Rng, type Streams } from './engine/rng.js';
export {
  WEEKLY_METRICS,
  RUN_FIGURES,
  weeklySeries,
  runFigure,
  type RunResult,
  type WeeklyMetric,
  type RunFigure,
} from './engine/result.js';

// Monte Carlo replications on worker threads.
export { runMonteCarlo, ReplicationError, AbortError, WorkerError, type MonteCarloOptions } from './runner/index.js';

// Aggregation and statistics.
export { createCollector, summarize, replicationRows, keyFigures, type CopKeyFigures, type Estimate } from './aggregate/index.js';
export {
  SUMMARY_COLUMNS,
  REPLICATION_COLUMNS,
  type Collected,
  type Collector,
  type SummaryRow,
  type ReplicationRow,
} from './aggregate/types.js';
export * as stats from './stats/index.js';

// Output files.
export {
  writeRunOutput,
  buildRunOutput,
  createManifest,
  copsimVersion,
  toCsv,
  writeFileAtomic,
  type Manifest,
  type RunProvenance,
} from './output/index.js';

// Charts: Vega-Lite specs built from a run's tables, rendered to SVG and PNG in Node.
export {
  runCharts,
  renderSvg,
  renderPng,
  compileSpec,
  writeCharts,
  bandedTimeChart,
  bandedLineLayers,
  eventLayers,
  chartEvents,
  seriesValues,
  copLabels,
  type NamedChart,
  type TopLevelSpec,
  type RunChartInput,
  type SeriesDatum,
  type TimePanel,
} from './charts/index.js';

// The report page, and reading a run folder back.
export { readRunOutput, RunOutputError, type RunOutputRead } from './output/read.js';
export { buildReportInput, reportHtml, readReportScripts, writeReport, keyFiguresFromTables, settingsDiff, type ReportInput, type SettingDifference } from './report/index.js';
export { writeRunFolder, replotRunFolder } from './publish/run-folder.js';

// Comparing scenarios simulated with the same seeds.
export { compareBatches, pairingProblem, COMPARISON_COLUMNS, type ComparisonRow, type NamedBatch } from './compare/paired.js';
export { compareCharts, type CompareChartInput } from './compare/charts.js';

// Research: measures, hypotheses, sweeps and sensitivity screening.
export { measureValues, measureProblem, describeMeasure, parseMeasureTime, type Measure, type MeasureTime } from './research/measure.js';
export * as hypotheses from './research/hypotheses/index.js';
export * as sweep from './research/sweep/index.js';
export { studyManifestText, type StudyProvenance } from './research/manifest.js';
export { writeStudyOutput, type StudyOutput, type StudyTable } from './research/write.js';
export * as sensitivity from './research/sensitivity/index.js';
