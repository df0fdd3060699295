/**
 * What a report shows, and how it is assembled from a run's output: the one place that turns
 * tables, manifest and charts into a `ReportInput`.
 *
 *   summary + replications + manifest + charts + baseline ──buildReportInput──▶ ReportInput
 */
import type { CopKeyFigures } from '../aggregate/key-figures.js';
import type { ReplicationTable } from '../aggregate/replication-table.js';
import type { SummaryRow } from '../aggregate/types.js';
import type { NamedChart } from '../charts/types.js';
import { partialLabel, type Manifest } from '../output/provenance.js';
import { copIds, type Scenario } from '../scenario/schema.js';
import { formatNumber } from './format-number.js';
import { keyFiguresFromTables } from './key-figures.js';
import { settingsDiff, type SettingDifference } from './settings-diff.js';

/** One line of the provenance footer, e.g. `{ label: 'master seed', value: '1' }`. */
export interface ProvenanceLine {
  readonly label: string;
  readonly value: string;
}

/** Everything a report page shows; all text is escaped when rendered. */
export interface ReportInput {
  /** The scenario's name. */
  readonly title: string;
  /** The scenario's description (blank lines separate paragraphs). */
  readonly description: string;
  readonly provenance: readonly ProvenanceLine[];
  /** The settings that differ from the built-in baseline scenario. */
  readonly settings: readonly SettingDifference[];
  /** One entry per CoP, scenario order. */
  readonly keyFigures: readonly CopKeyFigures[];
  readonly charts: readonly NamedChart[];
  /**
   * What the settings are compared with, when not the built-in baseline: e.g. the reference
   * scenario of a comparison. Default: the built-in `baseline`.
   */
  readonly reference?: string;
}

/**
 * The provenance footer's lines from a manifest: version, scenario source, runs, weeks, seeds,
 * workers, Node.js version, start time and wall time, and for a merge of shards the shards
 * and what a partial merge lacks.
 *
 * @example provenanceLines(manifest)[0] // → { label: 'copsim', value: '0.1.0' }
 */
export function provenanceLines(manifest: Manifest): ProvenanceLine[] {
  const { first, derivation } = manifest.seeds;
  const more = manifest.runs > first.length ? ', …' : '';
  return [
    { label: 'copsim', value: manifest.copsim },
    { label: 'scenario', value: manifest.scenarioSource },
    { label: 'runs', value: String(manifest.runs) },
    { label: 'weeks', value: String(manifest.weeks) },
    { label: 'master seed', value: String(manifest.masterSeed) },
    { label: 'first replication seeds', value: `${first.join(', ')}${more}` },
    { label: 'seed derivation', value: derivation },
    { label: 'workers', value: String(manifest.workers) },
    { label: 'Node.js', value: manifest.node },
    { label: 'started at', value: manifest.startedAt },
    { label: 'wall time', value: `${formatNumber(manifest.wallTimeSeconds)} s` },
    ...mergeLines(manifest),
  ];
}

/** The provenance lines of a merge of shards: which shards, and what a partial merge lacks. */
function mergeLines(manifest: Manifest): ProvenanceLine[] {
  const lines: ProvenanceLine[] = [];
  if (manifest.shards !== undefined) {
    const ranges = manifest.shards.map((s) => (s.end - s.first === 1 ? String(s.first) : `${s.first}–${s.end - 1}`));
    lines.push({ label: 'merged from', value: `${manifest.shards.length} shard${manifest.shards.length === 1 ? '' : 's'} (replications ${ranges.join(', ')})` });
  }
  const partial = partialLabel(manifest);
  if (partial !== undefined) lines.push({ label: 'partial', value: partial });
  return lines;
}

/** What `buildReportInput` takes: a run's output as `readRunOutput` returns it, its charts and the reference scenario. */
export interface ReportSources {
  readonly summary: readonly SummaryRow[];
  readonly replications: ReplicationTable;
  readonly manifest: Manifest;
  readonly charts: readonly NamedChart[];
  /** The scenario settings are compared with: the built-in `baseline` (`loadBuiltin('baseline').scenario`). */
  readonly baseline: Scenario;
}

/**
 * A report's input from a run's output: title and description from the manifest's scenario,
 * its settings compared with `baseline`, key figures rebuilt from the tables
 * (`keyFiguresFromTables`), provenance from the manifest, and the charts as given. Pure.
 *
 * @example await writeReport(dir, buildReportInput({ ...(await readRunOutput(dir)), charts, baseline }))
 */
export function buildReportInput(sources: ReportSources): ReportInput {
  const { manifest } = sources;
  return {
    title: manifest.partial === undefined ? manifest.scenarioName : `${manifest.scenarioName} (${partialLabel(manifest) ?? 'partial'})`,
    description: manifest.scenario.description,
    provenance: provenanceLines(manifest),
    settings: settingsDiff(manifest.scenario, sources.baseline),
    keyFigures: keyFiguresFromTables(sources.summary, sources.replications, copIds(manifest.scenario)),
    charts: sources.charts,
  };
}
