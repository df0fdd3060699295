/**
 * @packageDocumentation
 * copsim's public API: the table of contents. Every study the CLI runs is one call here, and
 * writes the same files when given a folder; below the verbs are the stages they are made of.
 *
 *   run · compare · sweep · sensitivity (morris, sobol) · hypotheses · calibrate ──(options)──▶ result ──writeStudy──▶ folder
 *   plot ──▶ charts and report.html redrawn from a run folder
 *   explore ──▶ explore.html: change a setting in the browser, watch the curves move
 *   run({ shard }) ──▶ shard folders ──merge──▶ the run folder of the whole, byte for byte
 *
 *   file ──loadScenario──▶ Scenario ──runMonteCarlo──▶ Collected ──summarize──▶ SummaryRow[]
 *                              │                            ├─replicationTable──▶ ReplicationTable (rows of replications.csv)
 *                              │                            └─weeklyCell / figureCell──▶ one value per replication
 *                              └──simulate(scenario, seed)──▶ one replication
 *   buildRunOutput(collected) ──runCharts──▶ NamedChart[] (Vega-Lite) ──renderSvg / renderPng
 *
 * @example
 *   import { run, compare } from 'copsim';
 *   const baseline = await run({ scenario: 'baseline', runs: 100 });
 *   baseline.figures[0].finalMembers; // { n: 100, mean, low, high }
 *   const whatIf = await compare({
 *     scenarios: ['baseline', { scenario: 'baseline', set: ['cops.0.participation=mandatory'] }],
 *     out: 'out/mandatory', // the files `copsim compare` writes
 *   });
 */

// The study verbs: one call per CLI command, the same files when written.
export {
  run,
  compare,
  sweep,
  sensitivity,
  hypotheses,
  calibrate,
  plot,
  merge,
  writeStudy,
  studySummary,
  StudyError,
  type StudyOptions,
  type StudyResult,
  type ScenarioRef,
  type RunOptions,
  type RunResult,
} from './study/index.js';

// The explorer: a scenario as one self-contained page whose controls rerun it in the browser
// (`copsim explore`), with the same engine and seeds as `run`.
export { explore } from './explore/index.js';
// Shards: a study cut into contiguous slices of its replications, computed apart and merged.
export { parseShardText, shardSlice, SHARD_ENV } from './shard/spec.js';

// Scenarios: loading and validating files, in-memory data and the built-ins.
export { loadScenario, parseScenario, listBuiltins, ScenarioError } from './scenario/index.js';
export type { Scenario, ScenarioInput } from './scenario/schema.js';

// The engine: one replication, week by week, and its schedule.
export { simulate, createSimulation } from './engine/simulate.js';
export { replicationSeed } from './engine/rng.js';
export { step, MECHANISMS } from './engine/step.js';
export { WEEKLY_METRICS, RUN_FIGURES } from './engine/result.js';

// Monte Carlo replications on worker threads, collected by replication index.
export { runMonteCarlo, AbortError, ReplicationError } from './runner/index.js';

// Aggregation: tidy tables, key figures and single cells of the collected results.
export { summarize, replicationRows, replicationTable, ReplicationTable, keyFigures, type Estimate } from './aggregate/index.js';
export { weeklyCell, figureCell } from './aggregate/cells.js';
export type { Collected, SummaryRow, ReplicationRow } from './aggregate/types.js';
export { measureValues } from './research/measure.js';
export { compareBatches } from './compare/paired.js';
export * as stats from './stats/index.js';

// Output: a run's tables and manifest, its charts (Vega-Lite, rendered to SVG and PNG in Node).
export { buildRunOutput, copsimVersion } from './output/index.js';
export { runCharts, renderSvg, renderPng, type TopLevelSpec } from './charts/index.js';

// Every other type the options and results above are made of (`types.CompareResult`, …).
export type * as types from './types.js';
