import { describe, expect, it } from 'vitest';
import { topicFit } from '../../src/engine/fit.js';
import { deriveSettings } from '../../src/engine/community.js';
import { motivate } from '../../src/engine/mechanisms/motivation.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, simulationOf, type TestScenario } from './helpers.js';

const motivation = {
  adaptation: 0.1,
  fitFloor: 0.4,
  competence: 0.2,
  relatedness: 0.3,
  decisionPower: 0.1,
  mandateErosion: 0.02,
  expectedPressure: 0.4,
  steeringErosion: 0.03,
};

/** Person 0, a member, with the given traits and state in a CoP of the given settings. */
function member(
  settings: TestScenario['cop'] = {},
  p: { M?: number; trait?: number; fit?: number; C?: number; B?: number; w?: number; a?: number } = {},
  knockouts: string[] = [],
): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({
    organisation: { employees: 20 },
    cop: settings,
    parameters: { motivation, population: { competence: 0.5 }, ...(knockouts.length ? { knockouts } : {}) } as never,
  });
  const cop = firstCoP(sim);
  cop.state[0] = MemberState.active;
  cop.motivation[0] = p.M ?? 0.5;
  sim.people.motivationTrait[0] = p.trait ?? 0.6;
  cop.interestFit[0] = p.fit ?? 0.7;
  sim.people.competence[0] = p.C ?? 0.6;
  cop.belonging[0] = p.B ?? 0.4;
  sim.people.willingness[0] = p.w ?? 0.3;
  sim.people.alignment[0] = p.a ?? 0.2;
  return { sim, cop };
}

function after(settings: TestScenario['cop'] = {}, p: Parameters<typeof member>[1] = {}, knockouts: string[] = []): number {
  const { sim, cop } = member(settings, p, knockouts);
  motivate(sim, cop);
  return cop.motivation[0] as number;
}

describe('motivation', () => {
  it('moves toward a target of trait, topic fit, competence and relatedness at the adaptation rate', () => {
    const target = 0.6 * (0.4 + 0.6 * 0.7) + 0.2 * (0.6 - 0.5) + 0.3 * 0.4;
    expect(after()).toBeCloseTo(0.5 + 0.1 * (target - 0.5), 12);
  });

  it('competence and relatedness pull motivation up', () => {
    expect(after({}, { C: 0.9 })).toBeGreaterThan(after({}, { C: 0.3 }));
    expect(after({}, { B: 0.9 })).toBeGreaterThan(after({}, { B: 0.1 }));
  });

  it('decision power raises the target (autonomy); acceptance does not enter it', () => {
    expect(after({ decisionPower: 'decide' }) - after()).toBeCloseTo(0.1 * 0.1, 12);
    expect(after({ decisionPower: 'influence' }) - after()).toBeCloseTo(0.1 * 0.05, 12);
    expect(after({ decisionPower: 'decide' }, {}, ['decisionPower.autonomy'])).toBeCloseTo(after(), 12);
    expect(after({ acceptance: 'approved' })).toBeCloseTo(after(), 12);
  });

  it('a mandate erodes motivation in proportion to the control the member feels: pressure × unwillingness', () => {
    const loss = (w: number): number => after({}, { w }) - after({ participation: 'mandatory' }, { w });
    expect(loss(0)).toBeCloseTo(0.02, 12);
    expect(loss(0.5)).toBeCloseTo(0.01, 12);
    expect(loss(1)).toBeCloseTo(0, 12);
    // Expected participation is a weaker pressure: expectedPressure of a mandate's.
    const expectedLoss = after({}, { w: 0 }) - after({ participation: 'expected' }, { w: 0 });
    expect(expectedLoss).toBeCloseTo(0.02 * 0.4, 12);
    // Knocked out (participation.crowdingOut), nobody feels controlled.
    expect(after({ participation: 'mandatory' }, { w: 0 }, ['participation.crowdingOut'])).toBeCloseTo(after({}, { w: 0 }), 12);
  });

  it('steering lowers motivation unless interests match management’s', () => {
    // Misaligned and unwilling: steering dilutes topic fit and erodes motivation.
    const fitLoss = 0.1 * 0.6 * 0.6 * (topicFit(0.7, 0.2, 0) - topicFit(0.7, 0.2, 0.5));
    const erosion = (1 - 0.3) * 0.03 * 0.5 * (1 - 0.2);
    expect(after({}) - after({ steering: 0.5 })).toBeCloseTo(fitLoss + erosion, 12);
    // Fully aligned with management, interest matching: steering changes nothing.
    expect(after({ steering: 0.5 }, { a: 1, fit: 1 })).toBeCloseTo(after({}, { a: 1, fit: 1 }), 12);
    // Each channel knocked out takes its part away.
    expect(after({}) - after({ steering: 0.5 }, {}, ['steering.crowdingOut'])).toBeCloseTo(fitLoss, 12);
    expect(after({}) - after({ steering: 0.5 }, {}, ['steering.topicFit'])).toBeCloseTo(erosion, 12);
  });

  it('stays within [0, 1]', () => {
    expect(after({ participation: 'mandatory', steering: 1 }, { M: 0, w: 0, a: 0, trait: 0 })).toBe(0);
    const { sim, cop } = member({ decisionPower: 'decide' }, { M: 1, trait: 1, fit: 1, C: 1, B: 1 });
    sim.parameters.motivation.adaptation = 1;
    motivate(sim, cop);
    expect(cop.motivation[0]).toBe(1);
  });

  it('only members change; a dead CoP changes no one', () => {
    const { sim, cop } = member();
    cop.state[1] = MemberState.nonMember;
    cop.motivation[1] = 0.5;
    cop.state[2] = MemberState.left;
    cop.motivation[2] = 0.5;
    motivate(sim, cop);
    expect(cop.motivation[1]).toBe(0.5);
    expect(cop.motivation[2]).toBe(0.5);
    const dead = member();
    dead.cop.alive = false;
    motivate(dead.sim, dead.cop);
    expect(dead.cop.motivation[0]).toBe(0.5);
  });

  it('the slow adaptation leaves a residue of crowding-out after a mandate is lifted', () => {
    const run = (mandateWeeks: number): number => {
      const { sim, cop } = member({ participation: 'mandatory' }, { w: 0.1 });
      for (let week = 0; week < 20; week++) {
        if (week === mandateWeeks) {
          cop.settings = { ...cop.settings, participation: 'voluntary' };
          cop.derived = deriveSettings(cop.settings, sim.parameters, sim.channels);
        }
        motivate(sim, cop);
      }
      return cop.motivation[0] as number;
    };
    // Ten weeks after the mandate was lifted, motivation is still below a never-mandated member's.
    expect(run(10)).toBeLessThan(run(0));
  });
});
