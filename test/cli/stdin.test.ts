/**
 * `-` reads a scenario from standard input: end to end with a piped scenario, and the pieces
 * (argument marking, the once-only check, the bounded read) on their own.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit.js';
import { checkStdinArguments, markStdinArguments, readStdinText, STDIN_ARG } from '../../src/cli/stdin.js';
import { loadScenarioText, ScenarioError } from '../../src/scenario/index.js';
import { BIN, hasStackTrace, tempDir, type CliResult } from './helpers.js';

/** Runs `copsim ...args` with `input` piped to its standard input. */
function piped(input: string, args: readonly string[], cwd: string = tempDir()): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, COPSIM_DEBUG: '' },
    timeout: 120_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const GUILD = 'extends: baseline\nname: architects-guild\ncops:\n  - id: architects\n    participation: mandatory\n';
const BAD_GUILD = GUILD.replace('participation', 'partcipation');
const FAST = ['--runs', '2', '--weeks', '8', '--workers', '0'];

describe('copsim validate -', () => {
  it('checks the piped scenario: an unknown key names <stdin>, the path and the fix, exit 2', () => {
    const result = piped(BAD_GUILD, ['validate', '-']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('<stdin>: cops.0: unknown key "partcipation" (did you mean "participation"?)\n');
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('says ok for a valid piped scenario, beside files named on the line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD_GUILD);
    const result = piped(GUILD, ['validate', '-', 'bad.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('ok  <stdin>\n');
    expect(result.stderr).toContain('bad.yaml: cops.0: unknown key "partcipation"');
  });

  it('reads JSON as well as YAML, and reports a JSON syntax error with its line', () => {
    expect(piped('{"extends": "baseline", "weeks": 52}', ['validate', '-']).stdout).toBe('ok  <stdin>\n');
    expect(piped('{extends: baseline, weeks: 52}', ['validate', '-']).stdout).toBe('ok  <stdin>\n');
    const broken = piped('{\n  "extends": "baseline",\n  "weeks": 52 52\n}', ['validate', '-']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^<stdin>: JSON syntax error at line 3/);
  });

  it('refuses empty input rather than validating nothing', () => {
    const result = piped('', ['validate', '-']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('<stdin>: standard input is empty');
  });

  it('resolves a relative extends against the working directory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'guild.yaml'), GUILD);
    expect(piped('extends: ./guild.yaml\nweeks: 52\n', ['validate', '-'], dir).stdout).toBe('ok  <stdin>\n');
    const missing = piped('extends: ./nope.yaml\n', ['validate', '-'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('<stdin>: extends: cannot read ./nope.yaml: no such file\n');
  });
});

describe('copsim run - and compare -', () => {
  it('runs the piped scenario, named by its name field, not the baseline', () => {
    const dir = tempDir();
    const result = piped(GUILD, ['run', '-', ...FAST, '--out', 'out'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^architects\s/m);
    expect(result.stdout).not.toContain('scrum-masters');
    expect(result.stderr).toContain('copsim: architects-guild, 2 runs × 8 weeks');
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['scenarioSource']).toBe('<stdin>');
  });

  it('names a scenario without a name field "stdin" (its default output folder)', () => {
    const dir = tempDir();
    const result = piped('extends: baseline\n', ['run', '-', ...FAST], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(join('copsim-out', 'stdin'));
  });

  it('fails a bad piped scenario with exit 2 before simulating', () => {
    const result = piped(BAD_GUILD, ['run', '-', ...FAST]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('<stdin>: cops.0: unknown key "partcipation"');
    expect(result.stderr).not.toContain('done in');
  });

  it('compares a piped scenario with a built-in one', () => {
    const dir = tempDir();
    const result = piped('extends: baseline\nname: funded\ncops: [{ support: { fundedHours: 4 } }]\n', ['compare', 'baseline', '-', ...FAST, '--out', 'cmp'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('funded − baseline');
  });

  it('refuses a second -, since standard input can be read once', () => {
    const result = piped(GUILD, ['compare', '-', '-', ...FAST]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('- (standard input) was given 2 times');
  });
});

describe('markStdinArguments and checkStdinArguments', () => {
  it('marks a bare - but not one after --, nor options or file names with a dash', () => {
    expect(markStdinArguments(['run', '-', '--set', 'a=-1', 'my-file.yaml', '--', '-'])).toEqual([
      'run',
      STDIN_ARG,
      '--set',
      'a=-1',
      'my-file.yaml',
      '--',
      '-',
    ]);
  });

  it('allows one - where a scenario is named, and refuses it elsewhere', () => {
    expect(() => checkStdinArguments({ _: ['compare'], scenarios: ['baseline', STDIN_ARG] })).not.toThrow();
    expect(() => checkStdinArguments({ _: ['validate'], files: [STDIN_ARG, STDIN_ARG] })).toThrow(/given 2 times/);
    expect(() => checkStdinArguments({ _: ['run'], scenario: 'baseline', out: STDIN_ARG })).toThrow(/value of --out/);
    expect(() => checkStdinArguments({ _: ['plot'], dirs: [STDIN_ARG] })).toThrow(/copsim plot reads none/);
    expect(() => checkStdinArguments({ _: ['run'], scenario: STDIN_ARG })).not.toThrow();
    expect(() => checkStdinArguments({ _: ['run'], scenario: STDIN_ARG, out: STDIN_ARG })).toThrow(UsageError);
  });
});

describe('readStdinText', () => {
  it('reads all of its input, and refuses more than the limit', () => {
    const dir = tempDir();
    const file = join(dir, 'in.yaml');
    writeFileSync(file, '\uFEFFweeks: 52\n' + '#'.repeat(200_000) + '\n');
    const fd = openSync(file, 'r');
    try {
      const text = readStdinText({ fd, limitBytes: 1_000_000 });
      expect(text.startsWith('weeks: 52\n')).toBe(true);
      expect(text.length).toBe('weeks: 52\n'.length + 200_001);
    } finally {
      closeSync(fd);
    }
    const small = openSync(file, 'r');
    try {
      expect(() => readStdinText({ fd: small, limitBytes: 100_000 })).toThrow(/more than 100000 bytes/);
    } finally {
      closeSync(small);
    }
  });
});

describe('loadScenarioText', () => {
  it('names the source in every issue and extends a built-in', () => {
    expect(loadScenarioText('extends: baseline\nweeks: 40\n', { source: '<stdin>', name: 'stdin' }).scenario).toMatchObject({
      weeks: 40,
      name: 'stdin',
    });
    try {
      loadScenarioText('extends: baseline\nweeks: -3\n', { source: '<stdin>' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).issues.map((issue) => [issue.file, issue.path])).toEqual([['<stdin>', 'weeks']]);
    }
  });

  it('keeps the name field over the default name', () => {
    expect(loadScenarioText('extends: baseline\nname: mine\n', { source: '<stdin>', name: 'stdin' }).scenario.name).toBe('mine');
  });
});
