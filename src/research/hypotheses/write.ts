/**
 * Writing a hypothesis test's results: hypotheses.csv, the forest chart and manifest.json,
 * each atomically; the manifest last, so a manifest beside the table marks a complete output.
 */
import type { NamedChart } from '../../charts/types.js';
import { writeStudyOutput } from '../write.js';
import { HYPOTHESIS_COLUMNS, type HypothesisRow } from './table.js';

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

/** What `writeHypothesesOutput` writes. */
export interface HypothesesOutput {
  readonly rows: readonly HypothesisRow[];
  readonly charts: readonly NamedChart[];
  readonly manifest: HypothesesManifest;
}

/**
 * Creates `dir` if needed and writes hypotheses.csv, each chart (.vl.json, .svg, .png) and
 * manifest.json (pretty JSON), each atomically; an earlier manifest is removed first. Returns
 * the paths written.
 *
 * @example await writeHypothesesOutput('copsim-out/hypotheses', { rows, charts, manifest })
 * // → ['copsim-out/hypotheses/hypotheses.csv', ..., 'copsim-out/hypotheses/manifest.json']
 */
export async function writeHypothesesOutput(dir: string, output: HypothesesOutput): Promise<string[]> {
  return writeStudyOutput(dir, {
    tables: [{ file: 'hypotheses.csv', rows: output.rows, columns: HYPOTHESIS_COLUMNS }],
    charts: output.charts,
    manifest: `${JSON.stringify(output.manifest, null, 2)}\n`,
  });
}
