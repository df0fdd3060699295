import { describe, expect, it } from 'vitest';
import { climateOf, updateSafety } from '../../src/engine/mechanisms/safety.js';
import { MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, fiveSE, simulationOf, type TestScenario } from './helpers.js';

const safety = {
  base: 0.5,
  lead: 0.1,
  coach: 0.07,
  familiarity: 0.2,
  hierarchy: 0.3,
  steering: 0.15,
  mandate: 0.1,
  size: 0.05,
  adaptation: 0.2,
  speakUpGain: 0.03,
  speakUpLoss: 0.06,
};

function copOf(cop: TestScenario['cop'] = {}): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees: 2000 }, cop, parameters: { safety } });
  return { sim, cop: firstCoP(sim) };
}

/** Climate of a CoP with given settings for a room of `n` with given belonging and managers. */
function climate(settings: TestScenario['cop'], belonging = 0, managers = 0, n = 8): number {
  const { sim, cop } = copOf(settings);
  return climateOf(sim, cop, belonging, managers, n);
}

describe('mechanism 5: psychological safety', () => {
  describe('climateOf', () => {
    it('is the base climate in a small, unled, unsteered, voluntary room of strangers', () => {
      expect(climate({})).toBeCloseTo(0.5, 12);
    });

    it('rises with a lead (twice for full-time), a coach and familiarity', () => {
      expect(climate({ support: { lead: 'part-time' } })).toBeCloseTo(0.6, 12);
      expect(climate({ support: { lead: 'full-time' } })).toBeCloseTo(0.7, 12);
      expect(climate({ support: { coach: true } })).toBeCloseTo(0.57, 12);
      expect(climate({}, 0.5)).toBeCloseTo(0.6, 12);
    });

    it('falls with hierarchy in the room, steering and mandate', () => {
      expect(climate({}, 0, 0.5)).toBeCloseTo(0.35, 12);
      expect(climate({ steering: 1 })).toBeCloseTo(0.35, 12);
      expect(climate({ participation: 'mandatory' })).toBeCloseTo(0.4, 12);
      expect(climate({ participation: 'expected' })).toBeLessThan(0.5);
      expect(climate({ participation: 'expected' })).toBeGreaterThan(0.4);
    });

    it('falls with size only past ten attendees, per doubling', () => {
      expect(climate({}, 0, 0, 1)).toBeCloseTo(0.5, 12);
      expect(climate({}, 0, 0, 10)).toBeCloseTo(0.5, 12);
      expect(climate({}, 0, 0, 20)).toBeCloseTo(0.45, 12);
      expect(climate({}, 0, 0, 40)).toBeCloseTo(0.4, 12);
    });

    it('stays within [0.05, 0.98]', () => {
      expect(climate({ steering: 1, participation: 'mandatory' }, 0, 1, 5000)).toBe(0.05);
      expect(climate({ support: { lead: 'full-time', coach: true } }, 1)).toBeCloseTo(0.97, 12);
      const { sim, cop } = copOf({ support: { lead: 'full-time', coach: true } });
      sim.parameters.safety.base = 0.9;
      expect(climateOf(sim, cop, 1, 0, 5)).toBe(0.98);
    });
  });

  describe('updateSafety', () => {
    function room(lastContributions: number) {
      const { sim, cop } = copOf({});
      cop.heldThisWeek = true;
      cop.state.fill(MemberState.active);
      cop.belonging.fill(0);
      cop.safety.fill(0.3);
      cop.lastContributions.fill(lastContributions);
      // Half the people attend; only team members (level 0) so there is no hierarchy in the room.
      let n = 0;
      for (let i = 0; i < sim.people.n; i++) {
        if (i % 2 === 0 && sim.people.level[i] === 0) {
          cop.attending[i] = 1;
          n++;
        }
      }
      cop.attendance = n;
      return { sim, cop, n };
    }

    it('an attendee who did not speak up drifts toward the climate at the adaptation rate', () => {
      const { sim, cop, n } = room(0);
      updateSafety(sim, cop);
      const c = climateOf(sim, cop, 0, 0, n);
      expect(cop.climate).toBeCloseTo(c, 12);
      for (let i = 0; i < sim.people.n; i++) {
        expect(cop.safety[i]).toBeCloseTo(cop.attending[i] ? 0.3 + 0.2 * (c - 0.3) : 0.3, 12);
      }
    });

    it('speaking up goes well with chance equal to the climate (+gain) and badly otherwise (−loss)', () => {
      const { sim, cop, n } = room(1);
      updateSafety(sim, cop);
      const c = cop.climate;
      const drift = 0.3 + 0.2 * (c - 0.3);
      let good = 0;
      for (let i = 0; i < sim.people.n; i++) {
        if (!cop.attending[i]) continue;
        const s = cop.safety[i] as number;
        const wentWell = Math.abs(s - (drift + 0.03)) < 1e-12;
        const wentBadly = Math.abs(s - (drift - 0.06)) < 1e-12;
        expect(wentWell || wentBadly).toBe(true);
        if (wentWell) good++;
      }
      expect(Math.abs(good / n - c)).toBeLessThan(fiveSE(c, n));
    });

    it('does nothing when no meeting is held', () => {
      const { sim, cop } = room(1);
      cop.heldThisWeek = false;
      updateSafety(sim, cop);
      expect(Array.from(cop.safety).every((s) => s === 0.3)).toBe(true);
    });

    it('managers in the room lower the climate', () => {
      const a = room(0);
      updateSafety(a.sim, a.cop);
      const b = room(0);
      // Managers take the seats of as many team members: same room size, more hierarchy.
      let swap = 0;
      for (let i = 0; i < b.sim.people.n; i++) {
        if (b.sim.people.level[i] !== 2) continue;
        while (!b.cop.attending[swap]) swap++;
        b.cop.attending[swap] = 0;
        b.cop.attending[i] = 1;
      }
      expect(b.cop.attending.reduce((x, y) => x + y, 0)).toBe(b.cop.attendance);
      updateSafety(b.sim, b.cop);
      expect(b.cop.climate).toBeLessThan(a.cop.climate);
    });
  });
});
