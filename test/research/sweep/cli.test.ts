/**
 * `copsim sweep` end to end through the built CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, tempDir } from '../../cli/helpers.js';

describe('copsim sweep', () => {
  it('documents --vary and the columns of sweep.csv in --help', () => {
    const result = copsim(['sweep', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--vary');
    expect(result.stdout).toContain('--metric');
    expect(result.stdout).toContain('sweep.csv has one row per point');
  });

  it('gives a share such as alive a Wilson interval inside [0, 1] in its --json rows', () => {
    // Over 12 weeks, an unsupported CoP dies in some of these seeded runs and not in others at one
    // point and lives in all of them at the other (which point is which depends on the draws, so
    // the test looks for both): a mean strictly inside (0, 1) and a mean of 1, where a t interval
    // would leave [0, 1] or collapse to a point.
    const result = copsim(
      ['sweep', 'bottom-up-unsupported', '--vary', 'cops.0.support.fundedHours=0,4', '--metric', 'alive', '--runs', '12', '--weeks', '12', '--workers', '0', '--json'],
    );
    expect(result.status, result.stderr).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: { n: number; mean: number; ci_low: number; ci_high: number }[] }).rows;
    expect(rows).toHaveLength(2);
    const z = 1.959963984540054;
    for (const row of rows) {
      expect(row.ci_low).toBeGreaterThanOrEqual(0);
      expect(row.ci_high).toBeLessThanOrEqual(1);
      expect(row.ci_low).toBeLessThanOrEqual(row.mean);
      expect(row.ci_high).toBeGreaterThanOrEqual(row.mean);
      // Wilson (1927) score interval of `mean` over n runs, computed here independently.
      const { n, mean: p } = row;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
      expect(row.ci_low).toBeCloseTo(centre - half, 9);
      expect(row.ci_high).toBeCloseTo(Math.min(1, centre + half), 9);
    }
    expect(rows.some((row) => row.mean > 0 && row.mean < 1)).toBe(true);
    const all = rows.find((row) => row.mean === 1);
    expect(all?.ci_low).toBeLessThan(1);
  });

  it('refuses a malformed --vary with exit code 2, naming it, and writes nothing', () => {
    const dir = tempDir();
    const result = copsim(['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0:8:0', '--runs', '2', '--workers', '0'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--vary cops.0.support.fundedHours=0:8:0: the step must not be 0');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'copsim-out'))).toBe(false);
  });

  it('refuses a misspelt path as a usage error, quoting --vary as typed and suggesting the key', () => {
    const dir = tempDir();
    const result = copsim(['sweep', 'baseline', '--vary', 'cops.0.support.fundedHourz=0:4:1', '--runs', '2', '--workers', '0'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'copsim: --vary cops.0.support.fundedHourz=0:4:1: cops.0.support: unknown key "fundedHourz" (did you mean "fundedHours"?)\n' +
        'run "copsim --help" for usage\n',
    );
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'copsim-out'))).toBe(false);
  });

  it('refuses a value outside the schema, naming the point', () => {
    const result = copsim(['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0,99', '--runs', '2', '--workers', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--vary cops.0.support.fundedHours=99');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('writes sweep.csv with a column per varied setting, a chart and a manifest', () => {
    const dir = tempDir();
    const result = copsim(
      ['sweep', 'baseline', '--vary', 'cops.0.meetings.cadence=1,2', '--runs', '2', '--weeks', '8', '--workers', '0', '--quiet'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The default folder names the varied settings, so sweeps of one scenario do not collide.
    const out = join(dir, 'copsim-out', 'baseline-sweep-cadence');
    const lines = readFileSync(join(out, 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('cops.0.meetings.cadence,cop,metric,week,n,mean,sd,ci_low,ci_high,p05,p50,p95');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      '1,scrum-masters,members,final,2',
      '2,scrum-masters,members,final,2',
    ]);
    for (const file of ['sweep.vl.json', 'sweep.svg', 'sweep.png']) expect(existsSync(join(out, file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'sweep', masterSeed: 1, runs: 2, weeks: 8 });
    expect(manifest.points).toEqual([
      { index: 0, sets: ['cops.0.meetings.cadence=1'] },
      { index: 1, sets: ['cops.0.meetings.cadence=2'] },
    ]);
  });
});
