/**
 * `calibrate`: fits the free parameters of a targets file to its patterns by approximate
 * Bayesian computation (adaptive population Monte Carlo, src/calibration/). The library verb
 * behind `copsim calibrate`.
 *
 *   targets file ──readTargetsFile / resolveTargets──▶ priors, scenarios, patterns
 *     ──runApmc(θ ↦ session.simulate of every scenario with θ, one master seed: common random
 *       numbers across particles)──▶ final particles (checkpoint.json after every generation)
 *     ──posterior summaries, predictive check (fresh seeds), charts, page──▶ writeStudy
 */
import { rm, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Collected } from '../aggregate/types.js';
import {
  checkSettings,
  keptParticles,
  runApmc,
  type AbcSettings,
  type AbcState,
  type GenerationRecord,
} from '../calibration/apmc.js';
import { patternDistance } from '../calibration/distance.js';
import { SingularKernelError } from '../calibration/kernel.js';
import { exactJson, parseExactJson, parseState } from '../calibration/state.js';
import type { NamedChart } from '../charts/types.js';
import { replicationSeed } from '../engine/rng.js';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { calibrationManifestText, copsimVersion, provenanceFields, sortKeys, startClock, type Clock } from '../output/provenance.js';
import { calibrationCharts } from '../research/targets/charts.js';
import { calibrationPage, type CalibrationSettings } from '../research/targets/page.js';

export type { CalibrationSettings } from '../research/targets/page.js';
import {
  loadArm,
  readTargetsFile,
  resolveTargets,
  type ResolvedTargets,
} from '../research/targets/index.js';
import {
  patternStatistics,
  posteriorColumns,
  posteriorRows,
  posteriorTable,
  PREDICTIVE_COLUMNS,
  predictiveDraws,
  predictiveRows,
  type ParameterPosterior,
  type PredictiveRow,
} from '../research/targets/statistics.js';
import type { TablesPage } from '../report/tables-page.js';
import { formatIssue } from '../scenario/errors.js';
import { StudyError } from './errors.js';
import { prepareOutputFolder, writingTo } from './folder.js';
import { checkStudyOptions, describeWorkers, safeFolderName, wholeNumber, type StudyFiles, type StudyOptions } from './options.js';
import { createSession } from './session.js';
import { writeStudy } from './write.js';

/** Options of `calibrate`. */
export interface CalibrateOptions extends StudyOptions {
  /** The targets file (.yaml, .json): priors and patterns. */
  readonly targets: string;
  /** N, particles of the first generation. Default: the file's `particles`, else 200. */
  readonly particles?: number;
  /** α, the share kept each generation. Default: the file's, else 0.5. */
  readonly alpha?: number;
  /** p_acc_min: stop when the share of new particles kept falls to this. Default: the file's, else 0.01. */
  readonly minAcceptance?: number;
  /** Stop after this many generations at the latest. Default: the file's, else none. */
  readonly maxGenerations?: number;
  /** Go on from the checkpoint in `out` (an interrupted calibration) instead of starting anew. Default false. */
  readonly resume?: boolean;
  /** Particles drawn from the posterior for the predictive check. Default 16 (at most the particles kept). */
  readonly predictiveDraws?: number;
  /** Called after every generation with what it did. */
  readonly onGeneration?: (record: GenerationRecord) => void;
}

/** A finished calibration. */
export interface CalibrationStudy extends StudyFiles {
  readonly kind: 'calibrate';
  /** The targets file as given. */
  readonly file: string;
  /** The name its outputs go by: the targets file's base name. */
  readonly name: string;
  readonly targets: ResolvedTargets;
  readonly settings: CalibrationSettings;
  /** The final state: every generation's record and the final particles. */
  readonly state: AbcState;
  readonly posterior: readonly ParameterPosterior[];
  readonly predictive: readonly PredictiveRow[];
  /** report.html's content. */
  readonly page: TablesPage;
}

/** Replications per particle and scenario when neither `runs` nor the file says. */
export const CALIBRATE_DEFAULT_RUNS = 16;
/** Particles of the first generation when neither `particles` nor the file says. */
export const CALIBRATE_DEFAULT_PARTICLES = 200;
const DEFAULT_ALPHA = 0.5;
const DEFAULT_MIN_ACCEPTANCE = 0.01;
const DEFAULT_PREDICTIVE_DRAWS = 16;

/** The checkpoint's file name in the output folder. */
export const CHECKPOINT = 'checkpoint.json';

const METHOD =
  'adaptive population Monte Carlo ABC (APMC; Lenormand, Jabot & Deffuant 2013, Computational Statistics 28:2777), as OpenMOLE runs it: ' +
  'N particles from the prior, the ⌊αN⌋ nearest kept; then each generation N − ⌊αN⌋ particles from the kept ones (chosen by weight) moved by a ' +
  'normal kernel of twice their weighted covariance, redrawn until within the priors’ bounds, weighted prior(θ)·c / Σ w_j K(θ | θ_j) ' +
  '(c: the share of kernel draws within the bounds), old and new together, the ⌊αN⌋ nearest kept; ε = the largest distance kept; ' +
  'stop when the share of new particles kept (p_acc) falls to p_acc_min. Every draw from a stream seeded by (master seed, generation, particle); ' +
  'every particle simulated with the same replication seeds (common random numbers)';

const DISTANCE =
  'ρ = √(Σ_k w_k ((s_k − y_k) / τ_k)²): s_k the pattern’s statistic (the mean over replications of the measure, or of the paired ' +
  'differences b − a), y_k its target, τ_k its tolerance, w_k its weight; infinite when a statistic has no value';

/**
 * Calibrates the free parameters of a targets file against its patterns; with `out`, saves a
 * checkpoint after every generation and writes posterior.csv, predictive.csv,
 * generations.csv, the charts, report.html and calibration.json. Takes the targets file and
 * the options, or the options with `targets` among them, as the other verbs do.
 *
 * @throws TargetsError naming the file and field; StudyError for options out of range or a checkpoint that does not fit
 * @example
 * const study = await calibrate('scenarios/calibration/quick.yaml', { out: 'out/quick' });
 * study.posterior[0] // → { path: 'parameters.contributions.coreSpeaking', prior, mean, sd, q025, q50, q975 }
 */
export async function calibrate(targets: string, options?: Omit<CalibrateOptions, 'targets'>): Promise<CalibrationStudy>;
export async function calibrate(options: CalibrateOptions): Promise<CalibrationStudy>;
export async function calibrate(given: string | CalibrateOptions, rest: Omit<CalibrateOptions, 'targets'> = {}): Promise<CalibrationStudy> {
  const options: CalibrateOptions = typeof given === 'string' ? { ...rest, targets: given } : given;
  const file = options.targets;
  const data = readTargetsFile(file);
  const settings = checkStudyOptions({ ...options, runs: options.runs ?? data.runs }, CALIBRATE_DEFAULT_RUNS);
  const resolved = resolveTargets(data, { file, sets: settings.sets });
  for (const warning of resolved.warnings) settings.warn(formatIssue(warning));
  const targets = resolved.targets;
  const abc = abcSettings(options, targets, settings.seed);
  const draws = options.predictiveDraws ?? DEFAULT_PREDICTIVE_DRAWS;
  wholeNumber('predictiveDraws', draws, 1);
  const calibration: CalibrationSettings = {
    ...abc,
    runs: settings.runs,
    keptParticles: keptParticles(abc),
    predictiveDraws: Math.min(draws, keptParticles(abc)),
    predictiveSeed: replicationSeed(settings.seed, 1 << 30),
  };
  const name = basename(file, extname(file));
  const resume = options.resume ?? false;
  if (resume && settings.out === undefined) throw new StudyError('resume needs the folder of the calibration to go on with (--out DIR)');
  const out = await prepareOutputFolder(settings.out, `${safeFolderName(name)}-calibration`, resume ? () => undefined : settings.warn);
  const identity = checkpointIdentity(targets, calibration);
  const saved = resume && out !== undefined ? await readCheckpoint(out, identity, abc.maxGenerations) : undefined;
  if (saved !== undefined) settings.warn(`${out} holds a calibration after generation ${saved.state.generations.length}; going on from there`);
  if (!resume && out !== undefined) {
    await writingTo(out, async () => {
      await makeDirectory(out);
      for (const stale of ['calibration.json', CHECKPOINT]) await rm(join(out, stale), { force: true });
    });
  }
  const perParticle = targets.arms.length * settings.runs;
  const newPerGeneration = (abc.particles - calibration.keptParticles) * perParticle;
  const first = saved === undefined ? abc.particles * perParticle : newPerGeneration;
  const session = createSession(settings, options, first);
  options.onStart?.({
    headline:
      `copsim: calibrate ${name}: ${targets.parameters.length} parameters, ${targets.patterns.length} patterns on ${targets.arms.length} scenarios; ` +
      `${abc.particles} particles (${calibration.keptParticles} kept), ${settings.runs} run${settings.runs === 1 ? '' : 's'} per scenario on ${describeWorkers(session.workersUsed)}…`,
    replications: first,
    out,
  });
  const clock = startClock();
  let seeds: ArrayLike<number> = [];
  const simulate = async (theta: readonly number[], seed: number): Promise<number[]> => {
    const collected: Collected[] = [];
    for (const arm of targets.arms) {
      const batch = await session.simulate(loadArm(arm, targets.parameters, theta), { runs: settings.runs, seed });
      if (seeds.length === 0) seeds = batch.seeds;
      collected.push(batch);
    }
    return patternStatistics(targets.patterns, collected);
  };
  const startedAt = saved?.startedAt ?? clock.startedAt.toISOString();
  const earlierSeconds = saved?.wallTimeSeconds ?? 0;
  // The replications of the generations planned so far are in the session's total.
  let planned = (saved?.state.generations.length ?? 0) + 1;
  // The session's threads are kept for every generation and the predictive check, then stopped.
  const { state, predictiveStats } = await session.closing(async () => {
    const state = await runApmc(
      {
        priors: targets.parameters.map((p) => p.prior),
        simulate: (theta) => simulate(theta, settings.seed),
        distance: (stats) => patternDistance(stats, targets.patterns),
      },
      abc,
      {
        state: saved?.state,
        onProposal: (proposal) => {
          if (proposal.generation > planned) {
            session.expect(newPerGeneration);
            planned = proposal.generation;
          }
        },
        onGeneration: async (next) => {
          if (out !== undefined) {
            const text = exactJson({ copsim: copsimVersion(), identity, startedAt, wallTimeSeconds: earlierSeconds + elapsed(clock), state: next });
            await writingTo(out, () => writeFileAtomic(join(out, CHECKPOINT), text));
          }
          options.onGeneration?.(next.generations.at(-1) as GenerationRecord);
        },
      },
    ).catch((error: unknown) => {
      if (error instanceof SingularKernelError) throw new StudyError(`${file}: ${error.message}`);
      if (error instanceof RangeError) throw new StudyError(`${file}: ${error.message}`);
      throw error;
    });
    session.expect(calibration.predictiveDraws * perParticle);
    const predictiveStats: number[][] = [];
    for (const particle of predictiveDraws(state.population, calibration.predictiveDraws, settings.seed)) {
      predictiveStats.push(await simulate(particle.theta, calibration.predictiveSeed));
    }
    return { state, predictiveStats };
  });
  const posterior = posteriorTable(state.population, targets.parameters);
  const predictive = predictiveRows(targets.patterns, predictiveStats);
  const fields = provenanceFields({ clock, masterSeed: settings.seed, runs: settings.runs, workers: session.workersUsed, seeds });
  const wallTimeSeconds = earlierSeconds + fields.wallTimeSeconds;
  const manifest = calibrationManifestText({ ...fields, startedAt, wallTimeSeconds }, {
    targets: file,
    description: targets.description,
    method: METHOD,
    distance: DISTANCE,
    settings: {
      particles: abc.particles,
      alpha: abc.alpha,
      keptParticles: calibration.keptParticles,
      minAcceptance: abc.minAcceptance,
      maxGenerations: abc.maxGenerations ?? null,
      runs: settings.runs,
      seed: settings.seed,
      predictiveDraws: calibration.predictiveDraws,
      predictiveSeed: calibration.predictiveSeed,
    },
    stopped: state.stopped ?? null,
    priors: targets.parameters.map((p) => ({ path: p.path, prior: p.priorText, ...p.prior })),
    patterns: targets.patterns.map((p) => ({
      id: p.id,
      statement: p.statement,
      source: p.source,
      kind: p.kind,
      scenario: p.label,
      measure: p.measureText,
      target: p.target,
      tolerance: p.tolerance,
      weight: p.weight,
    })),
    scenarios: targets.arms.map((a) => ({ label: a.label, source: a.source, set: a.sets })),
    generations: state.generations.map((g) => ({ ...g, replications: g.simulations * perParticle })),
    simulations: {
      particles: state.generations.reduce((sum, g) => sum + g.simulations, 0),
      replications: state.generations.reduce((sum, g) => sum + g.simulations, 0) * perParticle + calibration.predictiveDraws * perParticle,
    },
    posterior,
    predictive: predictive.map(({ pattern, target, tolerance, predicted, low, high, error, within, n }) => ({ pattern, target, tolerance, predicted, low, high, error, within, n })),
  });
  const charts: NamedChart[] = calibrationCharts({ name, parameters: targets.parameters, population: state.population, generations: state.generations, predictive, runs: settings.runs });
  const page = calibrationPage({ name, file, targets, settings: calibration, state, posterior, predictive, charts, manifest: { ...fields, startedAt, wallTimeSeconds } });
  const study: CalibrationStudy = {
    kind: 'calibrate',
    file,
    name,
    targets,
    settings: calibration,
    state,
    posterior,
    predictive,
    page,
    tables: [
      { file: 'posterior.csv', rows: posteriorRows(state.population, targets.parameters, targets.patterns), columns: posteriorColumns(targets.parameters, targets.patterns) },
      { file: 'predictive.csv', rows: predictive, columns: PREDICTIVE_COLUMNS },
      { file: 'generations.csv', rows: state.generations.map((g) => ({ ...g, replications: g.simulations * perParticle })), columns: GENERATION_COLUMNS },
    ],
    charts,
    manifest,
    out,
  };
  if (out !== undefined) await writeStudy(out, study);
  return study;
}

const GENERATION_COLUMNS = ['generation', 'epsilon', 'acceptance', 'simulations', 'replications', 'draws', 'effectiveSampleSize'] as const;

function elapsed(clock: Clock): number {
  return (performance.now() - clock.t0) / 1000;
}

/** The APMC settings from the options, else the file's, else the defaults; each checked. */
function abcSettings(options: CalibrateOptions, targets: ResolvedTargets, seed: number): AbcSettings {
  const d = targets.defaults;
  const particles = options.particles ?? d.particles ?? CALIBRATE_DEFAULT_PARTICLES;
  wholeNumber('particles', particles, 2);
  const maxGenerations = options.maxGenerations ?? d.maxGenerations;
  if (maxGenerations !== undefined) wholeNumber('maxGenerations', maxGenerations, 1);
  const abc: AbcSettings = {
    particles,
    alpha: options.alpha ?? d.alpha ?? DEFAULT_ALPHA,
    minAcceptance: options.minAcceptance ?? d.minAcceptance ?? DEFAULT_MIN_ACCEPTANCE,
    maxGenerations,
    seed,
  };
  try {
    checkSettings(abc);
  } catch (error) {
    throw new StudyError(error instanceof Error ? error.message : String(error));
  }
  return abc;
}

/** What a checkpoint must match to be gone on with: the resolved targets and every setting that shapes the result. */
function checkpointIdentity(targets: ResolvedTargets, settings: CalibrationSettings): Record<string, unknown> {
  return sortKeys({
    parameters: targets.parameters,
    arms: targets.arms,
    patterns: targets.patterns,
    particles: settings.particles,
    alpha: settings.alpha,
    minAcceptance: settings.minAcceptance,
    runs: settings.runs,
    seed: settings.seed,
  }) as Record<string, unknown>;
}

interface Checkpoint {
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
  readonly state: AbcState;
}

/**
 * The checkpoint in `dir`, checked against `identity`; its state made ready to go on (a stop
 * at the old maximum of generations is lifted when the maximum is now higher).
 *
 * @throws StudyError when there is none, it cannot be read, or it belongs to another calibration
 */
async function readCheckpoint(dir: string, identity: Record<string, unknown>, maxGenerations: number | undefined): Promise<Checkpoint> {
  const path = join(dir, CHECKPOINT);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new StudyError(`${path}: no checkpoint to resume from; run without --resume to start the calibration`);
  });
  let data: { identity?: unknown; startedAt?: unknown; wallTimeSeconds?: unknown; state?: unknown };
  try {
    data = parseExactJson(text) as typeof data;
  } catch {
    throw new StudyError(`${path}: not a checkpoint (not JSON); run without --resume to start anew`);
  }
  const saved = (data.identity ?? {}) as Record<string, unknown>;
  const differing = Object.keys(identity).filter((key) => JSON.stringify(saved[key]) !== JSON.stringify(identity[key]));
  if (differing.length > 0) {
    throw new StudyError(
      `${path}: the checkpoint is of another calibration (it differs in ${differing.join(', ')}); ` +
        'resume with the same targets file and options, or run without --resume to start anew',
    );
  }
  const state = parseState(exactJson(data.state));
  const further = maxGenerations === undefined || maxGenerations > state.generations.length;
  return {
    startedAt: typeof data.startedAt === 'string' ? data.startedAt : new Date().toISOString(),
    wallTimeSeconds: typeof data.wallTimeSeconds === 'number' ? data.wallTimeSeconds : 0,
    state: state.stopped === 'max-generations' && further ? { ...state, stopped: undefined } : state,
  };
}
