/**
 * The scenario schema: one definition that is at once the validator, the TypeScript type
 * (`Scenario`, via `z.output`) and the JSON Schema that editors use (`scenarioJsonSchema`).
 *
 * Setting names follow the interview study's CoP characteristics (seeds/000, section 4.3) and
 * the model brief, section 2. Every field documents its meaning and default; the JSON Schema
 * carries those descriptions to the editor.
 */
import { z } from 'zod';
import { parametersSchema } from '../engine/parameters.js';

export * from './vocabulary.js';
import { ROLES, THEMES, INITIATIONS, OPENNESS, SCOPES, ACCEPTANCES, DECISION_POWERS, PARTICIPATIONS, LEADS } from './vocabulary.js';

/**
 * Names and labels hold no control character at all (not even a tab or line break): they end
 * up in chart SVGs, whose XML cannot carry most of them, and in CSV cells and file names.
 */
export const NAME_PATTERN = /^[^\p{Cc}\p{Cs}\uFFFE\uFFFF]*$/u;

/** Longer texts (descriptions, sources) may hold line breaks and tabs, but no other control character. */
export const TEXT_PATTERN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\uFFFE\uFFFF]*$/u;

/** A name or label: text without control characters. */
export const nameText = () => z.string().regex(NAME_PATTERN, 'text without control characters (no tabs or line breaks)');

/** A longer text: line breaks and tabs allowed, other control characters not. */
export const longText = () => z.string().regex(TEXT_PATTERN, 'text without control characters other than tabs and line breaks');

/** The most events a scenario may have: far more than any study needs, and few enough to chart. */
export const MAX_EVENTS = 1000;

const share = (description: string, dflt: number) =>
  z.number().min(0).max(1).default(dflt).describe(description);

export const projectLoadSchema = z
  .strictObject({
    mean: z
      .number()
      .min(0)
      .max(80)
      .default(37)
      .describe('Mean project work in hours per week per employee. Default 37 (of 40).'),
    sd: z
      .number()
      .min(0)
      .max(40)
      .default(2.5)
      .describe('Week-to-week standard deviation of an employee\'s project load, hours. Default 2.5.'),
    deadlineProbability: share(
      'Chance per team and week of a deadline crunch that adds `deadlineHours` to every team member\'s load. Default 0.08.',
      0.08,
    ),
    deadlineHours: z
      .number()
      .min(0)
      .max(80)
      .default(6)
      .describe('Extra hours of project load in a deadline week. Default 6.'),
  })
  .describe('Project load: the time pressure members face (Perlow 1999; Repenning & Sterman 2002).');

export const organisationSchema = z
  .strictObject({
    employees: z
      .number()
      .int()
      .min(7)
      .max(200_000)
      .default(1000)
      .describe('Employees of the development organisation, in agile teams. Default 1000.'),
    teamSize: z.number().int().min(3).max(15).default(7).describe('Members per agile team. Default 7.'),
    teamsPerGroup: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .describe(
        'Teams per team of teams (ART, tribe). 1 means no team-of-teams structure. Default 10.',
      ),
    sites: z.number().int().min(1).max(50).default(3).describe('Sites the organisation spreads over. Default 3.'),
    businessEmployees: z
      .number()
      .int()
      .min(0)
      .max(200_000)
      .default(0)
      .describe(
        'Employees outside the development organisation (business units); eligible only for CoPs with scope `company` or `cross-company`. Default 0.',
      ),
    partnerEmployees: z
      .number()
      .int()
      .min(0)
      .max(200_000)
      .default(0)
      .describe(
        'People from partner companies who may join a `cross-company` CoP. Default 0.',
      ),
    weeklyHours: z
      .number()
      .min(1)
      .max(80)
      .default(40)
      .describe('Contracted working hours per week. Default 40.'),
    projectLoad: projectLoadSchema.prefault({}),
    turnover: share('Share of employees replaced per year by new hires. Default 0.12.', 0.12),
    willingness: share(
      'Mean prior willingness to take part in a CoP (0..1); individual values are Beta-distributed around it. Default 0.45.',
      0.45,
    ),
    motivation: share(
      'Mean trait level of autonomous (intrinsic) motivation toward professional exchange (0..1). Default 0.55.',
      0.55,
    ),
    managementAlignment: share(
      'Mean match between employees\' own interests and management\'s agenda (0..1); it decides how much steering hurts topic fit. Default 0.35.',
      0.35,
    ),
  })
  .describe('The organisation the CoPs live in.');

export const targetGroupSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('role'),
        role: z.enum(ROLES).describe('The role the CoP is for, e.g. scrumMaster.'),
      })
      .describe('Role-based CoP: for holders of one role.'),
    z.strictObject({ kind: z.literal('topic') }).describe('Topic-based CoP: for anyone interested in the theme.'),
  ])
  .describe('Who the CoP is for: `{ kind: role, role: scrumMaster }` or `{ kind: topic }`.');

export const supportSchema = z
  .strictObject({
    fundedHours: z
      .number()
      .min(0)
      .max(40)
      .default(0)
      .describe('Working hours per week per member funded for the CoP. Default 0.'),
    protection: share(
      'How well funded hours are protected from project pressure (0: not at all, 1: fully). Default 0.5.',
      0.5,
    ),
    budget: z
      .number()
      .min(0)
      .max(52)
      .default(0)
      .describe('Dedicated budget, as funded external sessions (guest speakers, events) per year. Default 0.'),
    lead: z
      .enum(LEADS)
      .default('none')
      .describe('A community lead: none, part-time or full-time. A lead organises meetings when their lead hours and slack allow, prepares content, and welcomes newcomers. Default none.'),
    coach: z
      .boolean()
      .default(false)
      .describe('An agile coach supports the CoP (raises psychological safety). Default false.'),
    welcome: z
      .boolean()
      .default(true)
      .describe('The lead welcomes newcomers at their first meeting (no effect without a lead). Default true.'),
  })
  .describe('Organisational support: funded time, budget, lead and coach.');

export const meetingsSchema = z
  .strictObject({
    cadence: z.number().int().min(1).max(26).default(2).describe('Weeks between planned meetings. Default 2.'),
    regularity: share(
      'Chance that a planned meeting actually takes place as scheduled (1: a fixed, kept rhythm). Default 0.9.',
      0.9,
    ),
    length: z.number().min(0.25).max(16).default(1.5).describe('Meeting length in hours. Default 1.5.'),
    presentationShare: share(
      'Share of meeting time spent on presentations rather than exchange (0..1). Default 0.3.',
      0.3,
    ),
  })
  .describe('Rhythm and format of meetings.');


/**
 * The same object with every field optional and without defaults: the shape of a patch.
 * (zod's `.partial()` keeps inner defaults, which would make a patch reset the fields it does
 * not name.)
 */
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const f = field as z.ZodType;
    const bare = f instanceof z.ZodDefault ? (f.removeDefault() as z.ZodType) : f;
    shape[key] = bare.optional().describe(f.description ?? '');
  }
  return z.strictObject(shape) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }>;
}

export const copSettingsShape = {
  initiation: z
    .enum(INITIATIONS)
    .default('bottom-up')
    .describe('top-down: founders appointed by management, with a launch pulse; bottom-up: self-selected founders. Default bottom-up.'),
  founders: z.number().int().min(1).max(1000).default(5).describe('Size of the founding group. Default 5.'),
  targetGroup: targetGroupSchema.default({ kind: 'topic' }),
  theme: z.enum(THEMES).default('agility').describe('The CoP\'s theme; decides members\' topic fit. Default agility.'),
  openness: z
    .enum(OPENNESS)
    .default('open')
    .describe('open: others besides the target group may join; closed: target group only, by invitation. Default open.'),
  scope: z
    .enum(SCOPES)
    .default('development-organisation')
    .describe('How far the eligible pool reaches. Default development-organisation.'),
  acceptance: z
    .enum(ACCEPTANCES)
    .default('tolerated')
    .describe('Management acceptance: unaware, tolerated, approved or initiated. Approval or initiation protects part of the funded time and carries announcements further. Default tolerated.'),
  decisionPower: z
    .enum(DECISION_POWERS)
    .default('none')
    .describe('none, influence or decide: autonomy and the value of taking part. Default none.'),
  participation: z
    .enum(PARTICIPATIONS)
    .default('voluntary')
    .describe('voluntary, expected or mandatory: compliance versus autonomous motivation. Default voluntary.'),
  steering: z
    .union([z.number().min(0).max(1), z.literal('auto')])
    .default('auto')
    .describe(
      'Management control of topics and agenda, 0 (none) to 1 (fully dictated), or `auto`: `parameters.launch.topDownSteering` for a top-down CoP, 0 for a bottom-up one (management steers the CoPs it initiates, study 4.3 Steering). Default auto.',
    ),
  support: supportSchema.prefault({}),
  meetings: meetingsSchema.prefault({}),
};

export const copSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an identifier: a letter, then letters, digits, - or _')
      .optional()
      .describe('Identifier used in outputs and events. Default cop1, cop2, ... by position.'),
    name: nameText().optional().describe('Display name.'),
    launchWeek: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Week the CoP is founded. Default 0.'),
    ...copSettingsShape,
  })
  .describe('A Community of Practice and its settings (the study\'s characteristics).');

/** Partial CoP settings, as changed by an event. Nested objects are partial too. */
export const copSettingsPatchSchema = z
  .strictObject({
    initiation: copSettingsShape.initiation.removeDefault().optional(),
    founders: copSettingsShape.founders.removeDefault().optional(),
    targetGroup: targetGroupSchema.optional(),
    theme: copSettingsShape.theme.removeDefault().optional(),
    openness: copSettingsShape.openness.removeDefault().optional(),
    scope: copSettingsShape.scope.removeDefault().optional(),
    acceptance: copSettingsShape.acceptance.removeDefault().optional(),
    decisionPower: copSettingsShape.decisionPower.removeDefault().optional(),
    participation: copSettingsShape.participation.removeDefault().optional(),
    steering: copSettingsShape.steering.removeDefault().optional(),
    support: patchOf(supportSchema).optional(),
    meetings: patchOf(meetingsSchema).optional(),
  })
  .describe('Settings of a CoP to change; any subset.');

export const organisationPatchSchema = z
  .strictObject({
    projectLoad: patchOf(projectLoadSchema).optional(),
    turnover: organisationSchema.shape.turnover.removeDefault().optional(),
  })
  .describe('Organisation settings an event may change: project load and turnover.');

export const eventSchema = z
  .strictObject({
    week: z.number().int().min(0).describe('Week at whose start the change takes effect.'),
    label: nameText().optional().describe('Short label for charts and reports, e.g. "mandate lifted".'),
    cop: nameText()
      .optional()
      .describe('Id of the CoP to change. May be omitted when the scenario has one CoP.'),
    set: copSettingsPatchSchema.optional(),
    organisation: organisationPatchSchema.optional(),
  })
  .describe('A change of settings at a given week: a mandate lifted, funding withdrawn, recognition, a lead leaving.');

export const scenarioSchema = z
  .strictObject({
    $schema: nameText().optional().describe('Path or URL of this JSON Schema, for editors.'),
    name: nameText().optional().describe('Scenario name; defaults to the file name.'),
    description: longText().default('').describe('What the scenario shows, naming the study\'s claim it illustrates.'),
    source: longText().optional().describe('Where the claim comes from (study section or literature).'),
    extends: nameText()
      .optional()
      .describe('A built-in scenario name or a file path (relative to this file) whose settings this one overrides.'),
    weeks: z.number().int().min(1).max(5200).default(156).describe('Weeks to simulate. Default 156 (three years).'),
    organisation: organisationSchema.prefault({}),
    cops: z.array(copSchema).min(1).max(16).describe('The CoPs; several compete for members\' time.'),
    events: z.array(eventSchema).max(MAX_EVENTS).default([]).describe(`Changes of settings at given weeks; at most ${MAX_EVENTS}.`),
    parameters: parametersSchema.prefault({}),
  })
  .describe('A copsim scenario: an organisation, its CoPs, and events.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Organisation = z.output<typeof organisationSchema>;
export type CoP = z.output<typeof copSchema>;
export type CoPSettings = Omit<CoP, 'id' | 'name' | 'launchWeek'>;
export type CoPSettingsPatch = z.output<typeof copSettingsPatchSchema>;
export type ScenarioEvent = z.output<typeof eventSchema>;
export type Support = z.output<typeof supportSchema>;
export type Meetings = z.output<typeof meetingsSchema>;
export type TargetGroup = z.output<typeof targetGroupSchema>;
