/**
 * The report page of a calibration: what was calibrated and how, the posterior, the posterior
 * predictive check of every pattern, the patterns, the generations, the charts and the
 * provenance. Pure: the page's content, which src/report/tables-page.ts renders.
 */
import type { AbcSettings, AbcState } from '../../calibration/apmc.js';
import type { NamedChart } from '../../charts/types.js';
import type { ProvenanceFields } from '../../output/provenance.js';
import { formatNumber } from '../../report/format-number.js';
import type { TablesPage } from '../../report/tables-page.js';
import type { ResolvedTargets } from './resolve.js';
import type { ParameterPosterior, PredictiveRow } from './statistics.js';

/** A calibration's settings, as used. */
export interface CalibrationSettings extends AbcSettings {
  /** Replications per particle and scenario. */
  readonly runs: number;
  readonly keptParticles: number;
  readonly predictiveDraws: number;
  /** Master seed of the predictive check's replications, fresh against the calibration's. */
  readonly predictiveSeed: number;
}

/** What the page is built from. */
export interface CalibrationPageInput {
  readonly name: string;
  readonly file: string;
  readonly targets: ResolvedTargets;
  readonly settings: CalibrationSettings;
  readonly state: AbcState;
  readonly posterior: readonly ParameterPosterior[];
  readonly predictive: readonly PredictiveRow[];
  readonly charts: readonly NamedChart[];
  readonly manifest: ProvenanceFields;
}

/** The page of a calibration. */
export function calibrationPage(input: CalibrationPageInput): TablesPage {
  const { settings, state, targets } = input;
  const last = state.generations.at(-1);
  const stopped =
    state.stopped === 'min-acceptance'
      ? `it stopped when the acceptance rate fell to ${formatNumber(last?.acceptance ?? Number.NaN)}, at most the minimum of ${settings.minAcceptance}`
      : `it stopped at the maximum of ${settings.maxGenerations ?? state.generations.length} generations, before the acceptance rate fell to ${settings.minAcceptance}`;
  const within = input.predictive.filter((row) => row.within === 'yes').length;
  const description = [
    targets.description,
    `Calibration of ${targets.parameters.length} parameters against ${targets.patterns.length} patterns (${input.file}) by adaptive population ` +
      `Monte Carlo ABC (Lenormand, Jabot & Deffuant 2013): ${settings.particles} particles from the priors, the ${settings.keptParticles} nearest ` +
      `kept each generation and ${settings.particles - settings.keptParticles} new ones drawn around them; every particle simulated ` +
      `${settings.runs} times per scenario with the same replication seeds. After ${state.generations.length} generations ` +
      `(ε = ${formatNumber(last?.epsilon ?? Number.NaN)}) ${stopped}.`,
    `The distance of a particle is √(Σ w·((statistic − target) / tolerance)²) over the patterns; the posterior predictive check simulates ` +
      `${settings.predictiveDraws} particles drawn from the posterior with fresh seeds: ${within} of ${input.predictive.length} patterns are predicted within their tolerance.`,
  ]
    .filter((p) => p.trim() !== '')
    .join('\n\n');
  return {
    kicker: 'copsim calibration',
    title: input.name,
    description,
    tables: [
      {
        id: 'posterior',
        heading: 'Posterior',
        intro: 'The weighted mean, standard deviation and 2.5%, 50% and 97.5% quantiles of each parameter over the final particles, beside its prior.',
        columns: ['parameter', 'prior', 'mean', 'sd', '2.5%', '50%', '97.5%'],
        rows: input.posterior.map((p) => [p.path, p.prior, p.mean, p.sd, p.q025, p.q50, p.q975]),
      },
      {
        id: 'predictive',
        heading: 'Posterior predictive check',
        intro:
          `Each pattern as the posterior predicts it: the mean of its statistic over ${settings.predictiveDraws} particles drawn from the ` +
          `posterior, each simulated ${settings.runs} times per scenario with seeds not used in the calibration, and the 2.5–97.5% range over those ` +
          'draws; within tolerance when the mean lies within the tolerance of the target.',
        columns: ['pattern', 'target', 'tolerance', 'predicted', '2.5%', '97.5%', 'error (tolerances)', 'within tolerance'],
        rows: input.predictive.map((r) => [r.pattern, r.target, r.tolerance, r.predicted, r.low, r.high, r.error, r.within]),
      },
      {
        id: 'patterns',
        heading: 'Patterns',
        intro: 'The statistics matched: the mean over replications of the measure in the scenario (or of the paired differences b − a of two arms).',
        columns: ['pattern', 'scenario', 'measure', 'target', 'tolerance', 'weight', 'statement', 'source'],
        rows: targets.patterns.map((p) => [p.id, p.label, p.measureText, p.target, p.tolerance, p.weight, p.statement, p.source]),
      },
      {
        id: 'generations',
        heading: 'Generations',
        intro: 'ε is the largest distance kept; the acceptance rate the share of the generation’s new particles that were kept.',
        columns: ['generation', 'ε', 'acceptance', 'particles simulated', 'effective sample size'],
        rows: state.generations.map((g) => [g.generation, g.epsilon, g.acceptance, g.simulations, g.effectiveSampleSize]),
      },
    ],
    charts: input.charts,
    provenance: [
      { label: 'copsim', value: input.manifest.copsim },
      { label: 'targets', value: input.file },
      { label: 'particles', value: `${settings.particles} (${settings.keptParticles} kept, α = ${settings.alpha})` },
      { label: 'minimum acceptance', value: String(settings.minAcceptance) },
      { label: 'runs per particle and scenario', value: String(settings.runs) },
      { label: 'master seed', value: String(input.manifest.masterSeed) },
      { label: 'first replication seeds', value: input.manifest.seeds.first.join(', ') },
      { label: 'seed derivation', value: input.manifest.seeds.derivation },
      { label: 'predictive check seed', value: String(settings.predictiveSeed) },
      { label: 'workers', value: String(input.manifest.workers) },
      { label: 'Node.js', value: input.manifest.node },
      { label: 'started at', value: input.manifest.startedAt },
      { label: 'wall time', value: `${formatNumber(input.manifest.wallTimeSeconds)} s` },
    ],
  };
}
