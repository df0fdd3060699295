import { describe, expect, it } from 'vitest';
import { reuseKnowledge, weeklyRetention } from '../../src/engine/mechanisms/knowledge.js';
import { createProblemSpace, drawProblemClass } from '../../src/engine/problems.js';
import { makeRng } from '../../src/engine/rng.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, fiveSE, simulationOf } from './helpers.js';

const knowledge = {
  problemClasses: 50,
  zipfExponent: 1,
  problemsPerWeek: 1,
  solveHours: 4,
  reuseCost: 0.25,
  tacitRetention: 0.6,
  writtenRetention: 0.9,
  share: 0.5,
  write: 0.2,
  attendanceAwareness: 2,
  tiesAwareness: 1,
  findability: 0.5,
  noviceBonus: 1,
};

/**
 * Everyone a member with full interest in the theme and no ties or recent attendance.
 * `share` 0 keeps the repertoire as the test sets it (nothing shared during the week).
 */
function community(seed = 1, share = knowledge.share): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf(
    { organisation: { employees: 2000 }, parameters: { knowledge: { ...knowledge, share }, contributions: { window: 4 } } },
    seed,
  );
  const cop = firstCoP(sim);
  cop.state.fill(MemberState.active);
  cop.interestFit.fill(1);
  cop.belonging.fill(0);
  cop.windowAttended.fill(0);
  cop.motivation.fill(0.5);
  return { sim, cop };
}

describe('knowledge reuse: knowledge problems and reuse', () => {
  describe('the problem space', () => {
    it('the Zipf problem space is long-tailed and its CDF ends at 1', () => {
      const space = createProblemSpace(100, 1);
      expect(space.classes).toBe(100);
      expect(space.cdf[99]).toBe(1);
      for (let k = 1; k < 100; k++) expect(space.cdf[k]).toBeGreaterThan(space.cdf[k - 1] as number);
      const p = (k: number): number => (space.cdf[k] as number) - (k > 0 ? (space.cdf[k - 1] as number) : 0);
      // P(k) ∝ 1/(k + 1): the first class is twice as frequent as the second, ten times the tenth.
      expect(p(0) / p(1)).toBeCloseTo(2, 9);
      expect(p(0) / p(9)).toBeCloseTo(10, 9);
      // Long tail: the rarer half of the classes still carries a noticeable share of problems.
      const tail = 1 - (space.cdf[49] as number);
      expect(tail).toBeGreaterThan(0.1);
      expect(tail).toBeLessThan(0.5);
    });

    it('exponent 0 gives equally frequent classes; a larger exponent concentrates problems', () => {
      const flat = createProblemSpace(10, 0);
      for (let k = 0; k < 10; k++) expect(flat.cdf[k]).toBeCloseTo((k + 1) / 10, 12);
      expect(createProblemSpace(10, 2).cdf[0]).toBeGreaterThan(createProblemSpace(10, 1).cdf[0] as number);
    });

    it('drawProblemClass inverts the CDF: classes appear with their Zipf frequencies', () => {
      const space = createProblemSpace(20, 1);
      const rng = makeRng('classes');
      const draws = 20_000;
      const counts = new Array<number>(20).fill(0);
      for (let t = 0; t < draws; t++) {
        const q = drawProblemClass(space, rng);
        expect(Number.isInteger(q) && q >= 0 && q < 20).toBe(true);
        counts[q] = (counts[q] as number) + 1;
      }
      for (const k of [0, 1, 5, 19]) {
        const p = (space.cdf[k] as number) - (k > 0 ? (space.cdf[k - 1] as number) : 0);
        expect(Math.abs((counts[k] as number) / draws - p), `class ${k}`).toBeLessThan(fiveSE(p, draws));
      }
    });

    it('drawProblemClass maps the ends of [0, 1) to the first and last class', () => {
      const space = createProblemSpace(20, 1);
      expect(drawProblemClass(space, () => 0)).toBe(0);
      expect(drawProblemClass(space, () => 0.999999999)).toBe(19);
    });
  });

  describe('staleness', () => {
    it('weeklyRetention compounds to the four-week retention', () => {
      for (const r of [0.55, 0.65, 0.75, 0.95, 1]) expect(weeklyRetention(r) ** 4).toBeCloseTo(r, 12);
      expect(weeklyRetention(0)).toBe(0);
    });

    it('tacit know-how keeps tacitRetention after four weeks, written know-how writtenRetention', () => {
      const { sim, cop } = community();
      cop.state.fill(MemberState.nonMember); // no one uses or refreshes the repertoire
      cop.tacit.fill(1);
      cop.written.fill(1);
      for (let week = 0; week < 4; week++) reuseKnowledge(sim, cop);
      for (let q = 0; q < cop.tacit.length; q++) {
        expect(cop.tacit[q]).toBeCloseTo(knowledge.tacitRetention, 12);
        expect(cop.written[q]).toBeCloseTo(knowledge.writtenRetention, 12);
      }
    });
  });

  describe('reuse', () => {
    it('with an empty repertoire every problem is reinvented', () => {
      const { sim, cop } = community(1, 0);
      reuseKnowledge(sim, cop);
      expect(cop.reuseEvents).toBe(0);
      expect(cop.reinventions).toBeGreaterThan(0);
      expect(cop.hoursSaved).toBe(0);
    });

    it('members meet Poisson(problemsPerWeek · interest) problems; without interest in the theme, none', () => {
      const { sim, cop } = community();
      reuseKnowledge(sim, cop);
      const problems = cop.reuseEvents + cop.reinventions;
      // Five Poisson standard errors of the total over 2000 members with mean 1 each.
      expect(Math.abs(problems - 2000)).toBeLessThan(5 * Math.sqrt(2000));
      const bored = community();
      bored.cop.interestFit.fill(0);
      reuseKnowledge(bored.sim, bored.cop);
      expect(bored.cop.reuseEvents + bored.cop.reinventions).toBe(0);
    });

    it('a member who never attends and has no ties cannot reuse tacit know-how', () => {
      const { sim, cop } = community(1, 0);
      cop.tacit.fill(1);
      reuseKnowledge(sim, cop);
      expect(cop.reuseEvents).toBe(0);
    });

    it('novices reuse more: they look for solutions with chance 1 − competence/2', () => {
      // Written solutions everywhere and found for sure: whoever looks reuses.
      const rates: number[] = [];
      for (const competence of [0, 1]) {
        const { sim, cop } = community(1, 0);
        sim.parameters.knowledge.findability = 1;
        sim.parameters.knowledge.writtenRetention = 1;
        cop.written.fill(1);
        sim.people.competence.fill(competence);
        reuseKnowledge(sim, cop);
        const problems = cop.reuseEvents + cop.reinventions;
        rates.push(cop.reuseEvents / problems);
        const p = 1 - competence / 2;
        // Five binomial standard errors, plus 0.01: learning during the week raises competence
        // by about 1% per problem met, which shifts the chance of looking by half that.
        expect(Math.abs(cop.reuseEvents / problems - p)).toBeLessThan(fiveSE(p, problems) + 0.01);
      }
      expect(rates[0]).toBeGreaterThan(rates[1] as number);
    });

    it('reuse rises with recent attendance and ties, and saturates', () => {
      const rate = (attended: number, belonging: number): number => {
        const { sim, cop } = community(3, 0);
        cop.tacit.fill(1);
        sim.people.competence.fill(0); // always look
        cop.windowAttended.fill(attended);
        cop.meetingsHeld = 10; // the window is full
        cop.belonging.fill(belonging);
        reuseKnowledge(sim, cop);
        return cop.reuseEvents / (cop.reuseEvents + cop.reinventions);
      };
      const expected = (attended: number, belonging: number): number =>
        1 - Math.exp(-(2 * (attended / 4) + 1 * belonging));
      for (const [a, b] of [
        [1, 0],
        [4, 0],
        [0, 0.5],
        [4, 1],
      ] as const) {
        const p = expected(a, b);
        // About 2000 problems each: five binomial standard errors.
        expect(Math.abs(rate(a, b) - p), `attended ${a}, belonging ${b}`).toBeLessThan(fiveSE(p, 1800));
      }
      expect(rate(4, 0)).toBeGreaterThan(rate(1, 0));
      // Saturation: the gain from attending twice as much shrinks.
      expect(expected(4, 0) - expected(2, 0)).toBeLessThan(expected(2, 0) - expected(0, 0));
    });

    it('reuse saves the solving cost minus the reuse cost, and the hours come back to the person', () => {
      const { sim, cop } = community();
      sim.parameters.knowledge.findability = 1;
      cop.written.fill(1);
      sim.people.competence.fill(0.5);
      sim.people.savedNow.fill(0);
      const before = Float64Array.from(sim.people.competence);
      reuseKnowledge(sim, cop);
      expect(cop.reuseEvents).toBeGreaterThan(0);
      // Competence 0.5: cost = solveHours; each reuse saves (1 − reuseCost) of it.
      expect(cop.hoursSaved).toBeCloseTo(cop.reuseEvents * 4 * 0.75, 9);
      const total = sim.people.savedNow.reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(cop.hoursSaved, 9);
      // Learning by reuse or reinvention raises competence.
      let learnt = 0;
      for (let i = 0; i < sim.people.n; i++) if ((sim.people.competence[i] as number) > (before[i] as number)) learnt++;
      expect(learnt).toBeGreaterThan(0);
    });

    it('reinvented solutions of motivated, recently attending members enter the repertoire as fresh items', () => {
      const { sim, cop } = community();
      cop.windowAttended.fill(4);
      cop.motivation.fill(1);
      cop.freshItems = 0;
      reuseKnowledge(sim, cop);
      expect(cop.freshItems).toBeGreaterThan(0);
      // Chance share · M · (0.2 + 0.8·A) = 0.5 per reinvention; reuse can happen once shared.
      const p = 0.5;
      expect(Math.abs(cop.freshItems / cop.reinventions - p)).toBeLessThan(fiveSE(p, cop.reinventions));
      const unmotivated = community();
      unmotivated.cop.motivation.fill(0);
      reuseKnowledge(unmotivated.sim, unmotivated.cop);
      expect(unmotivated.cop.freshItems).toBe(0);
      expect(Array.from(unmotivated.cop.tacit).every((t) => t === 0)).toBe(true);
    });

    it('a dead CoP records no problems', () => {
      const { sim, cop } = community();
      cop.alive = false;
      reuseKnowledge(sim, cop);
      expect(cop.reuseEvents + cop.reinventions + cop.hoursSaved + cop.solutionsShared).toBe(0);
    });
  });
});

/** A fresh simulation of 50 employees and one CoP with default settings, and that CoP. */
async function oneCopSimulation(): Promise<{ sim: Simulation; cop: CommunityState }> {
  const { scenarioSchema } = await import('../../src/scenario/schema.js');
  const { createSimulation } = await import('../../src/engine/simulate.js');
  const sim = createSimulation(scenarioSchema.parse({ organisation: { employees: 50 }, cops: [{}] }), 1);
  return { sim, cop: sim.cops[0]! };
}

describe('refreshed know-how', () => {
  it('does not decay in the week it was refreshed, by a contribution or by reuse', async () => {
    const { sim, cop } = await oneCopSimulation();
    cop.alive = true;
    cop.state.fill(0); // nobody meets problems: only decay acts
    cop.tacit.fill(1);
    sim.week = 3;
    cop.refreshed[5] = 3; // discussed at this week's meeting
    reuseKnowledge(sim, cop);
    expect(cop.tacit[5]).toBe(1);
    expect(cop.tacit[6]).toBeCloseTo(Math.pow(sim.parameters.knowledge.tacitRetention, 1 / 4), 12);
  });
});

describe('the repertoire of a dead CoP', () => {
  it('goes on fading after the CoP has died, while a CoP never launched keeps nothing to fade', async () => {
    const { sim, cop } = await oneCopSimulation();
    const k = sim.parameters.knowledge;
    cop.launched = true;
    cop.alive = false; // died
    cop.state.fill(MemberState.active); // its former members meet no problems in it
    cop.tacit.fill(1);
    cop.written.fill(1);
    cop.reuseEvents = 7;
    for (let week = 10; week < 14; week++) {
      sim.week = week;
      reuseKnowledge(sim, cop);
    }
    // Four weeks unrefreshed: exactly the four-week retentions, tacit faster than written.
    expect(cop.tacit[0]).toBeCloseTo(k.tacitRetention, 12);
    expect(cop.written[0]).toBeCloseTo(k.writtenRetention, 12);
    expect(cop.reuseEvents).toBe(0);

    const never = (await oneCopSimulation()).cop;
    never.tacit.fill(1);
    reuseKnowledge(sim, never);
    expect(never.tacit[0]).toBe(1);
  });
});
