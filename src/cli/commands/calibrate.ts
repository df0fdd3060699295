/**
 * `copsim calibrate TARGETS`: parses the arguments, calls the library verb `calibrate`
 * (approximate Bayesian computation of the targets file's free parameters against its
 * patterns; writes posterior.csv, predictive.csv, generations.csv, the charts, report.html,
 * calibration.json and, after every generation, checkpoint.json), reports every generation on
 * stderr and prints the posterior and the predictive check.
 */
import { join } from 'node:path';
import type { Argv, Options } from 'yargs';
import { calibrate, CALIBRATE_DEFAULT_PARTICLES, CALIBRATE_DEFAULT_RUNS, studySummaryJson, type CalibrationStudy } from '../../study/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit.js';
import { parseInteger } from '../numbers.js';
import { CLEAR_TO_END } from '../progress.js';
import { onTerminal, parseRunOptions, runOptions, studyOptions } from '../run-options.js';
import { formatNumber, formatTable } from '../table.js';

export const command = 'calibrate <targets>';
export const describe = 'Fit free parameters to stylised facts by approximate Bayesian computation';

export interface CalibrateArgs {
  readonly targets: string;
  readonly particles: unknown;
  readonly alpha: unknown;
  readonly 'min-acceptance': unknown;
  readonly 'max-generations': unknown;
  readonly runs: unknown;
  readonly seed: unknown;
  readonly workers: unknown;
  readonly out: string | undefined;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
}

const EPILOGUE =
  'The targets file names the free parameters with their priors (uniform(lo, hi), log-uniform(lo, hi), normal(mean, sd) with bounds) ' +
  'and the patterns to match, each a statistic of a scenario at a point of the domain (or the paired difference of two arms) with a ' +
  'target and a tolerance (see scenarios/calibration/patterns.yaml and docs/CALIBRATION.md). The method is adaptive population ' +
  'Monte Carlo ABC (Lenormand, Jabot & Deffuant 2013): N particles from the priors, the ⌊αN⌋ nearest kept, then generations of ' +
  'new particles drawn around them until the share of new particles kept falls to --min-acceptance. The distance is ' +
  '√(Σ weight·((statistic − target) / tolerance)²). Every particle is simulated --runs times per scenario with the same seeds.\n\n' +
  'Written to the folder: posterior.csv (the final particles: rank, generation, index, one column per parameter, weight, distance, ' +
  'and each pattern\'s statistic as stat:ID), predictive.csv (the posterior predictive check: pattern, target, tolerance, predicted, ' +
  'low, high (2.5–97.5% over the draws), error (in tolerances), within (yes/no), n), generations.csv (generation, epsilon, acceptance, ' +
  'simulations, replications, draws, effectiveSampleSize), the charts marginals, pairs, generations and predictive (.vl.json, .svg, ' +
  '.png), report.html, calibration.json (method, settings, priors, generations, posterior summaries, provenance) and checkpoint.json, ' +
  'saved after every generation: after Ctrl-C, run the same command with --resume to go on; it ends with the same files.';

/** The command's options (also the names `main` suggests from when one is misspelt). */
export const options = {
  particles: {
    requiresArg: true,
    defaultDescription: `the file's "particles", else ${CALIBRATE_DEFAULT_PARTICLES}`,
    describe: 'N, particles of the first generation (N − ⌊αN⌋ new ones in each later one)',
  },
  alpha: { requiresArg: true, defaultDescription: "the file's, else 0.5", describe: 'α, the share of particles kept each generation' },
  'min-acceptance': {
    requiresArg: true,
    defaultDescription: "the file's, else 0.01",
    describe: 'Stop when the share of new particles kept (p_acc) falls to this',
  },
  'max-generations': { requiresArg: true, defaultDescription: "the file's, else none", describe: 'Stop after this many generations at the latest' },
  runs: {
    requiresArg: true,
    defaultDescription: `the file's "runs", else ${CALIBRATE_DEFAULT_RUNS}`,
    describe: 'Replications per particle and scenario',
  },
  seed: runOptions.seed,
  workers: runOptions.workers,
  out: {
    ...runOptions.out,
    defaultDescription: 'copsim-out/<targets file name>-calibration',
    describe: 'Folder to write the posterior, the predictive check, the charts, report.html, calibration.json and the checkpoint to',
  },
  resume: {
    type: 'boolean',
    default: false,
    describe: 'Go on from the checkpoint in --out (an interrupted calibration of the same targets and options)',
  },
  quiet: runOptions.quiet,
  json: runOptions.json,
} as const satisfies Record<string, Options>;

export function builder(yargs: Argv): Argv<CalibrateArgs> {
  return yargs
    .positional('targets', { type: 'string', describe: 'A targets file (.yaml, .json): free parameters with priors, and patterns' })
    .options(options)
    .example('$0 calibrate scenarios/calibration/quick.yaml', 'the quick form: few particles, patterns at 300 and 1,000 employees')
    .example('$0 calibrate scenarios/calibration/patterns.yaml --particles 400 --runs 16', "the model brief's facts at the domain's points")
    .example('$0 calibrate scenarios/calibration/patterns.yaml --out cal --resume', 'go on with an interrupted calibration in cal/')
    .epilogue(EPILOGUE) as unknown as Argv<CalibrateArgs>;
}

export async function handler(args: CalibrateArgs, context: CommandContext): Promise<void> {
  const { io } = context;
  const settings = parseRunOptions({ ...args, runs: args.runs ?? CALIBRATE_DEFAULT_RUNS, weeks: undefined, set: undefined });
  const particles = args.particles === undefined ? undefined : parseInteger('particles', args.particles, { min: 2, expected: 'a whole number of at least 2' });
  const maxGenerations =
    args['max-generations'] === undefined ? undefined : parseInteger('max-generations', args['max-generations'], { min: 1, expected: 'a whole number of at least 1' });
  const alpha = parseFraction('alpha', args.alpha, (x) => x > 0 && x < 1, 'a number between 0 and 1 (both excluded)');
  const minAcceptance = parseFraction('min-acceptance', args['min-acceptance'], (x) => x >= 0 && x < 1, 'a number from 0 to below 1');
  let saved = 0;
  const result = await onTerminal(io, settings.quiet, (hooks) =>
    calibrate({
      ...studyOptions(settings),
      ...hooks,
      runs: args.runs === undefined ? undefined : settings.runs,
      targets: args.targets,
      particles,
      alpha,
      minAcceptance,
      maxGenerations,
      resume: args.resume,
      onGeneration: (g) => {
        saved = g.generation;
        if (settings.quiet) return;
        const line = `copsim: generation ${g.generation}: ε = ${formatNumber(g.epsilon)}, acceptance ${formatNumber(g.acceptance)}, ${g.simulations} particles simulated`;
        io.err(`${io.errIsTTY ? `\r${CLEAR_TO_END}` : ''}${line}\n`);
      },
    }),
  ).catch((error: unknown) => {
    // An interruption keeps the checkpoint of the last whole generation: say how to go on.
    if (saved > 0 && error instanceof Error && error.name === 'AbortError') {
      io.err(`copsim: the calibration is saved after generation ${saved}; run the same command with --resume to go on\n`);
    }
    throw error;
  });
  if (settings.json) io.out(studySummaryJson(result));
  else if (!settings.quiet) io.out(resultText(result));
}

/** The posterior and the predictive check, for the terminal. */
function resultText(result: CalibrationStudy): string {
  const { state } = result;
  const posterior = formatTable(
    ['parameter', 'prior', 'mean', 'sd', '2.5%', '50%', '97.5%'],
    result.posterior.map((p) => [p.path, p.prior, p.mean, p.sd, p.q025, p.q50, p.q975]),
  );
  const predictive = formatTable(
    ['pattern', 'target', 'tolerance', 'predicted', '2.5%', '97.5%', 'within'],
    result.predictive.map((r) => [r.pattern, r.target, r.tolerance, r.predicted, r.low, r.high, r.within]),
  );
  const stopped = state.stopped === 'min-acceptance' ? 'acceptance at its minimum' : 'the maximum of generations';
  return (
    `${result.name}: ${state.generations.length} generations (stopped at ${stopped}), ε = ${formatNumber(state.generations.at(-1)?.epsilon ?? Number.NaN)}\n\n` +
    `posterior (weighted, ${result.settings.keptParticles} particles)\n${posterior}\n` +
    `posterior predictive check (${result.settings.predictiveDraws} draws, fresh seeds)\n${predictive}\n` +
    `results in ${result.out} (open ${join(result.out ?? '', 'report.html')} for the charts)\n`
  );
}

/** A number option in a range, or undefined when not given. */
function parseFraction(option: string, value: unknown, ok: (x: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new UsageError(`--${option} was given ${value.length} times; give it once`);
  const text = String(value).trim();
  const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!ok(x)) throw new UsageError(`--${option} must be ${expected}, got "${text}"`);
  return x;
}
