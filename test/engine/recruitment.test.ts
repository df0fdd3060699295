import { describe, expect, it } from 'vitest';
import { topicFit } from '../../src/engine/mechanisms/meetingValue.js';
import { recruit } from '../../src/engine/mechanisms/recruitment.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf, type TestScenario } from './helpers.js';

const recruitment = {
  announcement: 0.05,
  launchPulse: 0.2,
  pulseWeeks: 4,
  wordOfMouth: 1,
  teamTies: 0.6,
  nonTargetInterest: 0.25,
  satisfaction: 0.4,
};

function pool(cop: TestScenario['cop'] = {}, seed = 1, employees = 2000): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees }, cop, parameters: { recruitment } }, seed);
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

/** affinity_i: mean of topic fit and motivation, times (0.5 + willingness), reduced outside the target group. */
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

describe('mechanism 9: recruitment', () => {
  it('without members, an open CoP grows by the announcement alone: p = affinity · announcement · visibility', () => {
    const { sim, cop } = pool({ acceptance: 'tolerated' });
    recruit(sim, cop);
    const e = expectation(sim, (i) => affinity(sim, cop, i) * recruitment.announcement * cop.derived.visibility);
    expect(e.mean).toBeGreaterThan(30);
    expect(Math.abs(joined(cop) - e.mean)).toBeLessThan(e.tol);
  });

  it('management acceptance makes the announcement reach further', () => {
    const quiet = pool({ acceptance: 'unaware' });
    const loud = pool({ acceptance: 'initiated' });
    expect(loud.cop.derived.visibility).toBeGreaterThan(quiet.cop.derived.visibility);
    recruit(quiet.sim, quiet.cop);
    recruit(loud.sim, loud.cop);
    expect(joined(loud.cop)).toBeGreaterThan(joined(quiet.cop));
  });

  it('a top-down launch pulse raises joining, and it decays with pulseWeeks', () => {
    const rateAt = (weeksAfter: number) => {
      const { sim, cop } = pool();
      cop.pulseStart = 0;
      sim.week = weeksAfter;
      recruit(sim, cop);
      const pulse = recruitment.launchPulse * Math.exp(-weeksAfter / recruitment.pulseWeeks);
      const e = expectation(sim, (i) => affinity(sim, cop, i) * (recruitment.announcement * cop.derived.visibility + pulse));
      expect(Math.abs(joined(cop) - e.mean), `${weeksAfter} weeks after`).toBeLessThan(e.tol);
      return joined(cop);
    };
    expect(rateAt(0)).toBeGreaterThan(rateAt(8));
  });

  it('only the eligible pool may join', () => {
    // An open CoP for Scrum Masters of the first team of teams: developers and other teams of
    // teams are eligible or not by scope alone.
    const { sim, cop } = pool({ targetGroup: { kind: 'role', role: 'scrumMaster' }, scope: 'team-of-teams' });
    sim.parameters.recruitment.announcement = 1;
    cop.pulseStart = 0;
    cop.interestFit.fill(1);
    recruit(sim, cop);
    let inside = 0;
    for (let i = 0; i < sim.people.n; i++) {
      if (!cop.eligible[i]) expect(cop.state[i]).toBe(MemberState.nonMember);
      else if (cop.state[i] === MemberState.newcomer) inside++;
    }
    expect(inside).toBeGreaterThan(0);
    expect(Array.from(cop.eligible).filter((e) => e === 0).length).toBeGreaterThan(1000);
  });

  it('word of mouth: satisfied active members bring in their ties, unsatisfied ones do not', () => {
    const withMembers = (expectationLevel: number) => {
      const { sim, cop } = pool({ acceptance: 'unaware' });
      sim.parameters.recruitment.announcement = 0;
      // Two satisfied (or not) active members in every development team.
      const seen = new Map<number, number>();
      for (let i = 0; i < sim.people.n; i++) {
        const t = sim.people.team[i] as number;
        const k = seen.get(t) ?? 0;
        if (k < 2) {
          cop.state[i] = MemberState.active;
          cop.expectation[i] = expectationLevel;
          seen.set(t, k + 1);
        }
      }
      recruit(sim, cop);
      return joined(cop);
    };
    expect(withMembers(0.3)).toBe(0);
    expect(withMembers(0.8)).toBeGreaterThan(50);
  });

  it('a closed CoP has no outside influence: without inviting members nobody joins', () => {
    const { sim, cop } = pool({ openness: 'closed', acceptance: 'initiated' });
    cop.pulseStart = 0;
    recruit(sim, cop);
    expect(joined(cop)).toBe(0);
  });

  it('a closed CoP invites less as the room fills, and not at all once attendance reaches the airtime', () => {
    const airtime = 30;
    const invite = (lastAttendance: number) => {
      const { sim, cop } = pool({ openness: 'closed', targetGroup: { kind: 'topic' } });
      sim.parameters.value.airtime = airtime;
      for (let i = 0; i < sim.people.n; i += 5) {
        cop.state[i] = MemberState.core;
        cop.expectation[i] = 0.9;
        cop.safety[i] = 0.9;
      }
      cop.lastAttendance = lastAttendance;
      recruit(sim, cop);
      return joined(cop);
    };
    expect(invite(0)).toBeGreaterThan(invite(airtime / 2));
    expect(invite(airtime / 2)).toBeGreaterThan(0);
    expect(invite(airtime)).toBe(0);
  });

  it('in a closed CoP only members who feel safe invite', () => {
    const { sim, cop } = pool({ openness: 'closed' });
    for (let i = 0; i < sim.people.n; i += 5) {
      cop.state[i] = MemberState.core;
      cop.expectation[i] = 0.9;
      cop.safety[i] = 0.49;
    }
    recruit(sim, cop);
    expect(joined(cop)).toBe(0);
  });

  it('mandatory participation enrols the whole target group at once, and those who left', () => {
    const { sim, cop } = pool({ participation: 'mandatory', targetGroup: { kind: 'role', role: 'scrumMaster' } });
    const target = Array.from(cop.eligible).filter((e) => e === 1).length;
    expect(target).toBeGreaterThan(0);
    let someone = -1;
    for (let i = 0; i < sim.people.n; i++) if (cop.eligible[i] === 1) someone = i;
    cop.state[someone] = MemberState.left;
    cop.motivation[someone] = 0;
    recruit(sim, cop);
    for (let i = 0; i < sim.people.n; i++) {
      if (cop.eligible[i] === 1) expect(cop.state[i]).toBe(MemberState.newcomer);
    }
    // Rejoining starts afresh.
    expect(cop.motivation[someone]).toBeGreaterThan(0);
  });

  it('people who left come back at half the rate of those who never joined', () => {
    const { sim, cop } = pool();
    cop.state.fill(MemberState.left);
    recruit(sim, cop);
    const e = expectation(sim, (i) => 0.5 * affinity(sim, cop, i) * recruitment.announcement * cop.derived.visibility);
    expect(Math.abs(joined(cop) - e.mean)).toBeLessThan(e.tol);
  });

  it('people outside an open role-based CoP’s target group join at the reduced rate nonTargetInterest', () => {
    const { sim, cop } = pool({ targetGroup: { kind: 'role', role: 'developer' } });
    recruit(sim, cop);
    let outsiders = 0;
    for (let i = 0; i < sim.people.n; i++) if (cop.eligible[i] === 2 && cop.state[i] === MemberState.newcomer) outsiders++;
    const e = expectation(sim, (i) => (cop.eligible[i] === 2 ? affinity(sim, cop, i) * recruitment.announcement * cop.derived.visibility : 0));
    expect(Math.abs(outsiders - e.mean)).toBeLessThan(e.tol);
  });

  it('a dead CoP recruits no one', () => {
    const { sim, cop } = pool();
    cop.alive = false;
    sim.parameters.recruitment.announcement = 1;
    recruit(sim, cop);
    expect(joined(cop)).toBe(0);
  });
});
