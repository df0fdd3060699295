import { describe, expect, it } from 'vitest';
import { formBreakouts } from '../../src/engine/breakouts.js';
import { contribute } from '../../src/engine/mechanisms/contributions.js';
import { renewTie } from '../../src/engine/network.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { startWeek } from '../../src/engine/step.js';
import { firstCoP, meanOf, simulationOf, type TestScenario } from './helpers.js';

const contributions = {
  rate: 2,
  airtime: 4,
  groupSize: 6,
  groupByTies: 0,
  plenary: 0.3,
  unsafeShare: 0.3,
  noviceShare: 0.5,
  cumulativeAdvantage: 0,
  window: 4,
  coreAttended: 3,
  coreSpeaking: 0.7,
  activeAttended: 2,
  activeSpeaking: 0.3,
};

/** Everyone an active member with the same state; the first `attendees` of them in the room. */
function meeting(
  cop: TestScenario['cop'] = {},
  attendees = 2000,
  seed = 1,
  extra: Partial<typeof contributions> = {},
): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf(
    {
      organisation: { employees: 2000 },
      cop: { meetings: { presentationShare: 0, length: 1.5 }, ...cop },
      parameters: { contributions: { ...contributions, ...extra } },
    },
    seed,
  );
  const c = firstCoP(sim);
  c.state.fill(MemberState.active);
  c.attendedCount.fill(5);
  c.motivation.fill(0.6);
  c.safety.fill(0.5);
  sim.people.competence.fill(0.5);
  seat(c, attendees);
  return { sim, cop: c };
}

function seat(c: CommunityState, attendees: number): void {
  c.heldThisWeek = true;
  for (let i = 0; i < attendees; i++) {
    c.attending[i] = 1;
    c.attendees[i] = i;
  }
  c.attendance = attendees;
}

/** Propensity of an attendee with motivation m, safety s, competence k and no past contributions. */
const propensity = (m: number, s: number, k: number): number => m * (0.3 + 0.7 * s) * (0.5 + 0.5 * k);

describe('breakout groups', () => {
  it('deal every attendee into one of ⌈n / groupSize⌉ groups of near-equal size', () => {
    for (const n of [1, 5, 6, 7, 20, 601]) {
      const { sim, cop } = meeting({}, n);
      const before = new Set(Array.from(cop.attendees.subarray(0, n)));
      formBreakouts(cop, sim.network, sim.parameters.contributions, 0);
      const groups = Math.ceil(n / 6);
      expect(cop.groups).toBe(groups);
      const sizes = Array.from({ length: groups }, (_, g) => (cop.groupStart[g + 1] as number) - (cop.groupStart[g] as number));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
      expect(new Set(Array.from(cop.attendees.subarray(0, n)))).toEqual(before);
      for (let g = 0; g < groups; g++) {
        for (let k = cop.groupStart[g] as number; k < (cop.groupStart[g + 1] as number); k++) expect(cop.breakout[cop.attendees[k]!]).toBe(g);
      }
    }
  });

  it('people sit with the people they know: with groupByTies 1, whoever starts a group takes their best-known attendees along', () => {
    const { sim, cop } = meeting({}, 60, 3, { groupByTies: 1 });
    // Ten cliques of six, tied strongly within.
    for (let c = 0; c < 10; c++) {
      for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) renewTie(sim.network, 6 * c + a + 100, 6 * c + b + 100, 0.9, 0);
    }
    cop.attending.fill(0);
    for (let k = 0; k < 60; k++) {
      cop.attendees[k] = 100 + k;
      cop.attending[100 + k] = 1;
    }
    formBreakouts(cop, sim.network, sim.parameters.contributions, 0);
    for (let c = 0; c < 10; c++) {
      const g = cop.breakout[100 + 6 * c];
      for (let a = 1; a < 6; a++) expect(cop.breakout[100 + 6 * c + a]).toBe(g);
    }
    // With groupByTies 0 the cliques are broken up.
    const random = meeting({}, 60, 3, { groupByTies: 0 });
    for (let c = 0; c < 10; c++) {
      for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) renewTie(random.sim.network, 6 * c + a + 100, 6 * c + b + 100, 0.9, 0);
    }
    random.cop.attending.fill(0);
    for (let k = 0; k < 60; k++) {
      random.cop.attendees[k] = 100 + k;
      random.cop.attending[100 + k] = 1;
    }
    formBreakouts(random.cop, random.sim.network, random.sim.parameters.contributions, 0);
    let together = 0;
    for (let c = 0; c < 10; c++) {
      const g = random.cop.breakout[100 + 6 * c];
      for (let a = 1; a < 6; a++) if (random.cop.breakout[100 + 6 * c + a] === g) together++;
    }
    expect(together).toBeLessThan(25);
  });
});

describe('contributions', () => {
  it('in groups of six with no presentation, counts are Poisson with mean rate·L·airtime/(airtime + 5)·propensity', () => {
    const { sim, cop } = meeting({}, 1800);
    contribute(sim, cop);
    const expected = 2 * 1.5 * (4 / (4 + 5)) * propensity(0.6, 0.5, 0.5);
    const counts = Array.from(cop.spoken.subarray(0, 1800));
    expect(Math.abs(meanOf(counts) - expected)).toBeLessThan(5 * Math.sqrt(expected / 1800));
    expect(cop.contributions).toBe(counts.reduce((a, b) => a + b, 0));
    expect(cop.exchangeContributions).toBe(cop.contributions);
  });

  it('contributions are counts, not yes/no: some attendees make several', () => {
    const { sim, cop } = meeting({}, 20);
    cop.motivation.fill(1);
    cop.safety.fill(1);
    contribute(sim, cop);
    expect(Math.max(...Array.from(cop.spoken))).toBeGreaterThanOrEqual(2);
  });

  it('members who do not attend contribute nothing; without autonomous motivation no one contributes', () => {
    const { sim, cop } = meeting({}, 1000);
    contribute(sim, cop);
    for (let i = 1000; i < 2000; i++) expect(cop.spoken[i]).toBe(0);
    const cold = meeting({}, 1000);
    cold.cop.motivation.fill(0);
    contribute(cold.sim, cold.cop);
    expect(cold.cop.contributions).toBe(0);
  });

  it('a mandate raises attendance but not contributions: compliance does not enter the count', () => {
    const free = meeting({ participation: 'voluntary' }, 500, 5);
    const forced = meeting({ participation: 'mandatory' }, 500, 5);
    contribute(free.sim, free.cop);
    contribute(forced.sim, forced.cop);
    expect(Array.from(forced.cop.spoken)).toEqual(Array.from(free.cop.spoken));
  });

  it('once the groups are full, a bigger room leaves the exchange unchanged', () => {
    const small = meeting({}, 120, 2);
    const big = meeting({}, 1800, 2);
    contribute(small.sim, small.cop);
    contribute(big.sim, big.cop);
    const mu = 2 * 1.5 * (4 / 9) * propensity(0.6, 0.5, 0.5);
    const se = Math.sqrt(mu / 120);
    expect(Math.abs(small.cop.contributions / 120 - big.cop.contributions / 1800)).toBeLessThan(5 * se);
  });

  it('the plenary of a presentation leaves little airtime to each in a crowd, and fewer contributions than an exchange', () => {
    const at = (n: number): number => {
      const { sim, cop } = meeting({ meetings: { presentationShare: 1, length: 1.5 } }, n, 4);
      contribute(sim, cop);
      return cop.contributions / n;
    };
    const p = propensity(0.6, 0.5, 0.5);
    expect(Math.abs(at(1000) - 2 * 1.5 * 0.3 * (4 / 1003) * p)).toBeLessThan(0.01);
    // μ at 40 attendees is ten times that at 1000 (airtime 4/43 against 4/1003).
    expect(at(40)).toBeGreaterThan(3 * at(1000));
    const exchange = meeting({}, 600, 4);
    contribute(exchange.sim, exchange.cop);
    expect(at(600)).toBeLessThan(exchange.cop.contributions / 600);
  });

  it('knocked out (format.speaking), a presentation leaves speaking as in an exchange', () => {
    const a = meeting({ meetings: { presentationShare: 1, length: 1.5 } }, 600, 6);
    const b = meeting({ meetings: { presentationShare: 0, length: 1.5 } }, 600, 6);
    const ko = simulationOf({
      organisation: { employees: 2000 },
      cop: { meetings: { presentationShare: 1, length: 1.5 } },
      parameters: { contributions, knockouts: ['format.speaking'] },
    }, 6);
    const c = firstCoP(ko);
    c.state.fill(MemberState.active);
    c.motivation.fill(0.6);
    c.safety.fill(0.5);
    ko.people.competence.fill(0.5);
    seat(c, 600);
    contribute(ko, c);
    contribute(b.sim, b.cop);
    contribute(a.sim, a.cop);
    expect(c.contributions).toBe(b.cop.contributions);
    expect(a.cop.contributions).toBeLessThan(b.cop.contributions);
  });

  it('safety raises contributions; knocked out (safety.speakingUp), the unsafe speak as if safe', () => {
    const unsafe = meeting({}, 1800, 7);
    unsafe.cop.safety.fill(0);
    const safe = meeting({}, 1800, 7);
    safe.cop.safety.fill(1);
    contribute(unsafe.sim, unsafe.cop);
    contribute(safe.sim, safe.cop);
    expect(unsafe.cop.contributions).toBeLessThan(0.5 * safe.cop.contributions);
  });

  it('each contribution keeps the tacit know-how of some problem class fresh', () => {
    const { sim, cop } = meeting({}, 30);
    cop.motivation.fill(1);
    cop.tacit.fill(0);
    contribute(sim, cop);
    expect(cop.contributions).toBeGreaterThan(0);
    const fresh = Array.from(cop.tacit).filter((x) => x === 1).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThanOrEqual(cop.contributions);
  });

  it('nothing happens when no meeting is held', () => {
    const { sim, cop } = meeting({}, 30);
    cop.heldThisWeek = false;
    contribute(sim, cop);
    expect(cop.contributions).toBe(0);
    expect(cop.meetingsHeld).toBe(0);
  });

  describe('roles: absolute thresholds on attendance and speaking share over the window', () => {
    /** Holds `meetings` meetings; `attends(i, m)` says who comes to meeting m. */
    function season(meetings: number, attends: (i: number, m: number) => boolean, setup: (cop: CommunityState) => void) {
      // Long meetings and a core threshold of half the airtime: a fully engaged member clears it
      // with a Poisson margin (about 10.7 expected contributions against 5.3 needed in the window).
      const { sim, cop } = meeting({ meetings: { presentationShare: 0, length: 3 } }, 0, 9, { coreSpeaking: 0.5 });
      // Full competence: a fully motivated, safe member's propensity is 1, above coreSpeaking.
      sim.people.competence.fill(1);
      setup(cop);
      for (let m = 0; m < meetings; m++) {
        startWeek(sim, cop);
        cop.heldThisWeek = true;
        let n = 0;
        for (let i = 0; i < 60; i++) {
          if (!attends(i, m)) continue;
          cop.attending[i] = 1;
          cop.attendees[n++] = i;
        }
        cop.attendance = n;
        contribute(sim, cop);
      }
      return cop;
    }

    it('who attends every meeting and takes much of their airtime is core; who attends but hardly speaks is peripheral', () => {
      const cop = season(
        8,
        (i) => i < 60,
        (c) => {
          c.motivation.fill(1, 0, 30);
          c.safety.fill(1, 0, 30);
          c.motivation.fill(0.02, 30, 60);
        },
      );
      let core = 0;
      let peripheral = 0;
      for (let i = 0; i < 30; i++) if (cop.state[i] === MemberState.core) core++;
      for (let i = 30; i < 60; i++) if (cop.state[i] === MemberState.peripheral) peripheral++;
      expect(core).toBeGreaterThan(24);
      expect(peripheral).toBeGreaterThan(24);
    });

    it('who speaks up but attends only some meetings is active, not core', () => {
      const cop = season(
        8,
        (i, m) => i < 30 || m % 2 === 0,
        (c) => {
          c.motivation.fill(1);
          c.safety.fill(1);
        },
      );
      let active = 0;
      for (let i = 30; i < 60; i++) if (cop.state[i] === MemberState.active) active++;
      expect(active).toBeGreaterThan(24);
    });

    it('roles come from absolute thresholds, not quantiles: when everyone meets the core threshold, everyone is core', () => {
      const cop = season(
        8,
        () => true,
        (c) => {
          c.motivation.fill(1);
          c.safety.fill(1);
          c.attendedCount.fill(5);
        },
      );
      let core = 0;
      for (let i = 0; i < 60; i++) if (cop.state[i] === MemberState.core) core++;
      expect(core).toBeGreaterThan(55);
    });

    it('until the window has filled, the attendance thresholds scale with the meetings held', () => {
      const cop = season(
        1,
        () => true,
        (c) => {
          c.motivation.fill(1);
          c.safety.fill(1);
        },
      );
      let core = 0;
      for (let i = 0; i < 60; i++) if (cop.state[i] === MemberState.core) core++;
      expect(core).toBeGreaterThan(40);
    });

    it('a newcomer keeps the newcomer state until their second meeting; a dormant member who stays away stays dormant', () => {
      const { sim, cop } = meeting({}, 10);
      cop.state[3] = MemberState.newcomer;
      cop.attendedCount[3] = 0;
      cop.state[15] = MemberState.dormant;
      contribute(sim, cop);
      expect(cop.state[3]).toBe(MemberState.newcomer);
      expect(cop.state[15]).toBe(MemberState.dormant);
    });
  });
});
