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

/** `roleAffinity` of every role (rows, in `ROLES` order) and theme, kept per parameter object. */
const interestTables = new WeakMap<Parameters['interest'], Float64Array>();

function interestMeans(p: Parameters['interest']): Float64Array {
  let table = interestTables.get(p);
  if (table === undefined) {
    table = new Float64Array(ROLES.length * THEMES.length);
    for (let r = 0; r < ROLES.length; r++) {
      for (let t = 0; t < THEMES.length; t++) table[r * THEMES.length + t] = roleAffinity(ROLES[r] as Role, THEMES[t] as Theme, p);
    }
    interestTables.set(p, table);
  }
  return table;
}

/** Receives one seat of the organisation's layout: a person's role, level, team, team of teams and unit. */
export type SeatVisitor = (role: Role, level: number, team: number, group: number, unit: number) => void;

/** The sizes of a laid-out organisation. */
export interface Layout {
  /** People. */
  readonly n: number;
  readonly teams: number;
  readonly groups: number;
  /** Teams of the development organisation (they come first). */
  readonly devTeams: number;
}

function layoutUnit(seat: SeatVisitor, count: number, unit: number, org: Pick<Organisation, 'teamSize' | 'teamsPerGroup'>, team0: number, group0: number): { teams: number; groups: number } {
  const dev = unit !== Unit.business;
  let team = team0;
  let group = group0;
  let made = 0;
  const push = (role: Role, level: number, t: number): void => {
    if (made < count) {
      seat(role, level, t, group, unit);
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
 * Lays out the organisation, seat by seat, in the order of its people: development employees,
 * then business employees, then partner employees. The one statement of the composition the
 * module's comment describes: the engine builds its people from it and scenario checks count
 * the people of a CoP's target group with it, before anything is simulated. Pure.
 */
export function layoutOrganisation(
  org: Pick<Organisation, 'employees' | 'businessEmployees' | 'partnerEmployees' | 'teamSize' | 'teamsPerGroup'>,
  seat: SeatVisitor,
): Layout {
  const dev = layoutUnit(seat, org.employees, Unit.development, org, 0, 0);
  const bus = layoutUnit(seat, org.businessEmployees, Unit.business, org, dev.teams, dev.groups);
  const par = layoutUnit(seat, org.partnerEmployees, Unit.partner, org, dev.teams + bus.teams, dev.groups + bus.groups);
  return {
    n: headcount(org),
    teams: dev.teams + bus.teams + par.teams,
    groups: dev.groups + bus.groups + par.groups,
    devTeams: dev.teams,
  };
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
  const means = interestMeans(p.interest);
  const row = (people.role[i] as number) * nThemes;
  for (let t = 0; t < nThemes; t++) {
    people.interest[i * nThemes + t] = beta(rng, means[row + t] as number, kappa);
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
  const n = headcount(org);
  const team = new Int32Array(n);
  const group = new Int32Array(n);
  const role = new Uint8Array(n);
  const level = new Uint8Array(n);
  const unit = new Uint8Array(n);
  let i = 0;
  const layout = layoutOrganisation(org, (r, l, t, g, u) => {
    team[i] = t;
    group[i] = g;
    role[i] = roleIndex(r);
    level[i] = l;
    unit[i] = u;
    i++;
  });
  const nSites = Math.min(org.sites, layout.groups);
  const people: People = {
    n,
    team,
    group,
    site: group.map((g) => g % nSites),
    role,
    level,
    unit,
    nTeams: layout.teams,
    nGroups: layout.groups,
    nSites,
    nDevTeams: layout.devTeams,
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
    teamDeadline: new Uint8Array(layout.teams),
  };
  for (let i = 0; i < n; i++) drawTraits(people, i, org, p, rng, false);
  return people;
}
