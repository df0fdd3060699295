/**
 * `hypotheses`: tests hypotheses with common random numbers and gives each a verdict. The
 * library verb behind `copsim hypotheses`.
 *
 *   file ──readHypothesisFile──▶ data ──resolveHypotheses──▶ arms
 *        ──testHypotheses(session.simulate)──▶ outcomes ──rows, forest chart, manifest──▶ writeStudy
 *
 * Verdicts are findings: whichever they are, the study succeeds.
 */
import { join } from 'node:path';
import { provenanceFields, startClock } from '../output/provenance.js';
import {
  DEFAULT_MAX_RUNS,
  hypothesesChart,
  hypothesisRows,
  HYPOTHESIS_COLUMNS,
  plannedReplications,
  readHypothesisFile,
  resolveHypotheses,
  selectHypotheses,
  testHypotheses,
  type HypothesesManifest,
  type HypothesisOutcome,
  type HypothesisRow,
  type ResolvedHypothesis,
} from '../research/hypotheses/index.js';
import { builtinDir, formatIssue, nearest } from '../scenario/index.js';
import { StudyError } from './errors.js';
import { prepareOutputFolder } from './folder.js';
import { checkStudyOptions, describeWorkers, wholeNumber, type StudyFiles, type StudyOptions } from './options.js';
import { createSession } from './session.js';
import { writeStudy } from './write.js';

/** Options of `hypotheses`. */
export interface HypothesesOptions extends StudyOptions {
  /** A hypothesis file (.yaml, .json). Default the study's, scenarios/hypotheses/study.yaml. */
  readonly file?: string;
  /** Test only these hypothesis ids (in the file's order). Default all. */
  readonly only?: readonly string[];
  /** Double the replications of inconclusive hypotheses until decided or at `maxRuns`. Default false. */
  readonly untilDecided?: boolean;
  /** The cap on replications per scenario with `untilDecided`. Default 2000. */
  readonly maxRuns?: number;
}

/** A finished test of hypotheses. */
export interface HypothesesStudy extends StudyFiles {
  readonly kind: 'hypotheses';
  /** The hypothesis file as given. */
  readonly file: string;
  /** One outcome per hypothesis tested, in the file's order. */
  readonly outcomes: readonly HypothesisOutcome[];
  /** hypotheses.csv's rows. */
  readonly rows: readonly HypothesisRow[];
}

/** Replications per arm when neither `runs` nor the file says. */
export const HYPOTHESES_DEFAULT_RUNS = 200;

/** The statistics behind the verdicts, as the manifest records them. */
const STATISTICS =
  'difference = mean of paired differences b − a (replication r of both arms shares its seed); ' +
  "95% Student t interval; effect size = Cohen's d_z; p_value = two-sided Wilcoxon signed-rank test; " +
  'p_value_t = two-sided paired t test; pairs with a missing value in either arm are dropped; ' +
  'verdict from the interval and smallest_effect (supported: interval beyond 0 on the predicted side; ' +
  'contradicted: beyond 0 on the other side, or wholly inside ±smallest_effect); ' +
  'no correction for multiplicity or for repeated looks (see looks)';

/** The study's hypothesis file, shipped with the package. */
export function studyFile(): string {
  return join(builtinDir(), 'hypotheses', 'study.yaml');
}

/**
 * Tests the hypotheses of a file with common random numbers; with `out`, also writes
 * hypotheses.csv, the forest chart and manifest.json.
 *
 * @throws HypothesisError naming the hypothesis and field; StudyError for an unknown id in `only`
 * @example
 * const study = await hypotheses({ only: ['mandatory-attendance'], runs: 100 });
 * study.outcomes[0].verdict // → 'supported', 'contradicted' or 'inconclusive'
 */
export async function hypotheses(options: HypothesesOptions = {}): Promise<HypothesesStudy> {
  const file = options.file ?? studyFile();
  const data = readHypothesisFile(file);
  const only = checkOnly(options.only, data.hypotheses.map((h) => h.id));
  const settings = checkStudyOptions({ ...options, runs: options.runs ?? data.runs }, HYPOTHESES_DEFAULT_RUNS);
  const untilDecided = options.untilDecided ?? false;
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  wholeNumber('maxRuns', maxRuns, 1);
  if (untilDecided && maxRuns < settings.runs) throw new StudyError(`max runs (${maxRuns}) must be at least runs (${settings.runs})`);
  const resolved = resolveHypotheses(selectHypotheses(data, only), { file, sets: settings.sets });
  for (const warning of resolved.warnings) settings.warn(formatIssue(warning));
  const tested = resolved.hypotheses;
  const out = await prepareOutputFolder(settings.out, 'hypotheses', settings.warn);
  const replications = plannedReplications(tested, settings.runs);
  const session = createSession(settings, options, replications);
  options.onStart?.({
    headline:
      `copsim: ${tested.length} hypotheses, ${replications / settings.runs} scenarios × ${settings.runs} runs ` +
      `on ${describeWorkers(session.workersUsed)}${untilDecided ? `, until decided (at most ${maxRuns} runs)` : ''}…`,
    replications,
    out,
  });
  const clock = startClock();
  let seeds: ArrayLike<number> = [];
  const outcomes = await session.closing(() => testHypotheses(tested, {
    runs: settings.runs,
    seed: settings.seed,
    untilDecided,
    maxRuns,
    simulate: async (scenario, runs) => {
      const collected = await session.simulate(scenario, { runs });
      if (seeds.length === 0) seeds = collected.seeds;
      return collected;
    },
    onRound: (round) => session.expect(round.replications),
  }));
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const manifest: HypothesesManifest = {
    copsim: fields.copsim,
    file,
    hypotheses: tested.map((h, i) => ({
      id: h.id,
      kind: h.kind,
      a: armProvenance(h.a),
      b: armProvenance(h.b),
      runs: (outcomes[i] as HypothesisOutcome).runs,
      looks: (outcomes[i] as HypothesisOutcome).looks,
    })),
    masterSeed: fields.masterSeed,
    runs: fields.runs,
    untilDecided,
    maxRuns,
    sets: settings.sets,
    workers: fields.workers,
    statistics: STATISTICS,
    seeds: fields.seeds,
    node: fields.node,
    startedAt: fields.startedAt,
    wallTimeSeconds: fields.wallTimeSeconds,
  };
  const rows = hypothesisRows(outcomes);
  const study: HypothesesStudy = {
    kind: 'hypotheses',
    file,
    outcomes,
    rows,
    tables: [{ file: 'hypotheses.csv', rows, columns: HYPOTHESIS_COLUMNS }],
    charts: [hypothesesChart(outcomes, { file })],
    manifest: `${JSON.stringify(manifest, null, 2)}\n`,
    out,
  };
  if (out !== undefined) await writeStudy(out, study);
  return study;
}

/** `only`'s ids, each checked against the file's. */
function checkOnly(only: readonly string[] | undefined, ids: readonly string[]): string[] {
  if (only === undefined) return [];
  for (const id of only) {
    if (!ids.includes(id)) {
      const suggestion = nearest(id, ids);
      throw new StudyError(
        `--only: no hypothesis "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : `; the file has ${ids.join(', ')}`}`,
      );
    }
  }
  if (only.length === 0) throw new StudyError('--only needs at least one hypothesis id');
  return [...only];
}

function armProvenance(arm: ResolvedHypothesis['a']): HypothesesManifest['hypotheses'][number]['a'] {
  return { scenario: arm.source, set: arm.sets, cop: arm.measure.cop, weeks: arm.scenario.weeks };
}
