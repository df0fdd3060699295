import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../src/charts/render.js';
import { MORRIS_RATIO_GUIDES, sensitivityCharts } from '../../../src/research/charts.js';
import { vegaLiteValidator } from '../../charts/fixtures.js';
import {
  designColumns,
  designRows,
  parseParams,
  planSensitivity,
  resolveFactors,
  SENSITIVITY_COLUMNS,
  simulateSensitivity,
} from '../../../src/research/sensitivity/index.js';
import { toCsv } from '../../../src/output/csv.js';
import { runMonteCarlo } from '../../../src/runner/index.js';
import { loadScenario } from '../../../src/scenario/index.js';

const BASE = ['weeks=12'];
const load = (sets: readonly string[]) => loadScenario('baseline', { sets: [...BASE, ...sets] }).scenario;

describe('a screening end to end', () => {
  it('ranks the parameters and gives μ* = 0 to one the measure does not depend on', async () => {
    // The baseline CoP is bottom-up with steering 0, so launch.topDownSteering (the steering of
    // a top-down CoP whose steering is auto) never applies; the founders change members at once.
    const factors = resolveFactors(parseParams(['parameters.launch.topDownSteering', 'cops.0.founders=2:12']), load([]), 4);
    const plan = planSensitivity({ factors, measure: { metric: 'members' }, trajectories: 3, levels: 4, seed: 5, load });
    expect(plan.scenarios).toHaveLength(9);
    const seeds = new Set<string>();
    const result = await simulateSensitivity(plan, async (scenario) => {
      const collected = await runMonteCarlo(scenario, { runs: 2, masterSeed: 5, workers: 0 });
      seeds.add(Array.from(collected.seeds).join(','));
      return collected;
    });
    expect(seeds.size).toBe(1);
    const byName = Object.fromEntries(result.rows.map((row) => [row.parameter, row]));
    expect(byName['parameters.launch.topDownSteering']).toMatchObject({ mu_star: 0, mu: 0, sigma: 0, r: 3, rank: 2, min: 0, max: 1 });
    expect(byName['cops.0.founders']!.mu_star).toBeGreaterThan(0);
    expect(byName['cops.0.founders']!.rank).toBe(1);

    const csv = toCsv(result.rows, SENSITIVITY_COLUMNS);
    expect(csv.split('\n')[0]).toBe('parameter,min,max,mu,mu_star,sigma,r,rank');
    const design = toCsv(designRows(result), designColumns(factors));
    expect(design.split('\n')[0]).toBe('point,trajectory,parameters.launch.topDownSteering,cops.0.founders,n,mean');
    expect(design.trim().split('\n')).toHaveLength(10);

    const [chart] = sensitivityCharts({ rows: result.rows, measureText: 'members', scenarioName: 'baseline', trajectories: 3, levels: 4, runs: 2 });
    expect(chart?.name).toBe('sensitivity');
    expect((await compileSpec(chart!.spec)).warnings).toEqual([]);
  });

  it('checks every design point before simulating', () => {
    const factors = resolveFactors(parseParams(['cops.0.founders=1:4']), load([]), 4);
    const tooShort = (sets: readonly string[]) => load([...sets, 'weeks=3']);
    expect(() =>
      planSensitivity({ factors, measure: { metric: 'members', at: { week: 5 } }, trajectories: 2, seed: 1, load: tooShort }),
    ).toThrow(/design point 0: week 5 is outside the run/);
  });
});

describe('sensitivityCharts', () => {
  const rows = [
    { parameter: 'a', mu: 2, mu_star: 4, sigma: 1, rank: 1 },
    { parameter: 'b', mu: 0, mu_star: 0.5, sigma: 0.9, rank: 2 },
  ];
  const chart = (input: typeof rows) =>
    sensitivityCharts({ rows: input, measureText: 'members', scenarioName: 'baseline', trajectories: 3, levels: 4, runs: 2 })[0]!;
  /** The guide points of the σ–μ* scatter. */
  const guides = (spec: unknown) => {
    const scatter = (spec as { vconcat: { layer?: { data?: { values: { mu_star: number; sigma: number; guide: string }[] }; mark: { type: string } }[] }[] }).vconcat[1]!;
    return scatter.layer!.find((layer) => layer.mark.type === 'line')?.data?.values;
  };

  it('draws σ/μ* = 0.1 and 1 from the origin to the largest μ*, and says so in its description', async () => {
    const { spec, description } = chart(rows);
    expect(MORRIS_RATIO_GUIDES).toEqual([0.1, 1]);
    expect(guides(spec)).toEqual([
      { mu_star: 0, sigma: 0, guide: 'σ/μ* = 0.1' },
      { mu_star: 4, sigma: 0.4, guide: 'σ/μ* = 0.1' },
      { mu_star: 0, sigma: 0, guide: 'σ/μ* = 1' },
      { mu_star: 4, sigma: 4, guide: 'σ/μ* = 1' },
    ]);
    expect(description).toContain('σ/μ* = 0.1 and σ/μ* = 1');
    expect(vegaLiteValidator()(spec)).toBe(true);
    expect((await compileSpec(spec)).warnings).toEqual([]);
  });

  it('draws no guide when no parameter has an effect', () => {
    expect(guides(chart(rows.map((row) => ({ ...row, mu: 0, mu_star: 0, sigma: 0 }))).spec)).toBeUndefined();
  });
});
