/**
 * `copsim run`, end to end: files written, reproducibility across worker counts, option
 * checks, scenario errors and Ctrl-C.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLICATION_COLUMNS, SUMMARY_COLUMNS } from '../../dist/aggregate/types.js';
import { copsim, hasStackTrace, startCopsim, tempDir } from './helpers.js';

const SMALL = ['--runs', '8', '--weeks', '30'];

describe('copsim run', () => {
  it('writes summary.csv, replications.csv, series.parquet and manifest.json with their header lines, then charts and report', () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    const result = copsim(['run', 'baseline', ...SMALL, '--seed', '3', '--workers', '2', '--out', out], dir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const charts = ['members', 'roles', 'participation', 'reuse', 'motivation-safety', 'inequality', 'tenure'].flatMap((name) =>
      ['.vl.json', '.svg', '.png'].map((ext) => `${name}${ext}`),
    );
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'replications.csv', 'series.parquet', 'summary.csv', 'report.html', ...charts]));
    // Only death weeks may come on top, and only when a CoP died in some run.
    expect(files.filter((f) => !f.startsWith('death-weeks.'))).toHaveLength(5 + charts.length);
    // A Parquet file: the magic number at both ends.
    const parquet = readFileSync(join(out, 'series.parquet'));
    expect([parquet.subarray(0, 4).toString(), parquet.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
    const firstLine = (file: string) => readFileSync(join(out, file), 'utf8').split(/\r?\n/)[0];
    expect(firstLine('summary.csv')).toBe(SUMMARY_COLUMNS.join(','));
    expect(firstLine('replications.csv')).toBe(REPLICATION_COLUMNS.join(','));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ scenarioName: 'baseline', masterSeed: 3, runs: 8, weeks: 30, workers: 2 });
    expect(manifest.node).toBe(process.version);
    expect(manifest.memberWeeks).toBe(manifest.scenario.organisation.employees * 30 * 8);
    expect(manifest.seeds.first).toHaveLength(8);
    // stdout: the key figures and where the results are
    expect(result.stdout).toContain(out);
  });

  it('writes to copsim-out/<scenario name> by default and announces start and end on a non-terminal', () => {
    const dir = tempDir();
    const result = copsim(['run', ...SMALL, '--workers', '1'], dir);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'copsim-out', 'baseline', 'summary.csv'))).toBe(true);
    expect(result.stderr).toMatch(/^copsim: baseline, 8 runs × 30 weeks on 1 worker/);
    expect(result.stderr).toMatch(/done in [\d.]+ s/);
  });

  it('prints nothing with --quiet', () => {
    const dir = tempDir();
    const result = copsim(['run', ...SMALL, '--workers', '0', '--quiet'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('gives byte-identical tables on 1 and on 2 workers', () => {
    const dir = tempDir();
    for (const workers of ['1', '2']) {
      const result = copsim(['run', ...SMALL, '--seed', '11', '--workers', workers, '--out', `w${workers}`, '--quiet'], dir);
      expect(result.status).toBe(0);
    }
    for (const file of ['summary.csv', 'replications.csv']) {
      const one = readFileSync(join(dir, 'w1', file));
      const two = readFileSync(join(dir, 'w2', file));
      expect(two.equals(one)).toBe(true);
    }
  });

  it.each([
    [['--runs', '0'], /--runs must be a whole number of at least 1, got "0"/],
    [['--runs', 'many'], /--runs must be a whole number/],
    [['--workers', '-1'], /--workers must be a whole number of at least 0/],
    [['--workers', '1.5'], /--workers must be a whole number/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
  ])('refuses %j with exit 2 and says what is expected', (args, message) => {
    const result = copsim(['run', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('copsim --help');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('refuses an unknown option with exit 2', () => {
    const result = copsim(['run', '--rnus', '5']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/rnus/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('refuses a misspelt --set value with exit 2, naming the path and the nearest value', () => {
    const dir = tempDir();
    const result = copsim(['run', ...SMALL, '--set', 'cops.0.participation=mandatry'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cops.0.participation');
    expect(result.stderr).toContain('mandatory');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'copsim-out'))).toBe(false);
  });

  it('refuses a scenario file with a misspelt key with exit 2, naming file, key and suggestion', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'typo.yaml'), 'weks: 30\ncops:\n  - participation: voluntary\n');
    const result = copsim(['run', 'typo.yaml', ...SMALL], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('typo.yaml');
    expect(result.stderr).toContain('weks');
    expect(result.stderr).toContain('weeks');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('stops on Ctrl-C with exit 130, "interrupted", and no file left behind but the checkpoint of finished replications', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const child = startCopsim(['run', '--runs', '2000', '--weeks', '260', '--workers', '2', '--out', out], dir);
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: string) => {
      // The headline comes once the signal handlers are in place and the run has begun.
      if (!stderr.includes('copsim:') && (stderr + chunk).includes('copsim:')) child.kill('SIGINT');
      stderr += chunk;
    });
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(hasStackTrace(stderr)).toBe(false);
    const left = existsSync(out) ? readdirSync(out) : [];
    expect(left.filter((file) => file !== '.copsim-checkpoint')).toEqual([]);
    if (left.length > 0) expect(stderr).toMatch(/saved in .*; run the same command with --resume to go on/);
  });
});

describe('run refuses early what it could not finish', () => {
  it('an output folder below a file: exit 2 before simulating', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'afile'), 'x');
    const result = copsim(['run', ...SMALL, '--out', 'afile/results'], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot write the results to afile/results');
    expect(result.stderr).not.toContain('runs ×'); // no simulation was started
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('--weeks together with --set weeks=...: exit 2', () => {
    const result = copsim(['run', '--runs', '2', '--weeks', '20', '--set', 'weeks=30']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--weeks and --set weeks=');
  });

  it('more results than memory can hold: exit 2 with the estimate, before simulating', () => {
    const result = copsim(['run', '--runs', '100000000', '--weeks', '520']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/would keep [\d.]+ GB of (per-run figures in memory|weekly results on disk)/);
  });

  it('a scenario name cannot lead the default output folder outside copsim-out', () => {
    const cwd = tempDir();
    const result = copsim(['run', '--runs', '2', '--weeks', '10', '--quiet', '--set', 'name=../../escaped'], cwd);
    expect(result.status).toBe(0);
    expect(readdirSync(join(cwd, 'copsim-out'))).toEqual(['escaped']);
    expect(existsSync(join(cwd, '..', 'escaped'))).toBe(false);
  });
});
