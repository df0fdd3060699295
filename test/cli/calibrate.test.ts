/**
 * `copsim calibrate` at the command line: its help teaches with examples, and bad input gets a
 * message naming the file, field or option and what was expected, with exit code 2 and no
 * stack trace, before anything is simulated.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copsim, hasStackTrace, startCopsim, tempDir } from './helpers.js';

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

/** A small targets file: 150 people for 40 weeks, 8 particles, 2 runs, 3 generations. */
const SMALL = [
  'particles: 8',
  'runs: 2',
  'max_generations: 3',
  'parameters:',
  '  - { path: parameters.churn.welcomeTie, prior: "uniform(0.1, 1)" }',
  'patterns:',
  '  - { id: core, scenario: baseline, set: [organisation.employees=150, weeks=40], measure: { metric: core_share }, target: 0.125, tolerance: 0.025 }',
  '',
].join('\n');

/** The files of a folder, the clock masked. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        name.endsWith('.png')
          ? readFileSync(join(dir, name)).toString('base64')
          : readFileSync(join(dir, name), 'utf8')
              .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
              .replace(/"wallTimeSeconds": [0-9.e+-]+/g, '"wallTimeSeconds": <wall>')
              .replace(/(wall time<\/dt><dd>)[^<]*/g, '$1<wall>'),
      ]),
  );
}

describe('copsim calibrate, interrupted', () => {
  it('Ctrl-C keeps the checkpoint; --resume goes on to the files of an uninterrupted run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small.yaml'), SMALL);
    const args = ['calibrate', 'small.yaml', '--seed', '4', '--workers', '0'];
    expect(copsim([...args, '--out', 'whole', '--quiet'], dir).status).toBe(0);
    const child = startCopsim([...args, '--out', 'cut'], dir);
    let stderr = '';
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let sent = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Once, after the first checkpoint: a second Ctrl-C would end the command at once.
      if (!sent && /generation 1:/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(await ended).toBe(130);
    expect(stderr).toContain('run the same command with --resume to go on');
    const resumed = copsim([...args, '--out', 'cut', '--resume'], dir);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/going on from there/);
    expect(files(join(dir, 'cut'))).toEqual(files(join(dir, 'whole')));
  });
});
