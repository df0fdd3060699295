/**
 * `copsim sensitivity` end to end through the built CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, tempDir } from '../../cli/helpers.js';

describe('copsim sensitivity', () => {
  it('documents --params, the design options and the cost in --help', () => {
    const result = copsim(['sensitivity', '--help']);
    expect(result.status).toBe(0);
    for (const text of ['--params', '--trajectories', '--levels', 'trajectories × (parameters + 1) design points']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('asks for a range when the schema has none, with exit code 2 and no stack trace', () => {
    const result = copsim(['sensitivity', 'baseline', '--params', 'cops.0.launchWeek', '--workers', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--params cops.0.launchWeek: the schema gives no upper bound');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('refuses a schema range far wider than the scenario value, suggesting one to give', () => {
    const result = copsim(['sensitivity', 'baseline', '--params', 'cops.0.founders', '--workers', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^copsim: --params cops\.0\.founders: the scenario's value 5 lies in the bottom 1% of the schema's range 1:1000/);
    expect(result.stderr).toContain('e.g. --params cops.0.founders=1:9');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('warns on stderr for each parameter screened over its schema range, and not with --quiet', () => {
    const args = ['sensitivity', 'baseline', '--params', 'cops.0.support.fundedHours,cops.0.founders=2:8', '--trajectories', '2', '--runs', '1', '--weeks', '4', '--workers', '0'];
    const result = copsim(args);
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('copsim: warning:'));
    expect(warnings).toEqual([
      "copsim: warning: --params cops.0.support.fundedHours: screening 0:40, the schema's validity range, not a plausible range; " +
        'effects are measured over all of it, so give the range you mean with --params cops.0.support.fundedHours=min:max',
    ]);
    const quiet = copsim([...args, '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('refuses an odd --levels', () => {
    const result = copsim(['sensitivity', 'baseline', '--params', 'cops.0.founders', '--levels', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--levels must be an even whole number');
  });

  it('prints the cost, then writes sensitivity.csv, design.csv, a chart and a manifest', () => {
    const dir = tempDir();
    const result = copsim(
      ['sensitivity', 'baseline', '--params', 'cops.0.founders=2:8,parameters.launch.topDownSteering', '--trajectories', '2',
        '--runs', '2', '--weeks', '8', '--workers', '0'],
      dir,
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('2 trajectories × (2 + 1) = 6 design points × 2 runs = 12 runs');
    const out = join(dir, 'copsim-out', 'baseline-sensitivity');
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('parameter,min,max,mu,mu_star,sigma,r,rank');
    expect(csv).toHaveLength(3);
    for (const file of ['design.csv', 'sensitivity.vl.json', 'sensitivity.svg', 'sensitivity.png']) expect(existsSync(join(out, file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'sensitivity', trajectories: 2, levels: 4, designPoints: 6, totalRuns: 12 });
    expect(result.stdout).toContain('parameters.launch.topDownSteering');
  });
});
