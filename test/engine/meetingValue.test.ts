import { describe, expect, it } from 'vitest';
import { meetingQuality, topicFit, valueMeeting } from '../../src/engine/mechanisms/meetingValue.js';
import { MemberState } from '../../src/engine/state.js';
import { firstCoP, simulationOf } from './helpers.js';

const v = { criticalMass: 4, airtime: 30, presentationValue: 0.4, decisionPower: 0.3 };
const q = (n: number, safety = 0.6, items = 3, presentation = 0.3, dp = 0): number =>
  meetingQuality(n, safety, items, presentation, dp, v);

describe('mechanism 4: meeting value and expectation', () => {
  describe('meetingQuality', () => {
    it('an empty meeting has no value', () => {
      expect(q(0)).toBe(0);
    });

    it('needs a critical mass: value rises with attendance up to the airtime limit', () => {
      for (let n = 1; n < v.airtime; n++) expect(q(n + 1)).toBeGreaterThan(q(n));
    });

    it('reaches half its potential at the critical mass (a Hill function of attendance)', () => {
      // The potential: a huge meeting with unlimited airtime, where n²/(n² + c²) → 1.
      const potential = meetingQuality(1e6, 0.6, 3, 0.3, 0, { ...v, airtime: 1e9 });
      expect(q(v.criticalMass) / potential).toBeCloseTo(0.5, 9);
      expect(q(2) / potential).toBeCloseTo(4 / (4 + 16), 9);
    });

    it('loses airtime past the airtime limit: value falls as √(airtime / n)', () => {
      const mass = (n: number): number => (n * n) / (n * n + 16);
      expect(q(31)).toBeLessThan(q(30));
      expect(q(120) / mass(120) / (q(30) / mass(30))).toBeCloseTo(Math.sqrt(30 / 120), 12);
    });

    it('exchange is worth more than presentation when presentation value is below 1', () => {
      expect(q(10, 0.6, 3, 0)).toBeGreaterThan(q(10, 0.6, 3, 0.5));
      expect(q(10, 0.6, 3, 1) / q(10, 0.6, 3, 0)).toBeCloseTo(v.presentationValue, 12);
    });

    it('rises with the attendees’ safety, from 0.6 to 1 of its value', () => {
      expect(q(10, 0) / q(10, 1)).toBeCloseTo(0.6, 12);
      expect(q(10, 0.8)).toBeGreaterThan(q(10, 0.4));
    });

    it('rises with fresh content and saturates: stale meetings keep half their value', () => {
      expect(q(10, 0.6, 0) / q(10, 0.6, 1e6)).toBeCloseTo(0.5, 9);
      expect(q(10, 0.6, 2)).toBeGreaterThan(q(10, 0.6, 1));
    });

    it('decision power adds value in proportion', () => {
      expect(q(10, 0.6, 3, 0.3, 1) / q(10, 0.6, 3, 0.3, 0)).toBeCloseTo(1 + v.decisionPower, 12);
      expect(q(10, 0.6, 3, 0.3, 0.5) / q(10, 0.6, 3, 0.3, 0)).toBeCloseTo(1 + v.decisionPower / 2, 12);
    });
  });

  describe('topicFit', () => {
    it('without steering a member’s fit is their own interest; fully steered, their alignment with management', () => {
      expect(topicFit(0.8, 0.2, 0)).toBe(0.8);
      expect(topicFit(0.8, 0.2, 1)).toBe(0.2);
      expect(topicFit(0.8, 0.2, 0.25)).toBeCloseTo(0.65, 12);
    });

    it('steering lowers topic fit unless interests match management’s', () => {
      expect(topicFit(0.8, 0.3, 0.5)).toBeLessThan(topicFit(0.8, 0.3, 0));
      expect(topicFit(0.7, 0.7, 0.5)).toBeCloseTo(topicFit(0.7, 0.7, 0), 12);
      expect(topicFit(0.5, 0.9, 0.5)).toBeGreaterThan(topicFit(0.5, 0.9, 0));
    });
  });

  describe('valueMeeting', () => {
    const parameters = { value: { ...v, learningRate: 0.3, ties: 0.1, tiesDecay: 0.05 } };

    function room() {
      // No budget: never an external session, so the meeting's value is deterministic.
      const sim = simulationOf({ organisation: { employees: 50 }, cop: { steering: 0.4, meetings: { presentationShare: 0.2 } }, parameters });
      const cop = firstCoP(sim);
      cop.heldThisWeek = true;
      for (let i = 0; i < 10; i++) {
        cop.state[i] = MemberState.active;
        cop.attending[i] = i < 6 ? 1 : 0;
        cop.safety[i] = 0.5;
        cop.expectation[i] = 0.3;
        cop.belonging[i] = 0.4;
        cop.interestFit[i] = 0.9;
        sim.people.alignment[i] = 0.2;
      }
      cop.attendance = 6;
      cop.freshItems = 2;
      return { sim, cop };
    }

    it('expectations follow experienced value by the delta rule', () => {
      const { sim, cop } = room();
      valueMeeting(sim, cop);
      const quality = meetingQuality(6, 0.5, 2, 0.2, 0, v);
      const value = topicFit(0.9, 0.2, 0.4) * quality;
      expect(cop.quality).toBeCloseTo(quality, 12);
      expect(cop.expectation[0]).toBeCloseTo(0.3 + 0.3 * (value - 0.3), 12);
      // Members who missed it keep their expectation.
      expect(cop.expectation[7]).toBe(0.3);
    });

    it('attending builds ties; members who miss a held meeting lose a share tiesDecay of them', () => {
      const { sim, cop } = room();
      valueMeeting(sim, cop);
      const bond = (0.1 * 30) / (30 + 6);
      expect(cop.belonging[0]).toBeCloseTo(0.4 + bond * 0.6, 12);
      expect(cop.belonging[7]).toBeCloseTo(0.4 * 0.95, 12);
      // Non-members are not affected.
      cop.belonging[20] = 0.4;
      valueMeeting(sim, cop);
      expect(cop.belonging[20]).toBe(0.4);
    });

    it('a lead’s prepared content counts as fresh items, and the fresh items are used up', () => {
      const { sim, cop } = room();
      cop.derived = { ...cop.derived, lead: 2 };
      valueMeeting(sim, cop);
      expect(cop.quality).toBeCloseTo(meetingQuality(6, 0.5, 4, 0.2, 0, v), 12);
      expect(cop.freshItems).toBe(0);
    });

    it('nothing changes when no meeting is held', () => {
      const { sim, cop } = room();
      cop.heldThisWeek = false;
      valueMeeting(sim, cop);
      expect(cop.expectation[0]).toBe(0.3);
      expect(cop.belonging[0]).toBe(0.4);
      expect(cop.freshItems).toBe(2);
    });
  });
});
