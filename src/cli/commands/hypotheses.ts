/**
 * `copsim hypotheses [FILE]`: parses the arguments, calls the library verb `hypotheses` (tests
 * the file's hypotheses, default the study's scenarios/hypotheses/study.yaml, with common
 * random numbers; writes hypotheses.csv, the forest chart and manifest.json) and prints the
 * verdict table with what each verdict rests on: the interval, whether it clears the smallest
 * effect, the t test that matches it, and the number of looks. With `--ablate`, also which
 * channels carry each effect (and where the file's declared kind disagrees); with `--contexts`,
 * at how many points of the declared domain each hypothesis is supported.
 *
 * Verdicts are findings: the exit code is 0 whichever they are, and non-zero only for errors.
 */
import type { Argv, Options } from 'yargs';
import { ABLATION_CHANNELS, DEFAULT_MAX_RUNS, hypothesisContexts } from '../../research/hypotheses/index.js';
import { hypotheses, HYPOTHESES_DEFAULT_RUNS, studySummaryJson } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { parseInteger } from '../numbers.js';
import { onTerminal, parseRunOptions, runOptions, studyOptions, type RunOptionArgs } from '../run-options.js';
import { carriersTable, verdictCounts, verdictTable } from '../hypotheses-tables.js';
import { parseShardOption, shardOption } from '../shard-options.js';
import { describeShard } from '../../shard/spec.js';

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
  'matches the interval); with --ablate, carried_by (the channels whose knock-out removes the effect) and ' +
  'measured_kind (mechanism: some single knock-out removes it; emergent: none does; empty: not supported intact); ' +
  'with --contexts, contexts_supported, contexts and contexts_not_supported (supported at k of m points of the ' +
  'declared domain).\n\n' +
  `--ablate tests every hypothesis again with each of the model's ${ABLATION_CHANNELS.length} channels knocked out in both ` +
  'arms (the seeds and replications of its intact test) and writes ablation.csv (hypothesis, channel, effect, low, ' +
  'high, verdict, change, change_low, change_high, carries, reason, n, runs) and ablation.vl.json/.svg/.png. A ' +
  'channel carries an effect when the intact verdict is supported and, with the channel off, the effect vanishes or ' +
  'reverses (not supported, or no longer beyond the smallest effect where it was) and the change, intact minus ' +
  'knocked out, is beyond chance. It costs one more test per channel.\n\n' +
  `--contexts tests every hypothesis at the ${hypothesisContexts().length} points of the declared domain (sizes, cadences, ` +
  "kinds of CoP; the run length stays the hypothesis' own) and writes contexts.csv and contexts.vl.json/.svg/.png.\n\n" +
  'Caveats: with --until-decided each round re-tests a growing sample that contains the earlier ones, so an ' +
  'interval read after several looks is less certain than its nominal 95%. The hypotheses are tested without ' +
  'a correction for multiplicity, so among a dozen of them one verdict may well be wrong by chance.';


export interface HypothesesArgs extends RunOptionArgs {
  readonly file: string | undefined;
  readonly 'until-decided': boolean;
  readonly 'max-runs': unknown;
  readonly only: string | string[] | undefined;
  readonly ablate: boolean;
  readonly contexts: boolean;
  readonly shard: unknown;
}

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  ...runOptions,
  runs: {
    requiresArg: true,
    defaultDescription: `the file's "runs", else ${HYPOTHESES_DEFAULT_RUNS}`,
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
  ablate: {
    type: 'boolean',
    default: false,
    describe: 'Also test each hypothesis with each channel knocked out in both arms: which channels carry it',
  },
  contexts: {
    type: 'boolean',
    default: false,
    describe: 'Also test each hypothesis at every point of the declared domain: supported at k of m',
  },
  shard: {
    ...shardOption.shard,
    describe:
      'Compute only shard k of n (numbered from 0) of the replications, the same slice of every arm, knock-out and context, and write a shard folder for "copsim merge" (not with --until-decided); auto and auto/n read the index from SLURM or Kubernetes, as for run',
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
    .example('$0 hypotheses --ablate --runs 20', 'which channels carry each effect: emergent or a mechanism check')
    .example('$0 hypotheses --contexts --runs 20', 'each hypothesis at every point of the declared domain')
    .example('$0 hypotheses --shard 0/4 --out s/0', 'replications 0–49 of 200 of every test, as a shard folder; "copsim merge s/*" joins the four')
    .epilogue(EPILOGUE) as unknown as Argv<HypothesesArgs>;
}

export async function handler(args: HypothesesArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions({ ...args, runs: args.runs ?? HYPOTHESES_DEFAULT_RUNS });
  const maxRuns = parseInteger('max-runs', args['max-runs'], { min: 1, expected: 'a whole number of at least 1' });
  const untilDecided = args['until-decided'];
  const runs = args.runs === undefined ? undefined : settings.runs;
  if (untilDecided && runs !== undefined && maxRuns < runs) throw new UsageError(`--max-runs (${maxRuns}) must be at least --runs (${runs})`);
  const shard = parseShardOption(args.shard);
  if (shard !== undefined && untilDecided) {
    throw new UsageError('--until-decided cannot be combined with --shard: each round depends on the verdicts of the last, so its replications are not known up front; shard a test of fixed --runs');
  }
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    hypotheses({
      ...studyOptions(settings),
      ...hooks,
      runs,
      ...(args.file === undefined ? {} : { file: args.file }),
      ...(args.only === undefined ? {} : { only: parseOnly(args.only) }),
      untilDecided,
      maxRuns,
      ablate: args.ablate,
      contexts: args.contexts,
      ...(shard === undefined ? {} : { shard }),
    }),
  );
  if (result.shard !== undefined) {
    if (settings.json) io.out(studySummaryJson(result));
    else if (!settings.quiet) {
      io.out(`${describeShard(result.shard)} of ${result.outcomes[0]?.runs ?? ''} written to ${result.out ?? ''}; merge the shards with "copsim merge SHARD_DIR... --out DIR"\n`);
    }
    return;
  }
  if (settings.json) io.out(studySummaryJson(result));
  else if (!settings.quiet) {
    io.out(verdictTable(result.outcomes));
    io.out(`\n${verdictCounts(result.outcomes)}\n`);
    if (result.ablations !== undefined || result.contextCounts !== undefined) io.out(`\n${carriersTable(result)}`);
    for (const line of result.kindDisagreements ?? []) io.out(`kind disagrees with the ablation: ${line}\n`);
    io.out(
      'difference and 95% CI: paired b − a (t interval); beyond smallest: the whole interval lies beyond the smallest effect ' +
        'on the predicted side; p (t): the paired t test that matches the interval; looks: rounds of --until-decided ' +
        '(more than one makes the 95% optimistic); d_z: Cohen\'s d_z\n',
    );
    io.out('no correction for multiplicity; a mechanism check (an effect one channel carries: see --ablate) verifies the model, not the claim\n');
    io.out(`results in ${result.out}\n`);
  }
}

/** `--only a,b --only c` → ['a', 'b', 'c'] (the library checks them against the file's ids). */
function parseOnly(value: string | string[]): string[] {
  return [value]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
