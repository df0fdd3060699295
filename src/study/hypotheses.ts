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
import { hypothesesManifestText, provenanceFields, startClock } from '../output/provenance.js';
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
  type HypothesisRow,
  type ResolvedHypothesis,
} from '../research/hypotheses/index.js';
import { builtinDir, formatIssue, nearest } from '../scenario/index.js';
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
  const only = checkOnly(options.only, data.hypotheses.map((h) => h.id));
  const settings = checkStudyOptions({ ...options, runs: options.runs ?? data.runs }, HYPOTHESES_DEFAULT_RUNS);
  const untilDecided = options.untilDecided ?? false;
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  wholeNumber('maxRuns', maxRuns, 1);
  if (untilDecided && maxRuns < settings.runs) throw new StudyError(`max runs (${maxRuns}) must be at least runs (${settings.runs})`);
  const selected = selectHypotheses(data, only);
  const resolved = resolveHypotheses(selected, { file, sets: settings.sets });
  for (const warning of resolved.warnings) settings.warn(formatIssue(warning));
  const tested = resolved.hypotheses;
  const out = await prepareOutputFolder(settings.out, 'hypotheses', settings.resume ? () => undefined : settings.warn);
  const ablate = switchOption('ablate', options.ablate);
  const withContexts = switchOption('contexts', options.contexts);
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
  });
  const intactReplications = plannedReplications(tested, settings.runs);
  const ablationReplications = ablate ? plannedAblationReplications(tested, () => settings.runs) : 0;
  const contextReplications = withContexts ? plannedContextReplications(tested, settings.runs) : 0;
  const replications = intactReplications + ablationReplications + contextReplications;
  const session = createSession(settings, options, replications, checkpoint);
  const extra = [
    ...(ablate ? [`each of ${ABLATION_CHANNELS.length} channels knocked out`] : []),
    ...(withContexts ? [`at ${hypothesisContexts().length} contexts`] : []),
  ];
  options.onStart?.({
    headline:
      `copsim: ${tested.length} hypotheses, ${intactReplications / settings.runs} scenarios × ${settings.runs} runs` +
      `${extra.length === 0 ? '' : `, then ${extra.join(' and ')} (${replications} replications in all)`} ` +
      `on ${describeWorkers(session.workersUsed)}${untilDecided ? `, until decided (at most ${maxRuns} runs)` : ''}…`,
    replications,
    out,
    ...checkpointPlan(checkpoint),
  });
  const clock = checkpoint?.clock ?? startClock();
  let seeds: ArrayLike<number> = [];
  const simulate = (scenario: Parameters<typeof session.simulate>[0], runs: number) => session.simulate(scenario, { runs });
  // One set of worker threads for the intact tests, the knock-outs and the contexts, stopped after them.
  const { tests, ablations, contexts } = await session.closing(async () => {
    const tests = await testHypotheses(tested, {
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
      keepValues: ablate,
    });
    let ablations: HypothesisAblation[] | undefined;
    if (ablate) {
      const runsOf = new Map(tests.map((o) => [o.id, o.runs]));
      // --until-decided may have taken some hypotheses beyond the planned replications.
      session.expect(plannedAblationReplications(tested, (h) => runsOf.get(h.id) as number) - ablationReplications);
      ablations = await ablateHypotheses(tested, tests, { seed: settings.seed, simulate });
    }
    let contexts: ContextOutcome[] | undefined;
    if (withContexts) {
      contexts = await testContexts(selected, tested, {
        runs: settings.runs,
        seed: settings.seed,
        simulate,
        file,
        sets: settings.sets,
        warn: settings.warn,
      });
    }
    return { tests, ablations, contexts };
  });
  // The values kept for the ablation are not part of the result.
  const outcomes: HypothesisOutcome[] = tests.map(({ values: _values, ...o }) => o);
  const counts = contexts === undefined ? undefined : contextCounts(tested.map((h) => h.id), contexts);
  const disagreements = ablations?.flatMap((a) => kindDisagreement(a) ?? []);
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
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
    sets: settings.sets,
    statistics: STATISTICS,
    ...(ablations === undefined
      ? {}
      : { ablation: { rule: ABLATION_RULE, channels: [...ABLATION_CHANNELS], kindDisagreements: disagreements ?? [] } }),
    ...(contexts === undefined ? {} : { contexts: { rule: CONTEXTS_RULE, runs: settings.runs, points: hypothesisContexts() } }),
  });
  const extras = { ablations, contexts: counts };
  const rows = hypothesisRows(outcomes, extras);
  const ablated = ablations === undefined ? undefined : ablationRows(ablations);
  const contexted = contexts === undefined ? undefined : contextRows(contexts);
  const study: HypothesesStudy = {
    kind: 'hypotheses',
    file,
    outcomes,
    rows,
    ...(ablations === undefined ? {} : { ablations, ablationRows: ablated, kindDisagreements: disagreements }),
    ...(contexts === undefined ? {} : { contexts, contextCounts: counts, contextRows: contexted }),
    tables: [
      { file: 'hypotheses.csv', rows, columns: hypothesisColumns(extras) },
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
  await checkpoint?.commit((staging) => writeStudyFiles(staging, study));
  return study;
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
