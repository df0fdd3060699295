/**
 * Every study verb is one library call that writes the same bytes as the CLI for the same
 * arguments: the CLI (bin/copsim.js) and the built library (dist/index.js) each write a folder,
 * and every file of the two is compared, with only the clock (start time, wall time) masked.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as copsim from '../../dist/index.js';
import { copsim as cli, tempDir } from '../cli/helpers.js';

/** Every file under `dir`, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** The clock is the one thing two runs may differ in, by design. */
function maskClock(name: string, bytes: Buffer): string {
  if (name.endsWith('.png')) return bytes.toString('base64');
  return bytes
    .toString('utf8')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/"wallTimeSeconds": [0-9.e+-]+/g, '"wallTimeSeconds": <wall>')
    .replace(/(wall time<\/dt><dd>)[^<]*/g, '$1<wall>');
}

function expectSameFolders(fromCli: string, fromLibrary: string, libraryText: (text: string) => string = (text) => text): void {
  const a = files(fromCli);
  const b = files(fromLibrary);
  expect([...b.keys()]).toEqual([...a.keys()]);
  expect(a.size).toBeGreaterThan(2);
  for (const [name, bytes] of a) {
    const other = b.get(name) as Buffer;
    const library = name.endsWith('.png') ? maskClock(name, other) : libraryText(maskClock(name, other));
    expect(library, name).toBe(maskClock(name, bytes));
  }
}

const COMMON = ['--runs', '3', '--weeks', '12', '--seed', '5', '--workers', '0', '--quiet'];
const common = { runs: 3, weeks: 12, seed: 5, workers: 0 } as const;

describe('the CLI and the library write identical files', () => {
  it('run', async () => {
    const dir = tempDir();
    expect(cli(['run', 'top-down-mandatory', ...COMMON, '--set', 'organisation.employees=200', '--out', 'cli'], dir).status).toBe(0);
    const result = await copsim.run({ ...common, scenario: 'top-down-mandatory', set: ['organisation.employees=200'], out: join(dir, 'lib') });
    expect(result.out).toBe(join(dir, 'lib'));
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('compare, with a scenario carrying its own overrides', async () => {
    const dir = tempDir();
    const args = ['compare', 'baseline', 'baseline:cops.0.support.fundedHours=3', ...COMMON, '--out', 'cli'];
    expect(cli(args, dir).status).toBe(0);
    await copsim.compare({
      ...common,
      scenarios: ['baseline', { scenario: 'baseline', set: ['cops.0.support.fundedHours=3'] }],
      out: join(dir, 'lib'),
    });
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('sweep', async () => {
    const dir = tempDir();
    expect(cli(['sweep', 'baseline', '--vary', 'cops.0.meetings.cadence=1,2', '--metric', 'attendance', ...COMMON, '--out', 'cli'], dir).status).toBe(0);
    await copsim.sweep({ ...common, scenario: 'baseline', vary: ['cops.0.meetings.cadence=1,2'], measure: { metric: 'attendance' }, out: join(dir, 'lib') });
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('sensitivity', async () => {
    const dir = tempDir();
    const params = 'cops.0.support.fundedHours=0:8,cops.0.founders=2:10';
    expect(cli(['sensitivity', 'baseline', '--params', params, '--trajectories', '2', ...COMMON, '--out', 'cli'], dir).status).toBe(0);
    await copsim.sensitivity({ ...common, scenario: 'baseline', params: params.split(','), trajectories: 2, out: join(dir, 'lib') });
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('sensitivity --method sobol', async () => {
    const dir = tempDir();
    const params = 'cops.0.support.fundedHours=0:8,cops.0.founders=2:10';
    const args = ['sensitivity', 'baseline', '--method', 'sobol', '--params', params, '--samples', '4', '--metric', 'members,alive'];
    expect(cli([...args, ...COMMON, '--out', 'cli'], dir).status).toBe(0);
    await copsim.sensitivity({
      ...common,
      method: 'sobol',
      scenario: 'baseline',
      params: params.split(','),
      samples: 4,
      measures: [{ metric: 'members' }, { metric: 'alive' }],
      out: join(dir, 'lib'),
    });
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('hypotheses', async () => {
    const dir = tempDir();
    // The study's hypotheses read their measure over the run's weeks 52 to 155: a full-length run.
    const args = ['hypotheses', '--only', 'mandatory-attendance', '--runs', '2', '--seed', '5', '--workers', '0', '--quiet'];
    expect(cli([...args, '--out', 'cli'], dir).status).toBe(0);
    await copsim.hypotheses({ runs: 2, seed: 5, workers: 0, only: ['mandatory-attendance'], out: join(dir, 'lib') });
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('calibrate', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'small.yaml'),
      [
        'parameters:',
        '  - { path: parameters.churn.welcomeTie, prior: "uniform(0.1, 1)" }',
        'patterns:',
        '  - { id: core, scenario: baseline, set: [organisation.employees=150], measure: { metric: core_share }, target: 0.125, tolerance: 0.025 }',
        '',
      ].join('\n'),
    );
    const args = ['calibrate', 'small.yaml', '--particles', '4', '--max-generations', '2', '--runs', '2', '--seed', '5', '--workers', '0', '--quiet'];
    expect(cli([...args, '--out', 'cli'], dir).status).toBe(0);
    await copsim.calibrate(join(dir, 'small.yaml'), { particles: 4, maxGenerations: 2, runs: 2, seed: 5, workers: 0, out: join(dir, 'lib') });
    // The library was given the file's absolute path, the CLI a relative one: the same file.
    const relativePath = (text: string): string => text.replaceAll(join(dir, 'small.yaml'), 'small.yaml');
    for (const name of ['calibration.json', 'report.html']) writeFileSync(join(dir, 'lib', name), relativePath(readFileSync(join(dir, 'lib', name), 'utf8')));
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'));
  });

  it('hypotheses --ablate --contexts', async () => {
    const dir = tempDir();
    // A short run: the contexts set the size, cadence and kind, each arm keeps its 12 weeks.
    const file = join(dir, 'h.yaml');
    writeFileSync(
      file,
      [
        'weeks: 12',
        'hypotheses:',
        '  - { id: coach-safety, statement: s, source: s, kind: mechanism, compare: { a: baseline, b: { scenario: baseline, set: cops.0.support.coach=true } },',
        '      measure: { metric: safety, at: { from: 4, to: 11 }, while_alive: true }, expect: increase, smallest_effect: 0.005 }',
      ].join('\n'),
    );
    const args = ['hypotheses', 'h.yaml', '--ablate', '--contexts', '--runs', '2', '--seed', '5', '--workers', '0', '--quiet'];
    expect(cli([...args, '--out', 'cli'], dir).status).toBe(0);
    const study = await copsim.hypotheses({ file, runs: 2, seed: 5, workers: 0, ablate: true, contexts: true, out: join(dir, 'lib') });
    expect(study.ablations?.[0]?.knockouts).toHaveLength(study.ablationRows?.length ?? -1);
    expect(study.contextCounts?.[0]?.tested).toBe(study.contextRows?.length);
    // The manifest names the file as given; both name it by its path relative to dir.
    expectSameFolders(join(dir, 'cli'), join(dir, 'lib'), (text) => text.replaceAll(file, 'h.yaml'));
    expect(files(join(dir, 'cli')).has('ablation.csv') && files(join(dir, 'cli')).has('contexts.csv')).toBe(true);
  });

  it('plot redraws what run wrote, byte for byte', async () => {
    const dir = tempDir();
    const result = await copsim.run({ ...common, out: join(dir, 'run') });
    const before = files(join(dir, 'run'));
    const redrawn = await copsim.plot({ dirs: [result.out as string] });
    expect(redrawn[0]?.charts.length).toBeGreaterThan(0);
    const after = files(join(dir, 'run'));
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  });

  it('a result can be written later with one call, to the same files', async () => {
    const dir = tempDir();
    const result = await copsim.run({ ...common });
    expect(result.out).toBeUndefined();
    await copsim.writeStudy(join(dir, 'later'), result);
    expect(cli(['run', ...COMMON, '--out', 'cli'], dir).status).toBe(0);
    expectSameFolders(join(dir, 'cli'), join(dir, 'later'));
  });
});

describe('library options are checked like the CLI options', () => {
  it('names the option and what was expected', async () => {
    await expect(copsim.run({ runs: 0 })).rejects.toThrow('runs must be a whole number of at least 1, got 0');
    await expect(copsim.run({ seed: -1 })).rejects.toThrow(/seed must be a whole number from 0 to 4294967295/);
    await expect(copsim.compare({ scenarios: ['baseline'] })).rejects.toBeInstanceOf(copsim.StudyError);
    await expect(copsim.hypotheses({ only: ['nope'] })).rejects.toThrow(/--only: no hypothesis "nope"/);
    await expect(copsim.hypotheses({ ablate: 'yes' as unknown as boolean })).rejects.toThrow('ablate must be true or false, got "yes"');
  });
});
