import { describe, expect, it } from 'vitest';
import { parametersSchema } from '../../src/engine/parameters.js';

const DEFAULT_PARAMETERS = parametersSchema.parse({});
import {
  computeEligibility,
  countTargetTeams,
  createCommunity,
  deriveSettings,
  launch,
} from '../../src/engine/community.js';
import { buildPeople, roleAffinity } from '../../src/engine/organisation.js';
import { makeRng } from '../../src/engine/rng.js';
import { MemberState, Unit, type People } from '../../src/engine/state.js';
import { ROLES, THEMES, type CoPSettings, type Role } from '../../src/scenario/schema.js';
import { firstCoP, scenarioOf, simulationOf, type TestScenario } from './helpers.js';

const role = (r: Role): number => ROLES.indexOf(r);

function people(organisation: TestScenario['organisation'] = {}, seed = 'org'): People {
  return buildPeople(scenarioOf({ organisation }).organisation, makeRng(seed));
}

function settingsOf(cop: TestScenario['cop']): CoPSettings {
  const { id: _id, name: _name, launchWeek: _w, ...rest } = scenarioOf({ cop }).cops[0]!;
  return rest;
}

function eligibility(p: People, cop: TestScenario['cop']): Uint8Array {
  const out = new Uint8Array(p.n);
  computeEligibility(p, settingsOf(cop), out);
  return out;
}

/** People of each team, by index. */
function teams(p: People): Map<number, number[]> {
  const byTeam = new Map<number, number[]>();
  for (let i = 0; i < p.n; i++) {
    const t = p.team[i] as number;
    byTeam.set(t, [...(byTeam.get(t) ?? []), i]);
  }
  return byTeam;
}

describe('the organisation', () => {
  it('has exactly the development, business and partner employees asked for', () => {
    const p = people({ employees: 700, businessEmployees: 120, partnerEmployees: 80 });
    expect(p.n).toBe(900);
    const count = (u: number): number => Array.from(p.unit).filter((x) => x === u).length;
    expect(count(Unit.development)).toBe(700);
    expect(count(Unit.business)).toBe(120);
    expect(count(Unit.partner)).toBe(80);
  });

  it('team and group sizes add up to the headcount, and teams have at most teamSize people', () => {
    const p = people({ employees: 1000, teamSize: 6, teamsPerGroup: 5 });
    expect(Array.from(p.teamSize).reduce((a, b) => a + b, 0)).toBe(p.n);
    expect(Array.from(p.groupSize).reduce((a, b) => a + b, 0)).toBe(p.n);
    for (const [t, members] of teams(p)) {
      expect(p.teamSize[t]).toBe(members.length);
      expect(members.length).toBeLessThanOrEqual(6);
    }
    // Each team of teams: three staff plus at most five teams of six.
    for (let g = 0; g < p.nGroups; g++) expect(p.groupSize[g]).toBeLessThanOrEqual(3 + 5 * 6);
  });

  it('a development team has one Scrum Master, one Product Owner, one tester, a UX designer in every second team, developers for the rest', () => {
    const p = people({ employees: 1000, teamSize: 7 });
    let ux = 0;
    let full = 0;
    for (const members of teams(p).values()) {
      const roles = members.map((i) => p.role[i] as number);
      if (roles.includes(role('manager')) || members.length < 7) continue; // staff teams, last partial team
      full++;
      const n = (r: Role): number => roles.filter((x) => x === role(r)).length;
      expect(n('scrumMaster')).toBe(1);
      expect(n('productOwner')).toBe(1);
      expect(n('tester')).toBe(1);
      expect(n('uxDesigner')).toBeLessThanOrEqual(1);
      ux += n('uxDesigner');
      expect(n('developer')).toBe(7 - 3 - n('uxDesigner'));
      for (const i of members) expect(p.level[i]).toBe(0);
    }
    expect(full).toBeGreaterThan(100);
    expect(Math.abs(ux / full - 0.5)).toBeLessThan(0.05);
  });

  it('each team of teams has a manager (level 2), an architect and an agile coach (level 1)', () => {
    const p = people({ employees: 1000 });
    for (let g = 0; g < p.nGroups; g++) {
      const staff: number[] = [];
      for (let i = 0; i < p.n; i++) if (p.group[i] === g && (p.level[i] as number) > 0) staff.push(i);
      const roles = staff.map((i) => ROLES[p.role[i] as number]).sort();
      expect(roles).toEqual(['agileCoach', 'architect', 'manager']);
      for (const i of staff) expect(p.level[i]).toBe(ROLES[p.role[i] as number] === 'manager' ? 2 : 1);
    }
  });

  it('business units have business people and a manager per group', () => {
    const p = people({ employees: 100, businessEmployees: 200 });
    for (let i = 0; i < p.n; i++) {
      if (p.unit[i] !== Unit.business) continue;
      expect([role('business'), role('manager')]).toContain(p.role[i]);
    }
  });

  it('spreads teams of teams over the sites', () => {
    const p = people({ employees: 2000, sites: 3 });
    const sites = new Set(Array.from(p.site));
    expect(sites).toEqual(new Set([0, 1, 2]));
    for (let i = 0; i < p.n; i++) expect(p.site[i]).toBe((p.group[i] as number) % 3);
  });

  it('development teams come first: nDevTeams counts them', () => {
    const p = people({ employees: 300, businessEmployees: 100 });
    for (let i = 0; i < p.n; i++) expect((p.team[i] as number) < p.nDevTeams).toBe(p.unit[i] === Unit.development);
  });

  it('traits lie in [0, 1]; managers are aligned with management; interests follow role affinity', () => {
    const p = people({ employees: 3000 });
    for (const field of ['motivationTrait', 'willingness', 'competence', 'alignment', 'interest'] as const) {
      for (const x of p[field]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    const agility = THEMES.indexOf('agility');
    let sm = 0;
    let smN = 0;
    let dev = 0;
    let devN = 0;
    for (let i = 0; i < p.n; i++) {
      if (p.role[i] === role('manager')) expect(p.alignment[i]).toBe(0.9);
      const x = p.interest[i * THEMES.length + agility] as number;
      if (p.role[i] === role('scrumMaster')) (sm += x), smN++;
      if (p.role[i] === role('developer')) (dev += x), devN++;
    }
    expect(roleAffinity('scrumMaster', 'agility')).toBeGreaterThan(roleAffinity('developer', 'agility'));
    expect(sm / smN).toBeGreaterThan(dev / devN);
  });

  it('the same seed builds the same organisation; another seed other traits', () => {
    const a = people({ employees: 300 }, 'x');
    const b = people({ employees: 300 }, 'x');
    const c = people({ employees: 300 }, 'y');
    expect(Array.from(a.willingness)).toEqual(Array.from(b.willingness));
    expect(Array.from(a.role)).toEqual(Array.from(c.role));
    expect(Array.from(a.willingness)).not.toEqual(Array.from(c.willingness));
  });
});

describe('eligibility', () => {
  const org = { employees: 700, teamsPerGroup: 5, businessEmployees: 100, partnerEmployees: 50 };
  const p = people(org);

  it('scope decides the pool: team of teams ⊂ development organisation ⊂ company ⊂ cross-company', () => {
    const inPool = (scope: CoPSettings['scope']) => Array.from(eligibility(p, { scope })).map((e) => e > 0);
    for (let i = 0; i < p.n; i++) {
      const unit = p.unit[i] as number;
      expect(inPool('team-of-teams')[i]).toBe(unit === Unit.development && p.group[i] === 0);
      expect(inPool('development-organisation')[i]).toBe(unit === Unit.development);
      expect(inPool('company')[i]).toBe(unit !== Unit.partner);
      expect(inPool('cross-company')[i]).toBe(true);
    }
  });

  it('a topic-based CoP makes everyone in scope target group', () => {
    const e = eligibility(p, { targetGroup: { kind: 'topic' }, scope: 'company' });
    for (let i = 0; i < p.n; i++) expect(e[i]).toBe(p.unit[i] === Unit.partner ? 0 : 1);
  });

  it('an open role-based CoP admits others in scope at a reduced rate (2); a closed one only its target group', () => {
    const open = eligibility(p, { targetGroup: { kind: 'role', role: 'scrumMaster' }, openness: 'open' });
    const closed = eligibility(p, { targetGroup: { kind: 'role', role: 'scrumMaster' }, openness: 'closed' });
    for (let i = 0; i < p.n; i++) {
      const inScope = p.unit[i] === Unit.development;
      const target = p.role[i] === role('scrumMaster');
      expect(open[i]).toBe(!inScope ? 0 : target ? 1 : 2);
      expect(closed[i]).toBe(inScope && target ? 1 : 0);
    }
  });

  it('countTargetTeams counts development teams with someone of the target group', () => {
    const sm = eligibility(p, { targetGroup: { kind: 'role', role: 'scrumMaster' } });
    const smTeams = new Set<number>();
    for (let i = 0; i < p.n; i++) if (p.role[i] === role('scrumMaster') && p.unit[i] === Unit.development) smTeams.add(p.team[i] as number);
    expect(countTargetTeams(p, sm)).toBe(smTeams.size);
    const managers = eligibility(p, { targetGroup: { kind: 'role', role: 'manager' } });
    const groups = new Set<number>();
    for (let i = 0; i < p.n; i++) if (p.role[i] === role('manager') && p.unit[i] === Unit.development) groups.add(p.team[i] as number);
    expect(countTargetTeams(p, managers)).toBe(groups.size);
  });
});

describe('deriveSettings', () => {
  it('maps participation to compliance pressure, decision power and lead to numbers', () => {
    expect(deriveSettings(settingsOf({ participation: 'voluntary' }), DEFAULT_PARAMETERS).mandate).toBe(0);
    const expected = deriveSettings(settingsOf({ participation: 'expected' }), DEFAULT_PARAMETERS);
    expect(expected.mandate).toBeGreaterThan(0);
    expect(expected.mandate).toBeLessThan(1);
    expect(expected.expected).toBe(true);
    expect(deriveSettings(settingsOf({ participation: 'mandatory' }), DEFAULT_PARAMETERS)).toMatchObject({ mandate: 1, mandatory: true });
    expect(deriveSettings(settingsOf({ decisionPower: 'influence' }), DEFAULT_PARAMETERS).decisionPower).toBe(0.5);
    expect(deriveSettings(settingsOf({ support: { lead: 'full-time' } }), DEFAULT_PARAMETERS).lead).toBe(2);
  });

  it('protected hours per meeting are funded hours × cadence × protection', () => {
    const d = deriveSettings(settingsOf({ support: { fundedHours: 2, protection: 0.75 }, meetings: { cadence: 4 } }), DEFAULT_PARAMETERS);
    expect(d.protectedHours).toBeCloseTo(6, 12);
  });

  it('the chance of an external session is the budget per meeting, at most 1', () => {
    expect(deriveSettings(settingsOf({ support: { budget: 13 }, meetings: { cadence: 2 } }), DEFAULT_PARAMETERS).externalSession).toBeCloseTo(0.5, 12);
    expect(deriveSettings(settingsOf({ support: { budget: 52 }, meetings: { cadence: 4 } }), DEFAULT_PARAMETERS).externalSession).toBe(1);
  });

  it('recognition comes with approval or initiation, and acceptance raises visibility', () => {
    const v = (a: CoPSettings['acceptance']) => deriveSettings(settingsOf({ acceptance: a }), DEFAULT_PARAMETERS);
    expect([v('unaware'), v('tolerated'), v('approved'), v('initiated')].map((d) => d.recognised)).toEqual([0, 0, 1, 1]);
    expect(v('unaware').visibility).toBeLessThan(v('tolerated').visibility);
    expect(v('tolerated').visibility).toBeLessThan(v('approved').visibility);
    expect(v('approved').visibility).toBeLessThan(v('initiated').visibility);
  });
});

describe('launch', () => {
  it('founds the CoP with `founders` active members from the target group', () => {
    const sim = simulationOf({ organisation: { employees: 500 }, cop: { founders: 6, targetGroup: { kind: 'role', role: 'architect' } } });
    const cop = firstCoP(sim);
    cop.alive = false;
    launch(sim, cop);
    expect(cop.alive).toBe(true);
    const founders = Array.from(cop.state.keys()).filter((i) => cop.state[i] === MemberState.active);
    expect(founders).toHaveLength(6);
    for (const i of founders) expect(sim.people.role[i]).toBe(role('architect'));
  });

  it('a top-down launch starts an announcement pulse; a bottom-up one does not', () => {
    for (const initiation of ['top-down', 'bottom-up'] as const) {
      const sim = simulationOf({ organisation: { employees: 200 }, cop: { initiation } });
      sim.week = 3;
      const cop = firstCoP(sim);
      launch(sim, cop);
      expect(Number.isNaN(cop.pulseStart)).toBe(initiation === 'bottom-up');
    }
  });

  it('bottom-up founders are among the most interested', () => {
    const sim = simulationOf({ organisation: { employees: 2000 }, cop: { initiation: 'bottom-up', founders: 10 } });
    const cop = firstCoP(sim);
    launch(sim, cop);
    let founders = 0;
    let all = 0;
    let nf = 0;
    for (let i = 0; i < sim.people.n; i++) {
      all += cop.interestFit[i] as number;
      if (cop.state[i] === MemberState.active) (founders += cop.interestFit[i] as number), nf++;
    }
    expect(founders / nf).toBeGreaterThan(all / sim.people.n);
  });

  it('a mandatory CoP enrols its whole target group at launch', () => {
    const sim = simulationOf({ organisation: { employees: 500 }, cop: { participation: 'mandatory', targetGroup: { kind: 'role', role: 'tester' } } });
    const cop = firstCoP(sim);
    launch(sim, cop);
    for (let i = 0; i < sim.people.n; i++) {
      const member = cop.state[i] !== MemberState.nonMember;
      expect(member).toBe(sim.people.role[i] === role('tester'));
    }
  });

  it('a new CoP starts with nobody in it and computes its eligible pool', () => {
    const scenario = scenarioOf({ organisation: { employees: 100 } });
    const p = people({ employees: 100 });
    const cop = createCommunity(scenario.cops[0]!, 'c', 0, p, scenario.parameters, makeRng('test'));
    expect(cop.alive).toBe(false);
    expect(Array.from(cop.state).every((s) => s === MemberState.nonMember)).toBe(true);
    expect(Array.from(cop.eligible).every((e) => e === 1)).toBe(true);
  });
});

describe('steering: auto', () => {
  it('is parameters.launch.topDownSteering for a top-down CoP and 0 for a bottom-up one', () => {
    const p = parametersSchema.parse({ launch: { topDownSteering: 0.42 } });
    expect(deriveSettings(settingsOf({ initiation: 'top-down' }), p).steering).toBe(0.42);
    expect(deriveSettings(settingsOf({ initiation: 'bottom-up' }), p).steering).toBe(0);
  });

  it('an explicit number wins over the default of initiation', () => {
    expect(deriveSettings(settingsOf({ initiation: 'top-down', steering: 0.1 }), DEFAULT_PARAMETERS).steering).toBe(0.1);
  });
});
