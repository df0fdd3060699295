/**
 * Building the organisation: teams of about seven, grouped into teams of teams (ARTs, tribes),
 * spread over sites, each person with a role, a hierarchy level and traits.
 *
 * Composition of a development team (teamSize 7): a Scrum Master, a Product Owner, a tester,
 * a UX designer in every second team, developers for the rest. Each team of teams has three
 * staff: an architect, an agile coach and a manager (RTE, tribe lead). Business units have
 * teams of `business` people with one manager per group; partner companies mirror the
 * development organisation (for cross-company CoPs).
 */
import type { Organisation, Role, Theme } from '../scenario/schema.js';
import { ROLES, THEMES } from '../scenario/vocabulary.js';
import { beta, type Rng } from './rng.js';
import { Unit, type People } from './state.js';

const roleIndex = (r: Role): number => ROLES.indexOf(r);

/** Mean interest of a role in a theme; themes not listed get `BASE_INTEREST`. */
const BASE_INTEREST = 0.2;
const AFFINITY: Partial<Record<Role, Partial<Record<Theme, number>>>> = {
  scrumMaster: { agility: 0.8, transformation: 0.5, management: 0.3, quality: 0.3 },
  agileCoach: { agility: 0.85, transformation: 0.7, management: 0.4 },
  productOwner: { product: 0.8, businessAnalysis: 0.5, agility: 0.4, ux: 0.35, innovation: 0.4 },
  developer: {
    development: 0.65,
    cloud: 0.45,
    devops: 0.45,
    ai: 0.45,
    architecture: 0.35,
    security: 0.3,
    testing: 0.3,
    quality: 0.3,
  },
  architect: { architecture: 0.85, cloud: 0.55, development: 0.5, security: 0.45, devops: 0.35, ai: 0.4 },
  tester: { testing: 0.85, quality: 0.75, devops: 0.35, development: 0.3 },
  uxDesigner: { ux: 0.85, product: 0.45, innovation: 0.4, ai: 0.35 },
  manager: { management: 0.8, transformation: 0.55, agility: 0.35, innovation: 0.35, ai: 0.3 },
  business: { businessAnalysis: 0.55, innovation: 0.45, ai: 0.4, transformation: 0.35, product: 0.3 },
};

/** Mean interest of `role` in `theme`. */
export function roleAffinity(role: Role, theme: Theme): number {
  return AFFINITY[role]?.[theme] ?? BASE_INTEREST;
}

/** Concentration of the Beta distributions of traits (a + b): moderate individual spread. */
const KAPPA = 5;

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
      push('manager', 2, staffTeam);
      push('architect', 1, staffTeam);
      push('agileCoach', 1, staffTeam);
    } else {
      push('manager', 2, staffTeam);
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
        push(role, 0, t);
      }
    }
    group++;
  }
  return { teams: team - team0, groups: group - group0 };
}

/**
 * Draws the traits of person `i` (initial staff or a newcomer to the organisation).
 * Draw order is fixed so the organisation is the same whatever CoPs a scenario has.
 */
export function drawTraits(people: People, i: number, org: Organisation, rng: Rng, newHire: boolean): void {
  const role = ROLES[people.role[i] as number] as Role;
  people.motivationTrait[i] = beta(rng, org.motivation, KAPPA);
  people.willingness[i] = beta(rng, org.willingness, KAPPA);
  people.competence[i] = beta(rng, newHire ? 0.3 : 0.5, KAPPA);
  people.alignment[i] = role === 'manager' ? 0.9 : beta(rng, org.managementAlignment, KAPPA);
  const nThemes = THEMES.length;
  for (let t = 0; t < nThemes; t++) {
    people.interest[i * nThemes + t] = beta(rng, roleAffinity(role, THEMES[t] as Theme), KAPPA);
  }
  people.loadOffset[i] = (rng() - 0.5) * 4;
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
export function buildPeople(org: Organisation, rng: Rng): People {
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
    site: new Uint8Array(n),
    role: new Uint8Array(n),
    level: new Uint8Array(n),
    unit: new Uint8Array(n),
    nTeams,
    nGroups,
    nDevTeams: dev.teams,
    teamSize: new Int32Array(nTeams),
    groupSize: new Int32Array(nGroups),
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
    people.site[i] = s.group % org.sites;
    people.role[i] = s.role;
    people.level[i] = s.level;
    people.unit[i] = s.unit;
    people.teamSize[s.team] = (people.teamSize[s.team] as number) + 1;
    people.groupSize[s.group] = (people.groupSize[s.group] as number) + 1;
  }
  for (let i = 0; i < n; i++) drawTraits(people, i, org, rng, false);
  return people;
}

