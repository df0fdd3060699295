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
  const marks = (spec: object): string[] => JSON.stringify(spec).match(/"type":"(area|line|rect|rule|point|tick|text)"/g) ?? [];
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
    expect(marks(c!.spec)).toEqual(['"type":"rule"', '"type":"rule"', '"type":"tick"']);
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

describe('sweepCharts, as a reader sees them', () => {
  const row = (values: Record<string, number | string>, metric = 'members') => ({
    ...values, cop: 'scrum-masters', metric, week: 'final', n: 3, mean: 0.5, sd: 0.1, ci_low: 0.4, ci_high: 0.6, p05: 0.3, p50: 0.5, p95: 0.7,
  });
  type Json = Record<string, unknown>;
  const scenario = load([]);
  const encodings = (spec: object): Json[] => {
    const s = spec as { encoding?: Json; layer: { encoding: Json }[] };
    return [...(s.encoding === undefined ? [] : [s.encoding]), ...s.layer.map((l) => l.encoding)];
  };
  const titles = (spec: object, channel: 'x' | 'y'): unknown[] =>
    encodings(spec).flatMap((e) => ((e[channel] as Json | undefined)?.title === undefined ? [] : [(e[channel] as Json).title]));
  const subtitle = (spec: object): string => ((spec as { title: { subtitle: string[] } }).title.subtitle).join(' ');

  it('titles the axes with the settings in words, naming the CoP, not with their paths', () => {
    const axes = [{ path: 'cops.0.support.fundedHours', values: [0, 2, 4] }];
    const [c] = sweepCharts({ axes, rows: [0, 2, 4].map((v) => row({ 'cops.0.support.fundedHours': v })), measureText: 'members (scrum-masters), final week', scenarioName: 'baseline', runs: 3, scenario });
    expect(new Set(titles(c!.spec, 'x'))).toEqual(new Set(['Funded hours per week (scrum-masters)']));
    for (const title of [...titles(c!.spec, 'x'), ...titles(c!.spec, 'y')]) expect(String(title)).not.toMatch(/cops\.\d/);
  });

  it('says on the chart which band is the confidence interval of the mean and which the 5th to 95th percentile', () => {
    const line = sweepCharts({ axes: [{ path: 'a', values: [1, 2] }], rows: [row({ a: 1 }), row({ a: 2 })], measureText: 'm', scenarioName: 's', runs: 3 })[0]!;
    expect(subtitle(line.spec)).toMatch(/dark band: 95% confidence interval of the mean; light band: 5th to 95th percentile/);
    const points = sweepCharts({ axes: [{ path: 'p', values: ['x', 'y'] }], rows: [row({ p: 'x' }), row({ p: 'y' })], measureText: 'm', scenarioName: 's', runs: 3 })[0]!;
    expect(subtitle(points.spec)).toMatch(/thick bar: 95% confidence interval of the mean; thin line: 5th to 95th percentile/);
  });

  it('shows a 0–1 share such as alive in percent, and gives each heatmap label room of its own', async () => {
    const axes = [
      { path: 'cops.0.support.lead', values: ['none', 'part-time', 'full-time'] },
      { path: 'cops.0.support.fundedHours', values: [0, 1] },
    ];
    const rows = axes[0]!.values.flatMap((lead) => [0, 1].map((h) => row({ 'cops.0.support.lead': lead, 'cops.0.support.fundedHours': h }, 'alive')));
    const [c] = sweepCharts({ axes, rows, measureText: 'alive (scrum-masters), final week', scenarioName: 'bottom-up-unsupported', runs: 3, scenario });
    const text = JSON.stringify(c!.spec);
    expect(text).toContain('"format":".0%"');
    expect(titles(c!.spec, 'x')).toContain('Community lead (scrum-masters)');
    const { textWidth } = await import('../../../src/charts/text-width.js');
    const band = ((c!.spec as { width: number }).width) / 3;
    expect(band).toBeGreaterThan(textWidth('part-time', 11) + 8);
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
