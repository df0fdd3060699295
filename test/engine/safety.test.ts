import { describe, expect, it } from 'vitest';
import { climateOf, familiarity, updateSafety } from '../../src/engine/mechanisms/safety.js';
import { renewTie } from '../../src/engine/network.js';
import { Level, MemberState, type CommunityState, type Simulation } from '../../src/engine/state.js';
import { firstCoP, fiveSE, simulationOf, type TestScenario } from './helpers.js';

const safety = {
  base: 0.5,
  partTimeLead: 0.05,
  fullTimeLead: 0.1,
  coach: 0.07,
  familiarity: 0.2,
  hierarchy: 0.3,
  steering: 0.15,
  mandate: 0.1,
  floor: 0.05,
  ceiling: 0.98,
  adaptation: 0.2,
  speakUpGain: 0.03,
  speakUpLoss: 0.06,
};

function copOf(cop: TestScenario['cop'] = {}, knockouts: string[] = []): { sim: Simulation; cop: CommunityState } {
  const sim = simulationOf({ organisation: { employees: 2000 }, cop, parameters: { safety, knockouts } as never });
  return { sim, cop: firstCoP(sim) };
}

/** Climate of a CoP with given settings for a room with given familiarity and share of managers. */
function climate(settings: TestScenario['cop'], known = 0, managers = 0, knockouts: string[] = []): number {
  const { sim, cop } = copOf(settings, knockouts);
  return climateOf(sim, cop, known, managers);
}

/** Puts the people in `who` in the room. */
function seat(cop: CommunityState, who: readonly number[]): void {
  cop.heldThisWeek = true;
  for (const i of who) {
    cop.state[i] = MemberState.active;
    cop.attending[i] = 1;
  }
  cop.attendees.set(who);
  cop.attendance = who.length;
}

describe('psychological safety', () => {
  describe('climateOf', () => {
    it('is the base climate in an unled, unsteered, voluntary room of strangers', () => {
      expect(climate({})).toBeCloseTo(0.5, 12);
    });

    it('rises with a coaching lead (more for full-time), a coach and familiarity', () => {
      expect(climate({ support: { lead: 'part-time' } })).toBeCloseTo(0.55, 12);
      expect(climate({ support: { lead: 'full-time' } })).toBeCloseTo(0.6, 12);
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

    it('each channel knocked out takes its term away', () => {
      expect(climate({ support: { lead: 'full-time' } }, 0, 0, ['lead.climate'])).toBeCloseTo(0.5, 12);
      expect(climate({ support: { coach: true } }, 0, 0, ['coach.climate'])).toBeCloseTo(0.5, 12);
      expect(climate({}, 0.5, 0, ['network.familiarity'])).toBeCloseTo(0.5, 12);
      expect(climate({ steering: 1 }, 0, 0, ['steering.climate'])).toBeCloseTo(0.5, 12);
      expect(climate({ participation: 'mandatory' }, 0, 0, ['participation.climate'])).toBeCloseTo(0.5, 12);
    });

    it('stays within [floor, ceiling]', () => {
      expect(climate({ steering: 1, participation: 'mandatory' }, 0, 1)).toBe(0.05);
      const { sim, cop } = copOf({ support: { lead: 'full-time', coach: true } });
      sim.parameters.safety.base = 0.95;
      expect(climateOf(sim, cop, 1, 0)).toBe(0.98);
    });
  });

  describe('familiarity', () => {
    it('is 0 in a room of strangers and the tie strength in a room of one team', () => {
      const { sim, cop } = copOf({});
      const { team, n } = sim.people;
      const net = sim.network;
      const knows = (i: number, j: number): boolean =>
        Array.from(net.colleagues.subarray(net.colleagueStart[i], net.colleagueStart[i + 1])).includes(j);
      // People of different teams, none a colleague of another.
      const strangers: number[] = [];
      for (let i = 0; i < n && strangers.length < 6; i++) {
        if (strangers.every((j) => team[j] !== team[i] && !knows(i, j))) strangers.push(i);
      }
      expect(strangers).toHaveLength(6);
      seat(cop, strangers);
      expect(familiarity(sim, cop)).toBe(0);
      const { sim: sim2, cop: cop2 } = copOf({});
      const first = Array.from({ length: n }, (_, i) => i).filter((i) => team[i] === team[100]);
      seat(cop2, first);
      // Everyone in a team knows everyone else at teamStrength.
      expect(familiarity(sim2, cop2)).toBeCloseTo(sim2.parameters.network.teamStrength, 12);
    });

    it('rises with the CoP ties attendees form, and falls as a room fills with people they do not know', () => {
      const { sim, cop } = copOf({});
      const room = [400, 900, 1300, 1700];
      seat(cop, room);
      const before = familiarity(sim, cop);
      for (const i of room) for (const j of room) if (i < j) renewTie(sim.network, i, j, 0.8, sim.week);
      const after = familiarity(sim, cop);
      expect(after).toBeGreaterThan(before + 0.5);
      const bigger = [...room, 10, 20, 30, 40, 50, 60, 70, 80];
      const { sim: sim2, cop: cop2 } = copOf({});
      for (const i of room) for (const j of room) if (i < j) renewTie(sim2.network, i, j, 0.8, sim2.week);
      seat(cop2, bigger);
      expect(familiarity(sim2, cop2)).toBeLessThan(after);
    });
  });

  describe('updateSafety', () => {
    function room(spoke: number) {
      const { sim, cop } = copOf({});
      cop.safety.fill(0.3);
      // Half the team members (level 0) attend: no hierarchy in the room.
      const who: number[] = [];
      for (let i = 0; i < sim.people.n; i++) if (i % 2 === 0 && sim.people.level[i] === Level.team) who.push(i);
      seat(cop, who);
      for (const i of who) cop.spoken[i] = spoke;
      return { sim, cop, n: who.length };
    }

    it('an attendee who did not speak up drifts toward the climate at the adaptation rate', () => {
      const { sim, cop } = room(0);
      updateSafety(sim, cop);
      const c = climateOf(sim, cop, familiarity(sim, cop), 0);
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
      const { sim, cop } = copOf({});
      cop.safety.fill(0.3);
      const managers: number[] = [];
      for (let i = 0; i < sim.people.n && managers.length < 50; i++) if (sim.people.level[i] === Level.manager) managers.push(i);
      const teamMembers: number[] = [];
      for (let i = 0; i < sim.people.n && teamMembers.length < a.n - managers.length; i++) {
        if (i % 2 === 0 && sim.people.level[i] === Level.team) teamMembers.push(i);
      }
      seat(cop, [...teamMembers, ...managers]);
      updateSafety(sim, cop);
      expect(cop.climate).toBeLessThan(a.cop.climate);
    });
  });
});
