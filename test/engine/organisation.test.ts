import { describe, expect, it } from 'vitest';
import { parametersSchema } from '../../src/engine/parameters.js';

const DEFAULT_PARAMETERS = parametersSchema.parse({});
import { channelFlags } from '../../src/engine/channels.js';
import { computeEligibility, createCommunity, deriveSettings } from '../../src/engine/community.js';
import { launch } from '../../src/engine/mechanisms/launch.js';
import { buildNetwork, tieBetween } from '../../src/engine/network.js';
import { buildPeople, INTEREST_BASIS, roleAffinity } from '../../src/engine/organisation.js';
import { countTargetTeams } from '../../src/engine/recorder.js';
import { makeRng } from '../../src/engine/rng.js';
import { MemberState, Unit, type People } from '../../src/engine/state.js';
import { ROLES, THEMES, type CoPSettings, type Role } from '../../src/scenario/schema.js';
import { firstCoP, scenarioOf, simulationOf, type TestScenario } from './helpers.js';

const role = (r: Role): number => ROLES.indexOf(r);

const ON = channelFlags([]);

function people(organisation: TestScenario['organisation'] = {}, seed = 'org'): People {
  return buildPeople(scenarioOf({ organisation }).organisation, DEFAULT_PARAMETERS, makeRng(seed));
}

/** Team and team-of-teams sizes, counted. */
function sizes(p: People): { team: Map<number, number>; group: Map<number, number> } {
  const team = new Map<number, number>();
  const group = new Map<number, number>();
  for (let i = 0; i < p.n; i++) {
    team.set(p.team[i] as number, (team.get(p.team[i] as number) ?? 0) + 1);
    group.set(p.group[i] as number, (group.get(p.group[i] as number) ?? 0) + 1);
  }
  return { team, group };
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

  it('teams have at most teamSize people, and a team of teams three staff plus teamsPerGroup teams', () => {
    const p = people({ employees: 1000, teamSize: 6, teamsPerGroup: 5 });
    const { team, group } = sizes(p);
    expect([...team.values()].reduce((a, b) => a + b, 0)).toBe(p.n);
    for (const n of team.values()) expect(n).toBeLessThanOrEqual(6);
    for (const n of group.values()) expect(n).toBeLessThanOrEqual(3 + 5 * 6);
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

  it('spreads teams of teams over the sites (a team of teams sits on one site)', () => {
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
      if (p.role[i] === role('manager')) expect(p.alignment[i]).toBe(DEFAULT_PARAMETERS.population.managerAlignment);
      const x = p.interest[i * THEMES.length + agility] as number;
      if (p.role[i] === role('scrumMaster')) (sm += x), smN++;
      if (p.role[i] === role('developer')) (dev += x), devN++;
    }
    const interest = DEFAULT_PARAMETERS.interest;
    expect(roleAffinity('scrumMaster', 'agility', interest)).toBe(interest.home);
    expect(roleAffinity('scrumMaster', 'transformation', interest)).toBe(interest.related);
    expect(roleAffinity('developer', 'agility', interest)).toBe(interest.other);
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

describe('the interest basis', () => {
  it('gives every role at least one home theme, and no theme twice', () => {
    for (const r of ROLES) {
      const { home, related } = INTEREST_BASIS[r];
      expect(home.length, r).toBeGreaterThan(0);
      expect(new Set([...home, ...related]).size, r).toBe(home.length + related.length);
      for (const t of [...home, ...related]) expect(THEMES).toContain(t);
    }
  });

  it('follows its three levels: interest in a home theme is home, in a related one related, in any other other', () => {
    const interest = { home: 0.9, related: 0.5, other: 0.1 };
    expect(roleAffinity('architect', 'architecture', interest)).toBe(0.9);
    expect(roleAffinity('architect', 'cloud', interest)).toBe(0.5);
    expect(roleAffinity('architect', 'ux', interest)).toBe(0.1);
  });
});

describe('the network', () => {
  const sim = simulationOf({ organisation: { employees: 2000, sites: 3 } });
  const { people: p, network: net } = sim;

  it('ties everyone in a team to everyone else in it, at teamStrength', () => {
    for (const members of [...teams(p).values()].slice(0, 30)) {
      for (const i of members) for (const j of members) if (i !== j) expect(tieBetween(net, i, j, 0)).toBeGreaterThanOrEqual(DEFAULT_PARAMETERS.network.teamStrength);
    }
  });

  it('gives each person about twice crossTeamTies colleague ties outside their team, undirected and without duplicates', () => {
    let outside = 0;
    for (let i = 0; i < p.n; i++) {
      const row = Array.from(net.colleagues.subarray(net.colleagueStart[i], net.colleagueStart[i + 1]));
      expect(new Set(row).size).toBe(row.length);
      for (const j of row) {
        expect(j).not.toBe(i);
        expect(Array.from(net.colleagues.subarray(net.colleagueStart[j], net.colleagueStart[j + 1]))).toContain(i);
        if (p.team[j] !== p.team[i]) outside++;
      }
    }
    const mean = outside / p.n;
    expect(mean).toBeGreaterThan(2 * DEFAULT_PARAMETERS.network.crossTeamTies * 0.9);
    expect(mean).toBeLessThan(2 * DEFAULT_PARAMETERS.network.crossTeamTies * 1.05);
  });

  it('colleague ties stay mostly within the team of teams and the site, and favour one’s own role (sites act)', () => {
    let same = 0;
    let site = 0;
    let roles = 0;
    let total = 0;
    for (let i = 0; i < p.n; i++) {
      for (let k = net.colleagueStart[i] as number; k < (net.colleagueStart[i + 1] as number); k++) {
        const j = net.colleagues[k] as number;
        if (p.team[j] === p.team[i]) continue;
        total++;
        if (p.group[j] === p.group[i]) same++;
        if (p.site[j] === p.site[i]) site++;
        if (p.role[j] === p.role[i]) roles++;
      }
    }
    // Uniform ties would stay within the team of teams for ~1/28 of them and on the site for ~1/3.
    expect(same / total).toBeGreaterThan(0.4);
    expect(site / total).toBeGreaterThan(0.6);
    const devShare = Array.from(p.role).filter((r) => r === role('developer')).length / p.n;
    expect(roles / total).toBeGreaterThan(devShare * 0.5 + 0.2);
    // One site or twenty: a different network.
    const one = simulationOf({ organisation: { employees: 2000, sites: 1 } });
    expect(Array.from(one.network.colleagues)).not.toEqual(Array.from(net.colleagues));
  });

  it('is the same whatever CoPs the scenario has (its own stream)', () => {
    const other = simulationOf({ organisation: { employees: 2000, sites: 3 }, cops: [{}, { theme: 'ai' }] });
    expect(Array.from(other.network.colleagues)).toEqual(Array.from(net.colleagues));
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
    const sim = simulationOf({ organisation: org, cop: { targetGroup: { kind: 'role', role: 'scrumMaster' } } });
    const q = sim.people;
    const smTeams = new Set<number>();
    for (let i = 0; i < q.n; i++) if (q.role[i] === role('scrumMaster') && q.unit[i] === Unit.development) smTeams.add(q.team[i] as number);
    expect(countTargetTeams(sim, firstCoP(sim))).toBe(smTeams.size);
  });
});

describe('deriveSettings', () => {
  const derive = (cop: TestScenario['cop'], knockouts: string[] = []) =>
    deriveSettings(settingsOf(cop), DEFAULT_PARAMETERS, channelFlags(knockouts));

  it('maps participation to compliance pressure and terms, decision power and lead to numbers', () => {
    const a = DEFAULT_PARAMETERS.attendance;
    expect(derive({ participation: 'voluntary' })).toMatchObject({ pressure: 0, compliance: 0, mandatory: false });
    expect(derive({ participation: 'expected' })).toMatchObject({
      pressure: DEFAULT_PARAMETERS.motivation.expectedPressure,
      compliance: a.expected,
    });
    expect(derive({ participation: 'mandatory' })).toMatchObject({ pressure: 1, compliance: a.mandatory, mandatory: true });
    expect(derive({ participation: 'mandatory' }, ['participation.compliance']).compliance).toBe(0);
    expect(derive({ decisionPower: 'influence' }).decisionPower).toBe(DEFAULT_PARAMETERS.value.influence);
    expect(derive({ support: { lead: 'full-time' } }).leadHours).toBe(DEFAULT_PARAMETERS.meeting.fullTimeLeadHours);
    expect(derive({ support: { lead: 'part-time' } }).leadContent).toBe(DEFAULT_PARAMETERS.value.partTimeContent);
    expect(derive({ support: { lead: 'part-time' } }, ['lead.content']).leadContent).toBe(0);
  });

  it('protected hours per meeting are funded hours × cadence × protection', () => {
    const d = derive({ support: { fundedHours: 2, protection: 0.75 }, meetings: { cadence: 4 } });
    expect(d.protectedHours).toBeCloseTo(6, 12);
    // Approval protects a share recognitionProtection of the rest; knocked out, it does not.
    const r = DEFAULT_PARAMETERS.timeBudget.recognitionProtection;
    const approved = { acceptance: 'approved' as const, support: { fundedHours: 2, protection: 0.5 }, meetings: { cadence: 2 } };
    expect(derive(approved).protectedHours).toBeCloseTo(4 * (0.5 + 0.5 * r), 12);
    expect(derive(approved, ['acceptance.protection']).protectedHours).toBeCloseTo(2, 12);
    expect(derive(approved, ['support.fundedTime']).protectedHours).toBe(0);
  });

  it('the chance of an external session is the budget per meeting, at most 1', () => {
    expect(derive({ support: { budget: 13 }, meetings: { cadence: 2 } }).externalSession).toBeCloseTo(0.5, 12);
    expect(derive({ support: { budget: 52 }, meetings: { cadence: 4 } }).externalSession).toBe(1);
    expect(derive({ support: { budget: 52 } }, ['support.externalContent']).externalSession).toBe(0);
  });

  it('recognition comes with approval or initiation, and acceptance raises visibility', () => {
    const v = (a: CoPSettings['acceptance']) => derive({ acceptance: a });
    expect([v('unaware'), v('tolerated'), v('approved'), v('initiated')].map((d) => d.recognised)).toEqual([0, 0, 1, 1]);
    expect(v('unaware').visibility).toBeLessThan(v('tolerated').visibility);
    expect(v('tolerated').visibility).toBeLessThan(v('approved').visibility);
    expect(v('approved').visibility).toBeLessThan(v('initiated').visibility);
    expect(derive({ acceptance: 'unaware' }, ['acceptance.visibility']).visibility).toBe(1);
  });
});

describe('launch', () => {
  it('founds the CoP with `founders` active members from the target group', () => {
    const sim = simulationOf({ organisation: { employees: 500 }, cop: { founders: 6, targetGroup: { kind: 'role', role: 'architect' } } });
    const cop = firstCoP(sim);
    cop.alive = false;
    cop.launched = false;
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
      cop.launched = false;
      launch(sim, cop);
      expect(Number.isNaN(cop.pulseStart)).toBe(initiation === 'bottom-up');
    }
  });

  it('bottom-up founders are among the most interested', () => {
    const sim = simulationOf({ organisation: { employees: 2000 }, cop: { initiation: 'bottom-up', founders: 10 } });
    const cop = firstCoP(sim);
    cop.launched = false;
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
    cop.launched = false;
    launch(sim, cop);
    for (let i = 0; i < sim.people.n; i++) {
      const member = cop.state[i] !== MemberState.nonMember;
      expect(member).toBe(sim.people.role[i] === role('tester'));
    }
  });

  it('a new CoP starts with nobody in it and computes its eligible pool', () => {
    const scenario = scenarioOf({ organisation: { employees: 100 } });
    const p = people({ employees: 100 });
    const net = buildNetwork(p, scenario.parameters.network, ROLES.length, makeRng('net'));
    const cop = createCommunity(scenario.cops[0]!, 'c', 0, p, net, scenario.parameters, ON, makeRng('test'));
    expect(cop.alive).toBe(false);
    expect(Array.from(cop.state).every((s) => s === MemberState.nonMember)).toBe(true);
    expect(Array.from(cop.eligible).every((e) => e === 1)).toBe(true);
  });
});

describe('founders', () => {
  it('know each other (ties at founderTie), and the first founder leads a CoP with a lead', () => {
    const sim = simulationOf({ organisation: { employees: 500 }, cop: { founders: 5, support: { lead: 'part-time' } } });
    const cop = firstCoP(sim);
    cop.launched = false;
    launch(sim, cop);
    const founders = Array.from(cop.state.keys()).filter((i) => cop.state[i] === MemberState.active);
    for (const i of founders) for (const j of founders) if (i !== j) expect(tieBetween(sim.network, i, j, 0)).toBeGreaterThanOrEqual(DEFAULT_PARAMETERS.launch.founderTie);
    expect(founders).toContain(cop.lead);
    for (const i of founders) expect(cop.belonging[i]).toBeGreaterThan(0);
  });

  it('knocked out (initiation.appointed), top-down founders self-select like bottom-up ones', () => {
    const found = (initiation: 'top-down' | 'bottom-up', knockouts: string[]) => {
      const sim = simulationOf({ organisation: { employees: 1000 }, cop: { initiation, founders: 8 }, parameters: { knockouts } as never });
      const cop = firstCoP(sim);
      cop.launched = false;
      launch(sim, cop);
      return Array.from(cop.state.keys()).filter((i) => cop.state[i] === MemberState.active);
    };
    expect(found('top-down', ['initiation.appointed'])).toEqual(found('bottom-up', []));
    expect(found('top-down', [])).not.toEqual(found('bottom-up', []));
  });
});

describe('steering: auto', () => {
  it('is parameters.launch.topDownSteering for a top-down CoP and 0 for a bottom-up one', () => {
    const p = parametersSchema.parse({ launch: { topDownSteering: 0.42 } });
    expect(deriveSettings(settingsOf({ initiation: 'top-down' }), p, ON).steering).toBe(0.42);
    expect(deriveSettings(settingsOf({ initiation: 'bottom-up' }), p, ON).steering).toBe(0);
  });

  it('an explicit number wins over the default of initiation', () => {
    expect(deriveSettings(settingsOf({ initiation: 'top-down', steering: 0.1 }), DEFAULT_PARAMETERS, ON).steering).toBe(0.1);
  });
});
