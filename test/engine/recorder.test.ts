import { describe, expect, it } from 'vitest';
import { gini, medianSpell, spellSurvival, topShare } from '../../src/engine/recorder.js';
import { runFigure, weeklySeries } from '../../src/engine/result.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioOf } from './helpers.js';

describe('recording', () => {
  describe('contribution inequality', () => {
    it('Gini is 0 when everyone gave alike and (m − 1)/m when one gave everything', () => {
      expect(gini([3, 3, 3, 3])).toBeCloseTo(0, 12);
      expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 12);
      // A textbook case: 1, 2, 3, 4 → Σ|xi − xj| / (2 m² x̄) = 20 / (2 · 16 · 2.5) = 0.25.
      expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
      expect(Number.isNaN(gini([0, 0]))).toBe(true);
      expect(Number.isNaN(gini([5]))).toBe(true);
    });

    it('the top 10% share is what the largest ⌈10%⌉ of values hold', () => {
      expect(topShare([10, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(1);
      expect(topShare([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBeCloseTo(0.1, 12);
      expect(topShare([5, 3, 2])).toBeCloseTo(0.5, 12);
    });
  });

  describe('membership spells (Kaplan–Meier)', () => {
    it('estimates survival from ended and still-running spells', () => {
      const s = spellSurvival([1, 3], [2], [0, 1, 2, 3]);
      [1, 1 - 1 / 3, 1 - 1 / 3, 0].forEach((v, k) => expect(s[k]).toBeCloseTo(v, 12));
      // Three ended at 5, none running: survival drops from 1 to 0 at 5.
      expect(spellSurvival([5, 5, 5], [], [4, 5, 6])).toEqual([1, 0, 0]);
    });

    it('is NaN past the longest spell while the curve has not reached 0', () => {
      const [s] = spellSurvival([2], [10], [20]);
      expect(Number.isNaN(s)).toBe(true);
      expect(Number.isNaN(spellSurvival([], [], [1])[0])).toBe(true);
    });

    it('the median is the first length at which survival is at most ½', () => {
      expect(medianSpell([1, 2, 3, 4], [])).toBe(2);
      expect(Number.isNaN(medianSpell([1], [9, 9, 9]))).toBe(true);
    });
  });

  describe('a run', () => {
    const scenario = scenarioOf({ weeks: 104, organisation: { employees: 500, turnover: 0.1 }, cop: { support: { lead: 'part-time', fundedHours: 2 } } });
    const r = simulate(scenario, 11);

    it('has per-run figures within their ranges', () => {
      for (const f of ['contribution_gini', 'top10_share', 'retention_4', 'retention_13', 'retention_26', 'retention_52', 'reach', 'exchange_share', 'word_of_mouth_share'] as const) {
        const v = runFigure(r, 0, f);
        expect(v, f).toBeGreaterThanOrEqual(0);
        expect(v, f).toBeLessThanOrEqual(1);
      }
      expect(runFigure(r, 0, 'retention_4')).toBeGreaterThanOrEqual(runFigure(r, 0, 'retention_52'));
      expect(runFigure(r, 0, 'newcomer_return_rate')).toBeLessThanOrEqual(1);
      expect(runFigure(r, 0, 'established_return_rate')).toBeLessThanOrEqual(1);
      expect(runFigure(r, 0, 'established_return_rate')).toBeGreaterThan(runFigure(r, 0, 'newcomer_return_rate'));
      expect(runFigure(r, 0, 'net_hours_saved')).toBeCloseTo(runFigure(r, 0, 'total_hours_saved') - runFigure(r, 0, 'total_hours_invested'), 9);
    });

    it('counts joins and the part of them word of mouth brought, weekly', () => {
      const joins = weeklySeries(r, 0, 'joins').reduce((a, b) => a + b, 0);
      const byWord = weeklySeries(r, 0, 'joins_word_of_mouth').reduce((a, b) => a + b, 0);
      expect(joins).toBeGreaterThan(0);
      expect(byWord).toBeLessThanOrEqual(joins + 1e-9);
      expect(runFigure(r, 0, 'word_of_mouth_share')).toBeCloseTo(byWord / joins, 12);
    });

    it('network density is a share of pairs of members', () => {
      for (const d of weeklySeries(r, 0, 'density')) {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }
    });

    it('takes agent-level state only when asked, and it agrees with the figures', () => {
      expect(r.agents).toBeUndefined();
      const a = simulate(scenario, 11, { agents: true });
      expect(Buffer.from(a.weekly.buffer).equals(Buffer.from(r.weekly.buffer))).toBe(true);
      const agents = a.agents!;
      const members = Array.from(agents.cops[0]!.state).filter((s) => s >= 1 && s <= 5).length;
      expect(members).toBe(weeklySeries(r, 0, 'members')[103]);
      for (let e = 0; e < agents.tieA.length; e++) expect(agents.tieA[e]).toBeLessThan(agents.tieB[e]!);
    });
  });
});
