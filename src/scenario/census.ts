/**
 * Who is in an organisation, counted before anything is simulated: people per role in each
 * scope, so that a scenario can be checked for a CoP whose target group is empty or smaller
 * than its founding group. The counts walk the engine's own layout of the organisation
 * (`layoutOrganisation`, src/engine/organisation.ts), seat by seat, without drawing anyone's
 * traits; one walk per organisation, whatever the number of CoPs checked.
 */
import { layoutOrganisation } from '../engine/organisation.js';
import { Unit } from '../engine/state.js';
import type { CoP, Organisation, Role } from './schema.js';

/** People per role. */
export type RoleCounts = Record<Role, number>;

function noOne(): RoleCounts {
  return {
    developer: 0,
    scrumMaster: 0,
    productOwner: 0,
    architect: 0,
    tester: 0,
    uxDesigner: 0,
    agileCoach: 0,
    manager: 0,
    business: 0,
  };
}

type Census = Pick<Organisation, 'employees' | 'businessEmployees' | 'partnerEmployees' | 'teamSize' | 'teamsPerGroup'>;

/** The counts of every scope, from one walk of the layout; the last few organisations' are kept, by shape. */
const counted = new Map<string, Readonly<Record<CoP['scope'], RoleCounts>>>();
const KEPT = 16;

function censusOf(org: Census): Readonly<Record<CoP['scope'], RoleCounts>> {
  const key = [org.employees, org.businessEmployees, org.partnerEmployees, org.teamSize, org.teamsPerGroup].join(' ');
  const known = counted.get(key);
  if (known !== undefined) return known;
  const scopes = { 'team-of-teams': noOne(), 'development-organisation': noOne(), company: noOne(), 'cross-company': noOne() };
  layoutOrganisation(org, (role, _level, _team, group, unit) => {
    if (unit === Unit.development) {
      if (group === 0) scopes['team-of-teams'][role] += 1;
      scopes['development-organisation'][role] += 1;
    }
    if (unit !== Unit.partner) scopes.company[role] += 1;
    scopes['cross-company'][role] += 1;
  });
  if (counted.size >= KEPT) counted.clear();
  counted.set(key, scopes);
  return scopes;
}

/**
 * The people per role within a CoP's scope: the first team of teams of the development
 * organisation (`team-of-teams`), the development organisation, the company (with its
 * business units) or all of them with the partner companies (`cross-company`).
 *
 * @example scopeCensus({ employees: 7, teamSize: 7, teamsPerGroup: 10, businessEmployees: 0, partnerEmployees: 0 }, 'development-organisation').developer // → 0
 */
export function scopeCensus(org: Census, scope: CoP['scope']): RoleCounts {
  return { ...censusOf(org)[scope] };
}

/** How many people a CoP's founders are drawn from: its target group within its scope. */
export function targetGroupSize(org: Organisation, cop: Pick<CoP, 'scope' | 'targetGroup'>): number {
  const census = scopeCensus(org, cop.scope);
  if (cop.targetGroup.kind === 'role') return census[cop.targetGroup.role];
  return Object.values(census).reduce((a, b) => a + b, 0);
}
