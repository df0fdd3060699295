/**
 * docs/CALIBRATION.md: how `copsim calibrate` works and how to run it, and the calibration
 * measured on the shipped patterns, rendered from its calibration.json (kept as
 * docs/calibration.json, so the page can be rendered again and a test can check it).
 *
 *   node dist/docs/calibration-doc.js RESULTS... [--machine TEXT]
 *     each RESULTS/calibration.json (+ machine) ──▶ docs/calibration.json (a list) ──renderCalibrationDoc──▶ docs/CALIBRATION.md
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../output/atomic.js';
import { formatNumber } from '../report/format-number.js';
import { loadScenario } from '../scenario/load.js';
import { parseSet } from '../scenario/overrides.js';
import { childOf } from '../scenario/schema-walk.js';
import { reportWrites } from './report-writes.js';
import { docsDir } from './write-docs.js';

/** The parts of calibration.json the page reads. */
export interface CalibrationRecord {
  readonly copsim: string;
  readonly targets: string;
  readonly description: string;
  readonly settings: {
    readonly particles: number;
    readonly alpha: number;
    readonly keptParticles: number;
    readonly minAcceptance: number;
    readonly maxGenerations: number | null;
    readonly runs: number;
    readonly seed: number;
    readonly predictiveDraws: number;
  };
  readonly stopped: string | null;
  readonly priors: readonly { readonly path: string; readonly prior: string }[];
  readonly patterns: readonly { readonly id: string; readonly scenario: string; readonly measure: string; readonly target: number; readonly tolerance: number; readonly statement: string; readonly source: string }[];
  readonly generations: readonly { readonly generation: number; readonly epsilon: number | null; readonly acceptance: number; readonly simulations: number; readonly replications: number; readonly effectiveSampleSize: number }[];
  readonly simulations: { readonly particles: number; readonly replications: number };
  readonly posterior: readonly { readonly path: string; readonly prior: string; readonly mean: number; readonly sd: number; readonly q025: number; readonly q50: number; readonly q975: number }[];
  readonly predictive: readonly { readonly pattern: string; readonly target: number; readonly tolerance: number; readonly predicted: number | null; readonly low: number | null; readonly high: number | null; readonly error: number | null; readonly within: string }[];
  readonly workers: number;
  readonly node: string;
  readonly wallTimeSeconds: number;
  /** The machine it ran on, in words (added by this script's `--machine`). */
  readonly machine?: string;
}

const n = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : formatNumber(x));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The package root (two levels above this module, from src/docs and dist/docs alike). */
function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** The targets file as a command names it from the package root. */
function targetsArgument(targets: string): string {
  const root = packageRoot();
  const path = isAbsolute(targets) ? relative(root, targets) : targets;
  return path.startsWith('..') ? targets : path;
}

/** The command that repeats a calibration. */
export function calibrationCommand(record: CalibrationRecord): string {
  const s = record.settings;
  return [
    `copsim calibrate ${targetsArgument(record.targets)}`,
    `--particles ${s.particles}`,
    `--alpha ${s.alpha}`,
    `--min-acceptance ${s.minAcceptance}`,
    ...(s.maxGenerations === null ? [] : [`--max-generations ${s.maxGenerations}`]),
    `--runs ${s.runs}`,
    `--seed ${s.seed}`,
  ].join(' ');
}

/** A setting's value in the built-in baseline: the model's default. */
function defaultValue(path: string): string {
  const value = parseSet(`${path}=0`).path.reduce<unknown>((data, segment) => childOf(data, segment), loadScenario('baseline').scenario);
  return typeof value === 'number' ? formatNumber(value) : '—';
}

/**
 * The page, from the records of the calibrations measured (each a calibration.json). Pure but
 * for reading the built-in baseline (for the parameters' defaults).
 */
export function renderCalibrationDoc(records: readonly CalibrationRecord[]): string {
  return `${[
    '# Calibration',
    '',
    '<!-- Generated from docs/calibration.json by `npm run calibration-docs -- RESULTS...`; do not edit by hand. -->',
    '',
    '`copsim calibrate` fits the free parameters of a targets file to the patterns the model should',
    'reproduce, by approximate Bayesian computation (ABC): it finds the parameter values whose',
    'simulated statistics come near the targets, weighted so that they approximate the posterior',
    'distribution of the parameters given the patterns and the priors. The model’s defaults are',
    'not changed by it: the posterior below is a measurement, for the model’s authors to weigh.',
    '',
    '## The method',
    '',
    'Adaptive population Monte Carlo ABC (APMC; Lenormand, Jabot & Deffuant 2013), as the OpenMOLE',
    'platform runs it:',
    '',
    '1. **Generation 1.** N particles (parameter vectors) are drawn from the priors and simulated; the',
    '   ⌊αN⌋ nearest to the targets are kept, each with weight 1, and ε₁ is the largest distance kept.',
    '2. **Generation t.** N − ⌊αN⌋ new particles are drawn: each picks a kept particle with probability',
    '   proportional to its weight and moves it by a normal kernel whose covariance is twice the',
    '   weighted covariance of the kept particles (Beaumont et al. 2009), drawn again until it lies',
    '   within the priors’ bounds. A new particle θ gets the weight π(θ)·c / Σⱼ w̄ⱼ K(θ | θⱼ), with π the',
    '   prior density, w̄ the kept particles’ normalised weights, K the kernel density and c the share',
    '   of kernel draws that fell within the bounds (the normalising constant of the truncated',
    '   kernel, which keeps the weights of particles from different generations on one scale; c = 1',
    '   when no bound is in reach). Old and new particles together, the ⌊αN⌋ nearest are kept and εₜ',
    '   is the largest distance among them.',
    '3. **Stop** when p_acc, the share of a generation’s new particles that were kept, falls to',
    '   p_acc_min (`--min-acceptance`, default 0.01), or after `--max-generations`.',
    '',
    '**Distance.** A particle’s distance to the targets is weighted and normalised:',
    '',
    '    ρ = √( Σₖ wₖ · ((sₖ − yₖ) / τₖ)² )',
    '',
    'where sₖ is pattern k’s statistic in the particle’s simulations, yₖ its target, τₖ its',
    'tolerance (the difference that counts as one unit) and wₖ its weight (default 1). A statistic',
    'is the mean of the pattern’s measure over the replications of its scenario, or for a paired',
    'difference of two arms the mean of the differences b − a, replication by replication. A',
    'statistic without a value (a CoP that died, say) makes ρ infinite.',
    '',
    '**Randomness.** Every draw (from the prior, of an ancestor, of the kernel’s move) comes from a',
    'stream seeded by the master seed, the generation and the particle’s index, so the result is',
    'bit-identical whatever the number of workers. Every particle is simulated `--runs` times per',
    'scenario with the same replication seeds (common random numbers): particles differ by their',
    'parameters, not by their luck. The posterior predictive check simulates particles drawn from',
    'the posterior (systematic resampling by weight) with seeds the calibration did not use.',
    '',
    '**Checkpoints.** After every generation the state is saved to `checkpoint.json` in the output',
    'folder; after Ctrl-C, the same command with `--resume` goes on from it and ends with the same',
    'files as an uninterrupted run (apart from the wall time). A calibration stopped by',
    '`--max-generations` goes on when resumed with a higher maximum.',
    '',
    '**Tested** (test/calibration/apmc.test.ts) against a posterior known exactly: 30 successes in',
    '100 binomial trials with a Beta(1, 1) prior give the posterior Beta(31, 71) (mean 0.30392, sd',
    '0.04532, quantiles 0.2190, 0.3026, 0.3961); the weighted ABC posterior matches its mean, sd and',
    'quantiles within four Monte Carlo standard errors (from the effective sample size) plus the',
    'bias its final tolerance allows.',
    '',
    '## How to run it',
    '',
    '```sh',
    'copsim calibrate scenarios/calibration/quick.yaml            # the quick form: 64 particles, 8 runs, 4 generations',
    'copsim calibrate scenarios/calibration/patterns.yaml         # the model brief’s facts at the domain’s points',
    'copsim calibrate scenarios/calibration/patterns.yaml --particles 400 --runs 16 --out cal',
    'copsim calibrate scenarios/calibration/patterns.yaml --particles 400 --runs 16 --out cal --resume   # after Ctrl-C',
    'npm run calibration-docs -- quick cal --machine "2 cores, idle"   # this page, from quick/ and cal/calibration.json',
    '```',
    '',
    'Or from JavaScript: `await calibrate({ targets: \'scenarios/calibration/quick.yaml\', out: \'cal\' })`.',
    '',
    'The cost is (N + G·(N − ⌊αN⌋) + draws) × scenarios × runs replications for G generations after',
    'the first: every particle simulates each distinct scenario its patterns read once. The',
    'worker threads are started once and kept for the whole calibration, so its many small batches',
    'do not pay for starting threads (see `npm run bench`, small batches).',
    '',
    '**The targets file** (schema: `scenarios/calibration/targets.schema.json`) names the free',
    'parameters, each a number setting (`parameters.<group>.<name>`, see PARAMETERS.md) with a prior',
    '`uniform(lo, hi)`, `log-uniform(lo, hi)` or `normal(mean, sd)` truncated to `bounds` (default the',
    'setting’s range), and the patterns, each a `scenario` (or two arms to `compare`, b − a) at a',
    'point of the domain given by `set` overrides, a `measure` (as in hypothesis files), a `target`, a',
    '`tolerance` and an optional `weight`. It may give `particles`, `alpha`, `min_acceptance`, `runs`',
    'and `max_generations`, which the options override. Every combination of the priors’ bounds',
    'must be a valid scenario (the core’s speaking threshold, say, may not fall below the active',
    'one’s); the file is refused otherwise, before anything is simulated.',
    '',
    '**Outputs**: `posterior.csv` (the final particles with their weights, distances and statistics),',
    '`predictive.csv`, `generations.csv`, the charts `marginals`, `pairs`, `generations`, `predictive`',
    '(.vl.json, .svg, .png), `report.html`, `calibration.json` (method, settings, priors, generations,',
    'posterior summaries, predictive check, provenance) and `checkpoint.json`.',
    '',
    '## The calibrations measured',
    '',
    'How to read them: a calibration stopped by its maximum of generations, with an acceptance rate',
    'still well above the minimum, has not converged, and a posterior from few particles and few',
    'replications per particle is rough. A pattern predicted outside its tolerance by the whole',
    'range of posterior draws shows what the free parameters cannot reach at that point of the',
    'domain; docs/VALIDATION.md checks the same facts with the model’s defaults.',
    '',
    ...records.flatMap(measuredSection),
    '## References',
    '',
    '- Lenormand, M., Jabot, F. & Deffuant, G. (2013). Adaptive approximate Bayesian computation for',
    '  complex models. *Computational Statistics* 28(6), 2777–2796.',
    '- Beaumont, M. A., Cornuet, J.-M., Marin, J.-M. & Robert, C. P. (2009). Adaptive approximate',
    '  Bayesian computation. *Biometrika* 96(4), 983–990.',
    '- Toni, T., Welch, D., Strelkowa, N., Ipsen, A. & Stumpf, M. P. H. (2009). Approximate Bayesian',
    '  computation scheme for parameter inference and model selection in dynamical systems.',
    '  *Journal of the Royal Society Interface* 6, 187–202.',
    '- Kish, L. (1965). *Survey Sampling*. Wiley (the effective sample size).',
    '- Reuillon, R., Leclaire, M. & Rey-Coyrehourcq, S. (2013). OpenMOLE, a workflow engine',
    '  specifically tailored for the distributed exploration of simulation models. *Future Generation',
    '  Computer Systems* 29(8), 1981–1990.',
  ].join('\n')}\n`;
}

/** The section of one calibration measured: its command, cost, posterior, fit and generations. */
function measuredSection(record: CalibrationRecord): string[] {
  const s = record.settings;
  const last = record.generations.at(-1);
  const within = record.predictive.filter((p) => p.within === 'yes').length;
  const stopped =
    record.stopped === 'min-acceptance'
      ? `the acceptance rate fell to ${n(last?.acceptance)}, at most the minimum of ${s.minAcceptance}`
      : `it reached its maximum of ${s.maxGenerations ?? record.generations.length} generations, the acceptance rate still ${n(last?.acceptance)} (above the minimum of ${s.minAcceptance}): the tolerance could shrink further`;
  return [
    `### ${targetsArgument(record.targets)}`,
    '',
    record.description,
    '',
    '```sh',
    calibrationCommand(record),
    '```',
    '',
    `copsim ${record.copsim}, Node.js ${record.node}, ${record.workers === 0 ? 'the main thread' : `${record.workers} worker${record.workers === 1 ? '' : 's'}`}` +
      `${record.machine === undefined ? '' : `, ${record.machine}`}: ${n(record.wallTimeSeconds)} s of wall time for ` +
      `${record.simulations.particles} particles (${record.simulations.replications} replications, the predictive check's included). ` +
      `After ${record.generations.length} generations (ε = ${n(last?.epsilon)}) ${stopped}.`,
    '',
    '#### Posterior',
    '',
    'Weighted over the final particles; the default is the value the model uses now.',
    '',
    table(
      ['parameter', 'prior', 'default', 'mean', 'sd', '2.5%', '50%', '97.5%'],
      record.posterior.map((p) => [`\`${p.path}\``, p.prior, defaultValue(p.path), n(p.mean), n(p.sd), n(p.q025), n(p.q50), n(p.q975)]),
    ),
    '',
    '#### Fit of every pattern',
    '',
    `The posterior predictive check: each pattern’s statistic over ${s.predictiveDraws} particles drawn from the posterior, each simulated ` +
      `${s.runs} times per scenario with fresh seeds: the mean and the 2.5–97.5% range over the draws, the error in tolerances, and whether ` +
      `the mean lies within the tolerance. ${within} of ${record.predictive.length} patterns do.`,
    '',
    table(
      ['pattern', 'scenario', 'measure', 'target', 'tolerance', 'predicted', '2.5%', '97.5%', 'error', 'within'],
      record.predictive.map((p) => {
        const pattern = record.patterns.find((q) => q.id === p.pattern);
        return [p.pattern, pattern?.scenario ?? '', pattern?.measure ?? '', n(p.target), n(p.tolerance), n(p.predicted), n(p.low), n(p.high), n(p.error), p.within];
      }),
    ),
    '',
    '#### Generations',
    '',
    table(
      ['generation', 'ε', 'acceptance', 'particles', 'replications', 'effective sample size'],
      record.generations.map((g) => [String(g.generation), n(g.epsilon), n(g.acceptance), String(g.simulations), String(g.replications), n(g.effectiveSampleSize)]),
    ),
    '',
  ];
}

/** Where the records and the page are kept. */
export const CALIBRATION_RECORD = 'calibration.json';
export const CALIBRATION_DOC = 'CALIBRATION.md';

/**
 * A record as kept in docs/: its targets file named from the folder the script runs in (the
 * package root, under `npm run`), so that the page's commands work from any checkout.
 */
export function keptRecord(record: Record<string, unknown>, cwd: string, machine?: string): Record<string, unknown> {
  const targets = record['targets'];
  const local = typeof targets === 'string' && isAbsolute(targets) && !relative(cwd, targets).startsWith('..') ? relative(cwd, targets) : targets;
  return { ...record, targets: local, ...(machine === undefined ? {} : { machine }) };
}

// Run as a script: node dist/docs/calibration-doc.js RESULTS... [--machine TEXT]
//                  node dist/docs/calibration-doc.js --render   (the page again, from docs/calibration.json)
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const machineAt = args.indexOf('--machine');
  const machine = machineAt >= 0 ? args[machineAt + 1] : undefined;
  const render = args.includes('--render');
  const folders = args.filter((a, i) => a !== '--render' && (machineAt < 0 || (i !== machineAt && i !== machineAt + 1)));
  if (folders.length === 0 && !render) {
    process.stderr.write('usage: npm run calibration-docs -- RESULTS_FOLDER... [--machine TEXT]\n       npm run calibration-docs -- --render\n');
    process.exit(2);
  }
  const recordPath = join(docsDir(), CALIBRATION_RECORD);
  const docPath = join(docsDir(), CALIBRATION_DOC);
  const records: Record<string, unknown>[] = render ? (JSON.parse(await readFile(recordPath, 'utf8')) as Record<string, unknown>[]) : [];
  for (const folder of folders) {
    records.push(keptRecord(JSON.parse(await readFile(join(folder, 'calibration.json'), 'utf8')) as Record<string, unknown>, process.cwd(), machine));
  }
  await reportWrites([recordPath, docPath], async () => {
    await writeFileAtomic(recordPath, `${JSON.stringify(records, null, 2)}\n`);
    await writeFileAtomic(docPath, renderCalibrationDoc(records as unknown as CalibrationRecord[]));
  });
}
