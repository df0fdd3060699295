/**
 * A Sobol analysis from factors to sobol.csv, in-process and through the built CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../src/charts/render.js';
import { toCsv } from '../../../src/output/csv.js';
import {
  modelParameterFactors,
  modelParameterPaths,
  parseParams,
  planSobol,
  resolveFactors,
  simulateSobol,
  SOBOL_COLUMNS,
  sobolDesignColumns,
  sobolDesignRows,
  sobolValues,
} from '../../../src/research/sensitivity/index.js';
import { sobolCharts } from '../../../src/research/sobol-chart.js';
import { runMonteCarlo } from '../../../src/runner/index.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { vegaLiteValidator } from '../../charts/fixtures.js';
import { copsim, hasStackTrace, tempDir } from '../../cli/helpers.js';

const load = (sets: readonly string[]) => loadScenario('baseline', { sets: ['weeks=12', 'organisation.employees=300', ...sets] }).scenario;

describe('the factors of a Sobol analysis', () => {
  it('maps unit points to each range, whole-number settings uniformly over their whole values', () => {
    const factors = [
      { path: 'a', min: 0, max: 8, integer: false },
      { path: 'b', min: 2, max: 5, integer: true },
    ];
    expect(sobolValues([[0.5, 0], [0, 0.2499], [0, 0.25], [0.999, 0.9999]], factors)).toEqual([[4, 2], [0, 2], [0, 3], [7.992, 5]]);
  });

  it('with no --params, takes every numeric model parameter over its documented range', () => {
    const paths = modelParameterPaths();
    expect(paths).toContain('parameters.attendance.habit');
    expect(paths).not.toContain('parameters.knockouts');
    expect(paths.every((p) => p.startsWith('parameters.'))).toBe(true);
    const factors = modelParameterFactors(load([]), 2);
    expect(factors.map((f) => f.path)).toEqual(paths);
    expect(factors.find((f) => f.path === 'parameters.attendance.habit')).toEqual({ path: 'parameters.attendance.habit', min: 0, max: 10, integer: false, rangeFrom: 'schema' });
    // 0.006 of 0..1 sits in the bottom 1% of its schema range: varied up to twice its value.
    expect(factors.find((f) => f.path === 'parameters.recruitment.announcement')).toEqual({
      path: 'parameters.recruitment.announcement', min: 0, max: 0.012, integer: false, rangeFrom: 'suggested',
    });
    expect(factors.every((f) => f.min < f.max)).toBe(true);
    // The role thresholds must stay ordered: adjoining ranges, each around its baseline value.
    const range = (path: string) => {
      const f = factors.find((factor) => factor.path === `parameters.contributions.${path}`)!;
      return [f.min, f.max, f.rangeFrom];
    };
    expect(['activeAttended', 'coreAttended', 'window', 'activeSpeaking', 'coreSpeaking'].map(range)).toEqual([
      [1, 5, 'suggested'],
      [5, 6, 'suggested'],
      [6, 26, 'suggested'],
      [0, 0.35, 'suggested'],
      [0.35, 5, 'suggested'],
    ]);
  });

  it('every point of the default design is a valid scenario, and a threshold with no room is held', () => {
    const factors = modelParameterFactors(load([]), 2);
    const plan = planSobol({ factors, measures: [{ metric: 'members' }], samples: 2, seed: 1, load });
    expect(plan.scenarios).toHaveLength(2 * (factors.length + 2));
    const tight = modelParameterFactors(load(['parameters.contributions.coreAttended=6']), 2).map((f) => f.path);
    expect(tight).not.toContain('parameters.contributions.coreAttended');
    expect(tight).toHaveLength(factors.length - 1);
  });

  it('names only the settings at fault when a design point of many settings is refused', () => {
    const shares = ['interest.home', 'interest.related', 'interest.other', 'network.sameGroup', 'network.sameSite', 'network.sameRole'];
    const factors = shares.map((path) => ({ path: `parameters.${path}`, min: 0, max: 1, integer: false }));
    factors.push({ path: 'parameters.contributions.coreAttended', min: 20, max: 26, integer: true });
    let message = '';
    try {
      planSobol({ factors, measures: [{ metric: 'members' }], samples: 2, seed: 1, load });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/\(design point 0: parameters\.contributions\.coreAttended=\d+, … \(7 settings\)\)/);
    expect(message).not.toContain('parameters.interest.home=');
  });
});

describe('a Sobol analysis end to end', () => {
  it('gives ST = 0 to a parameter the measure does not depend on, and the same indices however many points run at once', async () => {
    // launch.topDownSteering is the steering of a top-down CoP whose steering is auto: the
    // baseline CoP is bottom-up, so it never applies; the founders change members at once.
    const factors = resolveFactors(parseParams(['parameters.launch.topDownSteering', 'cops.0.founders=2:12']), load([]), 2);
    const measures = [{ metric: 'members' as const }, { metric: 'alive' as const }];
    // 16 samples: with fewer, the A and B rows of a Sobol design share their leading digits
    // (the first two points of every dimension are 0 and 1/2 before scrambling).
    const plan = planSobol({ factors, measures, samples: 16, seed: 3, load });
    expect(plan.scenarios).toHaveLength(16 * 4);
    const simulate = async (scenario: Parameters<typeof runMonteCarlo>[0]) => runMonteCarlo(scenario, { runs: 1, masterSeed: 3, workers: 0 });
    const one = await simulateSobol(plan, simulate, 1);
    const three = await simulateSobol(plan, simulate, 3);
    expect(toCsv(three.rows, SOBOL_COLUMNS)).toBe(toCsv(one.rows, SOBOL_COLUMNS));
    const members = one.results[0]!;
    const steering = members.rows.find((row) => row.parameter === 'parameters.launch.topDownSteering')!;
    expect(steering).toMatchObject({ metric: 'members', S1: 0, ST: 0, rank: 2 });
    expect(members.rows[0]).toMatchObject({ parameter: 'cops.0.founders', rank: 1 });
    expect(members.rows[0]!.ST).toBeGreaterThan(0.5);
    expect(toCsv(one.rows, SOBOL_COLUMNS).split('\n')[0]).toBe('metric,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high,rank');
    expect(one.rows).toHaveLength(4);

    const design = sobolDesignRows(one);
    expect(sobolDesignColumns(factors, measures)).toEqual(['point', 'block', 'matrix', 'from_B', 'parameters.launch.topDownSteering', 'cops.0.founders', 'members', 'members_n', 'alive', 'alive_n']);
    expect(design.slice(0, 4).map((row) => [row['block'], row['matrix'], row['from_B']])).toEqual([
      [0, 'A', ''],
      [0, 'AB', 'parameters.launch.topDownSteering'],
      [0, 'AB', 'cops.0.founders'],
      [0, 'B', ''],
    ]);
    expect(design.every((row) => Number.isInteger(row['cops.0.founders']) && row['members_n'] === 1)).toBe(true);

    const charts = sobolCharts({ results: one.results, measureTexts: ['members, final week', 'alive, final week'], scenarioName: 'baseline', samples: 16, runs: 1 });
    expect(charts.map((c) => c.name)).toEqual(['sobol']);
    const validate = vegaLiteValidator();
    expect(validate(charts[0]!.spec), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    expect((await compileSpec(charts[0]!.spec)).warnings).toEqual([]);
  });
});

describe('copsim sensitivity --method sobol', () => {
  const BASE = ['sensitivity', 'baseline', '--method', 'sobol', '--params', 'cops.0.founders=2:8,cops.0.support.fundedHours=0:8', '--weeks', '8'];
  const ARGS = [...BASE, '--samples', '4', '--runs', '2'];

  it('teaches both methods and their costs in --help, Morris the default', () => {
    const result = copsim(['sensitivity', '--help']);
    expect(result.status).toBe(0);
    for (const text of ['--method', '--samples', 'samples × (parameters + 2) design points', 'morris (the default, as it is the cheaper)', 'ST near 0', '[default: "morris"]']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('prints the cost, writes sobol.csv, sobol-design.csv, the chart and a manifest, the same for any --workers', () => {
    const dir = tempDir();
    // Two runs per point: with 2 workers, each point's runs are split over the kept threads.
    const results = ['0', '2'].map((workers) => copsim([...BASE, '--samples', '4', '--runs', '2', '--workers', workers, '--out', `w${workers}`], dir));
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    expect(results[0]!.stderr).toContain('2 parameters, 4 samples × (2 + 2) = 16 design points × 2 runs = 32 runs of 8 weeks');
    expect(results[1]!.stderr).toContain('on 2 workers');
    const csv = readFileSync(join(dir, 'w0', 'sobol.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('metric,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high,rank');
    expect(csv.trimEnd().split('\n')).toHaveLength(1 + 3 * 2);
    for (const w of ['2']) {
      for (const file of ['sobol.csv', 'sobol-design.csv', 'sobol.vl.json']) {
        expect(readFileSync(join(dir, `w${w}`, file), 'utf8'), `${file}, --workers ${w}`).toBe(readFileSync(join(dir, 'w0', file), 'utf8'));
      }
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'w0', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'sensitivity', samples: 4, designPoints: 16, totalRuns: 32, paramsFrom: 'given' });
    expect(manifest.method).toContain('Jansen 1999');
    expect(manifest.measures.map((m: { metric: string }) => m.metric)).toEqual(['members', 'cumulative_reuse', 'alive']);
    expect(results[0]!.stdout).toContain('cumulative_reuse (scrum-masters), final week');
  });

  it('--json prints one document with the rows', () => {
    const result = copsim([...ARGS, '--metric', 'attendance,members', '--week', '2-7', '--workers', '0', '--json'], tempDir());
    expect(result.status, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ command: 'sensitivity', method: 'sobol', samples: 4, designPoints: 16, measures: ['attendance (scrum-masters), mean of weeks 2–7', 'members (scrum-masters), mean of weeks 2–7'] });
    expect(doc.rows).toHaveLength(4);
  });

  it('refuses bad input naming the flag and what was expected, without a stack trace', () => {
    const cases: [string[], string][] = [
      [['--samples', '6'], 'samples must be a power of two of at least 2'],
      [['--samples', 'x'], '--samples must be a power of two of at least 2'],
      [['--samples', '4', '--metric', 'members,members'], '--metric names members twice'],
      [['--samples', '4', '--metric', 'nope'], '--metric: unknown metric "nope"'],
    ];
    for (const [extra, message] of cases) {
      const result = copsim([...BASE, ...extra, '--workers', '0']);
      expect(result.status, extra.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    const method = copsim(['sensitivity', 'baseline', '--method', 'fast']);
    expect(method.status).toBe(2);
    expect(method.stderr).toContain('--method must be morris or sobol, got "fast"');
    const samples = copsim(['sensitivity', 'baseline', '--params', 'cops.0.founders=2:8', '--samples', '8']);
    expect(samples.status).toBe(2);
    expect(samples.stderr).toContain('--samples is for --method sobol');
  });
});
