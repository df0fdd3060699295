import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../src/charts/render.js';
import { sweepCharts } from '../../../src/research/charts.js';
import { measureValues, type Measure } from '../../../src/research/measure.js';
import { checkSweepPaths, DesignError, parseVary, planSweep, pointStatistics, runSweep, type SweepAxis } from '../../../src/research/sweep/index.js';
import { runMonteCarlo } from '../../../src/runner/index.js';
import { loadScenario, ScenarioError } from '../../../src/scenario/index.js';

const BASE = ['weeks=12'];
const load = (sets: readonly string[]) => loadScenario('baseline', { sets: [...BASE, ...sets] }).scenario;
const simulate = (scenario: Parameters<typeof runMonteCarlo>[0]) => runMonteCarlo(scenario, { runs: 3, masterSeed: 11, workers: 0 });

describe('runSweep', () => {
  it('gives at every point the statistics of a plain Monte Carlo run of that point with the same seed', async () => {
    const measure: Measure = { metric: 'attendance', at: { from: 4, to: 11 } };
    const seeds: number[][] = [];
    const result = await runSweep({
      axes: [parseVary('cops.0.support.fundedHours=0:4:4')],
      measure,
      load,
      simulate: async (scenario) => {
        const collected = await simulate(scenario);
        seeds.push(Array.from(collected.seeds));
        return collected;
      },
    });
    expect(result.rows).toHaveLength(2);
    expect(seeds[0]).toEqual(seeds[1]);
    for (const [k, hours] of [0, 4].entries()) {
      const plain = await runMonteCarlo(loadScenario('baseline', { sets: [...BASE, `cops.0.support.fundedHours=${hours}`] }).scenario, {
        runs: 3,
        masterSeed: 11,
        workers: 0,
      });
      expect(result.rows[k]).toEqual({
        'cops.0.support.fundedHours': hours,
        cop: 'scrum-masters',
        metric: 'attendance',
        week: '4-11',
        ...pointStatistics(measureValues(plain, measure)),
      });
    }
  });

  it('checks every point before simulating anything, naming the bad point', async () => {
    let simulated = 0;
    const run = runSweep({
      axes: [parseVary('cops.0.support.fundedHours=0,50')],
      measure: { metric: 'members' },
      load,
      simulate: async (scenario) => {
        simulated++;
        return simulate(scenario);
      },
    });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(run).rejects.toThrow(/--vary cops\.0\.support\.fundedHours=50: cops\.0\.support\.fundedHours: expected a number from 0 to 40/);
    expect(simulated).toBe(0);
  });

  it('refuses a measure the points cannot give, before simulating', async () => {
    const run = runSweep({ axes: [parseVary('weeks=10,12')], measure: { metric: 'members', at: { week: 11 } }, load, simulate });
    await expect(run).rejects.toThrow(/sweep point weeks=10: week 11 is outside the run/);
  });
});

describe('sweepCharts', () => {
  const row = (values: Record<string, number | string>) => ({
    ...values, cop: 'c', metric: 'members', week: 'final', n: 3, mean: 2, sd: 1, ci_low: 1, ci_high: 3, p05: 0.5, p50: 2, p95: 3.5,
  });
  const marks = (spec: object): string[] => JSON.stringify(spec).match(/"type":"(area|line|rect|rule|point|text)"/g) ?? [];
  const chart = (axes: SweepAxis[], rows: ReturnType<typeof row>[]) =>
    sweepCharts({ axes, rows, measureText: 'members, final week', scenarioName: 's', runs: 3 });

  it('draws one numeric setting as a line with a confidence band and a quantile band', async () => {
    const [c] = chart([{ path: 'a.b', values: [1, 2] }], [row({ 'a.b': 1 }), row({ 'a.b': 2 })]);
    expect(c?.name).toBe('sweep');
    expect(marks(c!.spec)).toEqual(['"type":"area"', '"type":"area"', '"type":"line"']);
    expect((await compileSpec(c!.spec)).warnings).toEqual([]);
  });
  it('draws one setting of words as points with interval bars, in the order given', async () => {
    const [c] = chart([{ path: 'p', values: ['voluntary', 'mandatory'] }], [row({ p: 'voluntary' }), row({ p: 'mandatory' })]);
    expect(marks(c!.spec)).toEqual(['"type":"rule"', '"type":"rule"', '"type":"point"']);
    expect(JSON.stringify(c!.spec)).toContain('"sort":["voluntary","mandatory"]');
    expect((await compileSpec(c!.spec)).warnings).toEqual([]);
  });
  it('draws two settings as a heatmap of the mean, the interval in the tooltip', async () => {
    const axes = [{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x'] }];
    const [c] = chart(axes, [row({ a: 1, b: 'x' }), row({ a: 2, b: 'x' })]);
    expect(marks(c!.spec)).toEqual(['"type":"rect"', '"type":"text"']);
    expect(JSON.stringify(c!.spec)).toContain('"field":"ci_high"');
    expect((await compileSpec(c!.spec)).warnings).toEqual([]);
  });
});

describe('checkSweepPaths', () => {
  const scenario = load([]);
  it('quotes the --vary expression as typed and suggests the nearest key for an unknown one', () => {
    expect(() => checkSweepPaths([parseVary('cops.0.support.fundedHourz=0:4:1')], scenario)).toThrow(
      new DesignError('--vary cops.0.support.fundedHourz=0:4:1: cops.0.support: unknown key "fundedHourz" (did you mean "fundedHours"?)'),
    );
  });
  it('refuses an index past the end of a list and a field of a number', () => {
    expect(() => checkSweepPaths([parseVary('cops.3.founders=1,2')], scenario)).toThrow(/^--vary cops\.3\.founders=1,2: cops: index 3 is past the end/);
    expect(() => checkSweepPaths([parseVary('weeks.foo=1,2')], scenario)).toThrow(/^--vary weeks\.foo=1,2: weeks: is a number, with no field "foo"/);
  });
  it('leaves values to the points: a path that exists passes whatever its values', () => {
    expect(() => checkSweepPaths([parseVary('cops.0.support.fundedHours=0,99'), parseVary('cops.0.participation=voluntary,nonsense')], scenario)).not.toThrow();
  });
  it('is checked by planSweep before any point is loaded', () => {
    const loaded: (readonly string[])[] = [];
    const spy = (sets: readonly string[]) => {
      loaded.push(sets);
      return load(sets);
    };
    expect(() => planSweep({ axes: [parseVary('cops.0.meetings.cadence=1,2'), parseVary('cops.0.supprt.fundedHours=0,2')], measure: { metric: 'members' }, load: spy })).toThrow(
      /^--vary cops\.0\.supprt\.fundedHours=0,2: cops\.0: unknown key "supprt" \(did you mean "support"\?\)$/,
    );
    expect(loaded).toEqual([[]]);
  });
});
