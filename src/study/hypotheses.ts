/**
 * `hypotheses`: tests hypotheses with common random numbers and gives each a verdict. The
 * library verb behind `copsim hypotheses`.
 *
 *   file ──readHypothesisFile──▶ data ──resolveHypotheses──▶ arms
 *        ──testHypotheses(session.simulate)──▶ outcomes ──rows, forest chart, manifest──▶ writeStudy
 *   ablate:   ──ablateHypotheses (each channel off in both arms, same seeds)──▶ carrying channels, ablation.csv
 *   contexts: ──testContexts (each point of the declared domain)──▶ supported at k of m, contexts.csv
 *
 * Verdicts are findings: whichever they are, the study succeeds.
 */
import { join } from 'node:path';
import { hypothesesManifestText, provenanceFields, startClock, type ProvenanceFields } from '../output/provenance.js';
import { measureValues } from '../research/measure.js';
import { sha256 } from '../shard/folder.js';
import { readKey, writeHypothesesShard, type HypothesesShardStudy } from '../shard/hypotheses.js';
import { describeShard, shardFolderName, shardSlice, type ShardSlice } from '../shard/spec.js';
import {
  ablateHypotheses,
  ablationChart,
  ablationRows,
  ABLATION_CHANNELS,
  ABLATION_COLUMNS,
  contextCounts,
  contextRows,
  contextsChart,
  CONTEXT_COLUMNS,
  DEFAULT_MAX_RUNS,
  hypothesesChart,
  hypothesisColumns,
  hypothesisContexts,
  hypothesisRows,
  kindDisagreement,
  plannedAblationReplications,
  plannedContextReplications,
  plannedReplications,
  readHypothesisFile,
  resolveHypotheses,
  selectHypotheses,
  testHypotheses,
  testContexts,
  type AblationRow,
  type ContextOutcome,
  type ContextRow,
  type HypothesesManifest,
  type HypothesisAblation,
  type HypothesisContexts,
  type HypothesisOutcome,
  type HypothesisFileData,
  type HypothesisRow,
  type ReadMeasures,
  type ResolvedHypothesis,
} from '../research/hypotheses/index.js';
import { builtinDir, formatIssue, nearest } from '../scenario/index.js';
import { readBoundedFile } from '../scenario/source.js';
import { StudyError } from './errors.js';
import { checkpointPlan, studyCheckpoint } from './checkpoint.js';
import { prepareOutputFolder } from './folder.js';
import { checkStudyOptions, describeWorkers, wholeNumber, type StudyFiles, type StudyOptions } from './options.js';
import { createSession } from './session.js';
import { writeStudyFiles } from './write.js';

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
  /**
   * Also test every hypothesis with each channel of the model knocked out in both arms (same
   * seeds and replications as its intact test) and name the channels that carry its effect:
   * ablation.csv, the ablation forest plot, two columns of hypotheses.csv. Default false.
   */
  readonly ablate?: boolean;
  /**
   * Also test every hypothesis at each point of the model's declared domain (sizes, cadences,
   * kinds of CoP of the validation's design; the run length stays the hypothesis' own):
   * contexts.csv, the contexts grid, three columns of hypotheses.csv. Default false.
   */
  readonly contexts?: boolean;
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
  /** With `ablate`: what carries each hypothesis, in the order of `outcomes`. */
  readonly ablations?: readonly HypothesisAblation[];
  /** With `ablate`: ablation.csv's rows. */
  readonly ablationRows?: readonly AblationRow[];
  /** With `ablate`: each hypothesis whose declared kind the ablation contradicts, in words. */
  readonly kindDisagreements?: readonly string[];
  /** With `contexts`: every hypothesis at every context, contexts in the design's order. */
  readonly contexts?: readonly ContextOutcome[];
  /** With `contexts`: "supported at k of m" per hypothesis, in the order of `outcomes`. */
  readonly contextCounts?: readonly HypothesisContexts[];
  /** With `contexts`: contexts.csv's rows. */
  readonly contextRows?: readonly ContextRow[];
  /**
   * The replications a shard tested (`shard` option): then its outcomes are of those alone, and
   * `out` is a shard folder for `merge`.
   */
  readonly shard?: ShardSlice;
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

/** How an ablation attributes an effect, as the manifest records it. */
const ABLATION_RULE =
  'each channel knocked out in both arms (parameters.knockouts), one at a time, every channel, with the seeds and ' +
  'replications of the intact test; a channel carries an effect when the intact verdict is supported, the effect with ' +
  'the channel off vanishes or reverses (not supported: interval includes 0, lies within ±smallest_effect, or lies on the ' +
  'other side; or, where the intact interval cleared smallest_effect, no longer clearing it), and the 95% t interval of ' +
  'the change (intact b − a minus b − a with the channel off, replication by replication) lies on the predicted side of 0; ' +
  'measured kind: mechanism when some channel carries the effect, emergent when none does, none when the intact verdict is not supported';

/** How the contexts are applied, as the manifest records it. */
const CONTEXTS_RULE =
  'the points of the declared domain (DESIGN, src/research/domain.ts) without their run length, which stays each ' +
  "hypothesis' own; a point sets organisation.employees and the measured CoP's meetings.cadence, targetGroup and " +
  'theme after every other setting, except a setting in which the two arms differ, which is left to the arms; ' +
  'runs replications per arm, the master seed of the intact test, one look';

/** The study's hypothesis file, shipped with the package. */
export function studyFile(): string {
  return join(builtinDir(), 'hypotheses', 'study.yaml');
}

/**
 * Tests the hypotheses of a file with common random numbers; with `out`, also writes
 * hypotheses.csv, the forest chart and manifest.json. With `ablate`, also names the channels
 * that carry each effect (ablation.csv, the ablation chart); with `contexts`, also tests each
 * hypothesis across the declared domain (contexts.csv, the contexts grid).
 *
 * @throws HypothesisError naming the hypothesis and field; StudyError for an unknown id in `only`
 * @example
 * const study = await hypotheses({ only: ['mandatory-attendance'], runs: 100 });
 * study.outcomes[0].verdict // → 'supported', 'contradicted' or 'inconclusive'
 */
export async function hypotheses(options: HypothesesOptions = {}): Promise<HypothesesStudy> {
  const file = options.file ?? studyFile();
  const data = readHypothesisFile(file);
  const settings = checkStudyOptions({ ...options, runs: options.runs ?? data.runs }, HYPOTHESES_DEFAULT_RUNS, { shard: true });
  const untilDecided = options.untilDecided ?? false;
  const slice = options.shard === undefined ? undefined : shardSlice(options.shard, settings.runs);
  if (slice !== undefined && untilDecided) {
    throw new StudyError('untilDecided cannot be combined with shard: each round of --until-decided depends on the verdicts of the last, so its replications are not known up front; shard a test of fixed runs');
  }
  const plan = planHypotheses({
    file,
    data,
    only: options.only,
    sets: settings.sets,
    runs: settings.runs,
    seed: settings.seed,
    untilDecided,
    maxRuns: options.maxRuns ?? DEFAULT_MAX_RUNS,
    ablate: options.ablate,
    contexts: options.contexts,
    warn: settings.warn,
  });
  const { tested, ablate, withContexts, maxRuns } = plan;
  const out = await prepareOutputFolder(
    settings.out,
    slice === undefined ? 'hypotheses' : shardFolderName('hypotheses', slice),
    settings.resume ? () => undefined : settings.warn,
  );
  const checkpoint = await studyCheckpoint(out, settings, 'hypotheses', {
    file,
    hypotheses: tested.map((h) => ({ id: h.id, a: armProvenance(h.a), b: armProvenance(h.b) })),
    sets: settings.sets,
    seed: settings.seed,
    runs: settings.runs,
    untilDecided,
    maxRuns,
    ablate,
    contexts: withContexts,
    ...(slice === undefined ? {} : { shard: { first: slice.first, end: slice.end } }),
  });
  const intactReplications = plannedReplications(tested, settings.runs);
  const ablationReplications = ablate ? plannedAblationReplications(tested, () => settings.runs) : 0;
  const contextReplications = withContexts ? plannedContextReplications(tested, settings.runs) : 0;
  const planned = intactReplications + ablationReplications + contextReplications;
  // A shard simulates its slice of every batch.
  const share = slice === undefined ? 1 : (slice.end - slice.first) / settings.runs;
  const replications = Math.round(planned * share);
  const session = createSession(settings, options, replications, checkpoint);
  const extra = [
    ...(ablate ? [`each of ${ABLATION_CHANNELS.length} channels knocked out`] : []),
    ...(withContexts ? [`at ${hypothesisContexts().length} contexts`] : []),
  ];
  options.onStart?.({
    headline:
      `copsim: ${tested.length} hypotheses, ${intactReplications / settings.runs} scenarios × ${settings.runs} runs` +
      `${slice === undefined ? '' : `, ${describeShard(slice)}`}` +
      `${extra.length === 0 ? '' : `, then ${extra.join(' and ')} (${replications} replications in all)`} ` +
      `on ${describeWorkers(session.workersUsed)}${untilDecided ? `, until decided (at most ${maxRuns} runs)` : ''}…`,
    replications,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  let seeds: ArrayLike<number> = [];
  const reads: { key: string; values: Float64Array[] }[] = [];
  const measures: ReadMeasures = async (scenario, runs, wanted) => {
    const batch = slice === undefined ? { runs } : { runs: slice.end - slice.first, first: slice.first };
    const collected = await session.simulate(scenario, batch);
    if (seeds.length === 0) seeds = collected.seeds;
    const values = wanted.map((measure) => measureValues(collected, measure));
    // A shard keeps what it read, for the merge; its own test is of the slice alone.
    if (slice !== undefined) reads.push({ key: readKey(scenario, runs, wanted), values });
    return values;
  };
  // One set of worker threads for the intact tests, the knock-outs and the contexts, stopped after them.
  const results = await session.closing(() => runTests(plan, measures, (round) => session.expect(Math.round(round * share))));
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const study = hypothesesStudy(plan, results, fields, out);
  if (slice !== undefined) {
    const shardStudy: HypothesesShardStudy = {
      file,
      fileSha256: plan.fileSha256,
      only: plan.only,
      sets: settings.sets,
      maxRuns,
      ablate,
      contexts: withContexts,
    };
    await checkpoint?.commit((staging) => writeHypothesesShard(staging, { slice, fields, study: shardStudy, reads }));
    return { ...study, shard: slice };
  }
  await checkpoint?.commit((staging) => writeStudyFiles(staging, study));
  return study;
}

/** What a test of hypotheses tests, resolved from its file and options: what `hypotheses` and a merge of its shards share. */
export interface HypothesesPlan {
  readonly file: string;
  /** SHA-256 of the hypothesis file's bytes, as read. */
  readonly fileSha256: string;
  /** The ids of `only` (empty: every hypothesis of the file). */
  readonly only: readonly string[];
  readonly selected: HypothesisFileData;
  readonly tested: readonly ResolvedHypothesis[];
  readonly sets: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly untilDecided: boolean;
  readonly maxRuns: number;
  readonly ablate: boolean;
  readonly withContexts: boolean;
  readonly warn: (message: string) => void;
}

/**
 * Reads and resolves the hypotheses a test tests, checking its options.
 *
 * @throws HypothesisError naming the hypothesis and field; StudyError for a bad option
 */
export function planHypotheses(input: {
  readonly file: string;
  /** The file's data, when already read. */
  readonly data?: HypothesisFileData;
  readonly only: readonly string[] | undefined;
  readonly sets: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly untilDecided: boolean;
  readonly maxRuns: number;
  readonly ablate: unknown;
  readonly contexts: unknown;
  readonly warn: (message: string) => void;
}): HypothesesPlan {
  const { file, runs, untilDecided, maxRuns, warn } = input;
  const data = input.data ?? readHypothesisFile(file);
  const only = checkOnly(input.only, data.hypotheses.map((h) => h.id));
  wholeNumber('maxRuns', maxRuns, 1);
  if (untilDecided && maxRuns < runs) throw new StudyError(`max runs (${maxRuns}) must be at least runs (${runs})`);
  const selected = selectHypotheses(data, only);
  const resolved = resolveHypotheses(selected, { file, sets: input.sets });
  for (const warning of resolved.warnings) warn(formatIssue(warning));
  return {
    file,
    // Read whole and checked by readHypothesisFile above: a small regular file.
    fileSha256: sha256(readBoundedFile(file)),
    only,
    selected,
    tested: resolved.hypotheses,
    sets: input.sets,
    runs,
    seed: input.seed,
    untilDecided,
    maxRuns,
    ablate: switchOption('ablate', input.ablate),
    withContexts: switchOption('contexts', input.contexts),
    warn,
  };
}

/** What a test found: the intact tests (with their values when ablated), the knock-outs, the contexts. */
export interface HypothesesResults {
  readonly tests: readonly HypothesisOutcome[];
  readonly ablations: HypothesisAblation[] | undefined;
  readonly contexts: ContextOutcome[] | undefined;
}

/**
 * Tests the plan's hypotheses on the values `measures` reads: intact, then with each channel
 * knocked out (`ablate`), then at every context (`contexts`). `expect` hears of replications
 * beyond the plan (rounds of `untilDecided`, and the knock-outs they take further).
 */
export async function runTests(plan: HypothesesPlan, measures: ReadMeasures, expect: (replications: number) => void = () => undefined): Promise<HypothesesResults> {
  const { tested, runs, seed } = plan;
  const tests = await testHypotheses(tested, {
    runs,
    seed,
    untilDecided: plan.untilDecided,
    maxRuns: plan.maxRuns,
    measures,
    onRound: (round) => expect(round.replications),
    keepValues: plan.ablate,
  });
  let ablations: HypothesisAblation[] | undefined;
  if (plan.ablate) {
    const runsOf = new Map(tests.map((o) => [o.id, o.runs]));
    // --until-decided may have taken some hypotheses beyond the planned replications.
    expect(plannedAblationReplications(tested, (h) => runsOf.get(h.id) as number) - plannedAblationReplications(tested, () => runs));
    ablations = await ablateHypotheses(tested, tests, { seed, measures });
  }
  let contexts: ContextOutcome[] | undefined;
  if (plan.withContexts) {
    contexts = await testContexts(plan.selected, tested, { runs, seed, measures, file: plan.file, sets: plan.sets, warn: plan.warn });
  }
  return { tests, ablations, contexts };
}

/**
 * A test's study from what it found: its outcomes, tables, charts and manifest. Pure; what
 * `hypotheses` and a merge of its shards write. `extra` adds fields to the manifest (a merge's
 * shard list).
 */
export function hypothesesStudy(
  plan: HypothesesPlan,
  results: HypothesesResults,
  fields: ProvenanceFields,
  out: string | undefined,
  extra: Record<string, unknown> = {},
): HypothesesStudy {
  const { file, tested, untilDecided, maxRuns, sets } = plan;
  const { tests, ablations, contexts } = results;
  // The values kept for the ablation are not part of the result.
  const outcomes: HypothesisOutcome[] = tests.map(({ values: _values, ...o }) => o);
  const counts = contexts === undefined ? undefined : contextCounts(tested.map((h) => h.id), contexts);
  const disagreements = ablations?.flatMap((a) => kindDisagreement(a) ?? []);
  const manifest = hypothesesManifestText(fields, {
    file,
    hypotheses: tested.map((h, i) => ({
      id: h.id,
      ...(h.kind === undefined ? {} : { kind: h.kind }),
      a: armProvenance(h.a),
      b: armProvenance(h.b),
      runs: (outcomes[i] as HypothesisOutcome).runs,
      looks: (outcomes[i] as HypothesisOutcome).looks,
    })),
    untilDecided,
    maxRuns,
    sets,
    statistics: STATISTICS,
    ...(ablations === undefined
      ? {}
      : { ablation: { rule: ABLATION_RULE, channels: [...ABLATION_CHANNELS], kindDisagreements: disagreements ?? [] } }),
    ...(contexts === undefined ? {} : { contexts: { rule: CONTEXTS_RULE, runs: fields.runs, points: hypothesisContexts() } }),
  }, extra);
  const tableExtras = { ablations, contexts: counts };
  const rows = hypothesisRows(outcomes, tableExtras);
  const ablated = ablations === undefined ? undefined : ablationRows(ablations);
  const contexted = contexts === undefined ? undefined : contextRows(contexts);
  return {
    kind: 'hypotheses',
    file,
    outcomes,
    rows,
    ...(ablations === undefined ? {} : { ablations, ablationRows: ablated, kindDisagreements: disagreements }),
    ...(contexts === undefined ? {} : { contexts, contextCounts: counts, contextRows: contexted }),
    tables: [
      { file: 'hypotheses.csv', rows, columns: hypothesisColumns(tableExtras) },
      ...(ablated === undefined ? [] : [{ file: 'ablation.csv', rows: ablated, columns: ABLATION_COLUMNS }]),
      ...(contexted === undefined ? [] : [{ file: 'contexts.csv', rows: contexted, columns: CONTEXT_COLUMNS }]),
    ],
    charts: [
      hypothesesChart(outcomes, { file }),
      ...(ablations === undefined ? [] : [ablationChart(outcomes, ablations, { file })]),
      ...(contexts === undefined ? [] : [contextsChart(contexts, { file })]),
    ],
    manifest,
    out,
  };
}

/** A switch of the options: true, false or absent (false). */
function switchOption(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new StudyError(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
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
