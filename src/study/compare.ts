/**
 * `compare`: simulates scenarios with the same replication seeds (common random numbers) and
 * takes their paired differences against the first. The library verb behind `copsim compare`.
 *
 *   each arm ──resolveScenario (its own sets after the shared ones)──▶ scenario
 *            ──session.simulate (same seeds)──▶ Collected ──buildRunOutput──▶ RunOutput
 *   Collected A, B… ──compareBatches──▶ ComparisonRow[] ──writeStudy──▶ OUT/ (optional)
 */
import { keyFigures, type CopKeyFigures } from '../aggregate/index.js';
import type { Collected } from '../aggregate/types.js';
import { compareBatches, pairingProblem, type ComparisonRow } from '../compare/paired.js';
import { buildRunOutput } from '../output/run-output.js';
import { comparisonManifestText, provenanceFields, startClock } from '../output/provenance.js';
import type { RunOutput } from '../output/write.js';
import type { Scenario } from '../scenario/schema.js';
import { StudyError } from './errors.js';
import { checkpointPlan, studyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import {
  checkStudyOptions,
  describeWorkers,
  resolveScenario,
  safeFolderName,
  type NamedScenario,
  type ScenarioRef,
  type StudyOptions,
} from './options.js';
import { createSession } from './session.js';
import { writeStudy } from './write.js';

/** One compared scenario with its own overrides. */
export interface CompareArm {
  readonly scenario: ScenarioRef;
  /** Overrides for this scenario only, applied after the shared `set`. */
  readonly set?: readonly string[];
  /** The name its outputs go by. Default: the scenario's name and its own overrides, e.g. "baseline fundedHours=2". */
  readonly name?: string;
}

/** Options of `compare`. */
export interface CompareOptions extends StudyOptions {
  /** Two or more scenarios; the first is the reference A. */
  readonly scenarios: readonly (ScenarioRef | CompareArm)[];
}

/** One compared scenario, simulated. */
export interface ComparedScenario {
  readonly name: string;
  readonly source: string;
  /** Its own overrides. */
  readonly set: readonly string[];
  /** Its run folder inside the comparison's folder. */
  readonly folder: string;
  readonly scenario: Scenario;
  readonly collected: Collected;
  readonly output: RunOutput;
  readonly figures: CopKeyFigures[];
}

/** A finished comparison. */
export interface CompareResult {
  readonly kind: 'compare';
  /** The scenarios in the order given; the first is the reference. */
  readonly scenarios: readonly ComparedScenario[];
  /** Paired differences of every other scenario against the reference (comparison.csv). */
  readonly comparison: ComparisonRow[];
  /** comparison.json's text. */
  readonly manifest: string;
  readonly out: string | undefined;
}

/** Replications per scenario of `compare` when `runs` is not given. */
export const COMPARE_DEFAULT_RUNS = 200;

/**
 * Simulates every scenario with the same replication seeds and compares each with the first,
 * pair by pair; with `out`, also writes comparison.csv, comparison.json, the comparison's
 * charts and report.html, and one run folder per scenario, as `copsim compare`.
 *
 * @throws StudyError for fewer than two scenarios or scenarios of different lengths
 * @example
 * const result = await compare({
 *   scenarios: ['bottom-up-unsupported', { scenario: 'bottom-up-unsupported', set: ['cops.0.support.fundedHours=2'] }],
 *   runs: 100,
 * });
 * result.comparison.find((r) => r.metric === 'alive' && r.week === 155) // → { difference: …, ci_low: …, … }
 */
export async function compare(options: CompareOptions): Promise<CompareResult> {
  const settings = checkStudyOptions(options, COMPARE_DEFAULT_RUNS);
  if (options.scenarios.length < 2) throw new StudyError(`compare needs at least two scenarios, got ${options.scenarios.length}`);
  const arms = uniqueNames(
    options.scenarios.map((given) => {
      const arm: CompareArm = typeof given === 'string' || !('scenario' in given) ? { scenario: given } : given;
      const set = arm.set ?? [];
      const named = resolveScenario(arm.scenario, [...settings.sets, ...set], settings.warn);
      return { ...named, set, name: arm.name ?? armName(named.name, set) };
    }),
  );
  const reference = arms[0] as (typeof arms)[number];
  for (const other of arms.slice(1)) {
    if (other.scenario.weeks !== reference.scenario.weeks) {
      throw new StudyError(
        `"${reference.name}" runs ${reference.scenario.weeks} weeks and "${other.name}" ${other.scenario.weeks}: ` +
          'compared scenarios must run the same weeks; give --weeks N',
      );
    }
  }
  const out = await prepareOutputFolder(
    settings.out,
    safeFolderName(`compare-${arms.map((a) => a.name).join('-vs-')}`),
    settings.resume ? () => undefined : settings.warn,
  );
  const checkpoint = await studyCheckpoint(out, settings, 'compare', {
    scenarios: arms.map((a) => ({ name: a.name, set: a.set, scenario: a.scenario })),
    seed: settings.seed,
    runs: settings.runs,
  });
  const session = createSession(settings, options, settings.runs * arms.length, checkpoint);
  options.onStart?.({
    headline:
      `copsim: comparing ${arms.map((a) => a.name).join(', ')}: ${settings.runs} runs × ${reference.scenario.weeks} weeks ` +
      `each, same seeds, on ${describeWorkers(session.workersUsed)}…`,
    replications: settings.runs * arms.length,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  const batches: Collected[] = [];
  await session.closing(async () => {
    for (const arm of arms) batches.push(await session.simulate(arm.scenario));
  });
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds: (batches[0] as Collected).seeds });

  const first = { name: reference.name, collected: batches[0] as Collected };
  const comparison: ComparisonRow[] = [];
  for (const [i, arm] of arms.entries()) {
    if (i === 0) continue;
    const other = { name: arm.name, collected: batches[i] as Collected };
    const problem = pairingProblem(first, other);
    if (problem !== undefined) throw new StudyError(problem);
    comparison.push(...compareBatches(first, other));
  }
  const scenarios: ComparedScenario[] = arms.map((arm, i) => {
    const collected = batches[i] as Collected;
    return {
      name: arm.name,
      source: arm.source,
      set: arm.set,
      folder: safeFolderName(arm.name),
      scenario: arm.scenario,
      collected,
      output: buildRunOutput(collected, {
        scenario: arm.scenario,
        scenarioName: arm.name,
        scenarioSource: arm.source,
        masterSeed: fields.masterSeed,
        workers: fields.workers,
        startedAt: fields.startedAt,
        wallTimeSeconds: fields.wallTimeSeconds,
      }),
      figures: keyFigures(collected),
    };
  });
  const manifest = comparisonManifestText(
    scenarios.map((s) => ({ name: s.name, source: s.source, folder: s.folder, set: s.set })),
    reference.scenario.weeks,
    fields,
  );
  const result: CompareResult = { kind: 'compare', scenarios, comparison, manifest, out };
  await checkpoint?.commit((staging) => writeStudy(staging, result));
  return result;
}

/**
 * The name of a scenario with its own overrides: each override by the last part of its path.
 *
 * @example armName('baseline', ['cops.0.support.fundedHours=2']) // → 'baseline fundedHours=2'
 */
export function armName(name: string, set: readonly string[]): string {
  if (set.length === 0) return name;
  return [name, ...set.map((s) => s.trim().replace(/^[^=]*\.(?=[^.=]*=)/, ''))].join(' ');
}

/**
 * Scenario names made distinct as folder names: a second scenario that goes by the same name
 * (e.g. a file named like a built-in) becomes `name-2`.
 */
function uniqueNames<T extends NamedScenario>(arms: T[]): T[] {
  const seen = new Set<string>();
  return arms.map((arm) => {
    let name = arm.name;
    for (let k = 2; seen.has(safeFolderName(name)); k++) name = `${arm.name}-${k}`;
    seen.add(safeFolderName(name));
    return name === arm.name ? arm : { ...arm, name };
  });
}
