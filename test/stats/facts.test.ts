/**
 * The stylised facts the model must reproduce (MODEL.md section 5), as seeded statistical
 * tests on the built-in scenarios. Compared scenarios share replication seeds (common random
 * numbers), so each comparison is paired and needs few replications.
 *
 * Tolerances: each band is the literature's figure widened by about three standard errors of
 * the replication mean measured at these replication counts (the measured values are in
 * docs/ODD.md, "Calibration and checks"). Seeds are fixed, so the suite is deterministic; the
 * bands make it robust to small, intended model changes rather than to chance.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { simulate, createSimulation } from '../../src/engine/simulate.js';
import { step } from '../../src/engine/step.js';
import { reuseKnowledge as step7 } from '../../src/engine/mechanisms/knowledge.js';
import { replicationSeed } from '../../src/engine/rng.js';
import { runFigure, weeklySeries, type RunFigure, type RunResult, type WeeklyMetric } from '../../src/engine/result.js';

const MASTER = 20261121;

function scenario(name: string, sets: string[] = []): Scenario {
  return loadScenario(name, { sets }).scenario;
}

function runs(s: Scenario, n: number): RunResult[] {
  return Array.from({ length: n }, (_, i) => simulate(s, replicationSeed(MASTER, i)));
}

const mean = (xs: number[]): number => {
  const v = xs.filter(Number.isFinite);
  return v.reduce((a, b) => a + b, 0) / v.length;
};
const sd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const figure = (rs: RunResult[], f: RunFigure): number[] => rs.map((r) => runFigure(r, 0, f));
const at = (rs: RunResult[], m: WeeklyMetric, week: number): number[] => rs.map((r) => weeklySeries(r, 0, m)[week] as number);
/** Mean of a weekly metric over weeks [from, to) of each run. */
const window = (rs: RunResult[], m: WeeklyMetric, from: number, to: number): number[] =>
  rs.map((r) => mean(Array.from(weeklySeries(r, 0, m).subarray(from, to))));

describe('mandatory participation (study 4.3; Gagné & Deci 2005)', () => {
  const mandatory = runs(scenario('top-down-mandatory'), 12);
  const voluntary = runs(scenario('top-down-mandatory', ['cops.0.participation=voluntary']), 12);

  it('keeps attendance near the compliance ceiling', () => {
    expect(mean(window(mandatory, 'participation_rate', 26, 156))).toBeGreaterThan(0.85);
  });

  it('covers (nearly) every team, far more than a voluntary CoP', () => {
    const m = mean(figure(mandatory, 'teams_covered'));
    expect(m).toBeGreaterThan(0.9);
    expect(m - mean(figure(voluntary, 'teams_covered'))).toBeGreaterThan(0.4);
  });

  it('yields fewer contributions per attendee and a smaller core', () => {
    expect(mean(figure(mandatory, 'contributions_per_attendee'))).toBeLessThan(
      0.5 * mean(figure(voluntary, 'contributions_per_attendee')),
    );
    expect(mean(figure(mandatory, 'core_share'))).toBeLessThan(mean(figure(voluntary, 'core_share')));
  });
});

describe('after a mandate is lifted (Deci, Koestner & Ryan 1999)', () => {
  it('unwilling members attend less than in a matched voluntary CoP, d about -0.3 to -0.4', () => {
    // Per person: share of the meetings held in the year after the lift that they attended.
    // Unwilling: prior willingness below 0.35, in the target group, employed from the start.
    // Pairs are the same person in the same organisation (same seed) under both conditions.
    const lifted = scenario('mandate-lifted', ['weeks=104']);
    const matched = scenario('mandate-lifted', ['weeks=104', 'cops.0.participation=voluntary', 'events=[]']);
    const rates = (s: Scenario, seed: number): Map<number, number> => {
      const sim = createSimulation(s, seed);
      const cop = sim.cops[0]!;
      const attended = new Float64Array(sim.people.n);
      let held = 0;
      for (let t = 0; t < s.weeks; t++) {
        sim.week = t;
        step(sim);
        if (t >= 52 && cop.heldThisWeek) {
          held++;
          for (let i = 0; i < attended.length; i++) attended[i]! += cop.attending[i]!;
        }
      }
      const out = new Map<number, number>();
      for (let i = 0; i < attended.length; i++) {
        if (cop.eligible[i] === 1 && sim.people.hiredWeek[i]! < 0 && sim.people.willingness[i]! < 0.35) {
          out.set(i, held > 0 ? attended[i]! / held : 0);
        }
      }
      return out;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < 16; r++) {
      const seed = replicationSeed(MASTER, r);
      const x = rates(lifted, seed);
      const y = rates(matched, seed);
      for (const [i, v] of x) {
        const w = y.get(i);
        if (w !== undefined) {
          a.push(v);
          b.push(w);
        }
      }
    }
    expect(a.length).toBeGreaterThan(300);
    const d = (mean(a) - mean(b)) / Math.sqrt((sd(a) ** 2 + sd(b) ** 2) / 2);
    // Sampling SE of d with ~500 pairs is about 0.06; the band is the target ±0.15.
    expect(d).toBeLessThan(-0.2);
    expect(d).toBeGreaterThan(-0.55);
  });
});

describe('a healthy voluntary CoP (Wenger, McDermott & Snyder 2002)', () => {
  const baseline = runs(scenario('baseline'), 16);

  it('has a core of about 10-15% and an active group of about 15-20% of members', () => {
    const core = mean(figure(baseline, 'core_share'));
    const active = mean(figure(baseline, 'active_share'));
    expect(core).toBeGreaterThan(0.07);
    expect(core).toBeLessThan(0.18);
    expect(active).toBeGreaterThan(0.12);
    expect(active).toBeLessThan(0.26);
  });

  it('grows S-shaped: slow start, fast middle, saturation (Bass 1969)', () => {
    // Six years, so that the upper bend is reached.
    const long = runs(scenario('baseline', ['weeks=312']), 16);
    const members = (w: number): number => mean(at(long, 'members', w));
    const early = members(52) - members(0);
    const middle = members(156) - members(104);
    const late = members(311) - members(259);
    expect(middle).toBeGreaterThan(1.5 * early);
    expect(late).toBeLessThan(0.5 * middle);
  });

  it('grows mainly by word of mouth', () => {
    const quiet = runs(scenario('baseline', ['parameters.recruitment.wordOfMouth=0']), 16);
    expect(mean(at(quiet, 'members', 155))).toBeLessThan(0.5 * mean(at(baseline, 'members', 155)));
  });
});

describe('onboarding (Joyce & Kraut 2006)', () => {
  it('a welcome raises newcomers\' return rate by about 12 points (44% to 56%)', () => {
    const welcomed = runs(scenario('baseline'), 24);
    const ignored = runs(scenario('baseline', ['cops.0.support.welcome=false']), 24);
    const w = mean(figure(welcomed, 'newcomer_return_rate'));
    const g = mean(figure(ignored, 'newcomer_return_rate'));
    expect(w - g).toBeGreaterThan(0.05);
    expect(w - g).toBeLessThan(0.2);
    expect(g).toBeGreaterThan(0.34);
    expect(g).toBeLessThan(0.54);
  });
});

describe('time, leads and protected hours (seeds/001; Perlow 1999; Repenning & Sterman 2002)', () => {
  it('without a lead and funded time, new CoPs die far more often', () => {
    const died = (rs: RunResult[]): number => mean(figure(rs, 'death_week').map((w) => (Number.isFinite(w) ? 1 : 0)));
    // "Far more often": at least 30 points more, on 80 paired runs (SE of a share near 0.5 is
    // about 0.056; over 60-80 runs of other seed sets the difference measured 0.45-0.55).
    const unsupported = died(runs(scenario('bottom-up-unsupported'), 80));
    const supported = died(runs(scenario('baseline'), 80));
    expect(unsupported).toBeGreaterThan(0.3);
    expect(unsupported - supported).toBeGreaterThan(0.3);
  });

  it('with high project load attendance and reuse fall together; protected time breaks the loop', () => {
    const normal = runs(scenario('top-down-voluntary'), 12);
    const loaded = runs(scenario('top-down-voluntary', ['organisation.projectLoad.mean=39.5', 'cops.0.support.fundedHours=0']), 12);
    const protectedTime = runs(
      scenario('top-down-voluntary', [
        'organisation.projectLoad.mean=39.5',
        'cops.0.support.fundedHours=2',
        'cops.0.support.protection=1',
      ]),
      12,
    );
    const attendance = (rs: RunResult[]): number => mean(figure(rs, 'mean_attendance'));
    const reuse = (rs: RunResult[]): number => mean(figure(rs, 'total_reuse_events'));
    expect(attendance(loaded)).toBeLessThan(0.7 * attendance(normal));
    expect(reuse(loaded)).toBeLessThan(0.7 * reuse(normal));
    expect(attendance(protectedTime)).toBeGreaterThan(attendance(loaded) * 1.3);
    expect(reuse(protectedTime)).toBeGreaterThan(reuse(loaded) * 1.3);
  });
});

describe('several CoPs (model brief section 1: CoPs compete for members\' time)', () => {
  it('CoPs with the same members compete for unfunded time', () => {
    // A second Scrum Master CoP, founded at week 0, versus the same scenario in which it is
    // never founded: every random number of the first CoP is the same in both (its own
    // stream), so the difference is the competition. Measured: about -19% over 24 runs.
    const shared = [
      'cops.0.support.fundedHours=0',
      'cops.1.support.fundedHours=0',
      'cops.1.targetGroup={kind: role, role: scrumMaster}',
      'cops.1.theme=agility',
    ];
    const both = runs(scenario('two-cops-competing', [...shared, 'cops.1.launchWeek=0']), 24);
    const alone = runs(scenario('two-cops-competing', [...shared, 'cops.1.launchWeek=1000']), 24);
    const attendance = (rs: RunResult[]): number => mean(window(rs, 'attendance', 52, 156));
    expect(attendance(both)).toBeLessThan(0.9 * attendance(alone));
  });
});

describe('format and rhythm (seeds/001, seeds/003)', () => {
  it('presentation-heavy, irregular CoPs stagnate; exchange-oriented, regular ones grow', () => {
    const irregular = runs(scenario('presentation-irregular'), 16);
    const regular = runs(scenario('baseline'), 16);
    const growth = (rs: RunResult[]): number => mean(at(rs, 'members', 155)) - mean(at(rs, 'members', 26));
    expect(growth(regular)).toBeGreaterThan(30);
    expect(growth(irregular)).toBeLessThan(0.4 * growth(regular));
    expect(mean(figure(irregular, 'mean_attendance'))).toBeLessThan(mean(figure(regular, 'mean_attendance')));
  });
});

describe('size (study 4.3 Size)', () => {
  it('safe-space CoPs stay under about 50 members; open, topic-based, broad ones grow larger', () => {
    const closed = runs(scenario('closed-safe-space'), 12);
    const broad = runs(scenario('open-topic-broad'), 12);
    // "Under about 50": typical size (mean over the second and third year) and final size under
    // 50; the noisy per-run peak may pass 50 a little, but not by half.
    expect(mean(window(closed, 'members', 52, 156))).toBeLessThan(50);
    expect(mean(figure(closed, 'final_members'))).toBeLessThan(50);
    expect(mean(figure(closed, 'peak_members'))).toBeLessThan(75);
    expect(mean(figure(broad, 'final_members'))).toBeGreaterThan(3 * mean(figure(closed, 'final_members')));
  });
});

describe('steering (seeds/001 "excessive external control"; study 5.1)', () => {
  it('lowers members\' topic fit and motivation unless their interests match management\'s', () => {
    const fitDrop = (alignment: number): { fit: number; motivation: number } => {
      const sets = [`organisation.managementAlignment=${alignment}`];
      const steered = runs(scenario('top-down-voluntary', [...sets, 'cops.0.steering=0.8']), 10);
      const free = runs(scenario('top-down-voluntary', [...sets, 'cops.0.steering=0']), 10);
      return {
        fit: mean(window(steered, 'topic_fit', 4, 52)) - mean(window(free, 'topic_fit', 4, 52)),
        motivation: mean(window(steered, 'motivation', 4, 52)) - mean(window(free, 'motivation', 4, 52)),
      };
    };
    const misaligned = fitDrop(0.2);
    const aligned = fitDrop(0.9);
    expect(misaligned.fit).toBeLessThan(-0.1);
    expect(misaligned.motivation).toBeLessThan(-0.02);
    expect(aligned.fit).toBeGreaterThan(misaligned.fit + 0.1);
    expect(aligned.motivation).toBeGreaterThan(misaligned.motivation);
  });
});

describe('knowledge reuse (Argote et al. 1990; Kim 2009)', () => {
  const baseline = runs(scenario('top-down-voluntary'), 12);

  it('reuse rate rises with the repertoire and saturates below 1', () => {
    const early = mean(window(baseline, 'reuse_rate', 2, 8));
    const late = mean(window(baseline, 'reuse_rate', 104, 156));
    expect(mean(window(baseline, 'repertoire', 104, 156))).toBeGreaterThan(mean(window(baseline, 'repertoire', 2, 8)));
    expect(late).toBeGreaterThan(early);
    expect(late).toBeLessThan(0.9);
    // Saturation: the second year adds far less than the first.
    const y1 = mean(window(baseline, 'reuse_rate', 40, 52)) - early;
    const y2 = mean(window(baseline, 'reuse_rate', 92, 104)) - mean(window(baseline, 'reuse_rate', 40, 52));
    expect(y2).toBeLessThan(0.5 * y1);
  });

  it('reuse depends on recent attendance', () => {
    const unaware = runs(scenario('top-down-voluntary', ['parameters.knowledge.attendanceAwareness=0']), 12);
    expect(mean(window(unaware, 'reuse_rate', 52, 156))).toBeLessThan(0.85 * mean(window(baseline, 'reuse_rate', 52, 156)));
  });

  it('know-how not refreshed keeps 55-75% after a month', () => {
    const s = scenario('baseline');
    const sim = createSimulation(s, replicationSeed(MASTER, 0));
    const cop = sim.cops[0]!;
    cop.alive = true;
    cop.tacit.fill(1);
    // No members: nobody uses or shares know-how, so it only decays.
    cop.state.fill(0);
    for (let w = 0; w < 4; w++) {
      sim.week = w;
      // Mechanism 7 alone, four weeks.
      step7(sim, cop);
    }
    const kept = cop.tacit[0]!;
    expect(kept).toBeGreaterThan(0.55);
    expect(kept).toBeLessThan(0.75);
  });
});
