/**
 * The findings of the model audit (issue "Model v2"), one test each. Every test fails on the
 * model as the audit found it and passes only when the result comes from the mechanism the ODD
 * names: crowding-out from motivation rather than a release rule, role shares that hold across
 * sizes, death that follows from the community, an explicit network that carries word of mouth
 * and makes `sites` act, channels that can be switched off, no constant out of reach, an
 * organiser bounded by their time, and CoPs that really share members.
 *
 * Statistical checks use fixed seeds and tolerances from the standard errors measured over the
 * replications (95%: 1.96 SE), never typed-in margins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/engine/channels.js';
import { isMember } from '../../src/engine/community.js';
import { runFigure, weeklySeries, type RunResult } from '../../src/engine/result.js';
import { replicationSeed } from '../../src/engine/rng.js';
import { createSimulation, simulate } from '../../src/engine/simulate.js';
import { step } from '../../src/engine/step.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { DESIGN, REFERENCE, type Point } from '../../src/validation/design.js';
import { armScenarios, factById, measureReplication, rowsOf, type Row } from '../../src/validation/evaluate.js';

const SEED = 9;
const Z = 1.96;

const scenarioOf = (name: string, sets: readonly string[] = []): Scenario => loadScenario(name, { sets }).scenario;
const runs = (s: Scenario, n: number): RunResult[] => Array.from({ length: n }, (_, r) => simulate(s, replicationSeed(SEED, r)));
const died = (r: RunResult): number => (Number.isFinite(runFigure(r, 0, 'death_week')) ? 1 : 0);

function meanSe(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n) };
}

/** The rows of a validation fact at a point, over `replications` seeded replications. */
function factRows(id: string, point: Point, replications: number, extra: readonly string[] = []): Row[] {
  const fact = factById(id);
  const scenarios = armScenarios(fact, point, extra);
  const values = Array.from({ length: replications }, (_, r) => measureReplication(fact, point, scenarios, SEED, r));
  return rowsOf(fact, point, values);
}
const row = (rows: readonly Row[], check: string): Row => {
  const found = rows.find((r) => r.check === check);
  if (!found) throw new Error(`no check ${check}`);
  return found;
};

describe('audit 1: crowding-out comes from motivation, not from a release rule', () => {
  it('lifting a mandate keeps its members members: nobody is released at the lift', () => {
    const s = scenarioOf('mandate-lifted', ['weeks=60']);
    const lift = s.events[0]!.week;
    for (let r = 0; r < 4; r++) {
      const sim = createSimulation(s, replicationSeed(SEED, r));
      let before = 0;
      for (let t = 0; t <= lift; t++) {
        if (t === lift) before = sim.cops[0]!.state.reduce((a, x) => a + (isMember(x) ? 1 : 0), 0);
        sim.week = t;
        step(sim);
      }
      const stillMembers = sim.cops[0]!.state.reduce((a, x) => a + (isMember(x) ? 1 : 0), 0);
      // Churn may take a few in the lift's week; a release would take most of the mandated.
      expect(before).toBeGreaterThan(50);
      expect(stillMembers / before).toBeGreaterThan(0.9);
    }
  });

  it('with the crowding-out channels switched off, the unwilling are not worse off after the lift', () => {
    const off = ['parameters.knockouts=[participation.crowdingOut, steering.crowdingOut]'];
    const rows = factRows('crowding-out', REFERENCE, 12, off);
    const d = row(rows, 'unwilling');
    expect(Number.isFinite(d.se)).toBe(true);
    // No effect left that the interval can tell from zero (the audit measured d = −0.45 here).
    expect(d.estimate + Z * d.se).toBeGreaterThanOrEqual(0);
  });
});

describe('audit 2: role shares hold across organisation sizes', () => {
  it('the core share at 300 employees and at 5,000 agree within half their mean', () => {
    const small = factRows('roles', DESIGN[1]!, 8);
    const large = factRows('roles', DESIGN[2]!, 8);
    const a = row(small, 'core');
    const b = row(large, 'core');
    expect(DESIGN[1]!.employees).toBe(300);
    expect(DESIGN[2]!.employees).toBe(5000);
    const diff = Math.abs(a.estimate - b.estimate);
    const seDiff = Math.sqrt(a.se ** 2 + b.se ** 2);
    // The audit found 25% against 2%.
    expect(diff - Z * seDiff).toBeLessThan(0.5 * ((a.estimate + b.estimate) / 2));
  });
});

describe('audit 3: death follows from the community, not from a coin', () => {
  it('a led CoP of hundreds of members does not die of irregular meetings', () => {
    const s = scenarioOf('baseline', ['organisation.employees=5000', 'cops.0.meetings.regularity=0.5']);
    const results = runs(s, 12);
    expect(Math.min(...results.map((r) => runFigure(r, 0, 'peak_members')))).toBeGreaterThan(100);
    // The audit found 12–24% of such runs ending in death, whatever the size.
    expect(results.map(died).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('at 5,000 employees, unsupported CoPs still die more often than supported ones', () => {
    const d = row(factRows('support', DESIGN[2]!, 24), 'deaths');
    expect(d.estimate - Z * d.se).toBeGreaterThan(0);
  });
});

describe('audit 4: an explicit network carries word of mouth and makes sites act', () => {
  it('colleague ties cross sites less often than chance', () => {
    const s = scenarioOf('baseline', ['weeks=2', 'organisation.sites=4']);
    const { agents } = simulate(s, replicationSeed(SEED, 0), { agents: true });
    const a = agents!;
    let cross = 0;
    for (let k = 0; k < a.tieA.length; k++) if (a.site[a.tieA[k]!] !== a.site[a.tieB[k]!]) cross++;
    const share = cross / a.tieA.length;
    const n = a.tieA.length;
    const chance = 1 - 1 / 4;
    // Far below chance: the binomial standard error at chance is tiny next to the gap.
    expect(share + Z * Math.sqrt((chance * (1 - chance)) / n)).toBeLessThan(chance);
    const oneSite = simulate(scenarioOf('baseline', ['weeks=2', 'organisation.sites=1']), replicationSeed(SEED, 0), { agents: true }).agents!;
    expect(oneSite.tieA.length).toBeGreaterThan(0);
    // And the number of sites changes the network itself.
    expect(oneSite.tieA.length === a.tieA.length && oneSite.tieB.every((x, k) => x === a.tieB[k])).toBe(false);
  });

  it('word of mouth travels along ties: knock the channel out and its joins vanish and growth falls', () => {
    const on = runs(scenarioOf('baseline'), 8);
    const off = runs(scenarioOf('baseline', ['parameters.knockouts=[network.wordOfMouth]']), 8);
    const wom = (r: RunResult) => weeklySeries(r, 0, 'joins_word_of_mouth').reduce((a, b) => a + b, 0);
    expect(on.every((r) => wom(r) > 0)).toBe(true);
    expect(off.every((r) => wom(r) === 0)).toBe(true);
    const gap = meanSe(on.map((r, k) => runFigure(r, 0, 'final_members') - runFigure(off[k]!, 0, 'final_members')));
    expect(gap.mean - Z * gap.se).toBeGreaterThan(0);
  });
});

describe('audit 5: every channel is live and can be switched off', () => {
  const scenarios = readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  const digest = (r: RunResult): string => {
    let h = 0;
    for (const v of r.weekly) h = (Math.imul(h, 31) + Math.round(v * 1e6)) | 0;
    for (const v of r.figures) if (Number.isFinite(v)) h = (Math.imul(h, 31) + Math.round(v * 1e6)) | 0;
    return h.toString(16);
  };
  // Each built-in scenario, small, and the baseline with a budget for external sessions (no
  // built-in scenario funds them).
  const cases = [...scenarios.map((name) => ({ name, sets: [] as string[] })), { name: 'baseline', sets: ['cops.0.support.budget=6'] }];
  const small = ['organisation.employees=300', 'weeks=80'];
  const reference = cases.map((c) => digest(simulate(scenarioOf(c.name, [...small, ...c.sets]), replicationSeed(SEED, 0))));
  it.each(CHANNELS.map((c) => c.name))('knocking out %s changes some built-in scenario', (name) => {
    const changed = cases.some(
      (c, k) =>
        digest(simulate(scenarioOf(c.name, [...small, ...c.sets, `parameters.knockouts=[${name}]`]), replicationSeed(SEED, 0))) !== reference[k],
    );
    expect(changed).toBe(true);
  });
  it('an unknown channel is refused by name', () => {
    expect(() => scenarioOf('baseline', ['parameters.knockouts=[lead.charisma]'])).toThrow(/knockouts/);
  });
});

describe('audit 6: no constant out of reach of analysis', () => {
  it('mechanism code holds no numeric literal but 0, 1, 2 and ½; every other number is a named parameter or unit', () => {
    const dir = 'src/engine/mechanisms';
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g, "''");
      for (const m of code.matchAll(/(?<![\w.$])(\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w.])/g)) {
        if (!['0', '1', '2', '0.5'].includes(m[1]!)) offenders.push(`${file}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('audit 7: an organiser is bounded by their time', () => {
  it('a part-time lead holds fewer meetings under extreme project load', () => {
    const normal = runs(scenarioOf('baseline', ['weeks=80']), 6);
    const extreme = runs(scenarioOf('baseline', ['weeks=80', 'organisation.projectLoad.mean=48', 'cops.0.support.fundedHours=0']), 6);
    const gap = meanSe(extreme.map((r, k) => runFigure(r, 0, 'meetings_held') - runFigure(normal[k]!, 0, 'meetings_held')));
    expect(gap.mean + Z * gap.se).toBeLessThan(0);
  });
});

describe('audit 8: CoPs that compete really share members', () => {
  it('two-cops-competing has at least ten people in both CoPs, on average over runs', () => {
    // A CoP may die in a run (then nobody is in both), so the claim is about the mean: its 95%
    // interval must lie above ten (the audit found 0.2).
    const s = scenarioOf('two-cops-competing');
    const both = Array.from({ length: 8 }, (_, r) => {
      const { agents } = simulate(s, replicationSeed(SEED, r), { agents: true });
      const [a, b] = agents!.cops;
      let n = 0;
      for (let i = 0; i < a!.state.length; i++) if (isMember(a!.state[i]!) && isMember(b!.state[i]!)) n++;
      return n;
    });
    const { mean, se } = meanSe(both);
    expect(mean - Z * se).toBeGreaterThanOrEqual(10);
  });
});
