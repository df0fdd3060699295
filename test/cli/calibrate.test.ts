/**
 * `copsim calibrate` at the command line: its help teaches with examples, and bad input gets a
 * message naming the file, field or option and what was expected, with exit code 2 and no
 * stack trace, before anything is simulated.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, tempDir } from './helpers.js';

describe('copsim calibrate', () => {
  it('--help names every option and shows examples and the files written', () => {
    const { status, stdout } = copsim(['calibrate', '--help']);
    expect(status).toBe(0);
    for (const option of ['--particles', '--alpha', '--min-acceptance', '--runs', '--seed', '--workers', '--out', '--resume', '--json', '--max-generations']) {
      expect(stdout).toContain(option);
    }
    // yargs wraps the text to the terminal's width: compare it unwrapped.
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/Examples: copsim calibrate .*scenarios\/calibration\/quick\.yaml/);
    expect(text).toContain('posterior.csv');
    expect(text).toContain('Lenormand, Jabot & Deffuant 2013');
  });

  it('a bad targets file is refused naming the file and field', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.yaml'), 'parameters:\n  - { path: parameters.churn.welcomeTie, prior: "uniform(0.1, 2)" }\npatterns: []\n');
    const { status, stderr } = copsim(['calibrate', 't.yaml'], dir);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^t\.yaml: patterns: /m);
    expect(hasStackTrace(stderr)).toBe(false);
  });

  it('a prior outside its setting’s range is refused', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 't.yaml'),
      'parameters:\n  - { path: parameters.churn.welcomeTie, prior: "uniform(0.1, 2)" }\n' +
        'patterns:\n  - { id: core, scenario: baseline, measure: { metric: core_share }, target: 0.1, tolerance: 0.02 }\n',
    );
    const { status, stderr } = copsim(['calibrate', 't.yaml'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain('t.yaml: parameters[0].prior: [0.1, 2] reaches outside the range of "parameters.churn.welcomeTie", 0 to 1');
  });

  it('options are checked, naming the option and what was expected', () => {
    const quick = 'scenarios/calibration/quick.yaml';
    const cwd = join(import.meta.dirname, '..', '..');
    expect(copsim(['calibrate', quick, '--alpha', '1.5'], cwd).stderr).toContain('--alpha must be a number between 0 and 1 (both excluded), got "1.5"');
    expect(copsim(['calibrate', quick, '--particles', '1'], cwd).stderr).toContain('--particles must be a whole number of at least 2, got "1"');
    expect(copsim(['calibrate', quick, '--min-acceptance', 'x'], cwd).stderr).toContain('--min-acceptance must be a number from 0 to below 1, got "x"');
    const misspelt = copsim(['calibrate', quick, '--particels', '4'], cwd);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain('unknown option --particels (did you mean --particles?)');
    expect(copsim(['calibrate', 'nope.yaml'], cwd).stderr).toMatch(/nope\.yaml/);
  });
});
