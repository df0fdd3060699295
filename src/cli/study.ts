/**
 * The provenance of a study (`sweep`, `sensitivity`) as its manifest records it: the base
 * scenario, the run options and the shared replication seeds.
 */
import type { StudyProvenance } from '../research/manifest.js';
import type { RunScenario, RunSettings } from './run-options.js';

/** When a study started: the wall-clock time and a `performance.now()` reading. */
export interface StudyClock {
  readonly startedAt: Date;
  readonly t0: number;
}

/** Starts a study's clock. */
export function startClock(): StudyClock {
  return { startedAt: new Date(), t0: performance.now() };
}

/**
 * The provenance of `command` run on `base` with `settings`, now that it has simulated with
 * replication `seeds` (the same at every point).
 */
export function studyProvenance(
  command: string,
  base: RunScenario,
  settings: RunSettings,
  clock: StudyClock,
  seeds: ArrayLike<number>,
): StudyProvenance {
  return {
    command,
    scenario: base.scenario,
    scenarioName: base.name,
    scenarioSource: base.source,
    masterSeed: settings.seed,
    runs: settings.runs,
    workers: Math.min(settings.workers, settings.runs),
    startedAt: clock.startedAt.toISOString(),
    wallTimeSeconds: (performance.now() - clock.t0) / 1000,
    seeds,
  };
}
