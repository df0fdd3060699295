/**
 * The stylised facts of the model brief (section 5) as checks, each computed from seeded
 * replications of built-in scenarios put at a point of the domain (design.ts). Compared arms
 * share replication seeds (common random numbers), so differences are paired.
 *
 * A fact names its arms and a measure: for one replication, the values its checks need. A
 * check turns the values of all replications into an estimate and its standard error, and
 * compares them with a target:
 *   - `band`: a number the literature gives (roughly): the check passes when the estimate's
 *     95% interval, estimate ± 1.96·SE, meets the band;
 *   - `sign`: a direction: the check passes when the whole 95% interval lies on that side of 0;
 *   - `input`: a number the model takes from the literature as a parameter; shown, not tested.
 * The standard error is measured from the replications, never typed in.
 */
import { createSimulation } from '../engine/simulate.js';
import { runFigure, weeklySeries, type RunFigure, type RunResult, type WeeklyMetric } from '../engine/result.js';
import { step } from '../engine/step.js';
import { reuseKnowledge } from '../engine/mechanisms/knowledge.js';
import type { Scenario } from '../scenario/schema.js';
import { isMember } from '../engine/community.js';
import type { Point, PointUse } from './design.js';

/** How a check is judged. */
export type Target =
  | { readonly kind: 'band'; readonly low: number; readonly high: number }
  | { readonly kind: 'sign'; readonly sign: 1 | -1 }
  | { readonly kind: 'input'; readonly low: number; readonly high: number };

/** An estimate over replications. */
export interface Estimate {
  readonly estimate: number;
  readonly se: number;
  /** Replications that gave a finite value. */
  readonly n: number;
}

/** One check of a fact. */
export interface Check {
  readonly id: string;
  /** What is measured, in words. */
  readonly measures: string;
  readonly target: Target;
  /** The estimate from the values of every replication (default: the mean of `value` and its SE). */
  readonly value?: string;
  readonly combine?: (values: readonly Record<string, number>[]) => Estimate;
}

/** One arm: a built-in scenario, its own overrides, and how the point applies to it. */
export interface Arm {
  readonly scenario: string;
  readonly sets?: readonly string[];
  readonly use?: PointUse;
}

/** What a measure can ask for in one replication. */
export interface ReplicationContext {
  readonly point: Point;
  readonly seed: number;
  /** The arm's scenario at the point. */
  scenario(arm: string): Scenario;
  /** The arm simulated with the replication's seed (simulated once, then kept). */
  run(arm: string): RunResult;
}

export interface Fact {
  readonly id: string;
  /** `model`: a fact of the model brief, checked across the design; `scenario`: what a built-in scenario's description claims, checked where it stands. */
  readonly kind: 'model' | 'scenario';
  /** The fact as the model brief states it. */
  readonly statement: string;
  readonly source: string;
  readonly replications: number;
  readonly arms: Readonly<Record<string, Arm>>;
  readonly measure: (ctx: ReplicationContext) => Record<string, number>;
  readonly checks: readonly Check[];
  /** Whether the fact applies at a point (default: everywhere). */
  readonly applies?: (point: Point) => boolean;
}

// ---- helpers over one replication's results (CoP 0 unless said) ----

const fig = (r: RunResult, f: RunFigure, cop = 0): number => runFigure(r, cop, f);
const at = (r: RunResult, m: WeeklyMetric, week: number, cop = 0): number =>
  weeklySeries(r, cop, m)[Math.min(week, r.weeks - 1)] as number;
/** Mean of a weekly metric over weeks [from, to) (to capped at the run's length). */
const span = (r: RunResult, m: WeeklyMetric, from: number, to: number, cop = 0): number => {
  const s = weeklySeries(r, cop, m);
  const end = Math.min(to, s.length);
  let sum = 0;
  for (let t = from; t < end; t++) sum += s[t] as number;
  return end > from ? sum / (end - from) : Number.NaN;
};
const died = (r: RunResult): number => (Number.isFinite(fig(r, 'death_week')) ? 1 : 0);

/** Mean and standard error of the finite values of `key`. */
export function meanEstimate(values: readonly Record<string, number>[], key: string): Estimate {
  const xs = values.map((v) => v[key] as number).filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { estimate: Number.NaN, se: Number.NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { estimate: mean, se: sd / Math.sqrt(n), n };
}

/**
 * Cohen's d from per-replication sums of two paired groups of people (keys `${p}n`, `${p}a`,
 * `${p}a2`, `${p}b`, `${p}b2`): d = (mean a − mean b) / √((var a + var b) / 2) over all people,
 * with a delete-one-replication jackknife standard error.
 */
export function cohensD(values: readonly Record<string, number>[], p: string): Estimate {
  const d = (rows: readonly Record<string, number>[]): number => {
    let n = 0;
    let a = 0;
    let a2 = 0;
    let b = 0;
    let b2 = 0;
    for (const v of rows) {
      n += v[`${p}n`] as number;
      a += v[`${p}a`] as number;
      a2 += v[`${p}a2`] as number;
      b += v[`${p}b`] as number;
      b2 += v[`${p}b2`] as number;
    }
    if (n < 2) return Number.NaN;
    const ma = a / n;
    const mb = b / n;
    const va = (a2 - n * ma * ma) / (n - 1);
    const vb = (b2 - n * mb * mb) / (n - 1);
    const pooled = Math.sqrt((va + vb) / 2);
    return pooled > 0 ? (ma - mb) / pooled : Number.NaN;
  };
  const all = d(values);
  const r = values.length;
  const leaveOut = values.map((_, k) => d(values.filter((__, j) => j !== k))).filter(Number.isFinite);
  const m = leaveOut.reduce((x, y) => x + y, 0) / leaveOut.length;
  const se = Math.sqrt(((r - 1) / r) * leaveOut.reduce((x, y) => x + (y - m) ** 2, 0));
  const people = values.reduce((x, v) => x + (v[`${p}n`] as number), 0);
  return { estimate: all, se, n: people };
}

/**
 * Per person, the share of the meetings held in weeks [from, to) they attended, for everyone in
 * the target group employed from the start, keyed by person; `memberAtFrom` marks those who
 * were members when week `from` began.
 */
function attendanceShares(s: Scenario, seed: number, from: number, to: number): Shares {
  const sim = createSimulation(s, seed);
  const cop = sim.cops[0]!;
  const attended = new Float64Array(sim.people.n);
  const member = new Uint8Array(sim.people.n);
  let held = 0;
  for (let t = 0; t < s.weeks; t++) {
    if (t === from) for (let i = 0; i < member.length; i++) member[i] = isMember(cop.state[i]!) ? 1 : 0;
    step(sim);
    if (t >= from && t < to && cop.heldThisWeek) {
      held++;
      for (let i = 0; i < attended.length; i++) attended[i]! += cop.attending[i]!;
    }
  }
  const share = new Map<number, number>();
  for (let i = 0; i < attended.length; i++) {
    if (cop.eligible[i] === 1 && sim.people.hiredWeek[i]! < 0) share.set(i, held > 0 ? attended[i]! / held : 0);
  }
  // Willingness as drawn at the start: turnover, the only redraw, does not touch these people.
  return { share, member, willingness: sim.people.willingness };
}

interface Shares {
  readonly share: Map<number, number>;
  readonly member: Uint8Array;
  readonly willingness: Float64Array;
}

/**
 * Sums for `cohensD` over the same people in both arms (a: lifted, b: matched) whose
 * willingness passes `keep`; with `joined`, only those who were members in both arms when the
 * year after the lift began (all are in the lifted arm).
 */
function pairedSums(a: Shares, b: Shares, keep: (w: number) => boolean, joined: boolean, p: string): Record<string, number> {
  let n = 0;
  let sa = 0;
  let sa2 = 0;
  let sb = 0;
  let sb2 = 0;
  for (const [i, x] of a.share) {
    const y = b.share.get(i);
    if (y === undefined || !keep(a.willingness[i] as number)) continue;
    if (joined && !(a.member[i] && b.member[i])) continue;
    n++;
    sa += x;
    sa2 += x * x;
    sb += y;
    sb2 += y * y;
  }
  return { [`${p}n`]: n, [`${p}a`]: sa, [`${p}a2`]: sa2, [`${p}b`]: sb, [`${p}b2`]: sb2 };
}

/** Growth of members over consecutive windows of `length` weeks. */
function growthBy(r: RunResult, length: number): number[] {
  const g: number[] = [];
  for (let t = 0; t + length <= r.weeks; t += length) g.push(at(r, 'members', t + length - 1) - at(r, 'members', t));
  return g;
}

const UNWILLING = 0.35;
const WILLING = 0.65;

export const FACTS: readonly Fact[] = [
  {
    id: 'mandate',
    kind: 'model',
    statement:
      'Mandatory participation: attendance near the compliance ceiling and full coverage of teams, but fewer contributions per attendee and a smaller core than voluntary.',
    source: 'interview study 4.3 Participation; Gagné & Deci 2005',
    replications: 16,
    arms: {
      mandatory: { scenario: 'top-down-mandatory' },
      voluntary: { scenario: 'top-down-mandatory', sets: ['cops.0.participation=voluntary'] },
    },
    measure: (c) => {
      const m = c.run('mandatory');
      const v = c.run('voluntary');
      // The ceiling of compliance: who is at work that week (not away on holiday or sick).
      const ceiling = 1 - c.scenario('mandatory').parameters.population.absence;
      return {
        participation: span(m, 'participation_rate', 26, m.weeks) / ceiling,
        coverage: fig(m, 'teams_covered') / ceiling,
        contributions: fig(m, 'contributions_per_attendee') - fig(v, 'contributions_per_attendee'),
        core: fig(m, 'core_share') - fig(v, 'core_share'),
      };
    },
    checks: [
      {
        id: 'attendance',
        measures: 'participation rate under the mandate (week 26 on), as a share of its ceiling, the members at work (not away)',
        value: 'participation',
        target: { kind: 'band', low: 0.85, high: 1 },
      },
      {
        id: 'coverage',
        measures: 'share of target teams in the room under the mandate, as a share of the members at work',
        value: 'coverage',
        // Above 1 where a team has several target-group members, any of whom covers it.
        target: { kind: 'band', low: 0.9, high: Number.POSITIVE_INFINITY },
      },
      { id: 'contributions', measures: 'contributions per attendee, mandatory − voluntary', value: 'contributions', target: { kind: 'sign', sign: -1 } },
      { id: 'core', measures: 'core share, mandatory − voluntary', value: 'core', target: { kind: 'sign', sign: -1 } },
    ],
  },
  {
    id: 'crowding-out',
    kind: 'model',
    statement:
      'After a mandate is lifted, members who were unwilling attend less than in a matched voluntary CoP, by roughly d = −0.3 to −0.4; the willing are not harmed.',
    source: 'Deci, Koestner & Ryan 1999; Stukas, Snyder & Clary 1999',
    replications: 24,
    arms: {
      lifted: { scenario: 'mandate-lifted', sets: ['weeks=104'], use: { weeks: false } },
      matched: { scenario: 'mandate-lifted', sets: ['weeks=104', 'cops.0.participation=voluntary', 'events=[]'], use: { weeks: false } },
    },
    measure: (c) => {
      const a = attendanceShares(c.scenario('lifted'), c.seed, 52, 104);
      const b = attendanceShares(c.scenario('matched'), c.seed, 52, 104);
      return {
        ...pairedSums(a, b, (w) => w < UNWILLING, true, 'u'),
        ...pairedSums(a, b, (w) => w >= WILLING, true, 'w'),
        ...pairedSums(a, b, (w) => w < UNWILLING, false, 'x'),
      };
    },
    checks: [
      {
        id: 'unwilling',
        measures: `Cohen's d of attendance in the year after the lift, lifted vs matched, same people, unwilling (willingness < ${UNWILLING}) and members of both CoPs at the lift`,
        combine: (v) => cohensD(v, 'u'),
        target: { kind: 'band', low: -0.4, high: -0.3 },
      },
      {
        id: 'willing',
        measures: `Cohen's d of attendance in the year after the lift, lifted vs matched, same people, willing (willingness ≥ ${WILLING}) and members of both CoPs at the lift`,
        combine: (v) => cohensD(v, 'w'),
        target: { kind: 'band', low: -0.1, high: Number.POSITIVE_INFINITY },
      },
      {
        id: 'unwilling-all',
        measures: `Cohen's d as "unwilling" but over the whole unwilling target group, whether or not they joined the matched CoP (a year of mandate against diffusion; shown, not judged)`,
        combine: (v) => cohensD(v, 'x'),
        target: { kind: 'input', low: -0.4, high: -0.3 },
      },
    ],
  },
  {
    id: 'roles',
    kind: 'model',
    statement: 'In a healthy voluntary CoP: core about 10–15% of members, active about 15–20%.',
    source: 'Wenger, McDermott & Snyder 2002',
    replications: 16,
    arms: { baseline: { scenario: 'baseline' } },
    measure: (c) => ({ core: fig(c.run('baseline'), 'core_share'), active: fig(c.run('baseline'), 'active_share') }),
    checks: [
      { id: 'core', measures: 'core share (second half of the run)', value: 'core', target: { kind: 'band', low: 0.1, high: 0.15 } },
      { id: 'active', measures: 'active share (second half of the run)', value: 'active', target: { kind: 'band', low: 0.15, high: 0.2 } },
    ],
  },
  {
    id: 'welcome',
    kind: 'model',
    statement: 'A welcome for newcomers raises their return rate by about 12 points, 44% → 56%.',
    source: 'Joyce & Kraut 2006',
    replications: 24,
    arms: { welcomed: { scenario: 'baseline' }, ignored: { scenario: 'baseline', sets: ['cops.0.support.welcome=false'] } },
    measure: (c) => {
      const w = fig(c.run('welcomed'), 'newcomer_return_rate');
      const g = fig(c.run('ignored'), 'newcomer_return_rate');
      return { effect: w - g, ignored: g };
    },
    checks: [
      { id: 'effect', measures: 'newcomer return rate, welcome − none', value: 'effect', target: { kind: 'band', low: 0.08, high: 0.16 } },
      { id: 'level', measures: 'newcomer return rate without a welcome', value: 'ignored', target: { kind: 'band', low: 0.39, high: 0.49 } },
    ],
  },
  {
    id: 'support',
    kind: 'model',
    statement: 'Without a lead and funded time, new CoPs die far more often.',
    source: 'seeds/001 (failure causes); Wenger, McDermott & Snyder 2002',
    replications: 48,
    arms: { unsupported: { scenario: 'bottom-up-unsupported' }, supported: { scenario: 'baseline' } },
    measure: (c) => ({ deaths: died(c.run('unsupported')) - died(c.run('supported')) }),
    checks: [{ id: 'deaths', measures: 'share of CoPs that die, unsupported − supported', value: 'deaths', target: { kind: 'sign', sign: 1 } }],
  },
  {
    id: 'time',
    kind: 'model',
    statement: 'With high project load, attendance and reuse fall together, and protected time breaks that loop.',
    source: 'Repenning & Sterman 2001, 2002; Perlow 1999',
    replications: 12,
    arms: {
      normal: { scenario: 'top-down-voluntary' },
      loaded: { scenario: 'top-down-voluntary', sets: ['organisation.projectLoad.mean=39.5', 'cops.0.support.fundedHours=0'] },
      protected: {
        scenario: 'top-down-voluntary',
        sets: ['organisation.projectLoad.mean=39.5', 'cops.0.support.fundedHours=2', 'cops.0.support.protection=1'],
      },
    },
    measure: (c) => {
      const n = c.run('normal');
      const l = c.run('loaded');
      const p = c.run('protected');
      return {
        attendance: fig(l, 'mean_attendance') - fig(n, 'mean_attendance'),
        reuse: fig(l, 'total_reuse_events') - fig(n, 'total_reuse_events'),
        protectedAttendance: fig(p, 'mean_attendance') - fig(l, 'mean_attendance'),
        protectedReuse: fig(p, 'total_reuse_events') - fig(l, 'total_reuse_events'),
      };
    },
    checks: [
      { id: 'attendance', measures: 'mean attendance, high load − normal load', value: 'attendance', target: { kind: 'sign', sign: -1 } },
      { id: 'reuse', measures: 'reuse events, high load − normal load', value: 'reuse', target: { kind: 'sign', sign: -1 } },
      { id: 'protected-attendance', measures: 'mean attendance under high load, protected time − none', value: 'protectedAttendance', target: { kind: 'sign', sign: 1 } },
      { id: 'protected-reuse', measures: 'reuse events under high load, protected time − none', value: 'protectedReuse', target: { kind: 'sign', sign: 1 } },
    ],
  },
  {
    id: 'format',
    kind: 'model',
    statement: 'Presentation-heavy, irregular CoPs stagnate; exchange-oriented, regular ones grow.',
    source: 'seeds/001 (failure causes); seeds/003',
    replications: 16,
    arms: { regular: { scenario: 'baseline' }, irregular: { scenario: 'presentation-irregular' } },
    measure: (c) => {
      const r = c.run('regular');
      const i = c.run('irregular');
      const growth = (x: RunResult): number => at(x, 'members', x.weeks - 1) - at(x, 'members', 26);
      return {
        growth: growth(r),
        gap: growth(i) - growth(r),
        attendance: fig(i, 'mean_attendance') - fig(r, 'mean_attendance'),
      };
    },
    checks: [
      { id: 'growth', measures: 'members gained from week 26 to the end, exchange-oriented and regular', value: 'growth', target: { kind: 'sign', sign: 1 } },
      { id: 'stagnation', measures: 'members gained from week 26, presentation-heavy and irregular − exchange-oriented and regular', value: 'gap', target: { kind: 'sign', sign: -1 } },
      { id: 'attendance', measures: 'mean attendance, presentation-heavy and irregular − exchange-oriented and regular', value: 'attendance', target: { kind: 'sign', sign: -1 } },
    ],
  },
  {
    id: 'size',
    kind: 'model',
    statement: 'Safe-space CoPs stay under about 50 members; open, topic-based, broad-scope CoPs grow larger.',
    source: 'interview study 4.3 Size',
    replications: 12,
    arms: {
      safe: { scenario: 'closed-safe-space' },
      broad: { scenario: 'open-topic-broad', use: { kind: false } },
    },
    measure: (c) => {
      const s = c.run('safe');
      const b = c.run('broad');
      return { safe: span(s, 'members', 52, s.weeks), larger: fig(b, 'final_members') - fig(s, 'final_members') };
    },
    checks: [
      { id: 'safe-space', measures: 'members of the closed safe-space CoP, mean from week 52', value: 'safe', target: { kind: 'band', low: 0, high: 50 } },
      { id: 'broad', measures: 'final members, open topic-based broad − closed safe space', value: 'larger', target: { kind: 'sign', sign: 1 } },
    ],
    applies: (p) => p.kind !== 'topic',
  },
  {
    id: 'steering',
    kind: 'model',
    statement: "Steering lowers members' topic fit and motivation unless their interests match management's.",
    source: 'seeds/001 ("excessive external control", "unclear purpose"); interview study 5.1',
    replications: 10,
    arms: {
      misalignedSteered: { scenario: 'top-down-voluntary', sets: ['organisation.managementAlignment=0.2', 'cops.0.steering=0.8'] },
      misalignedFree: { scenario: 'top-down-voluntary', sets: ['organisation.managementAlignment=0.2', 'cops.0.steering=0'] },
      alignedSteered: { scenario: 'top-down-voluntary', sets: ['organisation.managementAlignment=0.9', 'cops.0.steering=0.8'] },
      alignedFree: { scenario: 'top-down-voluntary', sets: ['organisation.managementAlignment=0.9', 'cops.0.steering=0'] },
    },
    measure: (c) => {
      const d = (a: string, b: string, m: WeeklyMetric): number => span(c.run(a), m, 4, 52) - span(c.run(b), m, 4, 52);
      return {
        fit: d('misalignedSteered', 'misalignedFree', 'topic_fit'),
        motivation: d('misalignedSteered', 'misalignedFree', 'motivation'),
        alignedFit: d('alignedSteered', 'alignedFree', 'topic_fit'),
        alignedMotivation:
          d('alignedSteered', 'alignedFree', 'motivation') - d('misalignedSteered', 'misalignedFree', 'motivation'),
      };
    },
    checks: [
      { id: 'fit', measures: 'topic fit (weeks 4–51), steering 0.8 − 0, interests misaligned (0.2)', value: 'fit', target: { kind: 'sign', sign: -1 } },
      { id: 'motivation', measures: 'motivation (weeks 4–51), steering 0.8 − 0, interests misaligned (0.2)', value: 'motivation', target: { kind: 'sign', sign: -1 } },
      { id: 'aligned-fit', measures: 'topic fit, steering 0.8 − 0, interests aligned (0.9)', value: 'alignedFit', target: { kind: 'sign', sign: 1 } },
      { id: 'aligned-motivation', measures: 'motivation effect of steering, aligned − misaligned', value: 'alignedMotivation', target: { kind: 'sign', sign: 1 } },
    ],
  },
  {
    id: 'growth',
    kind: 'model',
    statement: 'Growth of an open CoP is S-shaped, word of mouth dominating.',
    source: 'Bass 1969',
    replications: 12,
    arms: { long: { scenario: 'baseline', sets: ['weeks=312'], use: { weeks: false } } },
    measure: (c) => {
      const r = c.run('long');
      const q = growthBy(r, 13);
      const peak = Math.max(...q);
      const lastYear = q.slice(-4).reduce((a, b) => a + b, 0) / 4;
      return { start: peak - (q[0] as number), end: lastYear - 0.5 * peak, word: fig(r, 'word_of_mouth_share') };
    },
    checks: [
      {
        id: 'slow-start',
        measures: 'members gained in the fastest quarter − in the first quarter (six years)',
        value: 'start',
        target: { kind: 'sign', sign: 1 },
      },
      {
        id: 'saturation',
        measures: 'members gained per quarter in the last year − half those of the fastest quarter',
        value: 'end',
        target: { kind: 'sign', sign: -1 },
      },
      { id: 'word-of-mouth', measures: 'share of joins brought by word of mouth', value: 'word', target: { kind: 'band', low: 0.5, high: 1 } },
    ],
  },
  {
    id: 'reuse',
    kind: 'model',
    statement:
      'Reuse rate rises with repertoire size and recent attendance and saturates; know-how not refreshed keeps roughly 55–75% after a month.',
    source: 'Argote, Beckman & Epple 1990',
    replications: 12,
    arms: {
      cop: { scenario: 'top-down-voluntary', sets: ['weeks=156'], use: { weeks: false } },
      unaware: { scenario: 'top-down-voluntary', sets: ['weeks=156', 'parameters.knowledge.attendanceAwareness=0'], use: { weeks: false } },
    },
    measure: (c) => {
      const r = c.run('cop');
      const early = span(r, 'reuse_rate', 2, 8);
      const y1 = span(r, 'reuse_rate', 40, 52);
      const y2 = span(r, 'reuse_rate', 92, 104);
      const y3 = span(r, 'reuse_rate', 144, 156);
      return {
        rise: span(r, 'repertoire', 104, 156) > span(r, 'repertoire', 2, 8) ? span(r, 'reuse_rate', 104, 156) - early : Number.NaN,
        saturation: y3 - y2 - (y1 - early),
        attendance: span(c.run('unaware'), 'reuse_rate', 52, 156) - span(r, 'reuse_rate', 52, 156),
        retention: retainedAfterMonth(c.scenario('cop'), c.seed),
      };
    },
    checks: [
      { id: 'rise', measures: 'reuse rate, weeks 104–155 − weeks 2–7 (the repertoire having grown)', value: 'rise', target: { kind: 'sign', sign: 1 } },
      { id: 'saturation', measures: 'gain of reuse rate in year 3 − gain in year 1 (gains shrink)', value: 'saturation', target: { kind: 'sign', sign: -1 } },
      { id: 'attendance', measures: 'reuse rate without awareness from recent attendance − with', value: 'attendance', target: { kind: 'sign', sign: -1 } },
      { id: 'retention', measures: 'unrefreshed tacit know-how kept after four weeks', value: 'retention', target: { kind: 'input', low: 0.55, high: 0.75 } },
    ],
  },
  {
    id: 'competition',
    kind: 'model',
    statement: 'CoPs that share members compete for their time.',
    source: 'model brief 1; seeds/001 ("not enough time")',
    replications: 24,
    arms: {
      both: { scenario: 'two-cops-competing', sets: ['cops.0.support.fundedHours=0', 'cops.1.support.fundedHours=0'] },
    },
    measure: (c) => ({ attendance: orderCost(c.scenario('both'), c.seed, 52) }),
    checks: [
      {
        id: 'attendance',
        measures:
          'in weeks both CoPs meet, share of the first CoP’s meetings its members in both attended when the other CoP claimed their time first − when it claimed it second (week 52 on)',
        value: 'attendance',
        target: { kind: 'sign', sign: -1 },
      },
    ],
  },
];

/**
 * The time the second CoP takes from the first, as a natural experiment: the order in which
 * CoPs claim their members' slack is shuffled every week, so in the weeks both meet, the
 * first CoP meets before the other half the time at random. For the people who belong to both,
 * the share of those meetings they attended when CoP 0 came second minus when it came first
 * (from week `from` on; NaN without such weeks). Negative: who has just spent their slack on
 * one CoP has less for the other.
 */
function orderCost(s: Scenario, seed: number, from: number): number {
  const sim = createSimulation(s, seed);
  const [a, b] = sim.cops as [typeof sim.cops[0], typeof sim.cops[0]];
  const seen = [0, 0];
  const came = [0, 0];
  for (let t = 0; t < s.weeks; t++) {
    step(sim);
    if (t < from || !a.heldThisWeek || !b.heldThisWeek) continue;
    const second = sim.copOrder[0] === 0 ? 0 : 1;
    for (let i = 0; i < sim.people.n; i++) {
      if (!isMember(a.state[i]!) || !isMember(b.state[i]!)) continue;
      seen[second]!++;
      came[second]! += a.attending[i]!;
    }
  }
  if (seen[0] === 0 || seen[1] === 0) return Number.NaN;
  return came[1]! / seen[1]! - came[0]! / seen[0]!;
}

/** Members of both CoP 0 and CoP 1 at the end of week `week`. */
function membersOfBoth(s: Scenario, seed: number, week: number): number {
  const sim = createSimulation(s, seed);
  for (let t = 0; t <= week; t++) step(sim);
  const [a, b] = sim.cops as [typeof sim.cops[0], typeof sim.cops[0]];
  let both = 0;
  for (let i = 0; i < sim.people.n; i++) if (isMember(a.state[i]!) && isMember(b.state[i]!)) both++;
  return both;
}

const atReference = (p: Point): boolean => p.employees === 1000 && p.cadence === 2 && p.kind === 'scrumMaster' && p.weeks === 156;

/**
 * What each built-in scenario's description claims, checked with the scenario as it is (at the
 * reference point, which is where the built-in scenarios stand).
 */
export const SCENARIO_CLAIMS: readonly Fact[] = [
  {
    id: 'baseline',
    kind: 'scenario',
    statement: 'A healthy voluntary CoP: it lives and grows.',
    source: 'scenarios/baseline.yaml',
    replications: 24,
    arms: { cop: { scenario: 'baseline' } },
    measure: (c) => ({ died: died(c.run('cop')), growth: at(c.run('cop'), 'members', 155) - at(c.run('cop'), 'members', 26) }),
    checks: [
      { id: 'lives', measures: 'share of runs in which the CoP dies', value: 'died', target: { kind: 'band', low: 0, high: 0.05 } },
      { id: 'grows', measures: 'members gained from week 26 to week 155', value: 'growth', target: { kind: 'sign', sign: 1 } },
    ],
    applies: atReference,
  },
  {
    id: 'bottom-up-unsupported',
    kind: 'scenario',
    statement: 'Without a lead or funded hours, merely tolerated, the CoP fizzles out after the initial enthusiasm.',
    source: 'scenarios/bottom-up-unsupported.yaml',
    replications: 48,
    arms: { cop: { scenario: 'bottom-up-unsupported' }, baseline: { scenario: 'baseline' } },
    measure: (c) => ({
      died: died(c.run('cop')),
      members: fig(c.run('cop'), 'final_members') - fig(c.run('baseline'), 'final_members'),
    }),
    checks: [
      { id: 'dies', measures: 'share of runs in which the CoP dies', value: 'died', target: { kind: 'band', low: 0.3, high: 1 } },
      { id: 'smaller', measures: 'final members, unsupported − baseline', value: 'members', target: { kind: 'sign', sign: -1 } },
    ],
    applies: atReference,
  },
  {
    id: 'funding-withdrawn',
    kind: 'scenario',
    statement: 'After a year funded hours and budget are withdrawn: members have less slack to attend.',
    source: 'scenarios/funding-withdrawn.yaml',
    replications: 16,
    arms: { cop: { scenario: 'funding-withdrawn' }, baseline: { scenario: 'baseline' } },
    measure: (c) => ({ attendance: span(c.run('cop'), 'attendance', 52, 156) - span(c.run('baseline'), 'attendance', 52, 156) }),
    checks: [{ id: 'attendance', measures: 'attendance from week 52, withdrawn − baseline', value: 'attendance', target: { kind: 'sign', sign: -1 } }],
    applies: atReference,
  },
  {
    id: 'open-topic-broad',
    kind: 'scenario',
    statement: 'A topic-based, open, company-wide CoP is bigger than the role-based baseline.',
    source: 'scenarios/open-topic-broad.yaml',
    replications: 16,
    arms: { cop: { scenario: 'open-topic-broad' }, baseline: { scenario: 'baseline' } },
    measure: (c) => ({ members: fig(c.run('cop'), 'final_members') - fig(c.run('baseline'), 'final_members') }),
    checks: [{ id: 'bigger', measures: 'final members, open topic-based broad − baseline', value: 'members', target: { kind: 'sign', sign: 1 } }],
    applies: atReference,
  },
  {
    id: 'recognised-later',
    kind: 'scenario',
    statement: 'Management recognises a bottom-up CoP after a year, with funded time, a budget and a lead: it does better than one left unsupported.',
    source: 'scenarios/recognised-later.yaml',
    replications: 24,
    arms: { cop: { scenario: 'recognised-later' }, unsupported: { scenario: 'bottom-up-unsupported' } },
    measure: (c) => {
      const diesLater = (r: RunResult): number => (fig(r, 'death_week') >= 52 ? 1 : 0);
      return {
        members: fig(c.run('cop'), 'final_members') - fig(c.run('unsupported'), 'final_members'),
        died: diesLater(c.run('cop')) - diesLater(c.run('unsupported')),
      };
    },
    checks: [
      { id: 'members', measures: 'final members, recognised − unsupported', value: 'members', target: { kind: 'sign', sign: 1 } },
      {
        id: 'survival',
        measures: 'share of runs in which the CoP dies after the recognition (week 52 on), recognised − unsupported',
        value: 'died',
        target: { kind: 'sign', sign: -1 },
      },
    ],
    applies: atReference,
  },
  {
    id: 'top-down-steered',
    kind: 'scenario',
    statement: "Heavy steering dilutes members' own topics and erodes their motivation.",
    source: 'scenarios/top-down-steered.yaml',
    replications: 16,
    arms: { cop: { scenario: 'top-down-steered' }, voluntary: { scenario: 'top-down-voluntary' } },
    measure: (c) => ({
      fit: span(c.run('cop'), 'topic_fit', 4, 156) - span(c.run('voluntary'), 'topic_fit', 4, 156),
      motivation: span(c.run('cop'), 'motivation', 4, 156) - span(c.run('voluntary'), 'motivation', 4, 156),
    }),
    checks: [
      { id: 'fit', measures: 'topic fit, steered − top-down voluntary', value: 'fit', target: { kind: 'sign', sign: -1 } },
      { id: 'motivation', measures: 'motivation, steered − top-down voluntary', value: 'motivation', target: { kind: 'sign', sign: -1 } },
    ],
    applies: atReference,
  },
  {
    id: 'top-down-voluntary',
    kind: 'scenario',
    statement: 'Appointed founders and a launch announcement reach members sooner than a bottom-up start.',
    source: 'scenarios/top-down-voluntary.yaml',
    replications: 16,
    arms: { cop: { scenario: 'top-down-voluntary' }, baseline: { scenario: 'baseline' } },
    measure: (c) => ({ members: at(c.run('cop'), 'members', 26) - at(c.run('baseline'), 'members', 26) }),
    checks: [{ id: 'sooner', measures: 'members at week 26, top-down − bottom-up baseline', value: 'members', target: { kind: 'sign', sign: 1 } }],
    applies: atReference,
  },
  {
    id: 'two-cops-competing',
    kind: 'scenario',
    statement:
      'Members of both CoPs split the same scarce slack: in a week both meet, the CoP that claims their time second gets them less often; funded, protected hours take the pressure off.',
    source: 'scenarios/two-cops-competing.yaml',
    replications: 24,
    arms: {
      both: { scenario: 'two-cops-competing' },
      fundedBoth: { scenario: 'two-cops-competing', sets: ['cops.0.support.fundedHours=2', 'cops.1.support.fundedHours=2'] },
    },
    measure: (c) => {
      const unfunded = orderCost(c.scenario('both'), c.seed, 52);
      const funded = orderCost(c.scenario('fundedBoth'), c.seed, 52);
      return {
        overlap: membersOfBoth(c.scenario('both'), c.seed, 78),
        first: unfunded,
        relief: funded - unfunded,
      };
    },
    checks: [
      { id: 'overlap', measures: 'people who are members of both CoPs at week 78', value: 'overlap', target: { kind: 'band', low: 10, high: Number.POSITIVE_INFINITY } },
      {
        id: 'first',
        measures:
          'in weeks both meet, share of the Scrum Master CoP’s meetings its members in both attended when the other CoP claimed their time first − second',
        value: 'first',
        target: { kind: 'sign', sign: -1 },
      },
      {
        id: 'relief',
        measures: 'that cost with funded, protected hours for both − without them',
        value: 'relief',
        target: { kind: 'sign', sign: 1 },
      },
    ],
    applies: atReference,
  },
];

/** Tacit know-how kept after four weeks in which nobody uses or shares it. */
function retainedAfterMonth(s: Scenario, seed: number): number {
  const sim = createSimulation(s, seed);
  const cop = sim.cops[0]!;
  cop.alive = true;
  cop.tacit.fill(1);
  cop.state.fill(0);
  for (let w = 0; w < 4; w++) {
    reuseKnowledge(sim, cop);
    sim.week++;
  }
  return cop.tacit[0]!;
}

/** Every fact: the model brief's, then the built-in scenarios' claims. */
export const ALL_FACTS: readonly Fact[] = [...FACTS, ...SCENARIO_CLAIMS];
