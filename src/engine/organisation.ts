/**
 * Building the organisation: teams of about seven, grouped into teams of teams (ARTs, tribes),
 * spread over sites, each person with a role, a hierarchy level and traits.
 *
 * Composition of a development team (teamSize 7): a Scrum Master, a Product Owner, a tester,
 * a UX designer in every second team, developers for the rest. Each team of teams has three
 * staff: an architect, an agile coach and a manager (RTE, tribe lead). Business units have
 * teams of `business` people with one manager per group; partner companies mirror the
 * development organisation (for cross-company CoPs). A team of teams sits on one site: site =
 * team of teams mod `sites`.
 */
import type { Organisation, Role, Theme } from '../scenario/schema.js';
import { ROLES, THEMES } from '../scenario/vocabulary.js';
import type { Parameters } from './parameters.js';
import { beta, type Rng } from './rng.js';
import { Level, Unit, type People } from './state.js';

const roleIndex = (r: Role): number => ROLES.indexOf(r);

/**
 * The basis of interest: for each role, the themes that are its home (the study ties them to
 * role-based CoPs of that role) and those related to its work. Every other theme is `other`.
 * The levels are `parameters.interest.home`, `.related` and `.other`; the table is the
 * assumption, written down in docs/ODD.md with the study's statements it rests on.
 */
export const INTEREST_BASIS: Readonly<Record<Role, { readonly home: readonly Theme[]; readonly related: readonly Theme[] }>> = {
  scrumMaster: { home: ['agility'], related: ['transformation', 'management', 'quality'] },
  agileCoach: { home: ['agility', 'transformation'], related: ['management'] },
  productOwner: { home: ['product'], related: ['businessAnalysis', 'agility', 'ux', 'innovation'] },
  developer: { home: ['development'], related: ['cloud', 'devops', 'ai', 'architecture', 'security', 'testing', 'quality'] },
  architect: { home: ['architecture'], related: ['cloud', 'development', 'security', 'devops', 'ai'] },
  tester: { home: ['testing', 'quality'], related: ['devops', 'development'] },
  uxDesigner: { home: ['ux'], related: ['product', 'innovation', 'ai'] },
  manager: { home: ['management'], related: ['transformation', 'agility', 'innovation', 'ai'] },
  business: { home: ['businessAnalysis'], related: ['innovation', 'ai', 'transformation', 'product'] },
};

/** Mean interest of `role` in `theme` under the interest basis. */
export function roleAffinity(role: Role, theme: Theme, p: Parameters['interest']): number {
  const basis = INTEREST_BASIS[role];
  return basis.home.includes(theme) ? p.home : basis.related.includes(theme) ? p.related : p.other;
}

interface Slot {
  team: number;
  group: number;
  role: number;
  level: number;
  unit: number;
}

function layoutUnit(
  slots: Slot[],
  count: number,
  unit: number,
  org: Organisation,
  team0: number,
  group0: number,
): { teams: number; groups: number } {
  const dev = unit !== Unit.business;
  let team = team0;
  let group = group0;
  let made = 0;
  const push = (role: Role, level: number, t: number): void => {
    if (made < count) {
      slots.push({ team: t, group, role: roleIndex(role), level, unit });
      made++;
    }
  };
  while (made < count) {
    // Staff of the team of teams first, so that even a small organisation has them.
    const staffTeam = team++;
    if (dev) {
      push('manager', Level.manager, staffTeam);
      push('architect', Level.staff, staffTeam);
      push('agileCoach', Level.staff, staffTeam);
    } else {
      push('manager', Level.manager, staffTeam);
    }
    for (let k = 0; k < org.teamsPerGroup && made < count; k++) {
      const t = team++;
      for (let s = 0; s < org.teamSize && made < count; s++) {
        let role: Role = 'business';
        if (dev) {
          role =
            s === 0
              ? 'scrumMaster'
              : s === 1
                ? 'productOwner'
                : s === 2
                  ? 'tester'
                  : s === 3 && t % 2 === 1
                    ? 'uxDesigner'
                    : 'developer';
        }
        push(role, Level.team, t);
      }
    }
    group++;
  }
  return { teams: team - team0, groups: group - group0 };
}

/**
 * Draws the traits of person `i` (initial staff or a new hire). Draw order is fixed so the
 * organisation is the same whatever CoPs a scenario has.
 */
export function drawTraits(people: People, i: number, org: Organisation, p: Parameters, rng: Rng, newHire: boolean): void {
  const pop = p.population;
  const kappa = pop.concentration;
  const role = ROLES[people.role[i] as number] as Role;
  people.motivationTrait[i] = beta(rng, org.motivation, kappa);
  people.willingness[i] = beta(rng, org.willingness, kappa);
  people.competence[i] = beta(rng, newHire ? pop.hireCompetence : pop.competence, kappa);
  const aligned = beta(rng, org.managementAlignment, kappa);
  people.alignment[i] = role === 'manager' ? pop.managerAlignment : aligned;
  const nThemes = THEMES.length;
  for (let t = 0; t < nThemes; t++) {
    people.interest[i * nThemes + t] = beta(rng, roleAffinity(role, THEMES[t] as Theme, p.interest), kappa);
  }
  people.loadOffset[i] = (rng() - 0.5) * pop.loadSpread;
}

/**
 * How many people a run simulates: the development organisation, the business units and the
 * partner companies. Organisational turnover keeps it constant.
 *
 * @example headcount({ employees: 1000, businessEmployees: 1000, partnerEmployees: 0 }) // → 2000
 */
export function headcount(org: Pick<Organisation, 'employees' | 'businessEmployees' | 'partnerEmployees'>): number {
  return org.employees + org.businessEmployees + org.partnerEmployees;
}

/**
 * Builds the people of an organisation: development employees, then business employees,
 * then partner employees. Traits come from `rng` (the replication's `org` stream).
 */
export function buildPeople(org: Organisation, p: Parameters, rng: Rng): People {
  const slots: Slot[] = [];
  const dev = layoutUnit(slots, org.employees, Unit.development, org, 0, 0);
  const bus = layoutUnit(slots, org.businessEmployees, Unit.business, org, dev.teams, dev.groups);
  const par = layoutUnit(
    slots,
    org.partnerEmployees,
    Unit.partner,
    org,
    dev.teams + bus.teams,
    dev.groups + bus.groups,
  );
  const n = slots.length;
  const nTeams = dev.teams + bus.teams + par.teams;
  const nGroups = dev.groups + bus.groups + par.groups;
  const people: People = {
    n,
    team: new Int32Array(n),
    group: new Int32Array(n),
    site: new Int32Array(n),
    role: new Uint8Array(n),
    level: new Uint8Array(n),
    unit: new Uint8Array(n),
    nTeams,
    nGroups,
    nSites: Math.min(org.sites, nGroups),
    nDevTeams: dev.teams,
    motivationTrait: new Float64Array(n),
    willingness: new Float64Array(n),
    competence: new Float64Array(n),
    alignment: new Float64Array(n),
    interest: new Float64Array(n * THEMES.length),
    loadOffset: new Float64Array(n),
    hiredWeek: new Int32Array(n).fill(-520),
    slack: new Float64Array(n),
    savedNow: new Float64Array(n),
    savedLast: new Float64Array(n),
    teamDeadline: new Uint8Array(nTeams),
  };
  for (let i = 0; i < n; i++) {
    const s = slots[i] as Slot;
    people.team[i] = s.team;
    people.group[i] = s.group;
    people.site[i] = s.group % people.nSites;
    people.role[i] = s.role;
    people.level[i] = s.level;
    people.unit[i] = s.unit;
  }
  for (let i = 0; i < n; i++) drawTraits(people, i, org, p, rng, false);
  return people;
}
