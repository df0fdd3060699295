/**
 * `copsim compare` and `copsim plot`, end to end through the built CLI.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../dist/compare/paired.js';
import { parseSummaryCsv } from '../../dist/output/read.js';
import { copsim, hasStackTrace, tempDir } from './helpers.js';

const SMALL = ['--runs', '12', '--weeks', '40'];

/** comparison.csv as records of strings. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

describe('copsim compare', () => {
  const dir = tempDir();
  const out = join(dir, 'cmp');
  const result = copsim(['compare', 'top-down-voluntary', 'top-down-mandatory', ...SMALL, '--workers', '2', '--seed', '5', '--out', out], dir);

  it('writes each scenario’s run folder, comparison.csv, its charts and a report', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(
      expect.arrayContaining(['top-down-voluntary', 'top-down-mandatory', 'comparison.csv', 'comparison.json', 'report.html']),
    );
    for (const name of ['compare-participation', 'compare-reuse', 'difference-participation', 'difference-reuse', 'difference-figures']) {
      for (const ext of ['.vl.json', '.svg', '.png']) expect(statSync(join(out, name + ext)).size).toBeGreaterThan(0);
    }
    for (const scenario of ['top-down-voluntary', 'top-down-mandatory']) {
      expect(readdirSync(join(out, scenario))).toEqual(expect.arrayContaining(['summary.csv', 'manifest.json', 'report.html']));
    }
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n')[0]).toBe(COMPARISON_COLUMNS.join(','));
    expect(result.stdout).toContain('paired differences');
  });

  it('simulates every scenario with the same seeds, and the paired mean difference is B − A of the means', () => {
    const manifest = (s: string) => JSON.parse(readFileSync(join(out, s, 'manifest.json'), 'utf8'));
    expect(manifest('top-down-mandatory').seeds.first).toEqual(manifest('top-down-voluntary').seeds.first);
    const summary = (s: string) => parseSummaryCsv(readFileSync(join(out, s, 'summary.csv'), 'utf8'), 'summary.csv');
    const a = summary('top-down-voluntary').find((r) => r.metric === 'attendance' && r.week === 39);
    const b = summary('top-down-mandatory').find((r) => r.metric === 'attendance' && r.week === 39);
    const row = readCsv(join(out, 'comparison.csv')).find((r) => r.metric === 'attendance' && r.week === '39');
    expect(row).toMatchObject({ reference: 'top-down-voluntary', scenario: 'top-down-mandatory', n: '12' });
    expect(Number(row?.difference)).toBeCloseTo((b?.mean ?? NaN) - (a?.mean ?? NaN), 9);
    expect(Number(row?.ci_low)).toBeLessThanOrEqual(Number(row?.difference));
    expect(Number(row?.ci_high)).toBeGreaterThanOrEqual(Number(row?.difference));
  });

  it('gives the same comparison.csv for any number of workers', () => {
    const again = join(dir, 'cmp0');
    const rerun = copsim(['compare', 'top-down-voluntary', 'top-down-mandatory', ...SMALL, '--workers', '0', '--seed', '5', '--out', again], dir);
    expect(rerun.status).toBe(0);
    expect(readFileSync(join(again, 'comparison.csv'))).toEqual(readFileSync(join(out, 'comparison.csv')));
  });

  it('refuses fewer than two scenarios, and scenarios of different lengths, before simulating', () => {
    const one = copsim(['compare', 'baseline', ...SMALL], dir);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/at least two scenarios/);
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'extends: baseline\nname: long\nweeks: 60\n');
    const mixed = copsim(['compare', 'baseline', file, '--runs', '4'], dir);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/must run the same weeks; give --weeks N/);
    expect(hasStackTrace(mixed.stderr)).toBe(false);
  });
});

describe('copsim plot', () => {
  it('redraws the charts and report of a run folder from its tables, identically', () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    expect(copsim(['run', 'mandate-lifted', '--runs', '12', '--weeks', '80', '--out', out], dir).status).toBe(0);
    const before = readFileSync(join(out, 'participation.vl.json'));
    const svg = readFileSync(join(out, 'participation.svg'));
    for (const f of ['participation.vl.json', 'participation.svg', 'participation.png', 'report.html']) rmSync(join(out, f));
    const result = copsim(['plot', out], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('report.html');
    expect(readFileSync(join(out, 'participation.vl.json'))).toEqual(before);
    expect(readFileSync(join(out, 'participation.svg'))).toEqual(svg);
    expect(statSync(join(out, 'report.html')).size).toBeGreaterThan(0);
  });

  it('says which file is missing when the folder is not a run output', () => {
    const dir = tempDir();
    const result = copsim(['plot', dir], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no manifest\.json in .*copsim output folder/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
