/**
 * Who is in an organisation, counted without building it: people per role in each unit, so
 * that a scenario can be checked for a CoP whose target group is empty or smaller than its
 * founding group before anything is simulated.
 *
 * The counts follow the composition the engine lays out (src/engine/organisation.ts, whose
 * doc comment states it): per team of teams first a staff team (manager, architect, agile
 * coach; a business unit's only a manager), then `teamsPerGroup` teams of `teamSize`, each a
 * Scrum Master, a Product Owner, a tester, a UX designer in every team with an odd index (a
 * developer in the others) and developers for the rest; business teams are all `business`.
 * Team indices run on from one unit to the next (development, business, partners). A test
 * checks the counts against the engine's organisation for many shapes.
 */
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

type Shape = Pick<Organisation, 'teamSize' | 'teamsPerGroup'>;

/** Adds the roles of one team of `size` people (index `team`) to `roles`. */
function addTeam(roles: RoleCounts, size: number, team: number, development: boolean): void {
  if (!development) {
    roles.business += size;
    return;
  }
  const firsts: Role[] = ['scrumMaster', 'productOwner', 'tester', team % 2 === 1 ? 'uxDesigner' : 'developer'];
  firsts.slice(0, size).forEach((role) => (roles[role] += 1));
  roles.developer += Math.max(0, size - firsts.length);
}

/**
 * The roles of a unit of `count` people whose first team has index `team0`, and how many
 * teams it takes.
 */
function unitCensus(count: number, development: boolean, org: Shape, team0: number): { roles: RoleCounts; teams: number } {
  const roles = noOne();
  const staff: Role[] = development ? ['manager', 'architect', 'agileCoach'] : ['manager'];
  let team = team0;
  let made = 0;
  while (made < count) {
    team++;
    for (const role of staff.slice(0, count - made)) {
      roles[role] += 1;
      made++;
    }
    for (let k = 0; k < org.teamsPerGroup && made < count; k++) {
      const size = Math.min(org.teamSize, count - made);
      addTeam(roles, size, team, development);
      team++;
      made += size;
    }
  }
  return { roles, teams: team - team0 };
}

function sum(a: RoleCounts, b: RoleCounts): RoleCounts {
  const out = noOne();
  for (const role of Object.keys(out) as Role[]) out[role] = a[role] + b[role];
  return out;
}

/**
 * The people per role within a CoP's scope: the first team of teams of the development
 * organisation (`team-of-teams`), the development organisation, the company (with its
 * business units) or all of them with the partner companies (`cross-company`).
 *
 * @example scopeCensus({ employees: 7, teamSize: 7, teamsPerGroup: 10, businessEmployees: 0, partnerEmployees: 0 }, 'development-organisation').developer // → 0
 */
export function scopeCensus(
  org: Pick<Organisation, 'employees' | 'businessEmployees' | 'partnerEmployees' | 'teamSize' | 'teamsPerGroup'>,
  scope: CoP['scope'],
): RoleCounts {
  if (scope === 'team-of-teams') {
    const firstGroup = Math.min(org.employees, 3 + org.teamsPerGroup * org.teamSize);
    return unitCensus(firstGroup, true, org, 0).roles;
  }
  const development = unitCensus(org.employees, true, org, 0);
  if (scope === 'development-organisation') return development.roles;
  const business = unitCensus(org.businessEmployees, false, org, development.teams);
  const company = sum(development.roles, business.roles);
  if (scope === 'company') return company;
  return sum(company, unitCensus(org.partnerEmployees, true, org, development.teams + business.teams).roles);
}

/** How many people a CoP's founders are drawn from: its target group within its scope. */
export function targetGroupSize(org: Organisation, cop: Pick<CoP, 'scope' | 'targetGroup'>): number {
  const census = scopeCensus(org, cop.scope);
  if (cop.targetGroup.kind === 'role') return census[cop.targetGroup.role];
  return Object.values(census).reduce((a, b) => a + b, 0);
}
