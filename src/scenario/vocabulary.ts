/**
 * The scenario's vocabulary: roles, themes and the values of the study's CoP characteristics,
 * and the CoP ids of a scenario. Kept free of the schema library so the engine (and each
 * worker thread) loads without it.
 */

/** Organisational roles a member can hold; a role-based CoP targets one of them. */
export const ROLES = [
  'developer',
  'scrumMaster',
  'productOwner',
  'architect',
  'tester',
  'uxDesigner',
  'agileCoach',
  'manager',
  'business',
] as const;
export type Role = (typeof ROLES)[number];

/** CoP themes found in the study (Table 4 as described in section 4.3). */
export const THEMES = [
  'agility',
  'architecture',
  'development',
  'management',
  'security',
  'product',
  'testing',
  'ux',
  'quality',
  'cloud',
  'transformation',
  'businessAnalysis',
  'innovation',
  'ai',
  'devops',
] as const;
export type Theme = (typeof THEMES)[number];

export const INITIATIONS = ['top-down', 'bottom-up'] as const;
export const OPENNESS = ['open', 'closed'] as const;
export const SCOPES = ['team-of-teams', 'development-organisation', 'company', 'cross-company'] as const;
export const ACCEPTANCES = ['unaware', 'tolerated', 'approved', 'initiated'] as const;
export const DECISION_POWERS = ['none', 'influence', 'decide'] as const;
export const PARTICIPATIONS = ['voluntary', 'expected', 'mandatory'] as const;
export const LEADS = ['none', 'part-time', 'full-time'] as const;

export type Initiation = (typeof INITIATIONS)[number];
export type Openness = (typeof OPENNESS)[number];
export type Scope = (typeof SCOPES)[number];
export type Acceptance = (typeof ACCEPTANCES)[number];
export type DecisionPower = (typeof DECISION_POWERS)[number];
export type Participation = (typeof PARTICIPATIONS)[number];
export type Lead = (typeof LEADS)[number];


/** The CoPs' ids in scenario order: the given `id`, else `cop1`, `cop2`, ... by position. */
export function copIds(scenario: { readonly cops: readonly { readonly id?: string | undefined }[] }): string[] {
  return scenario.cops.map((cop, i) => cop.id ?? `cop${i + 1}`);
}
