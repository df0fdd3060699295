/**
 * Provenance: the one module that builds every manifest copsim writes — a run's manifest.json,
 * a study's (sweep, sensitivity, hypotheses) manifest.json, a comparison's comparison.json and a
 * calibration's calibration.json.
 * Each records what is needed to reproduce its tables; the fields they share (version, master
 * seed, runs, workers, Node, clock, the first replication seeds) come from `provenanceFields`.
 *
 *   startClock() ──…simulate…──▶ provenanceFields({ clock, masterSeed, runs, workers, seeds })
 *     ──▶ createManifest (run) · studyManifestText (sweep, sensitivity) · comparisonManifestText
 *         · hypothesesManifestText · calibrationManifestText
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario/schema.js';

/** How replication seeds derive from the master seed (recorded in every manifest). */
export const SEED_DERIVATION =
  'seed of replication r = replicationSeed(masterSeed, r), a splitmix32-style finaliser (src/engine/rng.ts)';

/** How many replication seeds a manifest lists (the rest follow from the derivation). */
export const MANIFEST_SEEDS = 10;

/** When something started: the wall-clock time and a `performance.now()` reading. */
export interface Clock {
  readonly startedAt: Date;
  readonly t0: number;
}

/** Starts a clock for a manifest's `startedAt` and `wallTimeSeconds`. */
export function startClock(): Clock {
  return { startedAt: new Date(), t0: performance.now() };
}

/** The fields every manifest shares, in the order they are written. */
export interface ProvenanceFields {
  readonly copsim: string;
  readonly masterSeed: number;
  /** Replications (per scenario or point). */
  readonly runs: number;
  /** Worker threads used (0: the calling thread). */
  readonly workers: number;
  readonly node: string;
  /** When the work started, ISO 8601. Differs between runs by design. */
  readonly startedAt: string;
  /** Wall-clock duration so far. Differs between runs by design. */
  readonly wallTimeSeconds: number;
  readonly seeds: { readonly derivation: string; readonly first: number[] };
}

/**
 * The shared provenance of work that simulated `runs` replications per batch from
 * `masterSeed` on `workers` threads, read off its clock now.
 *
 * @example provenanceFields({ clock, masterSeed: 1, runs: 200, workers: 2, seeds: collected.seeds })
 * // → { copsim: '0.1.0', masterSeed: 1, runs: 200, workers: 2, node: 'v20…', startedAt: '…', wallTimeSeconds: 5.2, seeds: {…} }
 */
export function provenanceFields(input: {
  readonly clock: Clock;
  readonly masterSeed: number;
  readonly runs: number;
  readonly workers: number;
  readonly seeds: ArrayLike<number>;
}): ProvenanceFields {
  return {
    copsim: copsimVersion(),
    masterSeed: input.masterSeed,
    runs: input.runs,
    workers: input.workers,
    node: process.version,
    startedAt: input.clock.startedAt.toISOString(),
    wallTimeSeconds: (performance.now() - input.clock.t0) / 1000,
    seeds: listedSeeds(input.seeds),
  };
}

/** The seed derivation and the first `MANIFEST_SEEDS` replication seeds. */
export function listedSeeds(seeds: ArrayLike<number>): ProvenanceFields['seeds'] {
  return { derivation: SEED_DERIVATION, first: Array.from(seeds).slice(0, MANIFEST_SEEDS) };
}

/** The contents of manifest.json. */
export interface Manifest {
  /** copsim version that produced the run. */
  copsim: string;
  /** The scenario as simulated: fully resolved, defaults filled in. */
  scenario: Scenario;
  scenarioName: string;
  /** A built-in scenario's name or the scenario file's path. */
  scenarioSource: string;
  masterSeed: number;
  runs: number;
  weeks: number;
  workers: number;
  /** Replications whose people and ties are in agents.csv and ties.csv (0: none written). */
  agents: number;
  /** Employees × weeks × runs simulated (a measure of work, for throughput). */
  memberWeeks: number;
  /** Node.js version (`process.version`). */
  node: string;
  /** When the run started, ISO 8601. Differs between runs by design. */
  startedAt: string;
  /** Wall-clock duration. Differs between runs by design. */
  wallTimeSeconds: number;
  seeds: {
    derivation: string;
    /** The first replication seeds, in replication order. */
    first: number[];
  };
  /**
   * Set when the output is a merge of shards that leaves replications out (`copsim merge
   * --partial`): what is missing. Its tables, charts and report then cover `runs` replications
   * of `partial.of`, and say so.
   */
  partial?: PartialCoverage;
  /** The shards an output was merged from (`copsim merge`), by first replication. */
  shards?: ShardRecord[];
}

/** What a partial merge covers: `replications` of `of`, without the `missing` ranges. */
export interface PartialCoverage {
  /** Replications merged (the manifest's `runs`). */
  replications: number;
  /** Replications of the whole study. */
  of: number;
  /** Replication indices no shard held: `first` .. `end − 1`, in order. */
  missing: { first: number; end: number }[];
}

/** One shard of a merged output: where it was read from, what it held and how it was made. */
export interface ShardRecord {
  /** The shard folder, as named to the merge. */
  folder: string;
  /** Replications `first` .. `end − 1`. */
  first: number;
  end: number;
  /** Shard index and count, when it was made as `--shard k/n`. */
  index?: number;
  count?: number;
  workers: number;
  node: string;
  startedAt: string;
  wallTimeSeconds: number;
}

/** Manifest keys written only when set, just before `scenario`. */
export const OPTIONAL_MANIFEST_KEYS = ['partial', 'shards'] as const satisfies readonly (keyof Manifest)[];

export { partialLabel } from './partial.js';

/** Top-level keys of manifest.json, in the order they are written. */
export const MANIFEST_KEYS = [
  'copsim',
  'scenarioName',
  'scenarioSource',
  'masterSeed',
  'runs',
  'weeks',
  'workers',
  'agents',
  'memberWeeks',
  'node',
  'startedAt',
  'wallTimeSeconds',
  'seeds',
  'scenario',
] as const satisfies readonly (keyof Manifest)[];

/** What `createManifest` needs: the manifest's facts, all seeds, optionally the Node version. */
export interface ManifestInput extends Omit<Manifest, 'copsim' | 'seeds' | 'node' | 'agents'> {
  /** Replications with agent-level files; default 0. */
  agents?: number;
  /** Replication seeds in replication order (only the first `MANIFEST_SEEDS` are kept). */
  seeds: ArrayLike<number>;
  /** Default `process.version`. */
  node?: string;
}

/**
 * Builds a manifest, adding copsim's version (from package.json) and the seed derivation, and
 * keeping the first `MANIFEST_SEEDS` (10) replication seeds.
 *
 * @example createManifest({ scenario, scenarioName: 'baseline', scenarioSource: 'baseline', masterSeed: 1,
 *   runs: 200, weeks: 156, workers: 8, memberWeeks: 31_200_000, startedAt: new Date().toISOString(),
 *   wallTimeSeconds: 12.5, seeds: collected.seeds })
 */
export function createManifest(input: ManifestInput): Manifest {
  return {
    copsim: copsimVersion(),
    scenario: input.scenario,
    scenarioName: input.scenarioName,
    scenarioSource: input.scenarioSource,
    masterSeed: input.masterSeed,
    runs: input.runs,
    weeks: input.weeks,
    workers: input.workers,
    agents: input.agents ?? 0,
    memberWeeks: input.memberWeeks,
    node: input.node ?? process.version,
    startedAt: input.startedAt,
    wallTimeSeconds: input.wallTimeSeconds,
    seeds: listedSeeds(input.seeds),
  };
}

/**
 * manifest.json's text: pretty JSON (two-space indent) with a trailing newline and a stable
 * key order: the top level in `MANIFEST_KEYS` order (with `partial` and `shards`, when set,
 * before `scenario`), nested objects with their keys sorted.
 * Sorting nested keys makes the bytes independent of how the scenario object was assembled
 * (defaults, `extends`, overrides), so equal scenarios are written equally.
 */
export function serializeManifest(manifest: Manifest): string {
  const ordered: Record<string, unknown> = {};
  for (const key of MANIFEST_KEYS) {
    if (key === 'scenario') for (const optional of OPTIONAL_MANIFEST_KEYS) ordered[optional] = sortKeys(manifest[optional]);
    ordered[key] = sortKeys(manifest[key]);
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * A copy of `value` with the keys of every nested object sorted, for canonical JSON: equal
 * values give equal text however their objects were assembled.
 *
 * @example JSON.stringify(sortKeys({ b: 1, a: { d: 2, c: 3 } })) // → '{"a":{"c":3,"d":2},"b":1}'
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * copsim's version, read from package.json at run time (two levels up from this module, which
 * holds from both src/output and dist/output).
 */
export function copsimVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/**
 * A study's manifest text (sweep, sensitivity): pretty JSON with a trailing newline. The shared
 * provenance comes first, then the study's own design (`design`, in its key order), then the
 * base scenario with its nested keys sorted, so equal scenarios are written equally.
 *
 * @example studyManifestText('sweep', { scenario, scenarioName, scenarioSource }, fields, { measure, vary, points })
 */
export function studyManifestText(
  command: string,
  base: { readonly scenario: Scenario; readonly scenarioName: string; readonly scenarioSource: string },
  fields: ProvenanceFields,
  design: Record<string, unknown>,
): string {
  const manifest = {
    copsim: fields.copsim,
    command,
    scenarioName: base.scenarioName,
    scenarioSource: base.scenarioSource,
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    weeks: base.scenario.weeks,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    seeds: fields.seeds,
    ...design,
    scenario: sortKeys(base.scenario),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * comparison.json's text: the scenarios compared (the first is the reference), how they are
 * paired, and the shared provenance; `extra` fields (a merge's `shards`) come last.
 */
export function comparisonManifestText(
  scenarios: readonly { name: string; source: string; folder: string; set: readonly string[] }[],
  weeks: number,
  fields: ProvenanceFields,
  extra: Record<string, unknown> = {},
): string {
  const json = {
    copsim: fields.copsim,
    reference: scenarios[0]?.name,
    scenarios,
    pairing:
      'common random numbers: replication r of every scenario uses the same seed; differences are scenario − reference, pair by pair',
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    weeks,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    seeds: fields.seeds,
    ...extra,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Where the hypotheses came from and how they were tested: enough to repeat the run. */
export interface HypothesesManifest {
  /** copsim version. */
  readonly copsim: string;
  /** The hypothesis file as given. */
  readonly file: string;
  /** The ids tested (all of the file's unless `--only`). */
  readonly hypotheses: readonly {
    id: string;
    /** The kind the file declares; absent when it declares none. */
    kind?: 'mechanism' | 'emergent';
    a: ArmProvenance;
    b: ArmProvenance;
    runs: number;
    /** Times evaluated (rounds of `untilDecided`); more than one makes the 95% coverage optimistic. */
    looks: number;
  }[];
  readonly masterSeed: number;
  /** Replications per arm in the first round. */
  readonly runs: number;
  readonly untilDecided: boolean;
  /** The cap with `untilDecided`. */
  readonly maxRuns: number;
  /** `--set` overrides (with `--weeks` as weeks=N) applied to every arm. */
  readonly sets: readonly string[];
  readonly workers: number;
  /** The test behind p_value and the interval behind the verdict. */
  readonly statistics: string;
  /** With an ablation: how effects are attributed, the channels knocked out, and the declared kinds it contradicts. */
  readonly ablation?: { rule: string; channels: readonly string[]; kindDisagreements: readonly string[] };
  /** With contexts: how they are applied, the replications per arm, and the contexts. */
  readonly contexts?: { rule: string; runs: number; points: readonly { id: string; employees: number; cadence: number; kind: string }[] };
  readonly seeds: { derivation: string; first: number[] };
  readonly node: string;
  /** When the run started, ISO 8601. Differs between runs by design. */
  readonly startedAt: string;
  /** Wall-clock duration. Differs between runs by design. */
  readonly wallTimeSeconds: number;
}

/** One arm as simulated. */
export interface ArmProvenance {
  /** `builtin:NAME` or the scenario file. */
  readonly scenario: string;
  /** The arm's own overrides. */
  readonly set: readonly string[];
  readonly cop: string | undefined;
  readonly weeks: number;
}

/** What a hypotheses manifest records besides the shared provenance. */
export type HypothesesDesign = Omit<HypothesesManifest, keyof ProvenanceFields>;

/**
 * The hypotheses' manifest.json text: the file and every hypothesis with its arms, the shared
 * provenance, how verdicts are reached (and with `ablation` or `contexts`, how effects are
 * attributed and where they are checked). `extra` adds fields at the end (a merge's shard list).
 */
export function hypothesesManifestText(fields: ProvenanceFields, design: HypothesesDesign, extra: Record<string, unknown> = {}): string {
  const manifest: HypothesesManifest = {
    copsim: fields.copsim,
    file: design.file,
    hypotheses: design.hypotheses,
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    untilDecided: design.untilDecided,
    maxRuns: design.maxRuns,
    sets: design.sets,
    workers: fields.workers,
    statistics: design.statistics,
    ...(design.ablation === undefined ? {} : { ablation: design.ablation }),
    ...(design.contexts === undefined ? {} : { contexts: design.contexts }),
    seeds: fields.seeds,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
  };
  return `${JSON.stringify({ ...manifest, ...extra }, null, 2)}\n`;
}

/** What calibration.json records besides the shared provenance, in the order it is written. */
export interface CalibrationDesign {
  /** The targets file as given. */
  readonly targets: string;
  readonly description: string;
  /** The ABC method and the distance, in words. */
  readonly method: string;
  readonly distance: string;
  readonly settings: Record<string, number | null>;
  /** Why the sequence stopped; null while it runs. */
  readonly stopped: string | null;
  readonly priors: readonly unknown[];
  readonly patterns: readonly unknown[];
  readonly scenarios: readonly unknown[];
  readonly generations: readonly unknown[];
  readonly simulations: { readonly particles: number; readonly replications: number };
  readonly posterior: readonly unknown[];
  readonly predictive: readonly unknown[];
}

/**
 * calibration.json's text: the targets, the method and its settings, every generation, the
 * posterior and the predictive check, then the shared provenance (a resumed calibration's
 * `startedAt` and `wallTimeSeconds` are those of its first start, and its time in total).
 */
export function calibrationManifestText(fields: ProvenanceFields, design: CalibrationDesign): string {
  const manifest = {
    copsim: fields.copsim,
    command: 'calibrate',
    ...design,
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    workers: fields.workers,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
    seeds: fields.seeds,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
