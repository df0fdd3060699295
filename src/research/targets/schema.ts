/**
 * The targets file of `copsim calibrate`: one zod schema that is at once the validator, the
 * TypeScript type and the JSON Schema of scenarios/calibration/targets.schema.json.
 *
 * It names the free parameters with their priors and the patterns the model should
 * reproduce, each a summary statistic of a scenario at a point of the domain (or the paired
 * difference of two arms) with a target and a tolerance:
 *
 * ```yaml
 * parameters:
 *   - path: parameters.contributions.coreSpeaking
 *     prior: uniform(0.2, 0.5)
 *   - path: parameters.churn.welcomeTie
 *     prior: normal(0.6, 0.15)
 *     bounds: [0.1, 1]
 * patterns:
 *   - id: core-300
 *     scenario: baseline
 *     set: [organisation.employees=300]
 *     measure: { metric: core_share }
 *     target: 0.125
 *     tolerance: 0.025
 *   - id: welcome-effect
 *     compare:
 *       a: { scenario: baseline, set: [cops.0.support.welcome=false] }
 *       b: baseline
 *     measure: { metric: newcomer_return_rate }
 *     target: 0.12
 *     tolerance: 0.04
 * ```
 */
import { z } from 'zod';
import { armRefSchema, measureSchema, setsSchema } from '../hypotheses/schema.js';

/** Pattern ids: usable as table keys and file-name parts. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const parameterSchema = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .describe('The setting calibrated, as `--set` names it, e.g. `parameters.contributions.coreSpeaking` (see docs/PARAMETERS.md).'),
    prior: z
      .string()
      .min(1)
      .describe('`uniform(lo, hi)`, `log-uniform(lo, hi)` (0 < lo) or `normal(mean, sd)`; a normal prior is truncated to `bounds`.'),
    bounds: z
      .tuple([z.number(), z.number()])
      .optional()
      .describe("For a normal prior: [lo, hi], the range it is truncated to; default the setting's range in the scenario schema."),
  })
  .describe('A free parameter and its prior.');

export const patternSchema = z
  .strictObject({
    id: z.string().regex(ID_PATTERN, 'an id of letters, digits, ".", "_" and "-"').describe('Short unique name, e.g. `core-300`.'),
    statement: z.string().min(1).optional().describe('The pattern in words.'),
    source: z.string().min(1).optional().describe('Where the target comes from.'),
    scenario: z
      .string()
      .min(1)
      .optional()
      .describe('A built-in scenario name or a scenario file (relative to this file) whose statistic is matched; or give `compare`.'),
    compare: z
      .strictObject({
        a: armRefSchema.describe('The reference arm.'),
        b: armRefSchema.describe('The other arm; the statistic is b − a.'),
      })
      .optional()
      .describe('Two arms simulated with the same seeds: the statistic is the mean paired difference b − a.'),
    set: setsSchema
      .optional()
      .describe('The context point, applied to the scenario (or both arms): `path=value` settings, e.g. `organisation.employees=300`.'),
    measure: measureSchema,
    target: z.number().describe("The value to match, in the measure's units."),
    tolerance: z
      .number()
      .positive()
      .describe("The difference from the target that counts as one unit of distance, in the measure's units (> 0)."),
    weight: z.number().min(0).optional().describe('Weight of the pattern in the distance; default 1.'),
  })
  .describe('A pattern: the mean of a measure over the replications of a scenario (or of paired differences of two arms), with its target.');

export const targetsFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    description: z.string().optional().describe('What is calibrated, and against what.'),
    particles: z.number().int().min(2).optional().describe('N, particles of the first generation, when `--particles` is not given; default 200.'),
    alpha: z.number().gt(0).lt(1).optional().describe('Share of particles kept each generation, when `--alpha` is not given; default 0.5.'),
    min_acceptance: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .describe('p_acc_min: stop when the share of new particles kept falls to this, when `--min-acceptance` is not given; default 0.01.'),
    runs: z.number().int().min(1).optional().describe('Replications per particle and scenario, when `--runs` is not given; default 16.'),
    max_generations: z.number().int().min(1).optional().describe('Stop after this many generations at the latest, when `--max-generations` is not given.'),
    weeks: z.number().int().min(1).max(5200).optional().describe("Weeks to simulate in every scenario; overrides the scenarios' own."),
    parameters: z.array(parameterSchema).min(1).describe('The free parameters, in the order of posterior.csv.'),
    patterns: z.array(patternSchema).min(1).describe('The patterns to match, in the order they are reported.'),
  })
  .describe('A targets file for `copsim calibrate`.');

export type TargetsFileData = z.output<typeof targetsFileSchema>;
export type PatternData = z.output<typeof patternSchema>;
export type ParameterData = z.output<typeof parameterSchema>;
