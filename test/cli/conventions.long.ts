/**
 * The CLI as a Unix tool, end to end: machine-readable output on stdout, messages on stderr,
 * no result replaced without saying so, and an output folder that cannot be written refused
 * before anything is simulated, for every study verb.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, tempDir } from './helpers.js';

const SHORT = ['--runs', '2', '--weeks', '10', '--workers', '0'];

/** One invocation per study verb, small enough to run in a second or two. */
const VERBS: Record<string, string[]> = {
  run: ['run', 'baseline', ...SHORT],
  compare: ['compare', 'baseline', 'baseline:cops.0.support.fundedHours=2', ...SHORT],
  sweep: ['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0,4', ...SHORT],
  sensitivity: ['sensitivity', 'baseline', '--params', 'cops.0.support.fundedHours=0:8', '--trajectories', '2', ...SHORT],
  hypotheses: ['hypotheses', '--only', 'mandatory-attendance', '--runs', '2', '--workers', '0'],
  calibrate: ['calibrate', fileURLToPath(new URL('../../scenarios/calibration/quick.yaml', import.meta.url)), '--particles', '4', '--runs', '1', '--max-generations', '1', '--workers', '0'],
};

describe('--json', () => {
  for (const [verb, args] of Object.entries(VERBS)) {
    it(`${verb}: one JSON document on stdout, messages on stderr`, () => {
      const result = copsim([...args, '--json']);
      expect(result.status, result.stderr).toBe(0);
      const doc = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(doc['command']).toBe(verb);
      expect(doc['copsim']).toMatch(/^\d+\.\d+\.\d+/);
      expect(typeof doc['out']).toBe('string');
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('copsim:');
      if (verb === 'run') {
        const figures = doc['figures'] as { cop: string; finalMembers: { n: number } }[];
        expect(figures[0]?.cop).toBe('scrum-masters');
        expect(figures[0]?.finalMembers.n).toBe(2);
      }
      if (verb === 'compare') {
        const differences = doc['differences'] as { label: string; scenario: string }[];
        expect(differences.map((d) => d.label)).toContain('Alive at the end (share)');
        expect(differences[0]?.scenario).toBe('baseline fundedHours=2');
      }
      if (verb === 'sweep' || verb === 'sensitivity' || verb === 'hypotheses') {
        expect((doc['rows'] as unknown[]).length).toBeGreaterThan(0);
      }
      if (verb === 'calibrate') {
        expect((doc['posterior'] as unknown[]).length).toBe(4);
        expect((doc['predictive'] as unknown[]).length).toBe(7);
      }
    });
  }
});

describe('no result is silently lost', () => {
  it('a second run into the same folder says what it replaces', () => {
    const dir = tempDir();
    const first = copsim([...VERBS['run']!, '--out', 'out'], dir);
    expect(first.status).toBe(0);
    expect(first.stderr).not.toContain('replaced');
    const second = copsim([...VERBS['run']!, '--out', 'out'], dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/out already holds the results of "copsim run" of baseline \(started .*\); its files are replaced/);
  });

  it('sweeps of one scenario over different settings go to different folders; the same sweep again says so', () => {
    const dir = tempDir();
    const a = copsim(['sweep', 'baseline', '--vary', 'cops.0.support.fundedHours=0,4', ...SHORT], dir);
    const b = copsim(['sweep', 'baseline', '--vary', 'cops.0.meetings.cadence=1,2', ...SHORT], dir);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(existsSync(join(dir, 'copsim-out', 'baseline-sweep-fundedHours', 'sweep.csv'))).toBe(true);
    expect(existsSync(join(dir, 'copsim-out', 'baseline-sweep-cadence', 'sweep.csv'))).toBe(true);
    expect(b.stderr).not.toContain('replaced');
    const again = copsim(['sweep', 'baseline', '--vary', 'cops.0.meetings.cadence=1,2', ...SHORT], dir);
    expect(again.stderr).toContain('baseline-sweep-cadence already holds the results of "copsim sweep" of baseline');
  });

  for (const [verb, args] of Object.entries(VERBS)) {
    it(`${verb}: an output folder that cannot be written is refused before simulating`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'a-file'), 'not a folder');
      const result = copsim([...args, '--out', join(dir, 'a-file', 'out')], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`cannot write the results to ${join(dir, 'a-file', 'out')}`);
      expect(result.stderr).not.toContain('done in');
      expect(result.stderr).not.toMatch(/runs? × /);
      expect(hasStackTrace(result.stderr)).toBe(false);
    });
  }
});

describe('what the terminal shows', () => {
  it('compare prints survival among the paired differences, and per-scenario overrides name the arms', () => {
    const result = copsim([...VERBS['compare']!]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Alive at the end (share)');
    expect(result.stdout).toContain('baseline fundedHours=2 − baseline');
  });

  it('hypotheses shows whether the interval clears the smallest effect, the t test and the looks', () => {
    const result = copsim([...VERBS['hypotheses']!]);
    expect(result.status).toBe(0);
    const header = result.stdout.split('\n')[0] ?? '';
    for (const column of ['95% CI', 'beyond smallest', 'p (t)', 'looks']) expect(header).toContain(column);
    expect(header).not.toMatch(/\bp\s{2,}n\b/);
  });
});
