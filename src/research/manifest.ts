/**
 * The manifest of a sweep or a screening: what is needed to reproduce its tables, written
 * beside them as manifest.json.
 */
import { copsimVersion, SEED_DERIVATION, sortKeys } from '../output/manifest.js';
import type { Scenario } from '../scenario/schema.js';

/** How many replication seeds a manifest lists (the rest follow from the derivation). */
const LISTED_SEEDS = 10;

/** The facts every study shares. */
export interface StudyProvenance {
  /** `sweep` or `sensitivity`. */
  readonly command: string;
  /** The scenario before the study's own overrides, fully resolved. */
  readonly scenario: Scenario;
  readonly scenarioName: string;
  /** A built-in scenario's name or the scenario file's path. */
  readonly scenarioSource: string;
  /** The master seed shared by every point (common random numbers). */
  readonly masterSeed: number;
  /** Replications per point. */
  readonly runs: number;
  readonly workers: number;
  /** When the study started, ISO 8601. Differs between runs by design. */
  readonly startedAt: string;
  /** Wall-clock duration. Differs between runs by design. */
  readonly wallTimeSeconds: number;
  /** Replication seeds in replication order (the same at every point). */
  readonly seeds: ArrayLike<number>;
}

/**
 * The manifest's text: pretty JSON with a trailing newline. The provenance comes first, then
 * the study's own design (`design`, in its key order), then the scenario; nested objects of the
 * scenario have their keys sorted, so equal scenarios are written equally.
 *
 * @example studyManifestText({ command: 'sweep', …provenance }, { measure, vary, points })
 */
export function studyManifestText(provenance: StudyProvenance, design: Record<string, unknown>): string {
  const manifest = {
    copsim: copsimVersion(),
    command: provenance.command,
    scenarioName: provenance.scenarioName,
    scenarioSource: provenance.scenarioSource,
    masterSeed: provenance.masterSeed,
    runs: provenance.runs,
    weeks: provenance.scenario.weeks,
    workers: provenance.workers,
    node: process.version,
    startedAt: provenance.startedAt,
    wallTimeSeconds: provenance.wallTimeSeconds,
    seeds: { derivation: SEED_DERIVATION, first: Array.from(provenance.seeds).slice(0, LISTED_SEEDS) },
    ...design,
    scenario: sortKeys(provenance.scenario),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
