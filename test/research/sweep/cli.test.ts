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
