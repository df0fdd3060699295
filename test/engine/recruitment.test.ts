import { describe, expect, it } from 'vitest';
import { topicFit } from '../../src/engine/fit.js';
import { recruit } from '../../src/engine/mechanisms/recruitment.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf, type TestScenario } from './helpers.js';

const recruitment = {
  announcement: 0.05,
  unawareVisibility: 0,
  toleratedVisibility: 0.2,
  initiatedVisibility: 1.5,
  launchPulse: 0.2,
  pulseWeeks: 4,
  wordOfMouth: 1,
  motivationWeight: 0.5,
  selectivity: 1,
  willingness: 0.5,
  nonTargetInterest: 0.25,
  rejoin: 0.5,
  satisfaction: 0.4,
  inviteSafety: 0.7,
};

function pool(cop: TestScenario['cop'] = {}, seed = 1, employees = 2000, extra: object = {}): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees }, cop, parameters: { recruitment: { ...recruitment, ...extra } } }, seed);
  return { sim, cop: firstCoP(sim) };
}

/** Expected joiners (Σ p_i) and five standard errors of their number (√Σ p(1 − p)), given each p_i. */
function expectation(sim: Simulation, rate: (i: number) => number): { mean: number; tol: number } {
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < sim.people.n; i++) {
    const p = Math.min(1, rate(i));
    mean += p;
    variance += p * (1 - p);
  }
  return { mean, tol: 5 * Math.sqrt(variance) };
}

/** affinity_i with selectivity 1: the mix of fit and motivation, times willingness, reduced outside the target group. */
function affinity(sim: Simulation, cop: CommunityState, i: number): number {
  const e = cop.eligible[i] as number;
  if (!e) return 0;
  return (
    (0.5 * topicFit(cop.interestFit[i] as number, sim.people.alignment[i] as number, cop.derived.steering) +
      0.5 * (cop.motivation[i] as number)) *
    (0.5 + (sim.people.willingness[i] as number)) *
    (e === 2 ? recruitment.nonTargetInterest : 1)
  );
}

const joined = (cop: CommunityState): number => Array.from(cop.state).filter((s) => s === MemberState.newcomer).length;

describe('recruitment', () => {
  it('without members, an approved open CoP grows by the announcement alone: p = affinity · announcement', () => {
    const { sim, cop } = pool({ acceptance: 'approved' });
    recruit(sim, cop);
    const { mean, tol } = expectation(sim, (i) => affinity(sim, cop, i) * 0.05);
    expect(Math.abs(joined(cop) - mean)).toBeLessThan(tol);
    expect(cop.joins).toBe(joined(cop));
    expect(cop.joinsByWord).toBe(0);
  });

  it('management’s acceptance sets how far announcements reach; a CoP management is unaware of spreads by word of mouth alone', () => {
    const reach = (acceptance: 'unaware' | 'tolerated' | 'approved' | 'initiated'): number => {
      const { sim, cop } = pool({ acceptance }, 3);
      recruit(sim, cop);
      return joined(cop);
    };
    expect(reach('unaware')).toBe(0);
    expect(reach('tolerated')).toBeLessThan(reach('approved'));
    expect(reach('approved')).toBeLessThan(reach('initiated'));
    // Knocked out (acceptance.visibility), every CoP reaches as far as an approved one.
    const sim = simulationOf(
      { organisation: { employees: 2000 }, cop: { acceptance: 'unaware' }, parameters: { recruitment, knockouts: ['acceptance.visibility'] } },
      3,
    );
    const c = firstCoP(sim);
    recruit(sim, c);
    expect(joined(c)).toBe(reach('approved'));
  });

  it('selectivity above 1 concentrates joining on the interested', () => {
    const flat = pool({ acceptance: 'approved' }, 4, 2000, { selectivity: 1 });
    const sharp = pool({ acceptance: 'approved' }, 4, 2000, { selectivity: 3 });
    recruit(flat.sim, flat.cop);
    recruit(sharp.sim, sharp.cop);
    const meanFit = (c: CommunityState): number => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < c.state.length; i++) if (c.state[i] === MemberState.newcomer) {
        s += c.interestFit[i] as number;
        n++;
      }
      return s / n;
    };
    expect(joined(sharp.cop)).toBeLessThan(joined(flat.cop));
    expect(meanFit(sharp.cop)).toBeGreaterThan(meanFit(flat.cop));
  });

  it('a top-down launch pulse raises joining, and it decays with pulseWeeks', () => {
    const at = (week: number): number => {
      const { sim, cop } = pool({ acceptance: 'unaware' }, 5);
      cop.pulseStart = 0;
      sim.week = week;
      recruit(sim, cop);
      return joined(cop);
    };
    expect(at(0)).toBeGreaterThan(at(8));
    const { sim, cop } = pool({ acceptance: 'unaware' }, 5);
    cop.pulseStart = 0;
    recruit(sim, cop);
    const { mean, tol } = expectation(sim, (i) => affinity(sim, cop, i) * 0.2);
    expect(Math.abs(joined(cop) - mean)).toBeLessThan(tol);
  });

  it('only the eligible pool may join', () => {
    const { sim, cop } = pool({ acceptance: 'initiated', openness: 'closed', targetGroup: { kind: 'role', role: 'scrumMaster' } });
    cop.pulseStart = 0;
    for (let w = 0; w < 20; w++) {
      sim.week = w;
      recruit(sim, cop);
    }
    for (let i = 0; i < cop.state.length; i++) if (cop.state[i] !== MemberState.nonMember) expect(cop.eligible[i]).toBe(1);
  });

  describe('word of mouth through ties', () => {
    /** A CoP nobody announces, with every member of one team a satisfied active member. */
    function teamOfSatisfied(satisfied: boolean, seed = 7) {
      const { sim, cop } = pool({ acceptance: 'unaware' }, seed, 300);
      const net = sim.network;
      // Team members of person 10 (team ties): make them satisfied members.
      const team = sim.people.team[10];
      for (let i = 0; i < sim.people.n; i++) {
        if (sim.people.team[i] !== team || i === 10) continue;
        cop.state[i] = MemberState.active;
        cop.expectation[i] = satisfied ? 0.9 : 0.1;
      }
      return { sim, cop, net };
    }

    it('satisfied active members bring in the people they have ties with; unsatisfied ones do not', () => {
      let fromSatisfied = 0;
      let fromUnsatisfied = 0;
      for (let seed = 0; seed < 60; seed++) {
        const a = teamOfSatisfied(true, seed);
        recruit(a.sim, a.cop);
        if (a.cop.state[10] === MemberState.newcomer) fromSatisfied++;
        const b = teamOfSatisfied(false, seed);
        recruit(b.sim, b.cop);
        if (b.cop.state[10] === MemberState.newcomer) fromUnsatisfied++;
      }
      expect(fromUnsatisfied).toBe(0);
      expect(fromSatisfied).toBeGreaterThan(0);
    });

    it('a join credits word of mouth with its share of the chance', () => {
      const { sim, cop } = teamOfSatisfied(true);
      for (let w = 0; w < 30; w++) {
        sim.week = w;
        recruit(sim, cop);
      }
      expect(cop.joins).toBeGreaterThan(0);
      // Without announcements (unaware) every join is word of mouth's.
      expect(cop.joinsByWord).toBeCloseTo(cop.joins, 9);
    });

    it('knocked out (network.wordOfMouth), ties bring nobody', () => {
      const sim = simulationOf({ organisation: { employees: 2000 }, cop: { acceptance: 'unaware' }, parameters: { recruitment, knockouts: ['network.wordOfMouth'] } }, 7);
      const cop = firstCoP(sim);
      for (let i = 0; i < 200; i++) {
        cop.state[i] = MemberState.active;
        cop.expectation[i] = 0.9;
      }
      for (let w = 0; w < 20; w++) {
        sim.week = w;
        recruit(sim, cop);
      }
      expect(joined(cop)).toBe(0);
    });
  });

  it('a closed CoP has no announcements: only members who feel safe invite, along their ties', () => {
    const setup = (safety: number) => {
      const { sim, cop } = pool({ acceptance: 'initiated', openness: 'closed' }, 9);
      cop.pulseStart = 0;
      for (let i = 0; i < 300; i++) {
        cop.state[i] = MemberState.core;
        cop.expectation[i] = 0.9;
        cop.safety[i] = safety;
      }
      for (let w = 0; w < 10; w++) {
        sim.week = w;
        recruit(sim, cop);
      }
      return joined(cop);
    };
    expect(setup(0.69)).toBe(0);
    expect(setup(0.71)).toBeGreaterThan(0);
  });

  it('mandatory participation enrols the whole target group at once, and those who left', () => {
    const { sim, cop } = pool({ participation: 'mandatory', targetGroup: { kind: 'role', role: 'tester' } });
    cop.state[2] = MemberState.left;
    recruit(sim, cop);
    for (let i = 0; i < cop.state.length; i++) {
      if (cop.eligible[i] === 1) {
        expect(cop.state[i]).toBe(MemberState.newcomer);
        expect(cop.mandated[i]).toBe(1);
      }
    }
    // Knocked out (participation.enrolment), nobody is enrolled.
    const ko = simulationOf({ organisation: { employees: 500 }, cop: { participation: 'mandatory', acceptance: 'unaware' }, parameters: { recruitment, knockouts: ['participation.enrolment'] } });
    const c = firstCoP(ko);
    recruit(ko, c);
    expect(joined(c)).toBe(0);
  });

  it('people who left come back at the rejoin share of the rate of those who never joined', () => {
    const fresh = pool({ acceptance: 'approved' }, 11);
    const left = pool({ acceptance: 'approved' }, 11);
    left.cop.state.fill(MemberState.left);
    recruit(fresh.sim, fresh.cop);
    recruit(left.sim, left.cop);
    const { mean, tol } = expectation(left.sim, (i) => 0.5 * affinity(left.sim, left.cop, i) * 0.05);
    expect(Math.abs(joined(left.cop) - mean)).toBeLessThan(tol);
    expect(joined(left.cop)).toBeLessThan(joined(fresh.cop));
  });

  it('people outside an open role-based CoP’s target group join at the reduced rate nonTargetInterest', () => {
    const { sim, cop } = pool({ acceptance: 'approved', targetGroup: { kind: 'role', role: 'scrumMaster' } });
    recruit(sim, cop);
    const { mean, tol } = expectation(sim, (i) => affinity(sim, cop, i) * 0.05);
    expect(Math.abs(joined(cop) - mean)).toBeLessThan(tol);
  });

  it('a dead CoP recruits no one', () => {
    const { sim, cop } = pool({ acceptance: 'initiated' });
    cop.alive = false;
    recruit(sim, cop);
    expect(joined(cop)).toBe(0);
  });
});
