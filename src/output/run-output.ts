/**
 * buildRunOutput: everything a run writes, from its replications and its provenance.
 */
import { summarize } from '../aggregate/index.js';
import { replicationTable } from '../aggregate/replication-table.js';
import type { Collected } from '../aggregate/types.js';
import type { Scenario } from '../scenario/schema.js';
import { agentRows, tieRows } from './agents.js';
import { createManifest } from './provenance.js';
import { seriesSource } from './series-parquet.js';
import type { RunOutput } from './write.js';

/** How a run came about: what the replications themselves do not say. */
export interface RunProvenance {
  readonly scenario: Scenario;
  readonly scenarioName: string;
  /** `builtin:NAME` or the file path, as `loadScenario` returns it. */
  readonly scenarioSource: string;
  readonly masterSeed: number;
  /** Worker threads used (0: the calling thread). */
  readonly workers: number;
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
}

/**
 * The tidy tables and the manifest of a run. Runs, weeks, member-weeks (people × weeks × runs)
 * and seeds are taken from the replications, so they cannot disagree with them.
 *
 * @example await writeRunOutput(dir, buildRunOutput(collected, { scenario, scenarioName: 'baseline', ... }))
 */
export function buildRunOutput(collected: Collected, provenance: RunProvenance): RunOutput {
  const agents = collected.agents?.length ?? 0;
  return {
    summary: summarize(collected, provenance.scenarioName),
    replications: replicationTable(collected, provenance.scenarioName),
    series: seriesSource(collected),
    ...(agents > 0
      ? { agents: agentRows(collected, provenance.scenarioName), ties: tieRows(collected, provenance.scenarioName) }
      : {}),
    manifest: createManifest({
      ...provenance,
      agents,
      runs: collected.runs,
      weeks: collected.weeks,
      memberWeeks: collected.employees * collected.weeks * collected.runs,
      seeds: collected.seeds,
    }),
  };
}
