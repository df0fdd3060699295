/**
 * The hypothesis file format: one zod schema that is at once the validator, the TypeScript
 * type (`HypothesisFile`) and the JSON Schema of scenarios/hypotheses/schema.json.
 *
 * A hypothesis compares two arms, `a` (the reference) and `b`, simulated with common random
 * numbers, on one measure, and predicts the direction of b − a and the smallest difference that
 * matters:
 *
 * ```yaml
 * weeks: 156                      # optional defaults for every hypothesis
 * runs: 200
 * hypotheses:
 *   - id: mandatory-attendance
 *     statement: While the CoP lives, mandatory participation raises attendance.
 *     source: "reading of interview study §4.3 (Participation): some companies have a few mandatory CoPs"
 *     kind: mechanism               # optional: one channel carries the effect (see --ablate)
 *     compare:
 *       a: top-down-voluntary
 *       b: { scenario: top-down-voluntary, set: [cops.0.participation=mandatory] }
 *     measure: { metric: attendance, at: { from: 52, to: 155 }, while_alive: true }
 *     expect: increase
 *     smallest_effect: 1
 * ```
 */
import { z } from 'zod';
import { longText, nameText } from '../../scenario/schema.js';

/** Hypothesis ids: usable as table keys and in `--only`. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const weeksSchema = z
  .number()
  .int()
  .min(1)
  .max(5200)
  .describe('Weeks to simulate in every arm (same as `set: [weeks=N]`); overrides the scenarios\' own.');

export const setsSchema = z
  .union([nameText(), z.array(nameText())])
  .describe('Settings changed in this arm, as `path=value` (like `--set`), e.g. `cops.0.participation=mandatory`.');

/** One arm of a comparison, written out. */
export const armSchema = z
  .strictObject({
    scenario: nameText()
      .min(1)
      .describe('A built-in scenario name (see `copsim list`) or a scenario file, relative to the hypothesis file.'),
    set: setsSchema.optional(),
    cop: nameText()
      .min(1)
      .optional()
      .describe("The CoP measured in this arm; default the measure's `cop`, else the scenario's first CoP."),
  })
  .describe('A scenario with optional setting changes.');

/** An arm: a scenario name or file alone, or with settings changed. */
export const armRefSchema = z.union([nameText().min(1), armSchema]);

/** When a weekly metric is read: `final`, `auc`, a week, or a window of weeks. */
export const atSchema = z
  .union([
    z.literal('final'),
    z.literal('auc'),
    z.number().int().min(0),
    z.strictObject({
      from: z.number().int().min(0).describe('First week of the window (0-based).'),
      to: z.number().int().min(0).describe('Last week of the window, included.'),
    }),
  ])
  .describe(
    'When a weekly metric is read: `final` (the last week, default), `auc` (the sum over all weeks), ' +
      'a week number (0-based), or `{ from, to }` (the mean over those weeks, both included). Per-run figures take none.',
  );

export const measureSchema = z
  .strictObject({
    metric: nameText().min(1).describe('A weekly metric or a per-run figure (see docs/STATISTICS.md and summary.csv).'),
    cop: nameText().min(1).optional().describe("CoP id, in both arms; default each arm's first CoP."),
    at: atSchema.optional(),
    while_alive: z
      .boolean()
      .optional()
      .describe(
        'For a weekly metric: read only the weeks in which the CoP is alive (default false). A window then ' +
          'averages its alive weeks, `auc` sums them, a week or `final` in which the CoP is dead has no value; ' +
          'replications without a value in either arm are left out (counted as dropped). Per-run figures take none.',
      ),
  })
  .describe('The number read from each replication.');

/** What a verdict of `supported` would show: an encoded mechanism or an emergent effect. */
export const kindSchema = z
  .enum(['mechanism', 'emergent'])
  .describe(
    'What the effect is, as `copsim hypotheses --ablate` measures it (optional; the command reports when its ' +
      'measurement disagrees): `mechanism`, a mechanism check: knocking out one channel of the model removes the ' +
      'effect, so "supported" verifies the implementation rather than the claim; `emergent`: no single knock-out ' +
      'removes it, so the model could have shown otherwise.',
  );

export const hypothesisSchema = z
  .strictObject({
    id: z
      .string()
      .regex(ID_PATTERN, 'an id of letters, digits, ".", "_" and "-"')
      .describe('Short unique name, e.g. `mandatory-attendance`.'),
    statement: longText().min(1).describe('The claim in words, as b relative to a.'),
    source: longText()
      .min(1)
      .describe(
        "Where the claim comes from: the study's section, a practitioner source or a paper; " +
          'say "reading of ..." where the claim is the model\'s reading of the source rather than its words.',
      ),
    kind: kindSchema.optional(),
    compare: z
      .strictObject({
        a: armRefSchema.describe('The reference arm.'),
        b: armRefSchema.describe('The arm the claim is about; the difference is b − a.'),
      })
      .describe('The two arms compared, replication by replication with the same seeds.'),
    measure: measureSchema,
    expect: z.enum(['increase', 'decrease']).describe('The predicted direction of b − a.'),
    smallest_effect: z
      .number()
      .min(0)
      .describe(
        "The smallest difference b − a that matters, in the measure's units (≥ 0). A difference whose " +
          'whole confidence interval lies inside ±smallest_effect counts as negligible: the hypothesis is contradicted. ' +
          '0 tests the sign alone: nothing is negligible, and supported means the interval lies wholly on the predicted side.',
      ),
    weeks: weeksSchema.optional(),
  })
  .describe('One directional hypothesis about two arms.');

export const hypothesisFileSchema = z
  .strictObject({
    $schema: nameText().optional().describe('Path or URL of this JSON Schema, for editors.'),
    description: longText().optional().describe('What the file tests.'),
    runs: z.number().int().min(1).optional().describe('Replications per arm when `--runs` is not given; default 200.'),
    weeks: weeksSchema.optional(),
    hypotheses: z.array(hypothesisSchema).min(1).describe('The hypotheses, in the order they are reported.'),
  })
  .describe('A file of hypotheses for `copsim hypotheses`.');

export type HypothesisFileData = z.output<typeof hypothesisFileSchema>;
export type HypothesisData = z.output<typeof hypothesisSchema>;
export type ArmRef = z.output<typeof armRefSchema>;
export type HypothesisKind = z.output<typeof kindSchema>;
export type MeasureData = z.output<typeof measureSchema>;
