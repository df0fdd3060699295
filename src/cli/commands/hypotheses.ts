/**
 * `copsim hypotheses`: tests the hypotheses of a file (default the study's,
 * scenarios/hypotheses/study.yaml) with common random numbers and prints and writes a verdict
 * table: hypotheses.csv, the forest chart (hypotheses.vl.json, .svg, .png) and manifest.json.
 *
 *   FILE ──readHypothesisFile──▶ data ──resolveHypotheses──▶ arms
 *        ──testHypotheses(session.simulate)──▶ outcomes ──rows, chart──▶ writeHypothesesOutput
 *
 * Verdicts are findings: the exit code is 0 whichever they are, and non-zero only for errors.
 */
import { join } from 'node:path';
import type { Argv, Options } from 'yargs';
import { replicationSeed } from '../../engine/rng.js';
import { copsimVersion, SEED_DERIVATION } from '../../output/index.js';
import {
  DEFAULT_MAX_RUNS,
  hypothesesChart,
  hypothesisRows,
  plannedReplications,
  readHypothesisFile,
  resolveHypotheses,
  selectHypotheses,
  testHypotheses,
  writeHypothesesOutput,
  type HypothesesManifest,
  type HypothesisOutcome,
  type ResolvedHypothesis,
} from '../../research/hypotheses/index.js';
import { builtinDir, formatIssue, nearest } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { asInputError, UsageError } from '../exit.js';
import { parseInteger } from '../numbers.js';
import {
  checkOutputFolder,
  describeWorkers,
  parseRunOptions,
  runOptions,
  withSimulation,
  type RunOptionArgs,
} from '../run-options.js';
import { formatNumber, formatTable } from '../table.js';

export const command = 'hypotheses [file]';
export const describe = "Test hypotheses with common random numbers and give each a verdict";

/** The columns of hypotheses.csv and the caveats of the verdicts, for `--help`. */
const EPILOGUE =
  'hypotheses.csv has one row per hypothesis with the columns: id, statement, source (as in the file); ' +
  'measure (what is read from each replication); expected (predicted direction of b − a); smallest_effect ' +
  "(in the measure's units); n (pairs used: replications with a value in both arms); mean_a, mean_b (the arms' " +
  'means over those pairs); difference (mean paired difference b − a); ci_low, ci_high (its 95% Student t ' +
  "interval, which the verdict reads); effect_size (Cohen's d_z); p_value and test (two-sided Wilcoxon " +
  'signed-rank p, exact or normal approximation); verdict (supported, contradicted, inconclusive); runs ' +
  '(replications per arm); seed (master seed of both arms); kind (mechanism: the model encodes the effect, so ' +
  '"supported" verifies the implementation; emergent: it arises from interacting mechanisms); ' +
  'exceeds_smallest_effect (true when the whole interval lies beyond smallest_effect in the predicted ' +
  'direction); reason (why the verdict, e.g. "CI wholly above 0", "CI within ±smallest effect", "CI includes ' +
  '0"); dropped (pairs left out because an arm had no value, e.g. its CoP was dead); a, b (the arms as text); ' +
  'looks (times evaluated: rounds of --until-decided); p_value_t (two-sided paired t test p, the test that ' +
  'matches the interval).\n\n' +
  'Caveats: with --until-decided each round re-tests a growing sample that contains the earlier ones, so an ' +
  'interval read after several looks is less certain than its nominal 95%. The hypotheses are tested without ' +
  'a correction for multiplicity, so among a dozen of them one verdict may well be wrong by chance.';

/** Replications per arm when neither `--runs` nor the file says. */
const DEFAULT_RUNS = 200;

export interface HypothesesArgs extends RunOptionArgs {
  readonly file: string | undefined;
  readonly 'until-decided': boolean;
  readonly 'max-runs': unknown;
  readonly only: string | string[] | undefined;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  ...runOptions,
  runs: {
    requiresArg: true,
    defaultDescription: `the file's "runs", else ${DEFAULT_RUNS}`,
    describe: 'Replications per scenario (the first round with --until-decided)',
  },
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/hypotheses',
    describe: 'Folder to write hypotheses.csv, the forest chart and manifest.json to',
  },
  'until-decided': {
    type: 'boolean',
    default: false,
    describe: 'Double the replications of inconclusive hypotheses until decided or at --max-runs',
  },
  'max-runs': {
    requiresArg: true,
    default: DEFAULT_MAX_RUNS,
    describe: 'The cap on replications per scenario with --until-decided',
  },
  only: {
    type: 'string',
    requiresArg: true,
    describe: 'Test only these hypotheses: ID[,ID...] (repeatable)',
  },
} as const satisfies Record<string, Options>;

export function builder(yargs: Argv): Argv<HypothesesArgs> {
  return yargs
    .positional('file', {
      type: 'string',
      describe: 'A hypothesis file (.yaml, .json); default the study\'s, scenarios/hypotheses/study.yaml',
    })
    .options(options)
    .example('$0 hypotheses', "the study's hypotheses, 200 replications per scenario")
    .example('$0 hypotheses --only mandatory-attendance --until-decided', 'one hypothesis, more runs until decided')
    .example('$0 hypotheses mine.yaml --runs 500', 'your own hypotheses')
    .epilogue(EPILOGUE) as unknown as Argv<HypothesesArgs>;
}

/** The study's hypothesis file, shipped with the package. */
export function studyFile(): string {
  return join(builtinDir(), 'hypotheses', 'study.yaml');
}

export async function handler(args: HypothesesArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const file = args.file ?? studyFile();
  const data = readHypothesisFile(file);
  const only = parseOnly(args.only, data.hypotheses.map((h) => h.id));
  const settings = parseRunOptions({ ...args, runs: args.runs ?? data.runs ?? DEFAULT_RUNS });
  const untilDecided = args['until-decided'];
  const maxRuns = parseInteger('max-runs', args['max-runs'], { min: 1, expected: 'a whole number of at least 1' });
  if (untilDecided && maxRuns < settings.runs) {
    throw new UsageError(`--max-runs (${maxRuns}) must be at least --runs (${settings.runs})`);
  }
  const { hypotheses, warnings } = resolveHypotheses(selectHypotheses(data, only), { file, sets: settings.sets });
  if (!settings.quiet) {
    for (const warning of new Set(warnings.map(formatIssue))) io.err(`copsim: warning: ${warning}\n`);
  }
  const outDir = settings.out ?? join('copsim-out', 'hypotheses');
  await checkOutputFolder(outDir);

  const replications = plannedReplications(hypotheses, settings.runs);
  const scenarios = replications / settings.runs;
  const workersUsed = Math.min(settings.workers, settings.runs);
  const headline =
    `copsim: ${hypotheses.length} hypotheses, ${scenarios} scenarios × ${settings.runs} runs ` +
    `on ${describeWorkers(workersUsed)}${untilDecided ? `, until decided (at most ${maxRuns} runs)` : ''}…`;
  const startedAt = new Date();
  const t0 = performance.now();
  const outcomes = await withSimulation(io, settings, { headline, replications }, async (session) => {
    const outcomes = await testHypotheses(hypotheses, {
      runs: settings.runs,
      seed: settings.seed,
      untilDecided,
      maxRuns,
      simulate: (scenario, runs) => session.simulate(scenario, { runs }),
      onRound: (round) => session.expect(round.replications),
    });
    const manifest: HypothesesManifest = {
      copsim: copsimVersion(),
      file,
      hypotheses: hypotheses.map((h, i) => ({
        id: h.id,
        kind: h.kind,
        a: armProvenance(h.a),
        b: armProvenance(h.b),
        runs: (outcomes[i] as HypothesisOutcome).runs,
        looks: (outcomes[i] as HypothesisOutcome).looks,
      })),
      masterSeed: settings.seed,
      runs: settings.runs,
      untilDecided,
      maxRuns,
      sets: settings.sets,
      workers: workersUsed,
      statistics:
        'difference = mean of paired differences b − a (replication r of both arms shares its seed); ' +
        '95% Student t interval; effect size = Cohen\'s d_z; p_value = two-sided Wilcoxon signed-rank test; ' +
        'p_value_t = two-sided paired t test; pairs with a missing value in either arm are dropped; ' +
        'verdict from the interval and smallest_effect (supported: interval beyond 0 on the predicted side; ' +
        'contradicted: beyond 0 on the other side, or wholly inside ±smallest_effect); ' +
        'no correction for multiplicity or for repeated looks (see looks)',
      seeds: {
        derivation: SEED_DERIVATION,
        first: Array.from({ length: Math.min(10, settings.runs) }, (_, r) => replicationSeed(settings.seed, r)),
      },
      node: process.version,
      startedAt: startedAt.toISOString(),
      wallTimeSeconds: (performance.now() - t0) / 1000,
    };
    await writeHypothesesOutput(outDir, {
      rows: hypothesisRows(outcomes),
      charts: [hypothesesChart(outcomes, { file })],
      manifest,
    }).catch((error: unknown) => {
      throw asInputError(error, `cannot write the results to ${outDir}`);
    });
    return outcomes;
  });
  if (!settings.quiet) {
    io.out(verdictTable(outcomes));
    io.out(`\n${verdictCounts(outcomes)}; p: two-sided Wilcoxon signed-rank test; d_z: Cohen's d_z\n`);
    io.out('no correction for multiplicity; a mechanism verdict verifies the model, not the claim\n');
    io.out(`results in ${outDir}\n`);
  }
}

/** `--only a,b --only c` → ['a', 'b', 'c'], each checked against the file's ids. */
function parseOnly(value: string | string[] | undefined, ids: readonly string[]): string[] {
  if (value === undefined) return [];
  const only = [value]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const id of only) {
    if (!ids.includes(id)) {
      const suggestion = nearest(id, ids);
      throw new UsageError(
        `--only: no hypothesis "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : `; the file has ${ids.join(', ')}`}`,
      );
    }
  }
  if (only.length === 0) throw new UsageError('--only needs at least one hypothesis id');
  return only;
}

function armProvenance(arm: ResolvedHypothesis['a']): HypothesesManifest['hypotheses'][number]['a'] {
  return { scenario: arm.source, set: arm.sets, cop: arm.measure.cop, weeks: arm.scenario.weeks };
}

/** The terminal table: one line per hypothesis. */
export function verdictTable(outcomes: readonly HypothesisOutcome[]): string {
  const interval = (o: HypothesisOutcome): string => `[${formatNumber(o.ciLow)}, ${formatNumber(o.ciHigh)}]`;
  return formatTable(
    ['id', 'verdict', 'kind', 'expected', 'difference', '95% CI', 'd_z', 'p', 'n', 'dropped'],
    outcomes.map((o) => [
      o.id,
      o.verdict,
      o.kind,
      o.expected,
      o.difference,
      interval(o),
      o.effectSize,
      formatP(o.pValue),
      o.n,
      o.dropped,
    ]),
  );
}

/** A p-value for the terminal: below 0.001 as "< 0.001", since rounding would show 0. */
function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : formatNumber(p);
}

function verdictCounts(outcomes: readonly HypothesisOutcome[]): string {
  const count = (verdict: string): number => outcomes.filter((o) => o.verdict === verdict).length;
  return `${count('supported')} supported, ${count('contradicted')} contradicted, ${count('inconclusive')} inconclusive`;
}
