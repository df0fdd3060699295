/**
 * The manifest: everything needed to reproduce a run's tables, written next to them as
 * manifest.json.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario/schema.js';

/** How replication seeds derive from the master seed (recorded in every manifest). */
export const SEED_DERIVATION =
  'seed of replication r = replicationSeed(masterSeed, r), a splitmix32-style finaliser (src/engine/rng.ts)';

/** How many replication seeds the manifest lists (the rest follow from the derivation). */
export const MANIFEST_SEEDS = 10;

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
}

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
  const first = Array.from(input.seeds).slice(0, MANIFEST_SEEDS);
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
    seeds: { derivation: SEED_DERIVATION, first },
  };
}

/**
 * manifest.json's text: pretty JSON (two-space indent) with a trailing newline and a stable
 * key order: the top level in `MANIFEST_KEYS` order, nested objects with their keys sorted.
 * Sorting nested keys makes the bytes independent of how the scenario object was assembled
 * (defaults, `extends`, overrides), so equal scenarios are written equally.
 */
export function serializeManifest(manifest: Manifest): string {
  const ordered: Record<string, unknown> = {};
  for (const key of MANIFEST_KEYS) ordered[key] = sortKeys(manifest[key]);
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
